"""Signs a note documents before the diagnosis it only supposes: "fatigue and weight gain x 3 mo ... Probable
subclinical hypothyroidism", "snoring, witnessed apneas ... Probable OSA; sleep study ordered". Outpatient, a
diagnosis stated as possible, probable, suspected, likely or to be ruled out is not coded; the signs and symptoms
are (guideline IV.H). Such a sign is then no default entry waiting for the specific code of a diagnosis nor a
symptom that a confirmed diagnosis may absorb: it is what the visit is billed for, so it is not held for a coder.

Only a sign (R00-R69) the first-sight calibration held as a default entry or as a symptom beside a diagnosis, and
only where the doubt is written after it (in its sentence or a later one), as an assessment follows what it weighs,
or before it in its own sentence with a clause break between, the sign then the doubted diagnosis's presentation
("Possible IBS - lower abdominal pain", "r/o OSA: snoring"). The doubt may be "consider" proposing a diagnosis
("RUQ pain - consider biliary colic"; not "consider a statin", "consider PT", "consider labs": a treatment or a
test considered doubts nothing) or a question mark at the diagnosis ("epigastric discomfort - ?PUD", "anemia?").
Not a sign its sentence places at an earlier visit ("a CT done for abdominal pain in the ED last month") or calls
unchanged, stable or at baseline (a known condition's, not the new doubt's), nor a
default entry written with a word that names a kind of the sign ("exertional dyspnea", "dry cough"): the default
entry may not be the code then, which is what its hold is for. Nor a "vs" the same sentence settles by setting one
member aside ("mood disorder vs ADHD; ADHD excluded", "bipolar II vs MDD - bipolar II unlikely"): the
differential is closed, and the sign stays held beside the diagnosis that is left.
"""
import re

from services.coding.domain.first_sight import DEFAULT_ENTRY_NAME, SYMPTOM_NAME
from services.coding.domain.note_terms import CONFIDENCE
from services.coding.domain.note_text import PROPOSED_DIAGNOSIS_QUALIFIER, sentence, sentence_end, sentence_start
from services.coding.domain.suggestions import Suggestion

NAME = "sign-of-a-doubted-diagnosis"
REASON = ("{code} ({evidence}) is a sign documented before a diagnosis the note states only as uncertain "
          "({doubt!r}): outpatient, the sign is coded, not the diagnosis (guideline IV.H)")
# what "consider" weighs that is care, not a diagnosis ("consider PT", "consider starting a statin", "consider MRI")
_CONSIDERED_CARE = (r"pt|physical|occupational|therapy|referral|refer|referring|starting|start|adding|add|increasing|"
                    r"increase|decreasing|decrease|switching|switch|changing|change|stopping|stop|trial|repeat|"
                    r"imaging|mri|ct|xr|x-?ray|ultrasound|us|echo|labs?|testing|tests?|eval|evaluation|workup|"
                    r"w/u|biopsy|bx|egd|colonoscopy|injection|surgery|surgical|consult|admission|admit|meds?|"
                    r"medications?|sleep study|psg|hsat|holter|stress test|ppi|nsaids?|steroids?|antibiotics?|abx")
# the outpatient doubts of guideline IV.H, as an assessment writes them ("unlikely" is no doubt of a diagnosis)
DOUBT = re.compile(r"\b(possible|possibly|probable|probably|suspected|suspect|suspicious for|likely|r/o|rule out|"
                   r"ruling out|versus|vs|cannot exclude|cannot rule out|questionable|concern for|"
                   # a work-up's aim is a doubt too: "carotid duplex to evaluate for stenosis", "CT to exclude a
                   # fracture", "pancreatitis to be excluded", "ILD not excluded"
                   r"(to )?evaluate for|evaluation for|to exclude|to be excluded|not excluded|cannot be excluded|"
                   r"cannot be ruled out)\b|"
                   # a diagnosis "consider" proposes, not a treatment, a test or a referral it weighs
                   r"\bconsider(ing)?\s+(?!(" + _CONSIDERED_CARE + r")\b)(" + PROPOSED_DIAGNOSIS_QUALIFIER + r")|"
                   # a question mark at the diagnosis: "- ?PUD", "(?TIA)", "anemia?"
                   r"(?<![\w?])\?(?=\s?[a-z])|(?<=[a-z])\?(?!\w)", re.IGNORECASE)
_HELD = (DEFAULT_ENTRY_NAME, SYMPTOM_NAME)
_BETWEEN_TWO = re.compile(r"v(ersu)?s", re.IGNORECASE)
_SET_ASIDE = re.compile(r"(?<!\bnot )(?<!\bbe )(?<!\bcannot )\b(excluded|ruled out|unlikely)\b", re.IGNORECASE)
_EARLIER_VISIT = re.compile(r"\b(last (week|month)|\d+ (days?|weeks?|wks?|months?|mos?) ago|in the (ed|er|emergency "
                            r"(room|department)|hospital))\b", re.IGNORECASE)
# the sign's clause closed by its course: "short of breath climbing stairs, unchanged." (not "stable angina")
_AT_ITS_USUAL_LEVEL = re.compile(r",\s*(?:stable|unchanged|at baseline)\s*(?:[.;]|$)", re.IGNORECASE)
_KIND_OF_SIGN = re.compile(r"\b(exertional|(on|with) exertion|nocturnal|dry|productive|paroxysmal|positional)\b",
                           re.IGNORECASE)


def _sign_of_this_visit(s: Suggestion, note: str) -> bool:
    """Not dated to an earlier visit by its sentence nor said there to be at its usual level (a known condition's:
    "short of breath climbing stairs, unchanged" beside a COPD), and (a default entry) not written with a kind of
    the sign in its own list item, between the commas around it."""
    said = sentence(note, s.start, s.end)
    if _EARLIER_VISIT.search(said) or _AT_ITS_USUAL_LEVEL.search(note, s.end, sentence_end(note, s.end)):
        return False
    if s.convention != DEFAULT_ENTRY_NAME:
        return True
    first, last = sentence_start(note, s.start), sentence_end(note, s.end)
    left, right = note.rfind(",", first, s.start), note.find(",", s.end, last)
    return not _KIND_OF_SIGN.search(note[(left + 1 if left >= 0 else first):(right if right >= 0 else last)])


def open_doubt(doubt: re.Match, note: str) -> bool:
    """Not a "vs" whose sentence, across a ";", goes on to set one of its members aside."""
    if not _BETWEEN_TWO.fullmatch(doubt.group(0)):
        return True
    return not _SET_ASIDE.search(note, doubt.end(), sentence_end(note, doubt.end(), across_semicolons=True))


_CLAUSE_BREAK = re.compile(r"\s[-\u2013]\s|[:,;(]")


def _doubt_before_in_its_sentence(s: Suggestion, doubts: list[re.Match], note: str) -> re.Match | None:
    """A doubt earlier in the sign's sentence, a clause break between ("Possible IBS - lower abdominal pain")."""
    first = sentence_start(note, s.start)
    return next((d for d in reversed(doubts) if first <= d.start() and d.end() <= s.start
                 and _CLAUSE_BREAK.search(note, d.end(), s.start)), None)


def signs_of_a_doubted_diagnosis(suggestions: list[Suggestion], note: str) -> list[Suggestion]:
    if not any(s.convention in _HELD for s in suggestions):
        return suggestions
    doubts = [d for d in DOUBT.finditer(note) if open_doubt(d, note)]
    out = []
    for s in suggestions:
        doubt = next((d for d in doubts if d.start() >= s.end), None) or _doubt_before_in_its_sentence(s, doubts, note)
        if doubt is not None and s.convention in _HELD and s.context == "affirmed" and "R00" <= s.code[:3] <= "R69" \
                and _sign_of_this_visit(s, note):
            s = s.model_copy(update={"confidence": CONFIDENCE["default"], "convention": NAME, "reason": REASON.format(
                code=s.code, evidence=s.evidence, doubt=doubt.group(0))})
        out.append(s)
    return out
