"""Whether a condition is the stated reason for the service: written in an order's, report's or visit's diagnosis
field ("Dx: fatigue", "Indication: new-onset seizure", "Reason: anemia, Hgb 9.1", "A: Uncomplicated urinary tract
infection"), named as what the patient is referred or seen for ("Referred for thyroid nodule", "here for heavy
periods"), as the condition the patient is introduced with ("45F with a thyroid nodule"), or said to meet a
disorder's criteria ("meets criteria for binge eating disorder").

For outpatient services the diagnosis coded is the one the provider documents as the reason for the encounter, test
or order (ICD-10-CM guidelines IV.A, IV.K, IV.L); a condition so written is the provider's statement of the problem,
not a word met in passing. It stays a coder's when the field's item doubts, denies or dates it ("Dx: r/o anemia",
"Indication: fever?", "Dx: breast cancer, dx 2023"), or when a word the index did not read stands in front of it in
its item ("Dx: reactive hypoglycemia", "Indication: snoring, witnessed apneas"): such a word may name another code.
Nor where the disorder's codes differ by remission and the note says "remission" elsewhere ("38F with major
depressive disorder ... In full remission"): the default entry is then the wrong sibling.
"""
import re

from services.coding.domain.note_text import sentence_start

# a field's label: what the service is for, as orders, reports and assessments head it
_FIELD_LABEL = re.compile(
    r"\b(?:dx|diagnos[ie]s|indications?|reason(?: for (?:consult|referral|visit|order|test|study))?|impression|"
    r"assessment|a)\s*(?:\([^)]{0,30}\))?\s*:", re.IGNORECASE)
# the visit's reason given after "for": a referral, a visit, a follow-up
_SEEN_FOR = re.compile(
    r"\b(?i:referred|referral|referring [A-Z][\w.]*(?: [A-Z][\w.]*)?(?:, \d{1,3},)?|here|seen|f/u|follow-up|"
    r"presents|presenting)(?:\s+today)?\s+for\s+$")
# the patient introduced with the condition, the opening line of a consult or visit ("45F with a thyroid nodule",
# "19 yo M w/ ..."): the problem the visit is about, as its first item
_INTRODUCED_WITH = re.compile(
    r"\b\d{1,3}(?:\s?(?:yo|y/o)|[- ]year[- ]old)?\s?(?:[MF]|man|woman|male|female)\s+(?:w/|with)\s+$",
    re.IGNORECASE)
# a diagnostic manual's criteria met, not "does not meet criteria"
_MEETS_CRITERIA = re.compile(r"(?<!not )\bmeets? (?:the )?(?:dsm-5 )?criteria for\s+$", re.IGNORECASE)
# what separates the items of a field: "Dx: r/o hypothyroidism; fatigue", "possible UTI - lower abdominal pain"
_ITEM_SEPARATOR = re.compile(r"(?:[,;]|\s[-–—]\s|\band\b)")
# words that may stand in the condition's item before it, naming no other code: an article, a side, an onset or a
# degree the code's siblings do not differ by
_ITEM_WORDS = frozenset((
    "a", "an", "the", "your", "his", "her", "right", "left", "r", "l", "bilateral", "new", "new-onset", "first",
    "single", "one", "unprovoked", "elective", "uncomplicated", "mild", "moderate", "severe", "acute", "chronic"))
# the item doubts, denies or dates its condition ("fatigue?", "anemia, ruled out", "cancer, dx 2023")
_ITEM_QUALIFIED = re.compile(
    r"(\?|\b(?:r/o|rule out|ruled out|possible|probable|likely|unlikely|suspected|vs|versus|denies|denied|negative|"
    r"no|not|none|resolved|history|hx|h/o|prior|past|previous|s/p|status post|screen\w*|family|fh)\b|\b(?:19|20)\d\d\b)",
    re.IGNORECASE)
_ITEM_END = re.compile(r"[,;.\n]|\s[-–—]\s")
# categories whose codes differ by remission: the depressive episodes and disorders, the substance use disorders
_REMISSION_SIBLINGS = ("F32", "F33", "F10", "F11", "F12", "F13", "F14", "F15", "F16", "F18", "F19")
_REMISSION = re.compile(r"\bremission\b", re.IGNORECASE)


def remission_said_apart(code: str, note: str) -> bool:
    """The note says "remission" for a condition whose category codes remission apart from its default entry."""
    return code.startswith(_REMISSION_SIBLINGS) and _REMISSION.search(note) is not None


def stated_reason(note: str, start: int, end: int) -> bool:
    """The mention at note[start:end] is the condition a field, a referral or a diagnostic criterion names as
    the service's reason, with nothing in its item that doubts, denies or dates it or names another code."""
    head = note[sentence_start(note, start, across_semicolons=True):start]
    if (_SEEN_FOR.search(_without_item_words(head)) or _INTRODUCED_WITH.search(_without_item_words(head))
            or _MEETS_CRITERIA.search(head)):
        return not _qualified(note, start, end, head)
    label = None
    for label in _FIELD_LABEL.finditer(head):
        pass
    if label is None:
        return False
    field = head[label.end():]
    items = _ITEM_SEPARATOR.split(field)
    return all(w.lower() in _ITEM_WORDS for w in items[-1].split()) and not _qualified(note, start, end, field)


def _without_item_words(head: str) -> str:
    """The text before the mention without the item words that end it ("referring Mrs. L, 58, for a right")."""
    words = head.rstrip().split(" ")
    while words and words[-1].lower() in _ITEM_WORDS:
        words.pop()
    return " ".join(words) + " "


def _qualified(note: str, start: int, end: int, before: str) -> bool:
    item_start = max((m.end() for m in _ITEM_SEPARATOR.finditer(before)), default=0)
    close = _ITEM_END.search(note, end)
    after = note[end:close.start() if close else len(note)]
    return bool(_ITEM_QUALIFIED.search(before[item_start:]) or _ITEM_QUALIFIED.search(after))
