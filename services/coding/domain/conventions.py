"""ICD-10-CM Official Guidelines conventions applied to the codes the note suggested, before reconciliation.

The term index finds each condition on its own; the guidelines then say how conditions combine: the "with"
presumption links hypertension to heart and kidney disease and diabetes to its listed complications (one
combination code, the stage or type kept as its "use additional code"), a symptom integral to a confirmed
diagnosis is not coded, dependence "in remission" has its own code, a vaccination is an encounter for
immunization rather than the disease it prevents, and an injury code needs its 7th character.

Each convention is a pure function (suggestions, note, tabular) -> (suggestions, reasons); a suggestion it
made or changed carries the convention's name and the reason, so a coder sees why. `tabular` answers from
the tabular's own notes (Excludes1, use additional code, 7th characters); the module reads nothing else.
Conventions that read the note's words more than the tabular live in their own modules and run first, so the
combinations see what they found: uncertain diagnoses, documented findings, history, encounter and status Z
codes, the tobacco product, dementia in a disease classified elsewhere, stroke sequelae, laterality; and, in
`encounter_reasons`, `drug_therapy`, `noncompliance`, `bmi`, `clinical_findings` and `diabetic_complications`,
the preoperative and follow-up encounters, maintenance drug therapy, noncompliance, the BMI, refinements by the
sentence's words, and the retinopathy and CKD stage parts of a combination.
"""
import re
from typing import Callable, Protocol

from services.coding.domain.copd_infection import copd_with_infection
from services.coding.domain.hypertensive_partners import hypertensive_partners
from services.coding.domain.ulcer_site import ulcer_site
from services.coding.domain.diabetic_neuropathy_type import diabetic_neuropathy_type
from services.coding.domain.deficiency_in_its_anemia import deficiency_in_its_anemia
from services.coding.domain.antiphospholipid_criterion import antiphospholipid_criterion
from services.coding.domain.allergy_status import allergy_status
from services.coding.domain.never_used import never_used
from services.coding.domain.smoke_exposure import smoke_exposure
from services.coding.domain.communicable_exposure import communicable_exposure
from services.coding.domain.infection_status import infection_status
from services.coding.domain.family_dementia_named import relatives_dementia_named
from services.coding.domain.agent_exposure import agent_exposure
from services.coding.domain.cough_duration import cough_by_duration
from services.coding.domain.bmi import body_mass_index
from services.coding.domain.clinical_findings import (coronary_with_angina, hypertensive_heart_disease,
                                                       refined_by_sentence)
from services.coding.domain.contraceptive_encounter import contraceptive_management
from services.coding.domain.convention_gates import gated, needs
from services.coding.domain.pattern_literals import Prefilter
from services.coding.domain.dementia_disturbance import dementia_disturbance
from services.coding.domain.dementia_named_cause import dementia_named_cause
from services.coding.domain.dementia_in_disease import dementia_in_disease
from services.coding.domain.dependence_withdrawal import dependence_withdrawal
from services.coding.domain.diabetes_control import diabetes_control
from services.coding.domain.diabetic_link_denied import entrapment_coded, link_denied, relatives
from services.coding.domain.diabetes_secondary_type import diabetes_secondary_type
from services.coding.domain.diabetes_type_answered import diabetes_type_answered
from services.coding.domain.diabetes_type_elsewhere import diabetes_type_elsewhere
from services.coding.domain.diabetes_uncontrolled import uncontrolled_diabetes
from services.coding.domain.diabetic_adjective import diabetes_named_by_complication
from services.coding.domain.diabetic_complications import (ckd_on_dialysis, ckd_stage, ckd_stated_stage,
                                                             diabetic_retinopathy, TYPE_STATED)
from services.coding.domain.documented_findings import documented_findings
from services.coding.domain.abdominal_pain_sites import organ_colic
from services.coding.domain.drug_therapy import maintenance_drug_therapy
from services.coding.domain.encounter_reasons import encounter_reasons
from services.coding.domain.encounter_z_codes import encounter_z_codes
from services.coding.domain.fall_history import fall_history
from services.coding.domain.self_harm_history import self_harm_history
from services.coding.domain.artificial_openings import artificial_openings
from services.coding.domain.social_determinants import social_determinants
from services.coding.domain.excluded_together import excluded_together
from services.coding.domain.cervical_cytology import cervical_cytology
from services.coding.domain.newborn_exam import newborn_exam_by_age
from services.coding.domain.corrected_malformation import corrected_malformations
from services.coding.domain.contraceptive_methods import contraceptive_methods
from services.coding.domain.pregnancy_chapter import pregnancy_chapter
from services.coding.domain.pregnancy_test import pregnancy_test_result
from services.coding.domain.history_entries import history_entries
from services.coding.domain.relative_heart_history import relative_heart_events
from services.coding.domain.history_z_codes import history_z_codes
from services.coding.domain.past_gout import past_gout
from services.coding.domain.resected_cancer import resected_cancers
from services.coding.domain.cancer_history import cancer_history
from services.coding.domain.radioiodine_history import radioiodine_given
from services.coding.domain.ablated_arrhythmia import ablated_arrhythmias
from services.coding.domain.resected_neoplasm import resected_benign_neoplasms
from services.coding.domain.dated_infarction import dated_infarctions
from services.coding.domain.treated_angina import treated_angina
from services.coding.domain.calcified_coronary_lesion import calcified_coronary_lesions
from services.coding.domain.pneumonia_organism import pneumonia_organism
from services.coding.domain.injury_encounter import stated_by_cue
from services.coding.domain.seventh_character_sent import NO_SEQUELA
from services.coding.domain.injury_specificity import injury_specificity
from services.coding.domain.integral_findings import CARDIOPULMONARY_INTEGRAL, KEPT_AS_OWN_ENTRY, SIGN_DIAGNOSES
from services.coding.domain.own_entry import heads_a_marked_entry
from services.coding.domain.joint_replacement import joint_replacement
from services.coding.domain.laterality import laterality
from services.coding.domain.lumbago_with_sciatica import lumbago_with_sciatica
from services.coding.domain.replaced_side import one_side_replaced
from services.coding.domain.named_complication import named_complication
from services.coding.domain.named_screenings import named_screenings
from services.coding.domain.screened_condition_known import screened_condition_known
from services.coding.domain.neurology_findings import single_nerve_neuropathy
from services.coding.domain.noncompliance import noncompliance
from services.coding.domain.underdosing import underdosing
from services.coding.domain.dementia_wandering import dementia_wandering
from services.coding.domain.osteoporotic_fracture import osteoporotic_fracture
from services.coding.domain.passed_stone import passed_stones
from services.coding.domain.elevated_reading import elevated_readings
from services.coding.domain.thyroid_results import thyroid_results
from services.coding.domain.lab_values import lab_values
from services.coding.domain.dismissed_ectopy import ectopy_dismissed_by_impression
from services.coding.domain.physiologic_regurgitation import physiologic_regurgitation
from services.coding.domain.seizure_trigger import seizure_trigger
from services.coding.domain.falling_asleep import falling_asleep
from services.coding.domain.eeg_recording_states import eeg_recording_states
from services.coding.domain.relative_death import relative_death
from services.coding.domain.psychiatry_findings import depression_episode
from services.coding.domain.same_condition import same_condition
from services.coding.domain.complicated_condition import complicated_condition
from services.coding.domain.vertebral_fragility_fracture import vertebral_fragility_fracture
from services.coding.domain.site_specificity import site_specificity
from services.coding.domain.status_z_codes import VACCINE_NAMES, status_z_codes
from services.coding.domain.stroke_sequela import past_cerebrovascular_event, stroke_sequela
from services.coding.domain.injury_as_cause import injury_as_cause
from services.coding.domain.past_stroke_named import one_past_stroke
from services.coding.domain.bodily_arrest import bodily_arrest
from services.coding.domain.surgical_absence import surgical_absence
from services.coding.domain.eradication_test import eradication_test
from services.coding.domain.polyp_surveillance import polyp_surveillance
from services.coding.domain.surgical_aftercare import surgical_aftercare
from services.coding.domain.suture_removal import suture_removal
from services.coding.domain.removed_condition import removed_conditions
from services.coding.domain.tobacco import tobacco_product
from services.coding.domain.ckd_manifestation_stage import ckd_stage_of_manifestation
from services.coding.domain.routine_exam_findings import routine_exam_with_findings
from services.coding.domain.same_site_signs import same_site_signs
from services.coding.domain.sign_set_apart import set_apart_from
from services.coding.domain.routine_exam_settled import settle_routine_exam
from services.coding.domain.note_terms import for_a_coder
from services.coding.domain.drug_effects import drug_effects
from services.coding.domain.burn_sites import burn_sites
from services.coding.domain.note_context import screened
from services.coding.domain.note_text import NEGATED_AFTER, affirmed_now, after as _after, sentence as _sentence, \
    sentence_start as _sentence_start
from services.coding.domain.suggestions import RULE_CONFIDENCE, SEVENTH_CHARACTER_MISSING, Suggestion
from services.coding.domain.uncertain import uncertain_diagnoses


class Tabular(Protocol):
    def is_billable(self, code: str) -> bool: ...
    def description(self, code: str) -> str: ...
    def excludes1_pair(self, first: str, second: str) -> bool: ...
    def allows_additional(self, code: str, paired: str) -> bool: ...
    def seventh_characters(self, code: str) -> dict[str, tuple[str, str]]: ...  # char -> (full code, meaning)
    def category_words(self, code: str) -> frozenset[str]: ...  # words its category's other codes use, not it
    def sibling_named_by(self, code: str, near: frozenset[str]) -> str | None: ...  # the one sibling they name


Result = tuple[list[Suggestion], list[str]]
Convention = Callable[[list[Suggestion], str, Tabular], Result]

_UNLINKED = re.compile(r"\b(unrelated|not related|not due to|attributed to|secondary to)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(no|denies|without|negative for|rule out|possible|suspected)\b", re.IGNORECASE)


def _affirmed(s: Suggestion) -> bool:
    return s.context == "affirmed"


def _combined(code: str, parts: list[Suggestion], note: str, tabular: Tabular, convention: str,
              reason: str) -> Suggestion:
    start, end = min(p.start for p in parts), max(p.end for p in parts)
    return Suggestion(code=code, description=tabular.description(code), confidence=min(p.confidence for p in parts),
                      start=start, end=end, evidence=note[start:end], context="affirmed", convention=convention,
                      reason=reason)


def _labelled(s: Suggestion, convention: str, reason: str) -> Suggestion:
    return s.model_copy(update={"convention": convention, "reason": reason})


def _pair_allowed(code: str, paired: list[Suggestion], tabular: Tabular) -> bool:
    """The tabular allows the pair: the paired code is one the combination's "use additional code" note asks
    for, and no Excludes1 stands between them."""
    return all(tabular.allows_additional(code, p.code) and not tabular.excludes1_pair(code, p.code) for p in paired)


def _linked(note: str, *parts: Suggestion, cause: list[Suggestion] = ()) -> bool:
    """The "with" presumption holds unless the note links the condition to another cause. A cause cue followed by
    the combination's own condition states the link ("CKD stage 3a, attributed to DM"), it names no other cause."""
    return not any(cue for p in parts for cue in _UNLINKED.finditer(_sentence(note, p.start, p.end))
                   if not _cause_is(note, _sentence_start(note, p.start) + cue.end(), cause))


# "attributed to DM", "secondary to diabetes": the cause is the combination's own condition, right after the cue
_CAUSE_NAMED = ("attributed to", "secondary to")


def _cause_is(note: str, cue_end: int, cause: list[Suggestion]) -> bool:
    cue = note[:cue_end].lower()
    return cue.endswith(_CAUSE_NAMED) and any(c.start >= cue_end and not note[cue_end:c.start].strip()
                                              for c in cause)


HYPERTENSION = ("I10", "I11.9")  # essential hypertension, or hypertensive heart disease stated in so many words
DIABETES = ("E08", "E09", "E10", "E11", "E13")
_END_STAGE = re.compile(r"\b(stage (5|v)|esrd|end[- ]stage)\b", re.IGNORECASE)


@needs(codes=HYPERTENSION)
def hypertension_combination(suggestions: list[Suggestion], note: str, tabular: Tabular) -> Result:
    """Hypertension with heart failure and/or chronic kidney disease is one I11-I13 code (guideline I.C.9.a):
    I10 (or I11.9) is replaced; the heart failure type (I50.-) and CKD stage (N18.-) stay as its additional codes."""
    htn = next((s for s in suggestions if s.code in HYPERTENSION and _affirmed(s)), None)
    if htn is None:
        return suggestions, []
    htn_mentions = [s for s in suggestions if s.code in HYPERTENSION and _affirmed(s)]
    hf = [s for s in suggestions if s.code.startswith("I50") and _affirmed(s) and _linked(note, s, cause=htn_mentions)]
    ckd = [s for s in suggestions if s.code.startswith("N18") and _affirmed(s) and _linked(note, s, cause=htn_mentions)]
    # "T2DM w/ diabetic CKD stage 2": the diabetes code states the CKD, whose stage code comes later (`ckd_stage`)
    diabetic_ckd = not ckd and any(s.code[:3] in DIABETES and s.code.endswith(".22") and _affirmed(s)
                                   for s in suggestions)
    if not hf and not ckd and not diabetic_ckd:
        return suggestions, []
    stage5 = any(s.code in ("N18.5", "N18.6") for s in ckd) or bool(diabetic_ckd and _END_STAGE.search(note))
    ckd_stated = ckd or diabetic_ckd
    if hf and ckd_stated:
        code, what = ("I13.2" if stage5 else "I13.0"), "heart failure and chronic kidney disease"
    elif ckd_stated:
        code, what = ("I12.0" if stage5 else "I12.9"), "chronic kidney disease"
    else:
        code, what = "I11.0", "heart failure"
    paired = hf + ckd
    if not _pair_allowed(code, paired, tabular):
        return suggestions, []
    reason = f"hypertension with {what} is presumed linked: {code} replaces I10" + (
        f", {' '.join(p.code for p in paired)} as its additional code" if paired else
        ", the diabetes code stating the chronic kidney disease")
    # every mention of the hypertension is the combination's ("HTN ... CKD secondary to HTN")
    kept = [_labelled(s, "hypertension-combination", f"use additional code with {code}") if s in paired else s
            for s in suggestions if s not in htn_mentions]
    return [_combined(code, [htn, *paired], note, tabular, "hypertension-combination", reason), *kept], [reason]


# (complication, combination code's characters after the category, codes it replaces, words in the note)
DIABETES_COMPLICATIONS = (
    ("chronic kidney disease", ".22", (), None),  # the stage code is kept, paired
    ("polyneuropathy", ".42", ("G62.9", "G60.9", "G62", "A69.22"), re.compile(r"\bpolyneuropath\w*", re.IGNORECASE)),
    ("retinopathy", ".319", ("H35.00",), re.compile(r"\bretinopathy\b", re.IGNORECASE)),
    # "Diabetes, with, ketoacidosis" E1x.10 and "with, hyperosmolarity" E1x.00 (without coma: a coma is a coder's);
    # the hyperglycemia of either is part of it
    ("ketoacidosis", ".10", ("E87.2", "E87.20", "E87.21", "E87.22", "E87.29"),
     re.compile(r"\b(diabetic )?keto-?acidosis\b(?![^.;]{0,30}\bcoma\b)|\bdka\b(?![^.;]{0,30}\bcoma\b)", re.IGNORECASE)),
    ("hyperosmolarity", ".00", ("E87.0",),
     re.compile(r"\bhyperosmolar(ity)?( hyperglycemic)?( nonketotic)?( state| syndrome)?\b(?![^.;]{0,30}\bcoma\b)|"
                r"\bhhs\b(?![^.;]{0,30}\bcoma\b)", re.IGNORECASE)),
    ("hyperglycemia", ".65", ("R73.9",), re.compile(r"(?<!hyperosmolar )\bhyperglyc\w*", re.IGNORECASE)),
    # the index's "Diabetes, with, nephropathy" E1x.21; with chronic kidney disease stated, E1x.22 says it all
    ("nephropathy", ".21", ("N08", "N05.9", "N28.9"), re.compile(r"\bnephropath\w*", re.IGNORECASE)),
    # "Diabetes, with, kidney complications NEC" E1x.29 for microalbuminuria, which stays coded beside it (R80.9);
    # beside a diabetic nephropathy or chronic kidney disease it is part of that combination instead
    ("microalbuminuria", ".29", (), re.compile(r"\bmicro-?albuminuria\b", re.IGNORECASE)),
    # "Diabetes, with, gastroparesis" E1x.43, the autonomic neuropathy; K31.84 stays beside it as the tabular asks
    ("gastroparesis", ".43", (), re.compile(r"\bgastroparesis\b", re.IGNORECASE)),
    # "Diabetes, with, autonomic (poly)neuropathy" E1x.43: the autonomic neuropathy (G90.9) is the combination's
    ("autonomic neuropathy", ".43", ("G90.9",), re.compile(r"\bautonomic (poly)?neuropath\w*", re.IGNORECASE)),
    # "Diabetes, with, amyotrophy" E1x.44, "with, mononeuropathy" E1x.41 (the nerve named as the mononeuropathy is
    # the combination's, as the index's "Mononeuropathy, in diabetes" sends it)
    ("amyotrophy", ".44", (), re.compile(r"\bamyotrophy\b", re.IGNORECASE)),
    ("mononeuropathy", ".41", ("G58.9",), re.compile(r"\bmononeuropath\w*", re.IGNORECASE)),
    # "Diabetes, with, gangrene" E1x.52 is the angiopathy with gangrene: it says what E1x.51 would
    ("gangrene", ".52", ("I96",), re.compile(r"\bgangren\w*", re.IGNORECASE)),
    # "Diabetes, with, Charcot's joints" E1x.610, the diabetic neuropathic arthropathy
    ("neuropathic arthropathy", ".610", (),
     re.compile(r"\bcharcot\b(?![- ]marie)(\W+\w+){0,2}\W+(arthropathy|joints?|foot|feet)\b|\bneuro-?arthropath\w*|"
                r"\bneuropathic (arthropathy|joint)", re.IGNORECASE)),
    # "Diabetes, with, arthropathy NEC" E1x.618: the diabetic hand's limited joint mobility (cheiroarthropathy)
    ("arthropathy", ".618", (), re.compile(r"\bcheiroarthropath\w*|\bdiabetic (hand )?arthropathy\b|"
                                           r"\bstiff hand syndrome\b", re.IGNORECASE)),
    ("peripheral angiopathy", ".51", ("I73.9",),
     re.compile(r"\bperipheral\s+(angiopath\w*|arterial disease|artery disease|vascular disease)\b", re.IGNORECASE)),
)
# complications read from the note's own words only where the mention is current (gangrene in a past amputation's
# reason is history, not a complication)
_CURRENT_MENTION_ONLY = frozenset({"amyotrophy", "mononeuropathy", "gangrene", "neuropathic arthropathy",
                                   "arthropathy", "peripheral angiopathy", "ketoacidosis", "hyperosmolarity",
                                   "autonomic neuropathy"})
# the acute crises, named in a past stay, as a risk, as resolved or as the diabetes's presentation at its diagnosis
# weeks or more ago ("presented in DKA at diagnosis 4 months ago"), are not today's condition
_ACUTE_COMPLICATIONS = frozenset({"ketoacidosis", "hyperosmolarity"})
_EPISODE_NOT_TODAY = re.compile(r"\b(admitted|admission|hospitali[sz]\w*|discharged?|prevent\w*|avoid\w*|risks?|"
                                r"sick[- ]day|resolved|history|hx|h/o|prior|previous|recent|last (year|month|week)|"
                                r"at (the )?(diagnosis|dx|onset)|(weeks?|wks?|months?|mos?|years?|yrs?) ago)\b",
                                re.IGNORECASE)
# the complications whose own finding is coded beside the combination
_FINDING_KEPT = frozenset({"microalbuminuria", "gastroparesis"})
_RETINOPATHY_SPECIFIED = re.compile(r"\b(proliferative|nonproliferative|non-proliferative|macular edema)\b",
                                    re.IGNORECASE)


# the strings each complication's words cannot be written without, looked for in one scan: one neither the note
# nor an affirmed suggestion's evidence holds, and no suggestion's code it replaces, finds nothing and is not
# searched for
_COMPLICATION_WORDS = Prefilter((words for _, _, _, words in DIABETES_COMPLICATIONS if words is not None),
                                single_letters=True)
_COMPLICATION_PLACES = tuple(None if words is None else _COMPLICATION_WORDS.place_of(words)
                             for _, _, _, words in DIABETES_COMPLICATIONS)


@needs(codes=("E10.9", "E11.9"))
def diabetes_combination(suggestions: list[Suggestion], note: str, tabular: Tabular) -> Result:
    """Diabetes "with" a listed complication is coded as the combination (guideline I.A.15): E11.9 ("without
    complications") gives way to E11.22 (+ the N18.- stage), E11.42, E11.319, E11.65, E11.21 or E11.29 (with
    microalbuminuria, coded beside it); the same for type 1.
    A retinopathy the note specifies further is left to a coder."""
    # the mention that states the type is the diabetes combined: a "Diabetes clinic" heading meets type 2, the
    # index's default, where the note says "type 1 diabetes" after it
    candidates = [s for s in suggestions if s.code in ("E10.9", "E11.9") and _affirmed(s)]
    dm = next((s for s in candidates if TYPE_STATED.search(s.evidence)), candidates[0] if candidates else None)
    if dm is None:
        return suggestions, []
    # every mention of the diabetes is the combination's ("DM2 - diet controlled ... CKD attributed to DM")
    category, made, reasons = dm.code[:3], [], []
    dropped = {id(s) for s in suggestions if s.code == dm.code and _affirmed(s)}
    # read once: the loop does not change the suggestions
    affirmed = [s for s in suggestions if _affirmed(s)]
    dm_mentions = [s for s in affirmed if s.code[:3] == category]
    written = _COMPLICATION_WORDS.possible_places("\n".join([note, *(s.evidence for s in affirmed)]))
    codes = {s.code for s in affirmed}
    for (name, suffix, replaces, words), place in zip(DIABETES_COMPLICATIONS, _COMPLICATION_PLACES):
        code = category + suffix
        if place is not None and place not in written and codes.isdisjoint(replaces):
            continue
        if words is None:
            found = paired = [s for s in affirmed if s.code.startswith("N18")]
        else:
            found = [s for s in affirmed if s.code in replaces or words.search(s.evidence)]
            paired = []
            if not found:
                # denied before it, or answered after it ("Diabetic retinopathy: none on last exam")
                found = [_mention(note, m) for m in words.finditer(note)
                         if not _NEGATED.search(note[_sentence_start(note, m.start()):m.start()])
                         and not NEGATED_AFTER.search(_after(note, m.end()))
                         # what a screening looks for ("urine albumin to screen for diabetic nephropathy")
                         and not screened(note, m.start(), m.end())
                         and (name not in _CURRENT_MENTION_ONLY or affirmed_now(note, m.start(), m.end()))]
        found = [s for s in found if _the_patients_complication(note, s, name, codes)] if words is not None else found
        if not found or not _linked(note, *found, cause=dm_mentions) or not _pair_allowed(code, paired, tabular) \
                or any(link_denied(_sentence(note, s.start, s.end)) for s in found):
            continue
        if name == "autonomic neuropathy" and any(m.code.endswith(".43") for m in made):
            dropped |= {id(s) for s in found}  # the gastroparesis already made it E1x.43
            continue
        if not tabular.is_billable(code) or (name == "hyperglycemia" and any(
                m.code.endswith((".00", ".10")) for m in made)) or (name in _ACUTE_COMPLICATIONS and all(
                _EPISODE_NOT_TODAY.search(_sentence(note, s.start, s.end)) for s in found)):
            continue  # E10 has no hyperosmolarity code; DKA and HHS are hyperglycemic states of their own
        if name == "retinopathy" and any(_RETINOPATHY_SPECIFIED.search(_sentence(note, s.start, s.end)) for s in found):
            continue
        if name == "nephropathy" and any(s.code.startswith("N18") and _affirmed(s) for s in suggestions):
            dropped |= {id(s) for s in found}  # the kidney disease E1x.22 states, not a code of its own
            continue
        if name == "microalbuminuria" and any(m.code.endswith((".21", ".22")) for m in made):
            continue
        if name == "peripheral angiopathy" and any(m.code.endswith(".52") for m in made):
            continue
        reason = f"diabetes with {name} is presumed linked: {code} replaces {dm.code}" + (
            f", {' '.join(p.code for p in paired)} as its additional code" if paired else "")
        made.append(_combined(code, [dm, *found], note, tabular, "diabetes-combination", reason))
        dropped |= {id(s) for s in found if s not in paired and name not in _FINDING_KEPT}
        reasons.append(reason)
    if not made:
        return suggestions, []
    paired_codes = {s.code for s in suggestions if s.code.startswith("N18")}
    kept = [_labelled(s, "diabetes-combination", f"use additional code with {category}.22")
            if s.code in paired_codes and any(m.code.endswith(".22") for m in made) else s
            for s in suggestions if id(s) not in dropped]
    return [*made, *kept], reasons


def _the_patients_complication(note: str, found: Suggestion, name: str, codes: set[str]) -> bool:
    """Neither a relative's complication nor a median or ulnar mononeuropathy the note codes as its entrapment."""
    if relatives(note[_sentence_start(note, found.start):found.start]):
        return False
    return name != "mononeuropathy" or not entrapment_coded(note[max(0, found.start - 30):found.end], codes)


def _mention(note: str, match: re.Match) -> Suggestion:
    """A complication named in the note but not indexed on its own ("retinopathy"): evidence for a combination."""
    return Suggestion(code="-", description="", confidence=1.0, start=match.start(), end=match.end(),
                      evidence=match.group(0), context="affirmed")


_NERVE_LESIONS = ("G56", "G57", "G58", "G60", "G61", "G62", "G63", "E08.4", "E09.4", "E10.4", "E11.4", "E13.4", "M54.1",
                  "M51.1", "M50.1")
# symptom code prefix -> diagnosis code prefixes it is integral to (guideline I.B.5): a small, reviewed table
INTEGRAL_SYMPTOMS = {
    "R05": ("J09", "J10", "J11", "J12", "J13", "J14", "J15", "J16", "J17", "J18", "J20", "J40"),
    # fever of an influenza or a pneumonia, an acute bronchitis or bronchiolitis, an upper respiratory infection, a
    # sinusitis or COVID-19
    "R50.9": ("J09", "J10", "J11", "J12", "J13", "J14", "J15", "J16", "J17", "J18", "J01", "J06", "J20", "J21",
              "U07.1"),
    "R51": ("G43", "G44", "S06.0"),
    "R42": ("S06.0", "H81"),  # dizziness, the vertigo of a peripheral vertigo disorder
    "R29.810": ("G51.0",),  # facial droop with Bell's palsy
    # joint and back pain with the joint's or the spine's diagnosis, an injury of the joint among them (the
    # fracture, sprain or dislocation at the joint: "R wrist pain ... Colles fx R"); a diagnosis whose title names
    # the joint and its side is read by `same_site_signs`
    "M25.51": ("M75", "S46", "M19.01", "S42.2", "S43"),
    "M25.52": ("S52.0", "S52.1", "S53", "M77.0", "M77.1"),
    # the wrist's fractures and sprains, and a de Quervain tenosynovitis, the radial styloid's, whose pain is at the
    # wrist's thumb side
    "M25.53": ("S52.5", "S52.6", "S62.0", "S62.1", "S63.5", "M65.4"),
    "M25.55": ("M16", "S72.0", "S72.1", "S73"),
    "M25.56": ("M17", "S83", "M23", "S82.0", "S82.1", "M92.5", "M22", "M76.5"),  # an Osgood-Schlatter's tibial
    # tubercle, the patella's disorders and its tendinitis are knee pain's cause
    "M25.57": ("S82.5", "S82.6", "S82.8", "S93.4", "S93.0"),
    "M54.1": ("M51.1", "M50.1"),  # the radiculopathy a disc disorder's code with radiculopathy states
    # neck pain with the cervical disc disorder, spondylosis, radiculopathy, strain or sprain
    "M54.2": ("M50", "M47.12", "M47.22", "M47.812", "M54.12", "S16.1", "S13.4"),
    # photophobia, a defining feature of a migraine attack and among the symptoms a concussion is diagnosed by
    "H53.14": ("G43", "S06.0"),
    # M54.5's Excludes1: lumbago with sciatica (M54.4-); the lumbar spine's spondylosis, radiculopathy, slipped or
    # broken vertebra, strain or sprain
    "M54.5": ("M51", "M48.06", "S39.01", "M54.4", "M47.16", "M47.26", "M47.27", "M47.816", "M47.817", "M54.16",
              "M54.17", "M43.16", "M43.17", "S33.5", "S32.0", "M48.56", "M80.08"),
    # the thoracic spine's: a vertebra's fracture or collapse, its spondylosis or radiculopathy
    "M54.6": ("S22.0", "M48.54", "M80.08", "M47.14", "M47.24", "M47.814", "M54.14"),
    "M54.9": ("M51", "M48", "S39.01"),
    "M54.3": ("M51",), "M54.4": ("M51",),
    "M79.6": ("M51.36", "M51.37", "M48.062",  # leg pain walking is the neurogenic claudication of M48.062
              "M54.1", "M50.1", "M51.1"),  # arm or leg pain along the root is the radiculopathy's own pain
    "R07.0": ("J02", "J03"),
    "R30.0": ("N30", "N39.0", "N10"), "R35.0": ("N30", "N39.0", "N10"), "R39.15": ("N30", "N39.0", "N10"),
    # bacteriuria and pyuria, the urinalysis findings a urinary infection (cystitis, pyelonephritis) is diagnosed by
    "R82.7": ("N30", "N39.0", "N10"), "R82.81": ("N30", "N39.0", "N10"),
    # nausea, vomiting of a gastroenteritis, a vertigo disorder, a migraine (a criterion of its attack) or a concussion
    "R11": ("A08", "A09", "K52.9", "H81", "G43", "S06.0"),
    "J02.9": ("J00", "J01", "J03", "J04", "J06", "J09", "J10", "J11"),  # "sore throat" with a cold, URI, flu
    "R00.2": ("I47", "I48", "I49", "E05"),  # palpitations with the arrhythmia found, or the thyrotoxicosis
    # tremor with Parkinson's disease, parkinsonism, essential tremor or a thyrotoxicosis
    "R25.1": ("G20", "G21", "G25.0", "E05"),
    "G24.9": ("G20.B",),  # "dyskinesia NOS" with Parkinson's disease with dyskinesia, which names it
    # fatigue, the commonest symptom of multiple sclerosis; the loss of energy a major depressive episode is defined by
    "R53.8": ("G35", "F32", "F33"),
    "R45.84": ("F32", "F33"),  # anhedonia, a defining symptom of a major depressive episode
    "R21": ("L20", "L21", "L22", "L23", "L24", "L25", "L26", "L27", "L28", "L29", "L30"),  # rash, the dermatitis itself
    # murmur with the valve disease heard, or the septal defect, valve or great vessel malformation (a PDA) heard
    "R01.1": ("I05", "I06", "I07", "I08", "I34", "I35", "I36", "I37", "Q20", "Q21", "Q22", "Q23", "Q24", "Q25"),
    # epigastric pain or dyspepsia of a gastritis or a peptic ulcer; the heartburn of reflux disease
    "R10.13": ("K25", "K26", "K27", "K28", "K29"), "R12": ("K21",),
    # tingling and numbness with the neuropathy, radiculopathy or nerve entrapment that causes them
    "R20.2": _NERVE_LESIONS, "R20.0": _NERVE_LESIONS,
    # albuminuria, the marker of the kidney disease a diabetic nephropathy, diabetic or hypertensive CKD code states
    "R80": ("E08.21", "E09.21", "E10.21", "E11.21", "E13.21", "E08.22", "E09.22", "E10.22", "E11.22", "E13.22", "N18",
            "I12", "I13"),
}


_SIDE = re.compile(r"\b(right|left)\b", re.IGNORECASE)


def _same_side(sign: str, diagnosis: str, tabular: Tabular) -> bool:
    """False only where both titles name one side and not the same one."""
    sides = [_SIDE.findall(tabular.description(code).lower()) for code in (sign, diagnosis)]
    return not (all(len(set(found)) == 1 for found in sides) and sides[0][0] != sides[1][0])


def _own_problem(sign: Suggestion, diagnosis: str, note: str) -> bool:
    """A sign the assessment lists as an entry of its own beside a diagnosis it is part of only otherwise."""
    owners = next((v for k, v in KEPT_AS_OWN_ENTRY.items() if sign.code.startswith(k)), ())
    return diagnosis.startswith(owners) and heads_a_marked_entry(note, sign.start, sign.end) if owners else False


@needs(codes=(*INTEGRAL_SYMPTOMS, *CARDIOPULMONARY_INTEGRAL))
def integral_symptoms(suggestions: list[Suggestion], note: str, tabular: Tabular) -> Result:
    """A sign or symptom routinely part of a confirmed diagnosis anywhere in the note is not coded; a side's sign
    only beside that side's diagnosis (a left knee's pain is no part of a right knee's osteoarthritis), and not
    where the words after it set it apart from that diagnosis ("fatigue - not thyroid-related")."""
    confirmed = [s.code for s in suggestions if _affirmed(s) and (s.code[0] not in "RZ" or s.code in SIGN_DIAGNOSES)]
    kept, reasons = [], []
    for s in suggestions:
        owners = tuple(owner for table in (INTEGRAL_SYMPTOMS, CARDIOPULMONARY_INTEGRAL)
                       for k, v in table.items() if s.code.startswith(k) for owner in v)
        owner = next((c for c in confirmed if c.startswith(owners) and _same_side(s.code, c, tabular)
                      and not _own_problem(s, c, note) and not set_apart_from(c, note, s.end)),
                     None) if owners else None
        if owner:
            reasons.append(f"{s.code} ({s.evidence}) is integral to {owner}: not coded")
        else:
            kept.append(s)
    return kept, reasons


_REMISSION = re.compile(r"\bremission\b", re.IGNORECASE)
_SUBSTANCE = re.compile(r"^F1[0-9]\.[12]")


def substance_in_remission(suggestions: list[Suggestion], note: str, tabular: Tabular) -> Result:
    """Abuse or dependence the note says is in remission takes the "in remission" code (F1x.11, F1x.21;
    F17.2x1), never the active one (guideline I.C.5.b.1)."""
    out, reasons = [], []
    for s in suggestions:
        if _SUBSTANCE.match(s.code) and _REMISSION.search(_sentence(note, s.start, s.end)):
            code = s.code[:6] + "1" if s.code.startswith("F17.2") else s.code[:5] + "1"
            if code != s.code and tabular.is_billable(code):
                reason = f"documented in remission: {code} rather than {s.code}"
                s = s.model_copy(update={"code": code, "description": tabular.description(code),
                                         "convention": "substance-in-remission", "reason": reason})
                reasons.append(reason)
        out.append(s)
    return out, reasons


_VACCINE = re.compile(r"\b(" + VACCINE_NAMES + r")\b", re.IGNORECASE)
_NOT_GIVEN = re.compile(r"\b(declined|refused|deferred|not given|due for|overdue|up to date|up-to-date|utd|"
                        r"previously|already (had|received|given)|"
                        # the record's status, not a dose: "Vaccines current.", "immunizations are complete"
                        r"(vaccin\w*|immuni[sz]ations?) (are |is )?(all )?(current|complete)|"
                        # a series finished before, whose immunity a titer now checks, is not a dose given today
                        r"completed (\w+ )?(vaccine |vaccination )?series|titers?|titres?|"
                        # an animal's vaccination after a bite or scratch: "dog vaccinated", "a vaccinated pet",
                        # "the dog's rabies vaccination documented"
                        r"(dog|cat|pet|animal|puppy|kitten|horse)(s|'s)? (is |was |are |were )?(fully )?(rabies )?vaccin\w*|"
                        r"vaccinated (dog|cat|pet|animal|puppy|kitten|horse))\b", re.IGNORECASE)


# a vaccine only talked of, someone else's or given before: "asks about the RSV vaccine, advised pharmacy", "BCG
# vaccinated as a child", "tetanus vaccine last year", "household contacts to get vaccine"; not where the same
# sentence gives a dose at this visit ("asked about Shingrix, first dose given today")
_NOT_THIS_DOSE = re.compile(r"\b(asks?|asked|asking|questions? about|advised|(?<!as )discussed|offered|recommended|will get|plans? to get|pharmacy|"
                            r"defer(red)? to|as an? (child|kid|infant|teen(ager)?)|in childhood|bcg|"
                            r"last (year|month|fall|autumn|winter|spring|summer|season)|(years?|yrs?|months?) ago|"
                            r"in (19|20)\d\d|series (is |was )?complete(d)?|"
                            # the vaccination told as the patient's status: "s/p hep B vaccine series", "COVID
                            # vaccinated, boosted", "immune from vaccination", "s/p COVID vaccine x3"
                            r"(s/p|status post) ((\w+ ){0,3}(vaccin\w*|series|shots?)|(the )?(" + VACCINE_NAMES + r"))|"
                            r"(fully |previously )?vaccinated|boosted|vaccin\w* x ?\d|"
                            r"(from|after|by|via) (the |a |an )?(\w+ ){0,2}vaccin\w*|"
                            # a season to come: "flu vaccine this fall"
                            r"this (fall|autumn|winter|season)|(next|in the) (fall|autumn|winter|season)|"
                            r"(daughter|son|granddaughter|grandson|children|child|contacts|household|husband|wife|"
                            r"partner|spouse)( \w+)? (needs?|to get|should get))\b", re.IGNORECASE)
_DOSE_TODAY = re.compile(r"\b(given|administered|today|this visit|in clinic)\b", re.IGNORECASE)
# a dose the sentence gives, but dates before this visit or places elsewhere ("PPSV23 given 2022", "Shingrix #1
# given at the pharmacy last month"), or gives only on a condition ("vaccine if nonimmune"): no dose today, though
# the sentence says "given"
_GIVEN_BEFORE_OR_ELSEWHERE = re.compile(
    # a bare year, not a full date's ("given today 12/03/2026", "given 2026-12-03")
    r"\b(given|received|administered|had)\b[^.;\n]{0,20}?(\b(in |on )?(?<![/-])(19|20)\d\d\b(?![/-]\d)|"
    r"\bat (the |a |an |his |her |their )?(pharmacy|work|school|health department|outside \w+|urgent care)\b|"
    r"\belsewhere\b|\blast (week|month|year|fall|autumn|winter|spring|summer|season)\b|"
    r"\b\d+ (days?|wks?|weeks?|mos?|months?|yrs?|years?) ago\b)|"
    r"\b(vaccin\w*|shots?|dose|series)\b\W+if (non-?immune|not immune|titers? (is |are )?(neg|negative|low))\b",
    re.IGNORECASE)


# the vaccine's record dated by its year right after the name ("Tdap 2022."): an earlier dose, not a full date's
_DATED_AFTER = re.compile(r"\W{1,3}((in|on) )?(?<![/-])(19|20)\d\d\b(?![/-]\d)")


def _dated_record(note: str, vaccine: re.Match) -> bool:
    """The vaccine named with the year of its dose and nothing said of a dose today ("Tdap 2022")."""
    return bool(_DATED_AFTER.match(note, vaccine.end())) and not _DOSE_TODAY.search(
        _sentence(note, vaccine.start(), vaccine.end()))


def _dose_given(said: str) -> bool:
    """A vaccine the sentence gives at this visit, not one declined, only asked about or given before."""
    return not (_NOT_GIVEN.search(said) or _GIVEN_BEFORE_OR_ELSEWHERE.search(said)
                or _NOT_THIS_DOSE.search(said) and not _DOSE_TODAY.search(said))


_SENTENCE_BREAK = re.compile(r"[.;\n]")


@needs(patterns=(_VACCINE,))
def immunization_encounter(suggestions: list[Suggestion], note: str, tabular: Tabular) -> Result:
    """A note about giving a vaccine is an encounter for immunization (Z23): the disease the vaccine prevents
    ("influenza vaccine") is not the patient's diagnosis."""
    named = list(_VACCINE.finditer(note))
    given = [m for m in named if _dose_given(_sentence(note, m.start(), m.end())) and not _dated_record(note, m)]
    # the disease named just before the vaccine's word in the same sentence ("hep B vaccine"), given or only asked
    # about, not a code whose evidence ends the sentence before ("A1c drawn as screening. Tdap given.")
    kept = [s for s in suggestions
            if not any(0 <= m.start() - s.end <= 3 and not _SENTENCE_BREAK.search(note, s.end, m.start())
                       for m in named)]
    dropped = [s.code for s in suggestions if s not in kept]
    if not given:
        return kept, [f"{' '.join(dropped)}: the disease a vaccine talked of prevents"] if dropped else []
    reason = "vaccine given: Z23 encounter for immunization" + (
        f", not {' '.join(dropped)} (the disease it prevents)" if dropped else "")
    z23 = Suggestion(code="Z23", description=tabular.description("Z23"), confidence=RULE_CONFIDENCE,
                     start=given[0].start(), end=given[0].end(), evidence=given[0].group(0), context="affirmed",
                     convention="immunization-encounter", reason=reason)
    return [z23, *[s for s in kept if s.code != "Z23"]], [reason]


SEVENTH_CHARACTER = "seventh-character"
_VISIT = re.compile(r"\b(visit|encounter|evaluation|presentation)\b")
_OPEN = re.compile(r"\bopen\b")
_CLOSED = " for closed fracture"
_ANY_FRACTURE = " for fracture"


def _stated_encounter(meaning: str, note: str) -> bool:
    """The note states the encounter the character means ("initial visit" is the initial encounter). A fracture
    the note does not call open is closed (guidelines I.C.19.c.1): "initial encounter" then means "initial
    encounter for closed fracture"."""
    if meaning in note:
        return True
    if meaning.endswith(_ANY_FRACTURE):  # a pathological or stress fracture: "initial encounter" is its own
        return meaning.removesuffix(_ANY_FRACTURE) in note
    return _CLOSED in meaning and not _OPEN.search(note) and meaning.replace(_CLOSED, "") in note


def completed_by_a_seventh_character(code: str, tabular: Tabular) -> bool:
    """Not billable as it stands, its category taking a 7th character: the codes `seventh_character` completes."""
    return not tabular.is_billable(code) and bool(tabular.seventh_characters(code))


@needs(coded_as=completed_by_a_seventh_character)
def seventh_character(suggestions: list[Suggestion], note: str, tabular: Tabular) -> Result:
    """A code whose category requires a 7th character is completed from the encounter the note states
    ("initial encounter", "sequela"), else left to a coder (below any auto-accept threshold, and an edit asking
    for it): an invalid code is never billed."""
    out, reasons, lowered = [], [], _VISIT.sub("encounter", NO_SEQUELA.sub("", note.lower()))
    for s in suggestions:
        allowed = tabular.seventh_characters(s.code) if not tabular.is_billable(s.code) else {}
        if not allowed:
            out.append(s)
            continue
        # the most specific meaning the note states, when no other is as long ("initial encounter for closed
        # fracture" beats "initial encounter"); two of a length is a question for a coder
        stated = sorted(((len(meaning), char) for char, (_, meaning) in allowed.items()
                         if meaning and _stated_encounter(meaning.lower(), lowered)), reverse=True)
        cue = stated_by_cue(allowed, note) if not stated else None
        if cue or (stated and (len(stated) == 1 or stated[0][0] > stated[1][0])):
            char = cue or stated[0][1]
            full, meaning = allowed[char]
            reason = f"7th character {char} ({meaning}) as the note states"
            out.append(s.model_copy(update={"code": full, "description": tabular.description(full),
                                            "convention": SEVENTH_CHARACTER, "reason": reason}))
        else:
            options = ", ".join(f"{char} {meaning}" for char, (_, meaning) in sorted(allowed.items()))
            reason = f"{s.code} needs a 7th character the note does not state: {options}"
            out.append(for_a_coder(s, SEVENTH_CHARACTER_MISSING, reason))
        reasons.append(reason)
    return out, reasons


CONVENTIONS: tuple[Convention, ...] = (falling_asleep, uncertain_diagnoses, documented_findings, organ_colic,
                                       infection_status, relatives_dementia_named, refined_by_sentence,
                                       diabetes_type_answered, injury_specificity,
                                       joint_replacement, depression_episode, single_nerve_neuropathy, history_z_codes, polyp_surveillance, resected_cancers,
                                       history_entries, past_gout, resected_benign_neoplasms, dated_infarctions, treated_angina, pneumonia_organism, copd_with_infection,
                                       eradication_test, encounter_reasons, cancer_history, radioiodine_given, ablated_arrhythmias, encounter_z_codes,
                                       contraceptive_management, contraceptive_methods, named_screenings, screened_condition_known,
                                       maintenance_drug_therapy, status_z_codes, artificial_openings, allergy_status,
                                       surgical_absence, surgical_aftercare, suture_removal, removed_conditions, corrected_malformations,
                                       noncompliance, underdosing, fall_history, self_harm_history, social_determinants, bodily_arrest, body_mass_index, never_used, tobacco_product, smoke_exposure, communicable_exposure, agent_exposure, cough_by_duration, dementia_named_cause, dementia_disturbance, dementia_in_disease, dementia_wandering, passed_stones,
                                       elevated_readings, thyroid_results, lab_values, ectopy_dismissed_by_impression, physiologic_regurgitation,
                                       eeg_recording_states, seizure_trigger, relative_death, relative_heart_events,
                                       past_cerebrovascular_event, stroke_sequela, injury_as_cause, one_past_stroke, site_specificity, laterality, one_side_replaced,
                                       lumbago_with_sciatica,
                                       immunization_encounter,
                                       drug_effects, burn_sites, seventh_character, osteoporotic_fracture, substance_in_remission, ckd_stated_stage,
                                       ckd_stage_of_manifestation,
                                       vertebral_fragility_fracture,
                                       coronary_with_angina, calcified_coronary_lesions,
                                       hypertension_combination, hypertensive_heart_disease,
                                       diabetes_named_by_complication,
                                       diabetes_combination, diabetes_control, uncontrolled_diabetes,
                                       diabetes_type_elsewhere,
                                       diabetic_retinopathy, ulcer_site, diabetic_neuropathy_type, diabetes_secondary_type, ckd_stage, ckd_on_dialysis, hypertensive_partners, integral_symptoms,
                                       same_site_signs, same_condition,
                                       named_complication, dependence_withdrawal, complicated_condition,
                                       cervical_cytology, pregnancy_test_result, pregnancy_chapter,
                                       deficiency_in_its_anemia, antiphospholipid_criterion,
                                       excluded_together, routine_exam_with_findings,
                                       settle_routine_exam, newborn_exam_by_age)


def apply_conventions(suggestions: list[Suggestion], note: str, tabular: Tabular) -> list[Suggestion]:
    return sorted(gated(CONVENTIONS).apply(suggestions, note, tabular), key=lambda s: s.start)
