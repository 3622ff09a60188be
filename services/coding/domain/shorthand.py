"""Clinical shorthand written out before the note meets the term index.

The index holds the tabular's words ("hypertension", "type 2 diabetes mellitus"); notes say HTN and T2DM, and
say "h/o", "denies CP, SOB" or "R ankle fx". Writing the shorthand out lets the same term keys and the same
context cues (ConText's "history of", "rule out") read it. The list is data (`data/shorthand.csv`: abbreviation,
expansion, case, guard); an abbreviation with no expansion is one that is too ambiguous to write out ("MS":
multiple sclerosis, mitral stenosis, mental status) and is left as written, unless a guarded reading before it
applies ("relapsing remitting MS": a course only multiple sclerosis has).

Matching is exact on word boundaries: "CAD" never matches inside "CADASIL", and an abbreviation whose case is
`exact` matches only as written ("HA" is headache; "ha" is not). A guard decides between readings that depend
on the neighbouring words: "RA" after an oxygen saturation is room air, elsewhere rheumatoid arthritis; "PE:"
opening an exam section is the physical exam, elsewhere pulmonary embolism; "R"/"L" are sides only before a
word ("L knee", not "2 L" or "hepatitis B") or closing a phrase after a comma ("scaphoid fracture, R, from a fall")
or right after an injury ("Colles fx R.").

Suggestions must point into the note the provider wrote, so the expansion keeps, for every character it
produces, the span of the original characters it came from (`Expanded.original_span`).
"""
import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from services.coding.domain.shorthand_guards import DIAGNOSIS_GUARDS

Guard = Callable[[str, int, int], bool]  # (text, start, end) of the abbreviation -> does this reading apply

_BEFORE = 40
_OXYGEN = re.compile(r"(%|\bs(?:p|a)?o2\b|\bsats?\b|\bsaturation\b|\bpulse ox\w*|\bon)\s*$", re.IGNORECASE)
_HEART_FAILURE_TYPE = re.compile(r"\b(systolic|diastolic|acute|chronic|decompensated|compensated)\s*$",
                                 re.IGNORECASE)
_HEADING = re.compile(r"\s*(:|(was |is )?(normal|nl|unremarkable|wnl|benign|nonfocal)\b)", re.IGNORECASE)
_NOT_A_SIDE_AFTER = re.compile(r"(\d\s*|\b(hepatitis|hep|vitamin|vit|type|group|class|stage|grade|factor|strep|"
                               r"influenza|flu|cluster|lead|ap|pa)\s+)$", re.IGNORECASE)
# a word, an abbreviation ("R TKA", "L ACL") or an ordinal ("R 5th metatarsal", "L 2nd toe"),
# or an eponym naming its condition or site ("R Colles fracture", "L Baker's cyst", "R Achilles strain"), not a name
# ("R Patel")
_WORD_AFTER = re.compile(r"[ \t]+([a-z]|[A-Z]{2,}\b|\d+(st|nd|rd|th)\b|[A-Z][a-z]+('s)?[ \t]+(fracture|fx|cyst|palsy|"
                         r"neuroma|contracture|disease|tear|lesion|deformity|strain|sprain|tendon|tendinitis|"
                         r"tendonitis|tendinopathy|rupture)\b)")
_SENTENCE_OPENING = re.compile(r"(\A|[.!?\n]|^[ \t]*[-*\u2022])[ \t]*\Z", re.MULTILINE)


def _oxygen(text: str, start: int, end: int) -> bool:
    return bool(_OXYGEN.search(text[max(0, start - _BEFORE):start]))


_OXYGEN_AFTER = re.compile(r"\s*(sats?\b|saturation\b|s(?:p|a)?o2\b|o2 sat|pulse ox|\d{2,3}\s*%)", re.IGNORECASE)
_MS_COURSES = r"(relapsing[- ]remitting|relapsing|(primary|secondary) progressive|clinically isolated)"
_MS_COURSE = re.compile(rf"\b{_MS_COURSES}\W*$", re.IGNORECASE)
_MS_COURSE_AFTER = re.compile(rf"[\s,:-]{{0,3}}{_MS_COURSES}\b", re.IGNORECASE)


def _oxygen_after(text: str, start: int, end: int) -> bool:
    """"RA sat 93%", "RA 95%": the room air a saturation was measured on, written before it."""
    return bool(_OXYGEN_AFTER.match(text, end))


def _ms_course(text: str, start: int, end: int) -> bool:
    """"relapsing remitting MS", "MS, relapsing-remitting": a course that only multiple sclerosis has (not mitral
    stenosis, mental status), before it or, as problem lists write it, right after it."""
    return bool(_MS_COURSE.search(text[max(0, start - _BEFORE):start]) or _MS_COURSE_AFTER.match(text, end))


def _heart_failure_type(text: str, start: int, end: int) -> bool:
    """"diastolic CHF" is the tabular's "diastolic (congestive) heart failure": the bracketed word is left out."""
    return bool(_HEART_FAILURE_TYPE.search(text[max(0, start - _BEFORE):start]))


def _heading(text: str, start: int, end: int) -> bool:
    return bool(_HEADING.match(text, end))


# the side written after what it qualifies, as the last item of its phrase: "scaphoid waist fracture, R, from a fall"
_SIDE_AFTER_COMMA = re.compile(r"[a-z]{3,}\)?,[ \t]*$", re.IGNORECASE)
_PHRASE_END = re.compile(r"[ \t]*([,;)\n]|\.(\s|$)|$)")
# or right after the injury it sides, closing the phrase: "XR: displaced Colles fx R.", "ACL tear L; brace"
_SIDE_AFTER_INJURY = re.compile(r"\b(fx|fxs|fracture|fractures|sprain|strain|tear|dislocation|contusion|"
                                r"laceration)[ \t]+$", re.IGNORECASE)


def _side(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _BEFORE):start]
    if (_SIDE_AFTER_COMMA.search(before) or _SIDE_AFTER_INJURY.search(before)) and _PHRASE_END.match(text, end):
        return True
    return bool(_WORD_AFTER.match(text, end)) and not _NOT_A_SIDE_AFTER.search(text[max(0, start - _BEFORE):start])


def _after_number(text: str, start: int, end: int) -> bool:
    return bool(re.search(r"\d\s*$", text[max(0, start - 6):start]))


def _not_a_score(text: str, start: int, end: int) -> bool:
    """"GAD-7 8" is a questionnaire and its score, not the disorder."""
    return not re.match(r"\s*-?\s*\d", text[end:end + 3])


def _before_of(text: str, start: int, end: int) -> bool:
    return bool(re.match(r"\s*(of\b|:)", text[end:end + 6], re.IGNORECASE))


# "FH epilepsy", "FH bipolar (brother)": a family history written straight before the relative's condition. Not
# familial hypercholesterolemia's FH, which notes qualify ("probable FH", "heterozygous FH", "?FH") or follow with
# its treatment, its test or its criteria ("FH on a statin", "FH, LDLR variant", "FH - Dutch score 7", "FH with LDL
# 240"): those keep the abbreviation as written
_FH_LIPID_QUALIFIER = re.compile(r"(\b(probable|possible|suspected|definite|likely|heterozygous|homozygous|"
                                 r"clinical|r/o|rule out|dx of|diagnosis of|for|treat(ing|ed)?|known)|\?)\s*$",
                                 re.IGNORECASE)
_FH_CONDITION_AFTER = re.compile(r"[ \t]+(?!(on|with|w/|is|was|and|or|vs|per|dx|diagnosed|confirmed|suspected|score|"
                                 r"criteria|ldl|phenotype|mutation|variant|genetic|gene|likely|unlikely|probable|"
                                 r"possible|treated|managed|not|pt|patient|in|by|at|to|for|from|pattern|workup|"
                                 r"eval|clinic|cascade|testing|screening)\b)[A-Za-z]", re.IGNORECASE)


def _family_history_before(text: str, start: int, end: int) -> bool:
    """"FH of", "FH:", or "FH" right before a condition's name: the family's history, not a lipid disorder."""
    if _before_of(text, start, end):
        return True
    return bool(_FH_CONDITION_AFTER.match(text, end)) and not _FH_LIPID_QUALIFIER.search(text[max(0, start - 30):start])


_COUNSELLING_BEFORE = re.compile(r"\b(plan|p|using|used|uses|via|brief|provided|performed|continue[ds]?)\s*:?\s*$",
                                 re.IGNORECASE)
# "MI done", "MI delivered": an act performed at the visit, which an infarction is not
_COUNSELLING_AFTER = re.compile(r"\s*(techniques?|sessions?|approach|interventions?|-based|,\s*goal|"
                                r"(was )?(done|delivered|provided|performed|offered|completed))\b", re.IGNORECASE)


# a substance's use heading its item, MI right after the item's dash or colon ("Cannabis use - MI", "AUD: MI re:
# cutting down"): the talk held about that use (a list of conditions, "PMH: smoking, DM, MI", is not); an
# infarction there is written with its time or its history ("Alcohol use disorder - MI 2018, on ASA")
_SUBSTANCE_USE_BEFORE = re.compile(r"\b(alcohol|etoh|aud|cannabis|marijuana|thc|tobacco|smok\w*|nicotine|vap\w*|"
                                   r"opioids?|oud|substance|drinking|cocaine|meth|methamphetamine|methadone|"
                                   r"stimulants?|benzo\w*)\b[^.;\n]{0,40}(\s[-\u2013]|:)\s*$", re.IGNORECASE)
_INFARCTION_BEFORE = re.compile(r"\b(hx|h/o|history of|s/p|old|prior|previous|recent|remote|acute|silent|"
                                r"anterior|inferior|lateral|posterior|stemi|nstemi)\W*$", re.IGNORECASE)
_INFARCTION_AFTER = re.compile(r"\s*(in |of )?((19|20)\d\d|\d+\s*(d|days?|wks?|weeks?|mo|months?|y|yrs?|years?)\b|"
                               r"ago|s/p|with|w/|stent\w*|pci|cabg|\(|/)", re.IGNORECASE)


def _counselling(text: str, start: int, end: int) -> bool:
    """"Plan: MI, goal of weekends only" is motivational interviewing: a talk with the patient, not an infarction."""
    return bool(_COUNSELLING_BEFORE.search(text[max(0, start - _BEFORE):start]) or _COUNSELLING_AFTER.match(text, end)
                or _about_substance_use(text, start, end))


def _about_substance_use(text: str, start: int, end: int) -> bool:
    """"Cannabis use - MI, pt ambivalent": motivational interviewing on the use the item names."""
    before = text[max(0, start - 60):start]
    return bool(_SUBSTANCE_USE_BEFORE.search(before) and not _INFARCTION_BEFORE.search(before)
                and not _INFARCTION_AFTER.match(text, end))


def _suffix(text: str, start: int, end: int) -> bool:
    """"strep+" or "troponin-": a sign written against a test, not a list dash or "T2DM - stable"."""
    return start > 0 and text[start - 1].isalpha() and (end == len(text) or not text[end].isalnum())


_ITS_NOUN_AFTER = re.compile(r"['\u2019]?s?\s+(thyroiditis|disease|encephalopathy|syndrome|dementia|type)\b",
                             re.IGNORECASE)


def _eponym_alone(text: str, start: int, end: int) -> bool:
    """"sister with Hashimoto's", "mom w/ Alzheimer's": the eponym written alone is its disease (the index's
    "Hashimoto's thyroiditis", "Alzheimer's disease"); written with its noun the term is already there."""
    return not _ITS_NOUN_AFTER.match(text, end)


# a relative named earlier in the clause: "mom w/ Alzheimer's", "Family hx significant for Alzheimer's", "fam hx of
# Alzheimer's"
_RELATIVE_IN_CLAUSE = re.compile(r"\b(mother|father|mom|dad|sister|brother|sibling|son|daughter|grandmother|"
                                 r"grandfather|aunt|uncle|cousin|parents?|fam(ily)? (history|hx)|fhx?)\b[^.;\n]*$",
                                 re.IGNORECASE)


def _relatives_eponym(text: str, start: int, end: int) -> bool:
    """"mom w/ Alzheimer's": a relative's disease as families tell it, the eponym alone. The patient's own
    ("Alzheimer's mild dementia", "early-onset Alzheimer's, severe") is left to the index, which reads its kind
    and stage from the words around it."""
    return _eponym_alone(text, start, end) and bool(_RELATIVE_IN_CLAUSE.search(text[max(0, start - 80):start]))


GUARDS: dict[str, Guard] = {"oxygen": _oxygen, "oxygen_after": _oxygen_after, "ms_course": _ms_course, "heart_failure_type": _heart_failure_type, "heading": _heading,
                            "side": _side, "after_number": _after_number, "not_a_score": _not_a_score, "before_of": _before_of,
                            "family_history_before": _family_history_before,
                            "suffix": _suffix, "counselling": _counselling, "eponym_alone": _eponym_alone,
                            "relatives_eponym": _relatives_eponym,
                            **DIAGNOSIS_GUARDS}


@dataclass(frozen=True)
class Abbreviation:
    abbreviation: str
    expansion: str  # empty: ambiguous, left as written
    exact_case: bool
    guard: str = ""

    def applies(self, text: str, start: int, end: int) -> bool:
        return not self.guard or GUARDS[self.guard](text, start, end)


def parse_shorthand(text: str) -> tuple[Abbreviation, ...]:
    """The CSV's rows in order: where one abbreviation has several readings, the first whose guard holds wins."""
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        case, guard = row["case"].strip(), row["guard"].strip()
        if case not in ("exact", "any") or (guard and guard not in GUARDS):
            raise ValueError(f"shorthand {row['abbreviation']!r}: unknown case {case!r} or guard {guard!r}")
        rows.append(Abbreviation(row["abbreviation"].strip(), row["expansion"].strip(), case == "exact", guard))
    return tuple(rows)


@dataclass(frozen=True)
class Expanded:
    """The note with its shorthand written out. starts[i]/ends[i]: the original span character i came from."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else len(self.original)
            return position, position
        return self.starts[start], self.ends[end - 1]

    def rewritten(self, replacements: list[tuple[int, int, str]]) -> "Expanded":
        """The text with text[start:end] read as each replacement (in order, not overlapping): every character of
        a replacement comes from the whole original span of the characters it replaces."""
        parts, starts, ends, position = [], [], [], 0
        for start, end, written in replacements:
            parts.append(self.text[position:start])
            starts += self.starts[position:start]
            ends += self.ends[position:start]
            parts.append(written)
            starts += [self.starts[start]] * len(written)
            ends += [self.ends[end - 1]] * len(written)
            position = end
        parts.append(self.text[position:])
        starts += self.starts[position:]
        ends += self.ends[position:]
        return Expanded(self.original, "".join(parts), tuple(starts), tuple(ends))


class Shorthand:
    def __init__(self, abbreviations: tuple[Abbreviation, ...]):
        self._readings: dict[str, list[Abbreviation]] = {}
        for a in abbreviations:
            self._readings.setdefault(a.abbreviation.lower(), []).append(a)
        alternatives = sorted(self._readings.values(), key=lambda r: len(r[0].abbreviation), reverse=True)
        # longest first: "w/o" before "w/", "N/V/D" before "N/V"
        self._pattern = _alternation([(r[0].abbreviation, any(a.abbreviation.isupper() for a in r))
                                      for r in alternatives])

    def expand(self, note: str) -> Expanded:
        parts, starts, ends, position = [], [], [], 0
        for match in self._pattern.finditer(note):
            expansion = self._reading(note, match)
            if expansion is None:
                continue
            _keep(note, position, match.start(), parts, starts, ends)
            parts.append(expansion)
            starts += [match.start()] * len(expansion)
            ends += [match.end()] * len(expansion)
            position = match.end()
        _keep(note, position, len(note), parts, starts, ends)
        return Expanded(note, "".join(parts), tuple(starts), tuple(ends))

    def _reading(self, note: str, match: re.Match) -> str | None:
        written, plural = match.group(0), ""
        readings = self._readings.get(written.lower())
        if readings is None:  # "UTIs", "HAs": a plural of an upper-case abbreviation
            written, plural = written[:-1], "s"
            readings = self._readings.get(written.lower(), [])
        for a in readings:
            # an exact-case plural is a lower-case "s" ("HAs"): "HAS-BLED" is a score's name, not headaches
            if a.exact_case and (a.abbreviation != written or (plural and match.group(0).endswith("S"))):
                continue
            if a.applies(note, match.start(), match.end()):
                return _spelled(a.expansion, written, plural, note, match.start(), match.end()) if a.expansion else None
        return None


def _alternation(abbreviations: list[tuple[str, bool]]) -> re.Pattern:
    """One pattern for all the abbreviations (longest first), grouped by their opening character under the
    boundary that character needs: only one group can match at a position, the order inside a group is kept,
    and the engine tests the boundary once and the opening character once per group instead of once per
    abbreviation (six times faster on a short note)."""
    groups: dict[bool, dict[str, list[str]]] = {}
    for abbreviation, capitals in abbreviations:
        opening = abbreviation[0]
        groups.setdefault(opening.isalnum(), {}).setdefault(opening.lower(), []).append(
            _bounded(abbreviation, capitals))
    return re.compile("|".join(
        (r"(?<![A-Za-z0-9])" if alnum else r"(?<![+\-(/])") + "(?:" + "|".join(
            "(?:" + "|".join(bodies) + ")" for bodies in by_opening.values()) + ")"
        for alnum, by_opening in groups.items()), re.IGNORECASE)


def _bounded(abbreviation: str, capitals: bool) -> str:
    """The abbreviation and the boundary after it (the one before it is its group's, see _alternation). Written in
    lower case, as the case-insensitive pattern reads it either way: a group's abbreviations then open with the
    same literal character, which the parser takes out of the group and tests once (four times faster a note)."""
    body = re.escape(abbreviation.lower())
    if abbreviation[-1].isalpha() and capitals and len(abbreviation) > 1:
        body += "(?:s)?"
    after = r"(?![A-Za-z0-9])" if abbreviation[-1].isalnum() else r"(?![+\-)/])"
    if abbreviation[-1] == "/":  # "w/cough"
        after = ""
    return body + after


def _spelled(expansion: str, written: str, plural: str, note: str, start: int, end: int) -> str:
    """The expansion capitalised where it opens a sentence or a line ("HTN." -> "Hypertension": sentences
    split at a line break before a capital), spaced from a word written against it ("w/cough" -> "with cough")."""
    if written[:1].isupper() and _SENTENCE_OPENING.search(note, 0, start):
        expansion = expansion[:1].upper() + expansion[1:]
    expansion += plural
    if start > 0 and note[start - 1].isalnum() and expansion[0].isalnum():
        expansion = " " + expansion
    if end < len(note) and note[end].isalnum() and expansion[-1].isalnum():
        expansion += " "
    return expansion


def _keep(note: str, start: int, end: int, parts: list[str], starts: list[int], ends: list[int]) -> None:
    parts.append(note[start:end])
    starts += range(start, end)
    ends += range(start + 1, end + 1)
