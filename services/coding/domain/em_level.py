"""The office visit level (99202-99205, 99212-99215) a note supports, by the AMA's office E/M rules (2021,
time thresholds as revised for 2024): the level is met by total time on the date of the encounter, or by
medical decision making, where two of its three elements (problems, data, risk) must reach the level.

The note is read with plain patterns, so the result is evidence for a coder, never a silent change: a
billed level above what the note supports is flagged with the elements found; nothing is re-coded.
Evidence names categories, never the note's words (they may be PHI).
"""
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from shared.contracts.common import EditResult, ProcedureLine
from services.coding.domain.pattern_literals import Prefilter
from services.coding.domain.results import warning

NEW_PATIENT = ("99202", "99203", "99204", "99205")
ESTABLISHED = ("99212", "99213", "99214", "99215")
LEVEL_NAMES = ("straightforward", "low", "moderate", "high")
# Total time on the date of the encounter that meets each level (minutes, met or exceeded).
TIME_THRESHOLDS = {NEW_PATIENT: (15, 30, 45, 60), ESTABLISHED: (10, 20, 30, 40)}

TOTAL_TIME = re.compile(
    r"\btotal\s+(?:time|of)\b[^.;\n]{0,60}?\b(\d{1,3})\s*(?:minutes?|mins?)\b"
    r"|\b(\d{1,3})\s*(?:minutes?|mins?)\b[^.;\n]{0,40}?\btotal\b", re.IGNORECASE)

_PROBLEM_PATTERNS = (
    (3, "chronic illness with severe exacerbation or a threat to life or bodily function",
     re.compile(r"severe exacerbation|threat to (?:life|bodily function)|acute (?:respiratory|renal|hepatic) failure",
                re.IGNORECASE)),
    (2, "chronic illness with exacerbation, progression or treatment side effects",
     re.compile(r"exacerbation|worsening|progressi(?:on|ng)|uncontrolled|poorly controlled|not at goal|side effects?",
                re.IGNORECASE)),
    (2, "undiagnosed new problem with uncertain prognosis or acute illness with systemic symptoms",
     re.compile(r"uncertain prognosis|systemic symptoms|pyelonephritis|pneumonia", re.IGNORECASE)),
    (1, "acute uncomplicated illness or injury",
     re.compile(r"\buncomplicated\b|\bacute (?:sinusitis|pharyngitis|otitis|bronchitis|cystitis)|\bsprain\b|\buri\b",
                re.IGNORECASE)),
)
_STABLE_CHRONIC = re.compile(r"\b(?:stable|well[- ]controlled|controlled|at goal)\b", re.IGNORECASE)
_MINOR = re.compile(r"self[- ]limited|minor problem", re.IGNORECASE)

_TESTS = re.compile(
    r"\b(?:a1c|hba1c|cbc|bmp|cmp|lipid panel|tsh|urinalysis|ua|psa|inr|creatinine|egfr|x-?ray|radiograph|"
    r"ekg|ecg|echo(?:cardiogram)?|mri|ct|ultrasound|culture|strep test|covid test|spirometry|eeg|emg|"
    r"nerve conduction)\b", re.IGNORECASE)
_DATA_VERBS = re.compile(r"\b(?:order(?:ed)?|review(?:ed)?|check(?:ed)?|obtain(?:ed)?|draw|drawn|results?)\b",
                         re.IGNORECASE)
_HISTORIAN = re.compile(r"independent historian|history (?:obtained|given|provided) by (?:his|her|the) "
                        r"(?:wife|husband|mother|father|parent|daughter|son|caregiver|spouse)", re.IGNORECASE)
_INTERPRETATION = re.compile(r"independent(?:ly)? interpret|personally (?:reviewed|interpreted) the "
                             r"(?:images?|tracing|film|ekg|ecg)|my (?:own )?(?:read|interpretation)", re.IGNORECASE)
_DISCUSSION = re.compile(r"discussed (?:with|the case with) (?:dr\.?|the patient's (?:cardiologist|nephrologist|"
                         r"oncologist|surgeon|specialist)|(?:cardiology|nephrology|oncology|surgery|neurology))",
                         re.IGNORECASE)

_RISK_PATTERNS = (
    (3, "decision regarding hospitalization or escalation of care, or drug therapy needing intensive monitoring",
     re.compile(r"admi(?:t|ssion)|hospitali[sz]ation|(?:send|sent) to (?:the )?(?:er|ed|emergency)|"
                r"intensive monitoring|do not resuscitate|\bdnr\b|emergency (?:major )?surgery", re.IGNORECASE)),
    (2, "prescription drug management",
     re.compile(r"\b(?:start(?:ed)?|increase[ds]?|decrease[ds]?|titrat\w*|adjust\w*|switch(?:ed)?|refill\w*|"
                r"continue[ds]?|prescrib\w*|discontinue[ds]?)\b[^.;\n]{0,60}?\b\d+(?:\.\d+)?\s*(?:mg|mcg|units?)\b",
                re.IGNORECASE)),
    (2, "diagnosis or treatment limited by social determinants of health",
     re.compile(r"cannot afford|unable to afford|housing insecurity|food insecurity|lack of transportation",
                re.IGNORECASE)),
    (1, "over-the-counter drugs or minor procedure", re.compile(r"over[- ]the[- ]counter|\botc\b", re.IGNORECASE)),
)

# every pattern of the reading; a note lacking a pattern's required words is not scanned with it
# (the tests are looked for only in a sentence with a data verb, so the verbs gate them)
_PREFILTER = Prefilter([TOTAL_TIME, _STABLE_CHRONIC, _MINOR, _DATA_VERBS, _HISTORIAN, _INTERPRETATION, _DISCUSSION,
                        *(pattern for _, _, pattern in (*_PROBLEM_PATTERNS, *_RISK_PATTERNS))])
_SENTENCE_BREAK = re.compile(r"[.;\n]")


@dataclass(frozen=True)
class LevelFinding:
    """What the note supports: by time, by medical decision making, and each element's evidence."""

    time_minutes: int | None
    time_level: int | None
    problems: int
    data: int
    risk: int
    evidence: tuple[str, ...]

    @property
    def mdm_level(self) -> int:
        """Two of three elements must meet a level: the middle of the three."""
        return sorted((self.problems, self.data, self.risk))[1]

    @property
    def level(self) -> int:
        return max(self.mdm_level, self.time_level if self.time_level is not None else 0)


# a note that holds none of the reading's words: no element, no time, no evidence
NOTHING_FOUND = LevelFinding(time_minutes=None, time_level=None, problems=0, data=0, risk=0, evidence=())


def office_visit_family(code: str) -> tuple[str, ...] | None:
    for family in (NEW_PATIENT, ESTABLISHED):
        if code in family:
            return family
    return None


def documented_total_time(note: str) -> int | None:
    """The total time the note states; several different totals document none clearly."""
    return _one_total(TOTAL_TIME.findall(note))


def _one_total(found: list[tuple[str, str]]) -> int | None:
    totals = {int(a or b) for a, b in found}
    return totals.pop() if len(totals) == 1 else None


def read_level(note: str, family: tuple[str, ...]) -> LevelFinding:
    readable = _ReadableNote.of(note)
    if not readable.possible:
        return NOTHING_FOUND
    evidence: list[str] = []
    minutes = _one_total(readable.findall(TOTAL_TIME))
    time_level = None
    if minutes is not None:
        met = [level for level, threshold in enumerate(TIME_THRESHOLDS[family]) if minutes >= threshold]
        time_level = met[-1] if met else None
        evidence.append(f"total time {minutes} minutes" + (
            f" meets {LEVEL_NAMES[time_level]}" if time_level is not None else " is below the lowest level"))
    problems = _problems(readable, evidence)
    data = _data(readable, evidence)
    risk = _first_match(_RISK_PATTERNS, readable, evidence, "risk")
    return LevelFinding(minutes, time_level, problems, data, risk, tuple(evidence))


@dataclass(frozen=True)
class _ReadableNote:
    """The note with the patterns its words leave possible: one scan for the patterns' required words spares the
    scans of those that cannot match (most notes hold the words of a few, a short summary of none)."""

    text: str
    possible: AbstractSet[re.Pattern]

    @classmethod
    def of(cls, text: str) -> "_ReadableNote":
        return cls(text, _PREFILTER.possible(text))

    def search(self, pattern: re.Pattern) -> re.Match | None:
        return pattern.search(self.text) if pattern in self.possible else None

    def findall(self, pattern: re.Pattern) -> list:
        return pattern.findall(self.text) if pattern in self.possible else []


def _first_match(patterns, note: _ReadableNote, evidence: list[str], element: str) -> int:
    for level, name, pattern in patterns:
        if note.search(pattern):
            evidence.append(f"{element}: {name} ({LEVEL_NAMES[level]})")
            return level
    return 0


def _problems(note: _ReadableNote, evidence: list[str]) -> int:
    level = _first_match(_PROBLEM_PATTERNS, note, evidence, "problems")
    stable = len(note.findall(_STABLE_CHRONIC))
    if stable >= 2 and level < 2:
        evidence.append(f"problems: {stable} stable chronic illnesses (moderate)")
        return 2
    if stable == 1 and level < 1:
        evidence.append("problems: one stable chronic illness (low)")
        return 1
    if level == 0 and note.search(_MINOR):
        evidence.append("problems: self-limited or minor problem (straightforward)")
    return level


def _data(note: _ReadableNote, evidence: list[str]) -> int:
    """Category 1 counts unique tests ordered or reviewed and an independent historian; category 2 is an
    independent interpretation; category 3 a discussion with an external physician."""
    tests = {m.group(0).lower() for sentence in _SENTENCE_BREAK.split(note.text) if _DATA_VERBS.search(sentence)
             for m in _TESTS.finditer(sentence)} if _DATA_VERBS in note.possible else set()
    historian, interpretation, discussion = (bool(note.search(pattern))
                                             for pattern in (_HISTORIAN, _INTERPRETATION, _DISCUSSION))
    items = len(tests) + (1 if historian else 0)
    categories = sum((items >= 3, interpretation, discussion))
    if categories >= 2:
        level = 3
    elif categories == 1:
        level = 2
    elif items >= 2:
        level = 1
    else:
        level = 0
    if items or categories:
        evidence.append(f"data: {len(tests)} unique test(s) ordered or reviewed"
                        f"{', an independent historian' if historian else ''}"
                        f"{', an independent interpretation' if interpretation else ''}"
                        f"{', a discussion with an external physician' if discussion else ''}"
                        f" ({LEVEL_NAMES[level]})")
    return level


def supported_code(note: str, billed: str) -> tuple[str, LevelFinding] | None:
    """The office visit code of the billed code's family (new or established) that the note supports."""
    family = office_visit_family(billed)
    if family is None or not note:
        return None
    finding = read_level(note, family)
    return family[finding.level], finding


def em_level_edits(lines: list[ProcedureLine], *, note: str | None) -> list[EditResult]:
    """A billed office visit above the level the note supports is flagged for review, with the evidence.

    A note with no element at all (a one-line summary, as many EHRs send) cannot judge a level: no flag."""
    edits = []
    for line in lines:
        supported = supported_code(note or "", line.code)
        if supported is None:
            continue
        code, finding = supported
        if finding.evidence and line.code > code:
            found = "; ".join(finding.evidence)
            edits.append(warning("EM-LEVEL-NOT-SUPPORTED",
                                 f"{line.code} is billed; the note supports {code} "
                                 f"(medical decision making {LEVEL_NAMES[finding.mdm_level]}"
                                 f"{'' if finding.time_minutes is None else f', total time {finding.time_minutes} minutes'}"
                                 f"): {found}", line.code, code))
    return edits
