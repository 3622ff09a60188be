"""The parts of a diabetic or hypertensive combination code the note states beyond the combination itself.

Retinopathy (`diabetic_retinopathy`): E08-E13 with retinopathy is coded to the stage the note states, with or
without macular edema, and the eye (ICD-10-CM tabular E1x.32-E1x.35, whose 7th character is the side: 1 right,
2 left, 3 bilateral, 9 unspecified): "mild NPDR without macular edema OU" in type 1 diabetes is E10.3293. A
nonproliferative retinopathy without a stated severity is the index's default, mild (Diabetes, with,
retinopathy, nonproliferative E1x.329-). Unspecified retinopathy stays E1x.319 (`diabetes_combination`).

CKD stage (`ckd_stage`): diabetic CKD (E1x.22), hypertensive CKD (I12.-) and hypertensive heart and kidney disease
(I13.-) carry "use additional code to identify stage of chronic kidney disease (N18.1-N18.6)". When the stage's
words were taken into the combination's own term ("diabetic CKD stage 3b"), the stage its sentence states is
added: N18.1-N18.5, N18.30/31/32, N18.6 for end-stage. No stage stated: a coder (N18.9 is outside the range the
note names). An unspecified N18.9 whose words the stage follows without the word "stage" ("CKD 3a") is staged.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import NEGATION, before, sentence, sentence_end, sentence_start
from services.coding.domain.suggestions import RULE_CONFIDENCE, Suggestion, from_rule

NAME = "diabetes-combination"

_RETINOPATHY = re.compile(r"\b((mild|moderate|severe|proliferative|nonproliferative|non-proliferative)\b[\w\s-]{0,30}?"
                          r"\b(diabetic )?retinopathy|(mild |moderate |severe )?(npdr|pdr))\b", re.IGNORECASE)
_STAGES = (("5", re.compile(r"(?<!non)(?<!non-)\bproliferative|\bpdr\b", re.IGNORECASE)),
           ("4", re.compile(r"\bsevere\b", re.IGNORECASE)), ("3", re.compile(r"\bmoderate\b", re.IGNORECASE)),
           ("2", re.compile(r"\bmild\b|non-?proliferative|\bnpdr\b", re.IGNORECASE)))
_EDEMA = re.compile(r"\b(macular edema|dme|csme)\b", re.IGNORECASE)
_EYES = (("3", re.compile(r"\b(ou|both eyes|bilateral\w*|bilat)\b", re.IGNORECASE)),
         ("1", re.compile(r"\b(od|right eye)\b", re.IGNORECASE)),
         ("2", re.compile(r"\b(os|left eye)\b", re.IGNORECASE)))
_WITHOUT = re.compile(r"\b(no|not|without|w/o|negative for)\W*$", re.IGNORECASE)
_DIABETES = ("E08", "E09", "E10", "E11", "E13")


def _retinopathy_code(category: str, text: str) -> str:
    stage = next(digit for digit, words in _STAGES if words.search(text))
    edema = _EDEMA.search(text)
    with_edema = edema is not None and not _WITHOUT.search(text[max(0, edema.start() - 12):edema.start()])
    eyes = [digit for digit, words in _EYES if words.search(text)]
    # 6th character 1 with macular edema, 9 without (proliferative's 2-5 are detachments: for a coder)
    sixth = "1" if with_edema else "9"
    return f"{category}.3{stage}{sixth}{eyes[0] if len(eyes) == 1 else '9'}"


# the words that state a diabetes' type ("T1DM", "type 2", "DM II", "IDDM")
TYPE_STATED = re.compile(r"\b(type\s*-?\s*(1|2|i|ii|one|two)|t[12]dm?|dm\s?-?(1|2|i|ii)|iddm|niddm)\b", re.IGNORECASE)


def stated_diabetes(suggestions: list[Suggestion]) -> Suggestion | None:
    """The note's diabetes, a mention that states its type first: an untyped "diabetes" ("Diabetes visit") meets the
    index's default, type 2 (E11.9), which a note saying "T1DM" elsewhere does not mean."""
    found = [s for s in suggestions if s.code.startswith(_DIABETES) and s.context == "affirmed"]
    return next((s for s in found if TYPE_STATED.search(s.evidence)), found[0] if found else None)


@needs(patterns=(_RETINOPATHY,))
def diabetic_retinopathy(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    dm = stated_diabetes(suggestions)
    match = _RETINOPATHY.search(note) if dm else None
    if match is None or NEGATION.search(before(note, match.start())):
        return suggestions, []
    code = _retinopathy_code(dm.code[:3], sentence(note, match.start(), match.end()))
    if not tabular.is_billable(code):
        return suggestions, []
    reason = f"{match.group(0)}: {code}, diabetes with the retinopathy stage, macular edema and eye stated"
    kept = [s for s in suggestions if not (s.code in (f"{dm.code[:3]}.9", f"{dm.code[:3]}.319")
                                           or s.code.startswith("H35.0"))]
    first = from_rule(code, match, tabular, NAME, reason)
    other = _other_eye(dm.code[:3], code, match, note, tabular)
    if other is None:
        return [first, *kept], [reason]
    other_code, other_match = other
    why = f"{other_match.group(0)}: {other_code}, the other eye's retinopathy stated apart (one code per eye)"
    return [first, from_rule(other_code, other_match, tabular, NAME, why), *kept], [reason, why]


_CLAUSE_END = re.compile(r"[.;\n]| - ")


def _clause_code(category: str, note: str, match: re.Match) -> str | None:
    """The stage, edema and eye one retinopathy's own clause states, read up to the clause's end: the first eye
    written after it is its eye ("moderate NPDR without macular edema, left eye - injection OD")."""
    end = _CLAUSE_END.search(note, match.end())
    text = note[match.start():end.start() if end else len(note)]
    eyes = sorted((found.start(), digit) for digit, words in _EYES for found in [words.search(text)] if found)
    if not eyes or eyes[0][1] == "3":
        return None
    return _retinopathy_code(category, text[:eyes[0][0]] + text[eyes[0][0]:].split(",")[0])


def _other_eye(category: str, first_code: str, first: re.Match, note: str, tabular) -> tuple[str, re.Match] | None:
    """Guideline I.C.4.a: a retinopathy of a different stage or edema in each eye is coded once for each eye. The
    first retinopathy read names one eye; a later one, in a clause of its own, names the other."""
    if first_code[-1] not in "12":
        return None
    for later in _RETINOPATHY.finditer(note, first.end()):
        if NEGATION.search(before(note, later.start())):
            continue
        code = _clause_code(category, note, later)
        if code is None or code[-1] not in "12" or code[-1] == first_code[-1] or not tabular.is_billable(code):
            continue
        return code, later
    return None


_CKD_COMBINATIONS = ("E08.22", "E09.22", "E10.22", "E11.22", "E13.22", "I12", "I13")
_STAGE = re.compile(r"\b(stage|stg)\s*(?P<stage>[1-5][ab]?|v|iv|iii[ab]?|ii|i)\b|\b(?P<esrd>esrd|end[- ]stage)\b",
                    re.IGNORECASE)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}


def _stage_code(match: re.Match) -> str:
    if match.group("esrd"):
        return "N18.6"
    stage = match.group("stage").lower()
    number, letter = _ROMAN.get(stage.rstrip("ab"), stage[0]), stage[-1] if stage[-1] in "ab" else ""
    return {"3": "N18.30", "3a": "N18.31", "3b": "N18.32"}.get(number + letter, f"N18.{number}")


# a stage written right after the disease, with or without the word "stage": "CKD 3a", "CKD IV", "CKD, now stage
# 3b by eGFR"); without the word, not a count that begins the next phrase ("CKD, 3 meds reviewed")
_STAGE_AFTER = re.compile(r"^([\s,:-]*((now|currently|is|was|at)\s+)?(?P<word>stage|stg)\s*|\s+)"
                          r"(?P<stage>[1-5][ab]?|v|iv|iii[ab]?|ii)\b(?(word)|(?![ \t]+[a-z]))(?P<esrd>)", re.IGNORECASE)


# the stage written before the disease: "stage 3a chronic kidney disease", "stage IV CKD"
_STAGE_BEFORE = re.compile(r"\b(stage|stg)\s*(?P<stage>[1-5][ab]?|v|iv|iii[ab]?|ii|i)[\s,-]+(?P<esrd>)$", re.IGNORECASE)


def ckd_stated_stage(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    """N18.9 (unspecified) where the stage follows its words, or right before them, is the staged code (run before
    the hypertension combination, which takes I12.0/I13.2 for stage 5)."""
    out, reasons = [], []
    for s in suggestions:
        match = _STAGE_AFTER.match(note[s.end:s.end + 20]) if s.code == "N18.9" else None
        ahead = _STAGE_BEFORE.search(note[max(0, s.start - 20):s.start]) if s.code == "N18.9" and not match else None
        code = _stage_code(match or ahead) if match or ahead else None
        if code and tabular.is_billable(code) and ahead:
            reason = f"{ahead.group(0)}{s.evidence}: {code}, the stage stated"
            s = s.model_copy(update={"code": code, "description": tabular.description(code), "convention": "ckd-stage",
                                     "reason": reason, "confidence": max(s.confidence, RULE_CONFIDENCE)})
            reasons.append(reason)
        elif code and tabular.is_billable(code):
            reason = f"{s.evidence}{match.group(0)}: {code}, the stage stated"
            s = s.model_copy(update={"code": code, "description": tabular.description(code), "end": s.end + match.end(),
                                     "convention": "ckd-stage", "reason": reason})
            reasons.append(reason)
        out.append(s)
    return out, reasons


@needs(codes=_CKD_COMBINATIONS)
def ckd_stage(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if any(s.code.startswith("N18") for s in suggestions):
        return suggestions, []
    # the first combination whose sentence states the stage: "T2DM w/ diabetic CKD stage 2. HTN." (E11.22, I12.9)
    staged = ((c, _STAGE.search(note, sentence_start(note, c.start), sentence_end(note, c.end)))
              for c in suggestions if c.code.startswith(_CKD_COMBINATIONS))
    combination, match = next(((c, m) for c, m in staged if m), (None, None))
    code = _stage_code(match) if match else None
    if code is None or not tabular.is_billable(code) or not tabular.allows_additional(combination.code, code):
        return suggestions, []
    reason = f"{match.group(0)}: {code}, the stage of chronic kidney disease {combination.code} asks for as its " \
             "additional code"
    return [*suggestions, from_rule(code, match, tabular, "ckd-stage", reason)], [reason]


def ckd_on_dialysis(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    """Stage 5 chronic kidney disease on chronic dialysis (Z99.2 found) is N18.6, whose inclusion term is "chronic
    kidney disease requiring chronic dialysis" (and which asks for Z99.2 beside it), not N18.5."""
    if not any(s.code == "Z99.2" for s in suggestions):
        return suggestions, []
    out, reasons = [], []
    for s in suggestions:
        if s.code == "N18.5" and tabular.is_billable("N18.6"):
            reason = "stage 5 chronic kidney disease on dialysis (Z99.2): N18.6, chronic kidney disease requiring " \
                     "chronic dialysis, rather than N18.5"
            s = s.model_copy(update={"code": "N18.6", "description": tabular.description("N18.6"),
                                     "convention": "ckd-on-dialysis", "reason": reason})
            reasons.append(reason)
        out.append(s)
    return out, reasons
