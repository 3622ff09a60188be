"""A laboratory result the note calls high or low, or gives beyond the reference range it states: the finding the
ICD-10-CM index names for the analyte ("Hyperkalemia" E87.5, "Deficiency, iron" E61.1, "Elevated, C-reactive
protein" R79.82, "Thrombocytopenia" D69.6).

"K 5.9 (high)", "Na 128, low", "ferritin 8 (ref 15-150)", "platelets 98K (L)", "CRP 2.1 mg/dL (high)", "low
magnesium 1.4": outpatient coding codes an abnormal result only where the provider calls it abnormal (guideline
IV.K, III.B): a bare number is no finding, nor a value inside the range the note states, "high-normal", or a value
its sentence says came back to normal. A diagnosis the note affirms that the result belongs to (anemia beside a low
ferritin, gout beside a high uric acid, diabetes beside a high glucose, a liver disease beside raised
transaminases) is coded instead of it (I.B.5).
"""
import re
from dataclasses import dataclass

from services.coding.domain.diet_words import NOT_A_DIET, in_diet_advice
from services.coding.domain.note_text import current, sentence_end
from services.coding.domain.pattern_literals import NOTE_WORDS, Prefilter
from services.coding.domain.suggestions import RULE_CONFIDENCE, Suggestion, from_rule

NAME = "lab-value"


@dataclass(frozen=True)
class Analyte:
    words: str  # the analyte's names, a regular expression
    high: str | None  # the code of a high result, None where the index names none
    low: str | None
    explained_by: tuple[str, ...] = ()  # code prefixes of the diagnoses a result of this analyte belongs to
    explained_words: str = ""  # the same diagnoses in words, for a cancer the note names however it is coded


_ANEMIA = ("D50", "D51", "D52", "D53", "D55", "D56", "D57", "D58", "D59", "D60", "D61", "D62", "D63", "D64")
_LIVER = ("K70", "K71", "K72", "K73", "K74", "K75", "K76", "K77", "B15", "B16", "B17", "B18", "B19")
_DIABETES = ("E08", "E09", "E10", "E11", "E13", "O24", "R73")
_LIPIDS = ("E78",)
_CANCER = r"(cancer|carcinoma|adenocarcinoma|malignancy|ca\b)"
_THYROID = ("E00", "E01", "E02", "E03", "E04", "E05", "E06", "E07", "E89.0", "R94.6")

ANALYTES: tuple[Analyte, ...] = (
    Analyte(r"potassium|(?-i:K\+?)", "E87.5", "E87.6"),
    Analyte(r"sodium|(?-i:Na\+?)", "E87.0", "E87.1"),
    Analyte(r"calcium|ionized calcium", "E83.52", "E83.51", ("E21",)),
    Analyte(r"magnesium|(?-i:Mg)", "E83.41", "E83.42"),
    Analyte(r"phosphorus|phosphate|phos", "E83.39", "E83.39"),
    Analyte(r"uric acid|urate", "E79.0", None, ("M10", "M1A", "E79")),
    Analyte(r"ferritin|iron|serum iron", None, "E61.1", _ANEMIA),
    Analyte(r"(25-?oh |25-?hydroxy )?vitamin d( level)?|vit d|25-?oh d", None, "E55.9", ("E55", "E83.3")),
    Analyte(r"(vitamin )?b-?12|cobalamin", None, "E53.8", ("D51", "E53")),
    Analyte(r"folate|folic acid", None, "E53.8", ("D52", "E53")),
    Analyte(r"alt|ast|sgpt|sgot|alt/ast|ast/alt|transaminases?", "R74.01", None, _LIVER),
    Analyte(r"alk(aline)? phos(phatase)?|alp|ggt|gamma-?gt|ck|cpk|creatine kinase|lipase|amylase", "R74.8", None,
            _LIVER + ("K85", "K86", "M62.82", "G71", "M33", "M60")),
    Analyte(r"ldh|lactate dehydrogenase", "R74.02", None),
    Analyte(r"esr|sed rate|sedimentation rate", "R70.0", None),
    Analyte(r"crp|c-reactive protein|hs-?crp", "R79.82", None),
    Analyte(r"psa", "R97.20", None, ("C61",), rf"prostat\w* {_CANCER}"),
    Analyte(r"cea", "R97.0", None, ("C18", "C19", "C20"), rf"(colon|colorectal|rectal) {_CANCER}"),
    Analyte(r"ca[- ]?125", "R97.1", None, ("C56",), rf"ovar\w* {_CANCER}"),
    Analyte(r"wbc|white (blood )?(cell )?count|leukocytes", "D72.829", "D72.819", ("C91", "C92", "C93", "C94", "C95")),
    Analyte(r"anc|absolute neutrophil count|neutrophils", None, "D70.9", ("D70",)),
    Analyte(r"platelets?( count)?|plt", "D75.839", "D69.6", ("D69", "D75", "D47")),
    Analyte(r"h(emo)?g(lo)?b(in)?|hgb|hb|hemoglobin|hematocrit|hct", None, "D64.9", _ANEMIA),
    Analyte(r"eosinophils|absolute eosinophils|aec|eos", "D72.10", None, ("D72.1",)),
    Analyte(r"ldl( cholesterol| ?-?c)?|total cholesterol|cholesterol", "E78.00", None, _LIPIDS),
    Analyte(r"triglycerides|trigs|tg", "E78.1", None, _LIPIDS),
    Analyte(r"hdl( cholesterol| ?-?c)?", None, "E78.6", _LIPIDS),
    Analyte(r"lp\(a\)|lipoprotein\(a\)|lipoprotein a", "E78.41", None, ("E78.41",)),
    Analyte(r"(random |serum |plasma )?glucose|blood sugar", "R73.9", None, _DIABETES),
    Analyte(r"tsh|thyrotropin", "R94.6", "R94.6", _THYROID),
)

# the number, a thousands comma or a decimal point in it, a "K" for thousands, then its unit
_VALUE = r"(?P<value>\d{1,3}(,\d{3})+|\d+(\.\d+)?|\.\d+)\s*(k\b|x ?10\^?\d+/[lu]l?\b)?" \
         r"(\s*[a-zµ]{0,5}/[a-zµ]{1,3}\b|\s*%)?"
_BETWEEN = r"\s*(level|count|value)?\s*(is |was |of |at |today |:|=|-)*\s*"
# the result called high or low after its value: "(high)", "H", ", low", "- elevated", "critically low"
_FLAG = r"[\s,(-]*(?P<flag>(critically )?(high|low|elevated|raised|decreased|reduced)(?![- ]normal)|" \
        r"(?-i:[HL])(?=\s*[),;.]|\s*$))"
# the range the note states after the value: "(ref 3.5-5.1)", "(normal 15-150)", "(ref < 40)", "(ref >= 1,500)"
_RANGE = r"\s*\(\s*(ref(erence)?( range)?|normal|nl|rr)?\s*:?\s*(" \
         r"(?P<lower>\d+(\.\d+)?)\s*[-–]\s*(?P<upper>\d+(,\d{3})*(\.\d+)?)|" \
         r"(?P<below>[<≤]|<=)\s*(?P<ceiling>\d+(,\d{3})*(\.\d+)?)|" \
         r"(?P<above>[>≥]|>=)\s*(?P<floor>\d+(,\d{3})*(\.\d+)?))[^)]{0,15}\)"
_TIMES_UPPER = r"(?P<times>\d+(\.\d+)?)\s*(x|times)\s*(the )?(uln|upper limit of normal)"
_BEFORE = r"(?P<said>(critically )?(high|low|elevated|raised|increased|decreased|reduced))\s+(serum |blood |plasma )?"
# the word before read over one or two other results: "elevated ESR and CRP", "low iron, ferritin"
_OTHERS = r"([\w()-]+( [\w()-]+)? ?(,|and|&|/) ?){0,2}"
_AFTER = r"(?P<said>(critically )?(high|low|elevated|raised|increased|decreased|reduced))\b(?![- ]normal)"
# "K 5.9, now 4.2", "improved to normal": the result its sentence says has come back
_BACK_TO_NORMAL = re.compile(r"\b(now|since|improved|normali[sz]ed|normal on repeat|back to|down to|corrected|"
                             r"resolved|repleted)\b", re.IGNORECASE)
_HIGH_WORDS = ("high", "elevated", "raised", "increased", "critically high")


def _name(analyte: Analyte, group: str = "") -> str:
    """The analyte's name as a word, as every one of its patterns reads it (`group` names it there)."""
    return rf"\b({group}{analyte.words})(?![\w/(]){NOT_A_DIET}"


def _patterns(analyte: Analyte) -> tuple[re.Pattern, ...]:
    """The result called high or low before the analyte's name ("low ferritin 8") or right after it ("CRP
    elevated at 4.1"), and its value after the name, flagged or set against a range ("ferritin 8 (L)", "ferritin
    8 (ref 15-150)", "ALT 2x ULN")."""
    name = _name(analyte, "?P<name>")
    return (re.compile(rf"\b{_BEFORE}{_OTHERS}{name}({_BETWEEN}{_VALUE})?", re.IGNORECASE),
            re.compile(rf"{name}\s+(is |was |remains |level )?{_AFTER}(\s+(at|to|of)\s+{_VALUE})?", re.IGNORECASE),
            re.compile(rf"{name}{_BETWEEN}({_TIMES_UPPER}|{_VALUE}({_FLAG}|{_RANGE}))", re.IGNORECASE))


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _direction(match: re.Match) -> str | None:
    """"high" or "low", as the note calls the result or as its value stands against the stated range."""
    named = match.groupdict()
    said = named.get("said") or named.get("flag")
    if said:
        return "high" if said.lower() in _HIGH_WORDS or said == "H" else "low"
    if named.get("times"):
        return "high" if _number(named["times"]) > 1 else None
    value = named.get("value")
    if value is None or named.get("lower") is None and named.get("ceiling") is None and named.get("floor") is None:
        return None
    value = _number(value)
    if match.group("lower") is not None:
        return "low" if value < _number(match.group("lower")) else "high" if value > _number(
            match.group("upper")) else None
    if match.group("ceiling") is not None:
        return "high" if value >= _number(match.group("ceiling")) else None
    if match.group("floor") is not None:
        return "low" if value < _number(match.group("floor")) else None
    return None


# the words without which no analyte's pattern can match: one search skips the table in most notes
_GATE = re.compile(r"\d|\b(high|low|elevated|raised|increased|decreased|reduced)\b", re.IGNORECASE)
_PATTERNS = tuple((place, analyte, pattern) for place, analyte in enumerate(ANALYTES)
                  for pattern in _patterns(analyte))
_PATTERNS_BY_PLACE = tuple(tuple(entry for entry in _PATTERNS if entry[0] == place) for place in range(len(ANALYTES)))
# each analyte's name as its patterns read it: none of them can match a note that never writes it, so one search
# stands for up to three scans (most analytes the substring tests leave are not named as a word)
_NAMES = tuple(re.compile(_name(analyte), re.IGNORECASE) for analyte in ANALYTES)
# the result called high or low in words (before the name or right after it), or given as a number: a note without
# the words is not scanned with the two patterns that read them, one without a digit not with the one that reads values
_SAID = re.compile(r"\b(high|low|elevated|raised|increased|decreased|reduced)\b", re.IGNORECASE)
_READS_WORDS = frozenset(id(pattern) for _, _, pattern in _PATTERNS if "said" in pattern.groupindex)  # by id: hashing
# a compiled pattern reads its whole program
_DIGIT = re.compile(r"\d")
_EXPLAINED_WORDS = {analyte.explained_words: re.compile(analyte.explained_words, re.IGNORECASE)
                    for analyte in ANALYTES if analyte.explained_words}
# the strings each analyte's name cannot be written without (single letters too), found in the note's one scan for
# every prefilter's words: the analytes it never names are skipped. The names are all different: a place is an analyte
_NAME_WORDS = Prefilter([re.compile(rf"\b({analyte.words})\b", re.IGNORECASE) for analyte in ANALYTES],
                        single_letters=True, scan=NOTE_WORDS)


def _named(note: str) -> "set[int] | frozenset[int]":
    """The analytes whose every required string the note holds (all of them beyond ASCII), tested further."""
    return _NAME_WORDS.possible_places(note)


def _candidates(named: set[int], note: str):
    """The patterns of the analytes named as a word, in the table's order."""
    for place in sorted(named):
        if _NAMES[place].search(note):
            yield from _PATTERNS_BY_PLACE[place]


def lab_values(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not _GATE.search(note):
        return suggestions, []
    named = _named(note)
    if not named:
        return suggestions, []
    affirmed = [s.code for s in suggestions if s.context == "affirmed"]
    out, reasons = list(suggestions), []
    said, digit = _SAID.search(note) is not None, _DIGIT.search(note) is not None
    for place, analyte, pattern in _candidates(named, note):
        if not (said if id(pattern) in _READS_WORDS else digit):
            continue
        if analyte.explained_by and any(code.startswith(analyte.explained_by) for code in affirmed) or \
                analyte.explained_words and _EXPLAINED_WORDS[analyte.explained_words].search(note):
            continue
        for match in pattern.finditer(note):
            direction = _direction(match)
            code = analyte.high if direction == "high" else analyte.low if direction == "low" else None
            if code is None or any(s.code == code for s in out) or not tabular.is_billable(code):
                continue
            if _BACK_TO_NORMAL.search(note, match.end(), sentence_end(note, match.end())) or \
                    not current(note, match.start(), match.end()) or in_diet_advice(note, match.start()):
                continue
            if any(s.start < match.end() and match.start() < s.end for s in out):
                continue  # the index or another reading found something on these words
            reason = f"{match.group(0).strip()!r}: {code}, a {direction} {match.group('name')} the note calls abnormal"
            out.append(from_rule(code, match, tabular, NAME, reason, confidence=RULE_CONFIDENCE))
            reasons.append(reason)
    return out, reasons
