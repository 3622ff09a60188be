"""A patient's underdosing of a prescribed drug (T36-T50 with sixth character 6) and its intent (Z91.12- or
Z91.13-), read where the note says the patient takes less than prescribed: ran out, skips, rations, stopped on
their own, forgets or misses doses (guideline I.C.19.e.5.c: underdosing is taking less of a medication than
prescribed, or stopping it, on the patient's own initiative; the noncompliance code, "code also" under Z91.1,
tells its intent). The drug's class is the one `drug_effects` files it under; the 7th character is the initial
encounter, as the condition the drug treats is the one the visit acts on.

Intent by the sentence's reason: cost or money Z91.120 (financial hardship; "ran out because of cost" as well),
a choice the patient made (skipping, rationing, stopping on their own) Z91.128, age-related memory Z91.130,
forgetting, missing or running out Z91.138; with none of these, the T code alone. A drug stopped by a clinician,
a denial ("no missed doses") or a relative's is not read.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.drug_vocabulary import ANY_DRUG, drug_class
from services.coding.domain.note_text import FAMILY, negated_before, sentence, sentence_end, sentence_start
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "underdosing"
# the cues whose object is the drug ("skipping furosemide", "rationing glargine", "stopped lithium on his own")
_ACTS_ON_DRUG = _rx(r"rationing|rations|skip(s|ped|ping)|stopped( taking)?|quit taking|ran out of|runs out of|"
                    r"running out of|underdos(ed|ing)( of)?")
# the cues that name no drug: the drug is the one their sentence, or the sentence before, names
_MISSES_DOSES = _rx(r"ran out|runs out|missed doses|misses doses|missing doses|missed (his|her|the) (\w+ )?doses?|"
                    r"forg[eo]t(s|ting)? (to take (it|them|(his|her|the) \w+)|(his|her|the) (\w+ )?(doses?|pills?|"
                    r"meds|medications?))")
_CUE = re.compile(f"{_ACTS_ON_DRUG.pattern}|{_MISSES_DOSES.pattern}", re.IGNORECASE)
_OBJECT = re.compile(r"^\s+((his|her|their|the|a|doses of|taking)\s+)?$", re.IGNORECASE)
# stopping counts only as the patient's own act: "stopped on his own", "stopped because she could not afford it"
_OWN_STOP = _rx(r"on (his|her|their) own|(could not|couldn't|can't|cannot|unable to) afford|cost|copay|"
                r"felt (flat|fine|better)|side effects?")
_FINANCIAL = _rx(r"afford|cost|costs|copay|price|money|expensive|financial(ly)?|"
                 r"(could not|couldn't|cannot|can't|unable to) pay")
_AGE = _rx(r"age-related|(old|advanced) age|with age")
_CHOSEN = _rx(r"skip(s|ped|ping)?|rationing|rations|stopped( taking)?|quit taking|on (his|her|their) own|"
              r"on purpose|intentional(ly)?|to make (it|the \w+) last|takes? (only )?half")
_UNINTENDED = _rx(r"forg[eo]t\w*|missed|misses|missing|ran out|runs out|running out")
_BY_CLINICIAN = _rx(r"(stopped|held|discontinued) by|per (cardiology|nephrology|neurology|psychiatry|pcp)|"
                    r"(we|i) stopped|advised to stop|told to stop")
_Z_CODES = {"financial": "Z91.120", "chosen": "Z91.128", "age": "Z91.130", "other": "Z91.138"}


@needs(patterns=(_CUE,))
def underdosing(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if _CUE.search(note) is None or ANY_DRUG.search(note) is None:
        return suggestions, []
    have = {s.code for s in suggestions}
    made: dict[str, Suggestion] = {}
    for cue in _CUE.finditer(note):
        text = sentence(note, cue.start(), cue.end())
        drug = _drug_of(note, cue)
        if drug is None or not _patients_own(note, cue, text):
            continue
        stem, title = drug_class(drug.group(0))
        code, intent = f"{stem}6A", _Z_CODES.get(_intent(text))
        if not tabular.is_billable(code) or code in have or code in made:
            continue
        reason = f"{cue.group(0)} {drug.group(0)}: {code}, underdosing of {title}"
        made[code] = from_rule(code, drug, tabular, NAME, reason + (f", and {intent}" if intent else ""))
        if intent and tabular.is_billable(intent) and intent not in have and intent not in made:
            made[intent] = from_rule(intent, cue, tabular, NAME, f"{cue.group(0)}: {intent}, "
                                                                  f"{tabular.description(intent)}")
    if not made:
        return suggestions, []
    return [*suggestions, *made.values()], [s.reason for s in made.values()]


def _drug_of(note: str, cue: re.Match) -> re.Match | None:
    """The drug a cue acts on (right after it), or for a cue naming none the drug its sentence names, else the
    one drug the sentence before it names ("on methimazole. Ran out 10 days ago and missed doses")."""
    end = sentence_end(note, cue.end())
    if _ACTS_ON_DRUG.fullmatch(cue.group(0)):
        drug = ANY_DRUG.search(note, cue.end(), end)
        if drug is not None and _OBJECT.match(note[cue.end():drug.start()]):
            return drug
        if not _MISSES_DOSES.fullmatch(cue.group(0)):
            return None
    start = sentence_start(note, cue.start())
    named = list(ANY_DRUG.finditer(note, start, end))
    if not named and start > 1:
        named = list(ANY_DRUG.finditer(note, sentence_start(note, start - 1), start))
        if len({drug_class(m.group(0)) for m in named}) != 1:
            return None
    return named[0] if named else None


def _patients_own(note: str, cue: re.Match, text: str) -> bool:
    if negated_before(note, cue.start()) or FAMILY.search(text) or _BY_CLINICIAN.search(text):
        return False
    return not cue.group(0).lower().startswith(("stopped", "quit")) or _OWN_STOP.search(text) is not None


def _intent(text: str) -> str | None:
    """None where the sentence gives no intent ("underdosing of insulin"): the Z91.1- code is a coder's question."""
    if _FINANCIAL.search(text):
        return "financial"
    if _AGE.search(text):
        return "age"
    if _CHOSEN.search(text):
        return "chosen"
    return "other" if _UNINTENDED.search(text) else None
