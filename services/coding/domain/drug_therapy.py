"""Long-term (current) drug therapy Z79.- read from the medication the note says the patient is on.

The Z79 codes are for a drug the patient takes continuously for a long-term condition, prophylactically or as
maintenance (ICD-10-CM guidelines I.C.21.c.3). Some drug classes are taken that way by nature: anticoagulants
and antiplatelets, low-dose aspirin, oral and injectable non-insulin antidiabetic drugs (for which I.C.4.a.3
assigns Z79.84/Z79.85 whenever type 2 diabetes is treated with them, beside Z79.4 for insulin), bisphosphonates
and methotrexate. For them a note saying the patient is on the drug ("on apixaban", a medication list with a
dose, "continue metformin") documents the therapy. Drugs also given for a few days (steroids, opioids, NSAIDs)
need the note to say long-term (`encounter_z_codes`).

Not for a drug denied ("not on anticoagulation"), stopped, held, declined, being considered or only started today, one the patient is allergic to,
a relative's, or a course of days; insulin is `status_z_codes`' (Z79.4 depends on the type of diabetes). An
antidiabetic also given without diabetes (metformin, SGLT2 inhibitors, GLP-1 agonists) counts only where the note
names diabetes.
"""
import re

from services.coding.domain.note_text import (FAMILY, HYPOTHETICAL, NEGATED_AFTER, after, before, negated_before,
                                              sentence, sentence_end, sentence_start)
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.past_drug_use import named_as_past_use
from services.coding.domain.pattern_literals import may_match, required_literals
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "drug-therapy-z-code"


# maintenance drug classes: (names, code)
MAINTENANCE_DRUGS = (
    (_rx(r"warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban|savaysa|"
         r"enoxaparin|lovenox|anticoagula\w+"), "Z79.01"),
    (_rx(r"clopidogrel|plavix|ticagrelor|brilinta|prasugrel|effient|antiplatelet\w*"), "Z79.02"),
    (_rx(r"aspirin|asa(?=\s*\d)"), "Z79.82"),  # "ASA" alone is also the anesthesia physical status
    (_rx(r"metformin|glucophage|glipizide|glyburide|glimepiride|pioglitazone|sitagliptin|januvia|linagliptin|"
         r"tradjenta|empagliflozin|jardiance|dapagliflozin|farxiga|canagliflozin|invokana|janumet|"
         r"oral hypoglycemics?"), "Z79.84"),
    (_rx(r"semaglutide|ozempic|liraglutide|victoza|dulaglutide|trulicity|tirzepatide|mounjaro|exenatide"),
     "Z79.85"),
    (_rx(r"alendronate|fosamax|risedronate|actonel|ibandronate|boniva|zoledronic acid|reclast|bisphosphonates?"),
     "Z79.83"),
    (_rx(r"methotrexate|mtx"), "Z79.631"),
    # the endocrine therapies of breast cancer, taken for five years or more: the class must be known by name
    (_rx(r"anastrozole|arimidex|letrozole|femara|exemestane|aromasin|aromatase inhibitors?"), "Z79.811"),
    (_rx(r"tamoxifen|raloxifene|evista|selective estrogen receptor modulators?"), "Z79.810"),
)
# Z79.84/Z79.85 are the long-term use of antidiabetic drugs. Metformin (prediabetes, PCOS), SGLT2 inhibitors
# (heart failure, kidney disease) and GLP-1 agonists (obesity) are also given without diabetes, often in a medication
# list beside other problems: for these the note must name diabetes (a sulfonylurea or a gliptin is for nothing else)
ALSO_FOR_OTHER_CONDITIONS = _rx(r"metformin|glucophage|empagliflozin|jardiance|dapagliflozin|farxiga|canagliflozin|"
                                r"invokana|semaglutide|ozempic|wegovy|rybelsus|liraglutide|victoza|saxenda|tirzepatide|"
                                r"mounjaro|zepbound|dulaglutide|trulicity|exenatide")
DIABETES = _rx(r"diabet\w*|dm\s?(1|2|i|ii)?|t[12]dm|niddm|iddm")
_ANY = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in MAINTENANCE_DRUGS), re.IGNORECASE)
_ANY_WORDS = required_literals(_ANY)  # a note without one of the drugs' words is not scanned
# the patient takes it: a dose after the name, or a cue of current use before it in the sentence
# (a dose is an amount with its unit or its frequency: "metformin 500 mg", "metformin 500 bid")
# (or a strength written bare where a list item ends, as plans write it: "ASA 81 + clopidogrel 75.")
_DOSE_AFTER = re.compile(r"^\W*(\w+\W+){0,2}\d+(\.\d+)?\s*(mg|mcg|g|units?|u|bid|tid|qid|qd|qhs|qam|daily|"
                         r"weekly)\b|^[ \t]+\d{1,3}(\.\d+)?[ \t]*([+,;)]|\.(?!\d)|$|\n)", re.IGNORECASE)
_CONTINUED_AFTER = re.compile(r"^\W*(\w+\W+){0,3}(continued|continues|ongoing)\b", re.IGNORECASE)
# the drug with what it is given for: "apixaban for CHA2DS2-VASc 3", "warfarin for mechanical valve"
_INDICATION_AFTER = re.compile(r"^[ \t]+(for|d/t|due to)\b(?![ \t]+\d+[ \t]*(d|days?|wks?|weeks?|mo|months?)\b)",
                               re.IGNORECASE)
_TAKING_BEFORE = re.compile(r"\b(on|takes|taking|uses|using|cont|continues?|continued|maintained on|meds?|regimen|"
                            r"medications?|current medications?|rx)\b", re.IGNORECASE)
# a denial of the drug itself ("not on anticoagulation"), not of another condition earlier in the sentence
# ("T2DM without complications on metformin": a diagnosis' own qualifier, "without complications", denies nothing after it)
_JUST_NEGATED = re.compile(r"\b(no|not|never|denies|without(?! complications?\b))\b(\W+\w+){0,2}\W*$", re.IGNORECASE)
_NOT_TAKEN = _rx(r"stop(ped|ping)?|discontinu\w*|d/c'?d|held|hold(ing)?|off|declin\w*|refus\w*|consider\w*|"
                 r"candidate|start(ed|ing|s)?|initiat\w*|completed|finished|allerg\w*|intoleran\w*|instead of|switch(ed)? from|"
                 r"x ?\d+ ?(days?|d)|for \d+ days|course|burst|taper")


# "as needed" belongs to the one drug of its list item: "on ASA 81 + metoprolol + NTG prn" takes aspirin daily
_AS_NEEDED = _rx(r"if needed|as needed|prn")
_ITEM_SEPARATOR = re.compile(r"[+,;]")


def _list_item(note: str, start: int, end: int) -> str:
    """The item of a medication list around note[start:end]: its sentence, between the separators either side."""
    first, stop = sentence_start(note, start), sentence_end(note, end)
    first = max((m.end() for m in _ITEM_SEPARATOR.finditer(note, first, start)), default=first)
    last = _ITEM_SEPARATOR.search(note, end, stop)
    return note[first:last.start() if last else stop]


def _taken(note: str, match: re.Match) -> bool:
    text = sentence(note, match.start(), match.end())
    if _AS_NEEDED.search(_list_item(note, match.start(), match.end())):
        return False
    after = note[match.end():match.end() + 30]
    stated = _DOSE_AFTER.search(after) or _CONTINUED_AFTER.search(after) or _INDICATION_AFTER.search(after) or \
        _TAKING_BEFORE.search(before(note, match.start()))
    return bool(stated) and not (_NOT_TAKEN.search(text) or FAMILY.search(text) or denied_in_its_item(note, match)
                             or named_as_past_use(note, match))


def denied_in_its_item(note: str, match: re.Match) -> bool:
    """A denial right before a drug or device reaches it across a list's separator only where its own item says
    nothing of its own: "not on aspirin, clopidogrel" denies both, while "no deficits, on clopidogrel", "no coma,
    on insulin pump" and "without complications - stable, metformin 500 bid" take it."""
    said = before(note, match.start())
    own = said[max((m.end() for m in _ITEM_SEPARATOR.finditer(said)), default=0):]
    states_its_own = _TAKING_BEFORE.search(own) or _DOSE_AFTER.search(note[match.end():match.end() + 30])
    return bool(_JUST_NEGATED.search(own if states_its_own else said))


def for_this_class(match: re.Match, note: str) -> bool:
    """An antidiabetic also given without diabetes counts as one only where the note names diabetes."""
    return not ALSO_FOR_OTHER_CONDITIONS.fullmatch(match.group(0)) or any(
        _patients_own(note, named) for named in DIABETES.finditer(note))


def _patients_own(note: str, named: re.Match) -> bool:
    """Diabetes named as the patient's: not denied ("No diabetes."), not a relative's, not only screened for."""
    return not (negated_before(note, named.start()) or NEGATED_AFTER.search(after(note, named.end()))
                or FAMILY.search(sentence(note, named.start(), named.end()))
                or HYPOTHETICAL.search(before(note, named.start())))


def maintenance_drug_therapy(suggestions: list[Suggestion], note: str,
                             tabular) -> tuple[list[Suggestion], list[str]]:
    if not (may_match(_ANY_WORDS, note) and _ANY.search(note)):
        return suggestions, []
    present = {s.code for s in suggestions}
    made = []
    for pattern, code in MAINTENANCE_DRUGS:
        match = next((m for m in pattern.finditer(note) if _taken(note, m) and for_this_class(m, note)), None)
        if match is None or code in present or not tabular.is_billable(code):
            continue
        made.append(from_rule(code, match, tabular, NAME, f"{match.group(0)}: {code}, long-term (current) use "
                                                          "of a drug taken as maintenance"))
    return [*suggestions, *made], [m.reason for m in made]
