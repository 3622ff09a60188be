"""Whether a condition heads an entry of its own: a problem list's item, an assessment's or a diagnosis field's
line, written as the condition and what is done for it ("#Constipation - miralax daily", "2. Thyroid nodule, L
lobe, 1.4 cm", "A: Acute bronchitis.", "Dx: fatigue; ...").

Such an entry is the provider's statement of a problem addressed at the visit (guidelines IV.C, IV.J), and its
words are the condition's own: nothing before it but a bullet, a number or an assessment label, and nothing after
it but punctuation and the entry's detail. A term read elsewhere (an HPI aside, a review of systems' line, a
test's indication, an earlier visit's reason, a clinic's name: "Stroke clinic f/u") may be part of another
condition or of another time; a term that heads its entry is not, unless the entry itself denies, doubts, dates or
screens it, which a coder reads first.
"""
import re

from services.coding.domain.field_list_items import item_after_a_semicolon
from services.coding.domain.note_text import sentence_end, sentence_start
from services.coding.domain.recent_diagnosis import AFTER as DIAGNOSED_RECENTLY_AFTER
from services.coding.domain.recent_diagnosis import BEFORE as DIAGNOSED_RECENTLY_BEFORE

# what may stand before the condition in its entry: list marks, an item's number, a ticked box, an assessment or
# diagnosis label, and a word of degree, course, onset or the usual cause that names no kind of the condition
# ("Chronic insomnia.", "First seizure -", "Single unprovoked seizure -", "Viral URI -", "Recurrent epistaxis -")
_ENTRY_LABEL = r"(?:a|dx|diagnosis|diagnoses|assessment|impression|a/p|problems?|today)\s*:"
_DEGREE = (r"(?:mild|moderate|severe|chronic|acute|new|new[- ]onset|first|single|isolated|unprovoked|viral|"
           r"recurrent|unintentional|nocturnal|asymptomatic|intermittent|persistent)\b")
# a side names no kind of a sign either ("L ankle edema -", "Bilat LE edema -")
_SIDE = r"(?:left|right|l|r|lt|rt|bilat|bilateral|b/l)\b"
_ENTRY_HEAD = re.compile(rf"^(?:\s*(?:[-*•#>]+|\(?\d{{1,2}}[.)]|\[\s*x?\s*\]|{_ENTRY_LABEL}|{DIAGNOSED_RECENTLY_BEFORE}|"
                         rf"{_DEGREE}|{_SIDE}))*\s*$",
                         re.IGNORECASE)
# what may follow it: the entry's punctuation or its end ("Insomnia - melatonin", "Fatigue.", "TIA. NIHSS 0"),
# for a symptom whose code the duration does not change, after how long it has lasted ("Fatigue x 3 mo -"); not a
# word that makes it part of a longer name ("Stroke clinic"), nor a table's cell or a parenthesis
_DURATION = r"(?:[ \t]+(?:x|for)[ \t]*\d+(?:\.\d+)?[ \t]*(?:d|days?|wks?|weeks?|mos?|months?|yrs?|years?)\b)?"
# and, where the condition was found days or weeks ago, after that date, which a parenthesis of how it was found
# may follow ("PE dx last week -", "Cardiomyopathy dx 2 wk ago (echo EF 40%)": `recent_diagnosis`)
_ENTRY_CLOSE = re.compile(rf"(?:{DIAGNOSED_RECENTLY_AFTER}[ \t]*\(|(?:{DIAGNOSED_RECENTLY_AFTER})?"
                          r"(?:[ \t]*(?:[,;:.]|$|\n)|[ \t]+[-–—][ \t]))")
_ENTRY_CLOSE_AFTER_DURATION = re.compile(
    rf"(?:{DIAGNOSED_RECENTLY_AFTER}|{_DURATION})(?:[ \t]*(?:[,;:.]|$|\n)|[ \t]+[-–—][ \t])")
# an entry that denies, doubts or dates its condition, or gives a screening instrument's score for it, is a coder's
# to read ("Insomnia: denies", "Depression: PHQ-9 of 3"), as is one answered "no" at once ("Fatigue: no")
# but "not" before a cause denies the cause, not the condition ("Palpitations - not anxiety-related", "Chronic
# cough - not due to the ACE inhibitor", "Syncope, not seizure", "Chest pain - not cardiac"), and after a cause
# it says none was found ("Chronic cough - cause not found", "Dizziness - etiology not clear")
_CAUSE_DENIED = r"\s+(?:[\w/]+-related|related|due|from|caused|secondary|a\s+seizure|seizures?|arrhythmic|cardiac)\b"
_CAUSE_NOT_FOUND = r"(?<!\bcause )(?<!\betiology )(?<!\bsource )"
_ENTRY_QUALIFIED = re.compile(
    r"\b(denies|denied|none|negative|resolved|ruled out|r/o|rule out|no longer|hx|history|prior|past|previous|"
    r"possible|probable|likely|unlikely|suspected|vs|versus|screen|screened|screening|phq|phq-\d+|gad-7|audit|"
    rf"score|{_CAUSE_NOT_FOUND}not(?!{_CAUSE_DENIED}))\b", re.IGNORECASE)
_ANSWERED_NO = re.compile(r"[ \t]*[:-]?[ \t]*(no|nil|n/a)[ \t]*($|[.;,\n])", re.IGNORECASE)
# a review of systems lists what was asked, not the problems addressed: an entry under its heading, before any
# assessment, is not one of the visit's problems
_REVIEW_OF_SYSTEMS = re.compile(r"\b(ros|review of systems)\b", re.IGNORECASE)
_ASSESSMENT_HEADING = re.compile(r"\b(a|a/p|assessment|impression|dx|diagnos[ie]s|problems?|plan)\s*:",
                                 re.IGNORECASE)


def heads_its_own_entry(note: str, start: int, end: int, *, after_duration: bool = False,
                        denied_starts: frozenset[int] = frozenset()) -> bool:
    """The mention at note[start:end] is the condition its entry names, with nothing but a list mark or label
    before it, punctuation after it, and no denial, doubt or date in the rest of the entry (`denied_starts`: see
    `entry_qualified`)."""
    if not _ENTRY_HEAD.match(note[sentence_start(note, start):start]):
        return False
    close = _ENTRY_CLOSE_AFTER_DURATION if after_duration else _ENTRY_CLOSE
    if not close.match(note, end) or _ANSWERED_NO.match(note, end):
        return False
    return not entry_qualified(note, end, denied_starts) and not _in_review_of_systems(note, start)


_ENTRY_MARK = re.compile(rf"[-*•#>]|\(?\d{{1,2}}[.)]|\[|{_ENTRY_LABEL}", re.IGNORECASE)
# an item's number the sentence split leaves before the sentence ("2. Syncope -" read from "Syncope")
_ITEM_NUMBER_BEFORE = re.compile(r"(?:^|\s)\(?\d{1,2}[.)]\s*$")


def heads_a_marked_entry(note: str, start: int, end: int, *, after_duration: bool = False) -> bool:
    """The mention heads its own entry (`heads_its_own_entry`) and a list mark, a number or an assessment label
    makes it an entry, or it is an item of a labelled field's list ("Dx: palpitations; syncope"): not a narrative's
    sentence that opens with it ("Mild dyspnea on exertion.")."""
    first = sentence_start(note, start)
    return heads_its_own_entry(note, start, end, after_duration=after_duration) and (_ENTRY_MARK.search(note, first, start) is not None
                                                      or _ITEM_NUMBER_BEFORE.search(note[max(0, first - 6):first])
                                                      or item_after_a_semicolon(note, first))


# "Insomnia - not sleep apnea", "IBS, not IBD": a "not" right before another condition the note names (one read
# as negated, whose start is in `denied_starts`) denies that condition, and the entry's own is read as if alone
_SPACE = re.compile(r"[ \t]*")


def entry_qualified(note: str, end: int, denied_starts: frozenset[int] = frozenset()) -> bool:
    """The rest of the sentence after a mention ending at `end` denies, doubts, dates or screens it; a "not" that
    stands right before a negated mention starting at one of `denied_starts` denies that one instead."""
    rest = note[end:sentence_end(note, end)]
    for match in _ENTRY_QUALIFIED.finditer(rest):
        if (denied_starts and match.group(1).lower() == "not"
                and end + _SPACE.match(rest, match.end()).end() in denied_starts):
            continue
        return True
    return False


def _in_review_of_systems(note: str, start: int) -> bool:
    review = None
    for review in _REVIEW_OF_SYSTEMS.finditer(note, 0, start):
        pass
    return review is not None and not _ASSESSMENT_HEADING.search(note, review.end(), start)
