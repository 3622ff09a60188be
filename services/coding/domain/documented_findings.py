"""Conditions the ICD-10-CM index does not reach from the words notes use, and the specificity the words carry.

The index keys are the tabular's own texts: "pneumonia" alone meets "Pneumonia, unspecified organism" nowhere,
"dizziness" is "Dizziness and giddiness", "neck pain" is "Cervicalgia". Each finding below names the words and
the code the ICD-10-CM alphabetic index sends them to; a finding whose code depends on further words (the heart
failure type and acuity, an exacerbation, gout's site and side, BPH with urinary symptoms, a positive strep test)
reads them from the same sentence or the note. A finding is made only where the note states it as a current
condition, and it replaces a less specific code the index found on the same words (I50.9, J45.909, M10.9).
"""
import re
from dataclasses import dataclass
from typing import Callable

from services.coding.domain.abnormal_study_findings import ABNORMAL_STUDY_FINDINGS, ABNORMAL_STUDY_WORDS
from services.coding.domain.chronic_care_entries import CHRONIC_CARE_ENTRIES
from services.coding.domain.infection_entries import INFECTION_ENTRIES
from services.coding.domain.neoplasm_sites import NEOPLASM_SITE_FINDINGS, NEOPLASM_SITE_WORDS, neoplasm_current
from services.coding.domain.pressure_ulcers import PRESSURE_ULCER_FINDINGS
from services.coding.domain.clinical_findings import CLINICAL_FINDINGS, CORONARY_DISEASE_NAMES, coronary_current
from services.coding.domain.common_name_findings import COMMON_NAME_FINDINGS
from services.coding.domain.index_entry_variants import INDEX_ENTRY_VARIANTS
from services.coding.domain.index_word_findings import INDEX_WORD_FINDINGS
from services.coding.domain.lay_word_findings import LAY_WORD_FINDINGS
from services.coding.domain.lung_findings import LUNG_FINDINGS
from services.coding.domain.valve_and_rheumatic_names import VALVE_AND_RHEUMATIC_FINDINGS
from services.coding.domain.sign_word_findings import SIGN_WORD_FINDINGS
from services.coding.domain.symptom_word_findings import SYMPTOM_WORD_FINDINGS
from services.coding.domain.abdominal_pain_sites import ABDOMINAL_PAIN_SITE_FINDINGS, ABDOMINAL_SITE_WORDS
from services.coding.domain.vertigo_disorders import VERTIGO_FINDINGS, VERTIGO_WORDS
from services.coding.domain.injury_encounter import injury_current
from services.coding.domain.injury_findings import INJURIES
from services.coding.domain.injury_sites import INJURY_SITE_WORDS, INJURY_SITES
from services.coding.domain.laceration_sites import LACERATION_SITE, LACERATION_WORDS, laceration_code
from services.coding.domain.joint_site_findings import JOINT_SITE_FINDINGS, JOINT_SITE_WORDS
from services.coding.domain.joint_signs import JOINT_SIGN_FINDINGS, JOINT_SIGN_WORDS
from services.coding.domain.both_sides_stiffness import BOTH_SIDES_STIFFNESS_FINDINGS, BOTH_SIDES_STIFFNESS_WORDS
from services.coding.domain.both_sides_effusion import BOTH_SIDES_EFFUSION_FINDINGS, BOTH_SIDES_EFFUSION_WORDS
from services.coding.domain.both_sides_pain import BOTH_SIDES_PAIN_FINDINGS, BOTH_SIDES_PAIN_WORDS
from services.coding.domain.head_and_chest_injuries import HEAD_AND_CHEST_INJURIES, HEAD_AND_CHEST_WORDS
from services.coding.domain.musculoskeletal_findings import MUSCULOSKELETAL_FINDINGS, MUSCULOSKELETAL_WORDS
from services.coding.domain.bone_site_findings import BONE_SITE_FINDINGS, BONE_SITE_WORDS
from services.coding.domain.nerve_injury_sites import NERVE_INJURY_SITES, NERVE_INJURY_WORDS
from services.coding.domain.neurology_findings import NEUROLOGY_FINDINGS, NEUROLOGY_WORDS
from services.coding.domain.osteoarthritis_current import osteoarthritis_current
from services.coding.domain.heart_failure_named_type import heart_failure_current
from services.coding.domain.workup_aim import AIM_AFTER
from services.coding.domain.neurology_syndromes import NEUROLOGY_SYNDROME_FINDINGS, NEUROLOGY_SYNDROME_WORDS
from services.coding.domain.organ_system_entries import ORGAN_SYSTEM_ENTRIES, ORGAN_SYSTEM_WORDS
from services.coding.domain.blood_and_metabolic_entries import BLOOD_METABOLIC_ENTRIES, BLOOD_METABOLIC_WORDS
from services.coding.domain.drug_induced_disorders import DRUG_INDUCED_ENTRIES, DRUG_INDUCED_WORDS
from services.coding.domain.substance_induced_disorders import SUBSTANCE_INDUCED_ENTRIES, SUBSTANCE_INDUCED_WORDS
from services.coding.domain.childhood_entries import CHILDHOOD_ENTRIES, CHILDHOOD_WORDS
from services.coding.domain.pregnancy_entries import PREGNANCY_ENTRIES, PREGNANCY_WORDS
from services.coding.domain.psychiatry_findings import PSYCHIATRY_FINDINGS, PSYCHIATRY_WORDS
from services.coding.domain.use_disorder_remission import (REMISSION_WORD, USE_DISORDER_FAMILY,
                                                          USE_DISORDER_IN_REMISSION, remission_current,
                                                          use_disorder_in_remission)
from services.coding.domain.site_and_kind_entries import SITE_AND_KIND_ENTRIES, SITE_AND_KIND_WORDS
from services.coding.domain.glaucoma_stage import GLAUCOMA_ENTRIES, GLAUCOMA_WORDS
from services.coding.domain.rheumatoid_factor_sites import RHEUMATOID_FACTOR_ENTRIES, RHEUMATOID_FACTOR_WORDS
from services.coding.domain.rheumatoid_lung_disease import RHEUMATOID_LUNG_ENTRIES, RHEUMATOID_LUNG_WORDS
from services.coding.domain.context_z_codes import history_code
from services.coding.domain.finding_resolvers import Resolve, fixed
from services.coding.domain.chronic_conditions import cared_for_now
from services.coding.domain.ended_history import ended_in_the_past
from services.coding.domain.note_context import FAMILY, RESOLVED, mention_scope, past_by_name
from services.coding.domain.pattern_literals import NOTE_WORDS, Prefilter, possible_indexes
from services.coding.domain.note_text import (CAUSE_CLAUSE, HYPOTHETICAL, NEGATED_AFTER, NEGATION, UNCERTAIN_AFTER,
                                              UNCERTAIN_BEFORE, before, current, doubted_after,
                                              current_without,
                                              current_sign, current_under_history_heading, sentence, sentence_start, uncertain,
                                              word_pattern as _word)
from services.coding.domain.suggestions import (SYMPTOM_NAMED_DISORDERS, Suggestion, from_rule, overlapping,
                                               replacing)
from services.coding.domain.use_additional_symptoms import asked_for_beside

NAME = "documented-finding"
FAMILY_HISTORY_CONFIDENCE = 0.9  # as the suggester's codes from the index's History entry


@dataclass(frozen=True)
class Finding:
    pattern: re.Pattern
    family: tuple[str, ...]  # codes the index may have found on the same words, which this finding replaces
    resolve: Resolve
    is_current: Callable[[str, int, int], bool] = current  # injuries: "s/p" under follow-up care is current
    gate: re.Pattern | None = None  # a table's words: one search skips all of its findings in most notes


_HF_SYSTOLIC = re.compile(r"\b(systolic|hfref|reduced ejection fraction|reduced ef)\b", re.IGNORECASE)
_HF_DIASTOLIC = re.compile(r"\b(diastolic|hfpef|preserved ejection fraction|preserved ef)\b", re.IGNORECASE)
_ACUTE_ON_CHRONIC = re.compile(r"\bacute on chronic\b|\bdecompensated chronic\b", re.IGNORECASE)
_ACUTE = re.compile(r"\b(acute|acutely|decompensated)\b", re.IGNORECASE)
_CHRONIC = re.compile(r"\b(chronic|compensated|stable)\b", re.IGNORECASE)


# an exacerbation is the acute worsening of a heart failure the patient lives with: acute on chronic ("HFrEF
# exacerbation", "acute exacerbation of chronic diastolic heart failure"), its words next to the heart failure's so
# that another condition's flare in the sentence ("CHF; COPD exacerbation") is not read as it
_EXACERBATION_OF = re.compile(r"\b(exacerbation|flare) of (\w+\W+){0,6}$", re.IGNORECASE)
_EXACERBATION_NEXT = re.compile(r"^( with (mildly )?(reduced|preserved) ejection fraction)?( \([^)]*\))?\W{0,2}"
                                r"(exacerbation|exacerbated|flare)\b", re.IGNORECASE)


# a decompensation is the same worsening of a failure the patient lives with ("ADHF", "acute decompensated HFpEF",
# "HFrEF, decompensated"), its word next to the heart failure's as an exacerbation's is
_DECOMPENSATED_BEFORE = re.compile(r"\b(decompensated|adhf)\W+(\w+\W+){0,3}$", re.IGNORECASE)
_DECOMPENSATED_NEXT = re.compile(r"^\W{0,3}(decompensated|decompensation)\b", re.IGNORECASE)
_DECOMPENSATED_HEART_FAILURE = "adhf"
_HEART_FAILURE_WORDS = _word(r"heart failure|hfref|hfpef|chf|adhf")


def _exacerbated(match: re.Match, note: str) -> bool:
    lead, following = note[sentence_start(note, match.start()):match.start()], note[match.end():match.end() + 80]
    named_next = _EXACERBATION_NEXT.match(following) or _DECOMPENSATED_NEXT.match(following)
    stated = named_next or _EXACERBATION_OF.search(lead) or _DECOMPENSATED_BEFORE.search(lead) \
        or match.group(0).lower() == _DECOMPENSATED_HEART_FAILURE
    # dated before the visit ("HFrEF exacerbation last month", "ADHF in 2022") or an earlier stay's reason
    earlier = _PAST_EPISODE.search(following[named_next.end():] if named_next else following) \
        or (_ADMITTED_FOR.search(lead) and not _GOES_ON.search(following))
    return bool(stated) and not _JUST_NEGATED.search(lead) and not earlier


def _heart_failure_type(text: str) -> str | None:
    """I50.2 systolic, I50.3 diastolic, I50.4 both, as the words say; None when they name no type."""
    systolic, diastolic = bool(_HF_SYSTOLIC.search(text)), bool(_HF_DIASTOLIC.search(text))
    return "I50.4" if systolic and diastolic else "I50.2" if systolic else "I50.3" if diastolic else None


def _type_elsewhere(match: re.Match, note: str) -> str | None:
    """The one type the note's other current heart failure mentions state ("Echo: HFpEF. A/P: ADHF")."""
    own = sentence_start(note, match.start())
    types = {_heart_failure_type(sentence(note, m.start(), m.end())) for m in _HEART_FAILURE_WORDS.finditer(note)
             if sentence_start(note, m.start()) != own and current(note, m.start(), m.end())} - {None}
    return types.pop() if len(types) == 1 else None


def _heart_failure(match: re.Match, note: str) -> tuple[str, str] | None:
    """I50.2x systolic, I50.3x diastolic, I50.4x both; 1 acute, 2 chronic, 3 acute on chronic, 0 unstated. An
    exacerbation or decompensation whose sentence names no type takes the type the note states elsewhere, and is
    I50.9 only when the note states none."""
    text = sentence(note, match.start(), match.end())
    category, exacerbated = _heart_failure_type(text), _exacerbated(match, note)
    if category is None and exacerbated:
        category = _type_elsewhere(match, note)
        if category is None:
            return "I50.9", "heart failure exacerbated or decompensated, its type not documented"
    if category is None:
        return None
    acuity = "3" if _ACUTE_ON_CHRONIC.search(text) or exacerbated else "1" if _ACUTE.search(text) and not _CHRONIC.search(text) \
        else "2" if _CHRONIC.search(text) and not _ACUTE.search(text) else "0"
    kind = {"I50.2": "systolic", "I50.3": "diastolic", "I50.4": "systolic and diastolic"}[category]
    return category + acuity, f"heart failure documented as {kind}"


_EXACERBATION = re.compile(r"\b(exacerbation|exacerbated|flare|flaring|attack)\b", re.IGNORECASE)
_STATUS_ASTHMATICUS = re.compile(r"\bstatus asthmaticus\b", re.IGNORECASE)
_ASTHMA_SEVERITY = (("2", re.compile(r"\bmild intermittent\b", re.IGNORECASE)),
                    ("3", re.compile(r"\bmild persistent\b", re.IGNORECASE)),
                    ("4", re.compile(r"\bmoderate persistent\b", re.IGNORECASE)),
                    ("5", re.compile(r"\bsevere persistent\b", re.IGNORECASE)))


_JUST_NEGATED = re.compile(r"\b(no|not|without|denies|negative for)\b(\W+\w+){0,2}\W*$", re.IGNORECASE)


# an episode dated before the visit ("status asthmaticus last month") is not today's
_PAST_EPISODE = re.compile(r"^[^.;,]{0,30}\b(last (week|month|year|winter|spring|summer|fall)|"
                           r"\d+ (days?|wks?|weeks?|mos?|months?|yrs?|years?) ago|in (19|20)\d\d|previously)\b|"
                           # an episode its clause says is over: "a flare, given a prednisone burst, now back to
                           # baseline" (not "not resolved", "not yet back to baseline")
                           r"^[^.;]{0,50}(?<!not )(?<!not yet )\b(now )?(back to (her |his |their )?baseline|"
                           r"(has )?resolved)\b", re.IGNORECASE)


# an episode named as what a stay before the visit was for is that stay's ("admitted 3/2-3/5 for an acute
# exacerbation"; a post-discharge visit codes what is left), unless the sentence says it goes on ("still wheezy",
# "on a prednisone taper")
_ADMITTED_FOR = re.compile(r"\b(admitted|hospitali[sz]ed|admission|hospitalization|discharged)\b[^.;]{0,40}"
                           r"\b(for|with|after)\W+(\w+\W+){0,3}$", re.IGNORECASE)
_GOES_ON = re.compile(r"\b(still|ongoing|persist\w*|remains?|taper\w*|day \d+ of|not yet)\b", re.IGNORECASE)


# "hx of exacerbation 2024": a history cue just before the words places them before the visit
_HISTORY_JUST_BEFORE = re.compile(r"\b(h/o|hx( of)?|history of)\W+(\w+\W+){0,1}$", re.IGNORECASE)


def _stated(words: re.Pattern, text: str) -> bool:
    """The words occur in the text, the few words before them do not deny them ("no recent exacerbation"), place
    them in the past ("h/o exacerbation") nor name it as an earlier stay's reason, and the words after them do not date them before the visit nor doubt
    them ("exacerbation unlikely")."""
    return any(not _JUST_NEGATED.search(text[:m.start()]) and not _HISTORY_JUST_BEFORE.search(text[:m.start()])
               and not _PAST_EPISODE.search(text[m.end():])
               and not (_ADMITTED_FOR.search(text[:m.start()]) and not _GOES_ON.search(text))
               and not _set_aside_after(text[m.end():]) for m in words.finditer(text))


def _set_aside_after(following: str) -> bool:
    """The words right after an exacerbation deny, doubt or only seek it, as they would a condition: "exacerbation
    not seen on CXR", "exacerbation - to be confirmed", "exacerbation workup" (not a cause: "flare, likely viral")."""
    return (doubted_after(following) or NEGATED_AFTER.match(following) is not None
            or AIM_AFTER.match(following) is not None
            or (UNCERTAIN_AFTER.match(following) is not None and CAUSE_CLAUSE.match(following) is None))


def _asthma(match: re.Match, note: str) -> tuple[str, str] | None:
    """J45.2-J45.5 by the severity stated, J45.90- otherwise; 1 with exacerbation, 2 status asthmaticus."""
    text = sentence(note, match.start(), match.end())
    severity = next((digit for digit, words in _ASTHMA_SEVERITY if words.search(text)), None)
    complication = "2" if _stated(_STATUS_ASTHMATICUS, text) else "1" if _stated(_EXACERBATION, text) else None
    if severity is None and complication is None:
        # "asthma" alone: the index's J45.909 stands; an exacerbation denied or dated before the visit ("asthma, no
        # attack in 2 yrs") states the asthma uncomplicated
        flare_words = _EXACERBATION.search(text) or _STATUS_ASTHMATICUS.search(text)
        return ("J45.909", "asthma, its exacerbation denied or before the visit") if flare_words else None
    if severity is None:
        return "J45.90" + complication, "asthma " + ("in status asthmaticus" if complication == "2" else
                                                      "with an acute exacerbation")
    return f"J45.{severity}{complication or '0'}", "asthma severity" + (
        " and exacerbation" if complication else "") + " as documented"


# a bone or region named with the osteopenia: the site's M85.8- code and its side are a coder's
_BONE_SITE = re.compile(r"\b(hips?|femur|femoral|neck|spine|lumbar|vertebra\w*|forearm|radius|wrist|shoulder|"
                        r"humerus|hand|tibia|ankle|foot)\b", re.IGNORECASE)


def _osteopenia(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Osteopenia - see Disorder, bone, density and structure, specified NEC" M85.8-: with no site stated, M85.80."""
    if _BONE_SITE.search(sentence(note, match.start(), match.end())):
        return None
    return "M85.80", "osteopenia (another specified disorder of bone density), no site stated"


_EMPHYSEMA = re.compile(r"\bemphysema(tous)?\b", re.IGNORECASE)


# J44.1's inclusion term "Decompensated COPD": the word on the COPD itself, not on another condition of its sentence
_DECOMPENSATED_JUST_BEFORE = re.compile(r"\bdecompensated\W{1,3}$", re.IGNORECASE)


def _decompensated_itself(match: re.Match, note: str) -> bool:
    return bool(_DECOMPENSATED_JUST_BEFORE.search(note[max(0, match.start() - 20):match.start()])
                or _DECOMPENSATED_NEXT.match(note[match.end():match.end() + 20]))


def _copd(match: re.Match, note: str) -> tuple[str, str]:
    """J44.1/J44.9 by exacerbation; COPD its sentence calls emphysema is emphysema, J43.9 (the index's "Disease,
    lung, obstructive, with emphysema"), whatever the exacerbation."""
    text = sentence(note, match.start(), match.end())
    if _stated(_EMPHYSEMA, text):
        return "J43.9", "COPD with emphysema is emphysema (J43.9), not J44"
    if _stated(_EXACERBATION, text) or _decompensated_itself(match, note):
        return "J44.1", "COPD with an acute exacerbation"
    return "J44.9", "COPD without a documented exacerbation"


def _obstructive_bronchitis(match: re.Match, note: str) -> tuple[str, str]:
    """J44's inclusion term "chronic obstructive bronchitis": J44.89 (the index's "Bronchitis, chronic, obstructive"),
    J44.1 with an exacerbation, as a COPD's."""
    code, why = _copd(match, note)
    return ("J44.89", "chronic obstructive bronchitis, other specified COPD") if code == "J44.9" else (code, why)


# an exacerbation the COPD's own clause places before the visit ("COPD, h/o exacerbation last year", "COPD - one
# flare in 2024"): the past words date the exacerbation, not the COPD the patient still lives with
_EXACERBATION_CLAUSE_AFTER = re.compile(r"\s*[,(-]\s*(with |w/ )?((h/o|hx( of)?|history of|one|an?|\d+|last|prior|"
                                        r"previous)\s+)*(exacerbation|flare)s?\b[^.;)]*", re.IGNORECASE)
_HISTORY_CUE = re.compile(r"^\W*(with |w/ )?(h/o|hx( of)?|history of|prior|previous)\b", re.IGNORECASE)


def _copd_current(note: str, start: int, end: int) -> bool:
    """Current, or current once the clause of an exacerbation dated before the visit is set aside."""
    if current(note, start, end):
        return True
    clause = _EXACERBATION_CLAUSE_AFTER.match(note, end)
    if clause is None:
        return False
    words = clause.group(0)
    flare = _EXACERBATION.search(words)
    dated = _HISTORY_CUE.search(words) or _PAST_EPISODE.search(words[flare.end():]) if flare else None
    if not dated or _GOES_ON.search(words):
        return False
    return current_without(note, start, end, clause.start(), clause.end())


_LUTS = re.compile(r"\b(nocturia|urinary frequency|frequency|urgency|hesitancy|weak stream|dribbling|straining|"
                   r"incomplete (bladder )?emptying|luts|lower urinary tract symptoms?|retention|"
                   r"obstructive urinary symptoms|urinary obstruction|bladder outlet obstruction)\b", re.IGNORECASE)


def _bph(match: re.Match, note: str) -> tuple[str, str]:
    symptom = _LUTS.search(note)
    if symptom and current(note, symptom.start(), symptom.end()):
        return "N40.1", f"BPH with lower urinary tract symptoms ({symptom.group(0)})"
    return "N40.0", "BPH without documented lower urinary tract symptoms"


_ESOPHAGITIS = re.compile(r"\besophagitis\b", re.IGNORECASE)


def _reflux(match: re.Match, note: str) -> tuple[str, str] | None:
    """K21.9 without esophagitis; K21.00 with it (no bleeding stated: a bleed is for a coder)."""
    text = sentence(note, match.start(), match.end())
    if _stated(_ESOPHAGITIS, text):
        return ("K21.00", "reflux with esophagitis") if "bleed" not in text.lower() else None
    return "K21.9", "gastro-esophageal reflux without esophagitis documented"


_ANGINA = re.compile(r"\b(angina|chest pain)\b", re.IGNORECASE)


def _coronary(match: re.Match, note: str) -> tuple[str, str] | None:
    """Coronary artery disease is atherosclerotic heart disease of native coronary artery (I25.10); with angina
    stated the I25.11- code depends on its type, for a coder."""
    if _stated(_ANGINA, sentence(note, match.start(), match.end())):
        return None
    return "I25.10", "coronary artery disease without angina documented"


_STREP_POSITIVE = re.compile(r"\b(rapid strep|strep test|strep screen|throat culture|strep culture|rads|"
                             r"group a strep\w*)\b[^.;\n]{0,20}(\bpositive\b|\+)|\b(positive|\+)\s*(for\s+)?"
                             r"(rapid strep|strep|group a strep\w*|throat culture)", re.IGNORECASE)


def _pharyngitis(match: re.Match, note: str) -> tuple[str, str]:
    """J02.0 only with a positive strep test documented; a "strep throat" without one stays J02.9."""
    if _STREP_POSITIVE.search(note):
        return "J02.0", "streptococcal pharyngitis confirmed by a positive strep test"
    return "J02.9", "pharyngitis without a positive strep test documented: J02.0 needs one"


_GOUT_SITES = (("1", r"shoulder"), ("2", r"elbow"), ("3", r"wrist"), ("4", r"hand|finger|thumb"),
               ("5", r"hip"), ("6", r"knee"), ("7", r"ankle|foot|feet|toe|great toe|podagra|mtp|metatarsophalangeal|1st mtp"),
               ("8", r"spine|vertebra\w*"))
_SIDE = {"1": re.compile(r"\bright\b", re.IGNORECASE), "2": re.compile(r"\bleft\b", re.IGNORECASE)}


# gout by the cause its sentence names (M10.1 lead, M10.2 drug-induced, M10.3 due to renal impairment): the 5th
# character's sites and sides are those of idiopathic gout
_CAUSE_CUE = r"(induced by|due to|secondary to|caused by|from|related to|2/2)\s+(\w+\s+){0,2}"
_GOUT_CAUSES = (("2", re.compile(rf"\b(?!lead)[a-z]+[- ]induced\s+gout|\b{_CAUSE_CUE}"
                                 r"(drugs?|medications?|diuretics?|thiazides?|hctz|hydrochlorothiazide|chlorthalidone|"
                                 r"furosemide|cyclosporine|tacrolimus|pyrazinamide|niacin)\b", re.IGNORECASE)),
                ("3", re.compile(rf"\b{_CAUSE_CUE}(renal|kidney) (impairment|insufficiency|disease|failure)|"
                                 rf"\b{_CAUSE_CUE}(ckd|esrd)\b", re.IGNORECASE)),
                ("1", re.compile(rf"\blead[- ]induced\b|\b{_CAUSE_CUE}lead\b|\bsaturnine\b", re.IGNORECASE)))


def _gout_cause(text: str) -> str:
    """The 4th character of gout by its stated cause; 0 (idiopathic) where none is stated or only supposed."""
    return next((digit for digit, cue in _GOUT_CAUSES for found in cue.finditer(text)
                 if not UNCERTAIN_BEFORE.search(text[:found.start()][-30:])), "0")


# tophi, or a gout the note calls chronic, make it chronic gout (M1A.-, "Gout, tophaceous - see Gout, chronic"),
# its 7th character 1 with tophi and 0 without; tophi denied ("no tophi", "non-tophaceous") are not there
_TOPHI = re.compile(r"\b(tophaceous|tophus|tophi)\b", re.IGNORECASE)
_NO_TOPHI = re.compile(r"\b(no|without|non-?|not)\s*(\w+\s+){0,2}(tophaceous|tophus|tophi)\b", re.IGNORECASE)
_CHRONIC_GOUT = re.compile(r"\bchronic (tophaceous )?gout|\bgout,? chronic\b", re.IGNORECASE)


def _gout(match: re.Match, note: str) -> tuple[str, str]:
    """Gout M10.0- (idiopathic) to M10.3- (the cause stated) by the site and side the sentence states; M10.9
    without a site. Chronic or tophaceous gout is M1A.- by the same characters, with or without tophus."""
    text = sentence(note, match.start(), match.end())
    tophi = bool(_TOPHI.search(_NO_TOPHI.sub(" ", text)))
    if tophi or _CHRONIC_GOUT.search(text):
        return _chronic_gout(text, tophi)
    site = next((digit for digit, words in _GOUT_SITES if re.search(rf"\b({words})\b", text, re.IGNORECASE)),
                None)
    if site is None:
        return "M10.9", "gout without a documented site"
    if site == "8":
        return "M10.08", "gout of the vertebrae"
    sides = [digit for digit, words in _SIDE.items() if words.search(text)]
    side = sides[0] if len(sides) == 1 else "9"
    cause = _gout_cause(text)
    return f"M10.{cause}{site}{side}", ("gout at the site and side the note states" if side != "9" else
                                        "gout at the site stated; the side is not stated") + (
        "; the cause its sentence names" if cause != "0" else "")


def _chronic_gout(text: str, tophi: bool) -> tuple[str, str]:
    """M1A.- as M10.- by the site, side and cause the sentence states; the 7th character tells the tophi."""
    seventh, kind = ("1", "chronic gout with tophi") if tophi else ("0", "chronic gout without tophi")
    site = next((digit for digit, words in _GOUT_SITES if re.search(rf"\b({words})\b", text, re.IGNORECASE)),
                None)
    if site is None:
        return f"M1A.9XX{seventh}", f"{kind}, no site stated"
    cause = _gout_cause(text)
    if site == "8":
        return f"M1A.{cause}8X{seventh}", f"{kind} of the vertebrae"
    sides = [digit for digit, words in _SIDE.items() if words.search(text)]
    return f"M1A.{cause}{site}{sides[0] if len(sides) == 1 else '9'}{seventh}", f"{kind} at the site stated"


_ANY_SIDE = re.compile(r"\b(right|left|bilateral|both)\b", re.IGNORECASE)


def _side_stated(code: str, why: str) -> Resolve:
    """A code whose unilateral form would be a guess without a side ("osteoarthritis of knee" is M17.9)."""
    return lambda match, note: (code, why) if _ANY_SIDE.search(sentence(note, match.start(), match.end())) else None


_OA_SITES = (("M19.179", r"ankle|foot"), ("M19.119", r"shoulder"), ("M19.129", r"elbow"), ("M19.139", r"wrist"),
             ("M19.149", r"hand"), ("M17.30", r"knee"), ("M16.50", r"hip"))


def _post_traumatic(match: re.Match, note: str) -> tuple[str, str]:
    """Post-traumatic osteoarthritis by its site (M19.1-, the knee M17.3-, the hip M16.5-), as the unspecified-side
    code the laterality rule sides."""
    code = next(code for code, words in _OA_SITES if re.search(rf"\b({words})\b", match.group(0), re.IGNORECASE))
    return code, "post-traumatic osteoarthritis at the site stated"


_ADVICE = re.compile(r"\b(discuss\w*|encourag\w*|recommend\w*|advis\w*|goals?|plan\w*|counsel\w*|intentional|"
                     r"desired|diet\w*|program|surgery|medication)\b", re.IGNORECASE)


def _weight_loss(match: re.Match, note: str) -> tuple[str, str] | None:
    """Abnormal weight loss, not weight loss the patient is advised or trying to achieve."""
    if _ADVICE.search(sentence(note, match.start(), match.end())):
        return None
    return "R63.4", "weight loss the patient did not intend"


# the bare "frequency" and "urgency" of a sentence about urination, or of a note that opens with urine tests
# ("dysuria and frequency", "Req: UA, urine culture. Reason: urgency and frequency"): the index's "Frequency, micturition" R35.0 and "Urgency, urination" R39.15; "hypertensive urgency" and
# a sentence about anything else are not
_URINARY = re.compile(r"\b(dysuria|urinat\w*|urinary|urine|ua|uti|cystitis|void\w*|micturition|bladder|"
                      r"burning w(ith|/) urination)\b", re.IGNORECASE)


def _urinary(code: str, why: str) -> Resolve:
    """In a sentence about urination, or in a note that opens with urine tests ("Req: UA, urine culture.")."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        said = sentence(note, match.start(), match.end()) + " " + sentence(note, 0, 0)
        return (code, why) if _URINARY.search(said) else None
    return resolve


_PAIN = "R52"  # "pain" alone, which the words of a located pain also hold
_OA_UNSPECIFIED_SITE = "M19.9"  # "osteoarthritis" alone, which the words of a located one also hold
FINDINGS: tuple[Finding, ...] = (
    Finding(_HEART_FAILURE_WORDS, ("I50",), _heart_failure, heart_failure_current),
    Finding(_word(r"asthma"), ("J45",), _asthma),
    Finding(_word(r"copd|chronic obstructive pulmonary disease"), ("J44", "J43"), _copd, _copd_current),
    Finding(_word(r"chronic obstructive bronchitis"), ("J44", "J42", "J41"), _obstructive_bronchitis, _copd_current),
    Finding(_word(r"benign prostatic hyperplasia|benign prostatic hypertrophy|bph|enlarged prostate"), ("N40",),
            _bph),
    Finding(_word(r"strep throat|strep pharyngitis|streptococcal pharyngitis|pharyngitis|sore throat"), ("J02",),
            _pharyngitis),
    Finding(_word(r"gout|gouty arthritis|podagra"), ("M10", "M1A"), _gout),
    Finding(_word(r"pneumonia"), ("J18",), fixed("J18.9", "pneumonia without a documented organism")),
    Finding(_word(r"osteopenia|low bone mass"), ("M85",), _osteopenia),
    Finding(_word(r"urinary frequency|frequent urination|frequency of urination|urinating frequently"), ("R35",),
            fixed("R35.0", "urinary frequency is frequency of micturition")),
    Finding(_word(r"(?<!urinary )frequency"), ("R35",), _urinary("R35.0", "frequency of micturition")),
    Finding(_word(r"(?<!hypertensive )(?<!htn )urgency|urinary urgency"), ("R39",),
            _urinary("R39.15", "urgency of urination")),
    Finding(_word(r"dizziness|dizzy|vertigo|light-?headedness|light-?headed"), ("R42",),
            fixed("R42", "dizziness or vertigo without a documented cause")),
    Finding(re.compile(r"(?<!pulmonary )(?<!macular )(?<!cerebral )(?<!locali[sz]ed )\bedema\b", re.IGNORECASE),
            ("R60",),
            fixed("R60.9", "edema without a documented cause")),
    Finding(_word(r"weight loss|losing weight"), ("R63",), _weight_loss),
    Finding(re.compile(r"(?<!diaper )(?<!heat )(?<!drug )\brash\b", re.IGNORECASE), ("R21",),
            fixed("R21", "rash without a documented cause")),
    # the index's "Murmur (cardiac) (heart) R01.1"; a benign, functional or innocent one is R01.0, for a coder
    Finding(re.compile(r"(?<!innocent )(?<!functional )(?<!benign )(?<!flow )\b((heart|cardiac|systolic|diastolic) )?"
                       r"murmur\b", re.IGNORECASE), ("R01",), fixed("R01.1", "cardiac murmur, unspecified")),
    Finding(_word(r"neck pain|cervicalgia"), ("M54.2", _PAIN), fixed("M54.2", "neck pain is cervicalgia")),
    Finding(_word(r"low back pain|lower back pain|lumbago"), ("M54.5", _PAIN),
            fixed("M54.50", "low back pain, unspecified")),
    Finding(_word(r"gastro-?esophageal reflux( disease)?|gerd|acid reflux"), ("K21", "K20"), _reflux),
    Finding(CORONARY_DISEASE_NAMES, ("I25", "I70.9"), _coronary, coronary_current),
    Finding(_word(r"atypical chest pain|chest wall pain|musculoskeletal chest pain|non-?cardiac chest pain"),
            ("R07", "R52"), fixed("R07.89", "other chest pain (atypical, chest wall, noncardiac)")),
    Finding(_word(r"panic disorder"), ("F41",), fixed("F41.0", "panic disorder")),
    Finding(_word(r"seasonal allergic rhinitis"), ("J30",),
            fixed("J30.2", "seasonal allergic rhinitis (not due to pollen named)")),
    Finding(_word(r"conjunctivitis|pink eye"), ("H10",), fixed("H10.9", "conjunctivitis without a documented type")),
    # the unspecified-side code: the laterality rule then takes the side from the sentence or warns
    Finding(_word(r"shoulder pain|pain in (the |his |her )?(right |left )?shoulder"), ("M25.51", _PAIN),
            fixed("M25.519", "shoulder pain")),
    Finding(_word(r"knee pain|pain in (the |his |her )?(right |left )?knee"), ("M25.56", _PAIN),
            fixed("M25.569", "knee pain")),
    Finding(_word(r"hip pain|pain in (the |his |her )?(right |left )?hip"), ("M25.55", _PAIN),
            fixed("M25.559", "hip pain")),
    Finding(_word(r"sciatica"), ("M54.3",), fixed("M54.30", "sciatica")),
    Finding(_word(r"carpal tunnel syndrome|carpal tunnel"), ("G56.0",), fixed("G56.00", "carpal tunnel syndrome")),
    Finding(re.compile(r"\bswimmer'?s ear\b", re.IGNORECASE), ("H60",), fixed("H60.339", "swimmer's ear")),
    Finding(_word(r"hearing loss"), ("H91.9",), fixed("H91.90", "hearing loss of no documented type")),
    Finding(_word(r"cellulitis of (the )?(right |left )?(leg|lower leg|thigh|calf|foot|arm|forearm|upper arm)|"
                  r"(right |left )?(leg|lower leg|thigh|calf|foot|arm|forearm|upper arm) cellulitis"),
            ("L03",), fixed("L03.119", "cellulitis of a limb")),
    Finding(_word(r"post-?traumatic (osteoarthritis|oa|arthritis)(,| of) (the )?(right |left )?(ankle|foot|shoulder|"
                  r"elbow|wrist|hand|knee|hip)"), ("M19", "M17", "M16"), _post_traumatic),
    Finding(_word(r"(?<!traumatic )(osteoarthritis|oa|degenerative joint disease)((,| of| in) (the |both )?"
                  r"(right |left |bilateral )?| (right|left|bilateral|both) )knees?|"
                  r"(right |left |bilateral )?knee (osteoarthritis|oa)"), ("M17", _OA_UNSPECIFIED_SITE),
            _side_stated("M17.10", "primary osteoarthritis of the knee"), osteoarthritis_current),
    Finding(_word(r"(?<!traumatic )(osteoarthritis|oa|degenerative joint disease)((,| of| in) (the |both )?(right |left )?|"
                  r" (right|left|both) )hips?|"
                  r"(right |left |bilateral )?hip (osteoarthritis|oa)"), ("M16", _OA_UNSPECIFIED_SITE),
            _side_stated("M16.10", "primary osteoarthritis of the hip"), osteoarthritis_current),
    *(Finding(words, family, fixed(code, why), injury_current) for words, family, code, why in INJURIES),
    *(Finding(words, family, resolve, injury_current, HEAD_AND_CHEST_WORDS)
      for words, family, resolve in HEAD_AND_CHEST_INJURIES),
    *(Finding(words, family, resolve, injury_current, MUSCULOSKELETAL_WORDS)
      for words, family, resolve in MUSCULOSKELETAL_FINDINGS),
    *(Finding(words, family, resolve, injury_current, BONE_SITE_WORDS) for words, family, resolve in BONE_SITE_FINDINGS),
    *(Finding(words, family, resolve, injury_current, INJURY_SITE_WORDS) for words, family, resolve in INJURY_SITES),
    Finding(LACERATION_SITE, ("S61", "S51", "T14"), laceration_code, injury_current, LACERATION_WORDS),
    *(Finding(words, family, resolve, injury_current, NERVE_INJURY_WORDS)
      for words, family, resolve in NERVE_INJURY_SITES),
    *(Finding(words, family, resolve, gate=JOINT_SITE_WORDS) for words, family, resolve in JOINT_SITE_FINDINGS),
    # a concussion is an injury: read for its follow-up and its sequela as the injuries above are
    *(Finding(words, family, resolve, injury_current if family == ("S06",) else current, NEUROLOGY_WORDS)
      for words, family, resolve in NEUROLOGY_FINDINGS),
    *(Finding(words, family, resolve, gate=PSYCHIATRY_WORDS) for words, family, resolve in PSYCHIATRY_FINDINGS),
    Finding(USE_DISORDER_IN_REMISSION, USE_DISORDER_FAMILY, use_disorder_in_remission, remission_current,
            gate=REMISSION_WORD),
    *(Finding(words, family, resolve, gate=NEUROLOGY_SYNDROME_WORDS)
      for words, family, resolve in NEUROLOGY_SYNDROME_FINDINGS),
    *(Finding(words, family, resolve) for words, family, resolve in CLINICAL_FINDINGS),
    *(Finding(words, family, resolve) for words, family, resolve in INDEX_WORD_FINDINGS),
    *(Finding(words, family, resolve) for words, family, resolve in INDEX_ENTRY_VARIANTS),
    *(Finding(words, family, resolve) for words, family, resolve in LAY_WORD_FINDINGS),
    *(Finding(words, family, resolve) for words, family, resolve in COMMON_NAME_FINDINGS),
    *(Finding(words, family, resolve) for words, family, resolve in VALVE_AND_RHEUMATIC_FINDINGS),
    *(Finding(words, family, resolve) for words, family, resolve in SIGN_WORD_FINDINGS),
    *(Finding(words, family, resolve) for words, family, resolve in SYMPTOM_WORD_FINDINGS),
    *(Finding(words, family, resolve, gate=ABDOMINAL_SITE_WORDS)
      for words, family, resolve in ABDOMINAL_PAIN_SITE_FINDINGS),
    *(Finding(words, family, resolve) for words, family, resolve in CHRONIC_CARE_ENTRIES),
    *(Finding(words, family, resolve) for words, family, resolve in INFECTION_ENTRIES),
    *(Finding(words, family, resolve) for words, family, resolve in PRESSURE_ULCER_FINDINGS),
    *(Finding(words, family, resolve, gate=JOINT_SIGN_WORDS) for words, family, resolve in JOINT_SIGN_FINDINGS),
    *(Finding(words, family, resolve, gate=BOTH_SIDES_STIFFNESS_WORDS)
      for words, family, resolve in BOTH_SIDES_STIFFNESS_FINDINGS),
    *(Finding(words, family, resolve, gate=BOTH_SIDES_EFFUSION_WORDS)
      for words, family, resolve in BOTH_SIDES_EFFUSION_FINDINGS),
    *(Finding(words, family, resolve, gate=BOTH_SIDES_PAIN_WORDS) for words, family, resolve in BOTH_SIDES_PAIN_FINDINGS),
    *(Finding(words, family, resolve) for words, family, resolve in LUNG_FINDINGS),
    *(Finding(words, family, resolve, gate=VERTIGO_WORDS) for words, family, resolve in VERTIGO_FINDINGS),
    *(Finding(words, family, resolve, gate=ABNORMAL_STUDY_WORDS) for words, family, resolve in ABNORMAL_STUDY_FINDINGS),
    *(Finding(words, family, resolve, gate=ORGAN_SYSTEM_WORDS) for words, family, resolve in ORGAN_SYSTEM_ENTRIES),
    *(Finding(words, family, resolve, gate=PREGNANCY_WORDS) for words, family, resolve in PREGNANCY_ENTRIES),
    *(Finding(words, family, resolve, gate=BLOOD_METABOLIC_WORDS)
      for words, family, resolve in BLOOD_METABOLIC_ENTRIES),
    *(Finding(words, family, resolve, gate=DRUG_INDUCED_WORDS) for words, family, resolve in DRUG_INDUCED_ENTRIES),
    *(Finding(words, family, resolve, gate=SUBSTANCE_INDUCED_WORDS)
      for words, family, resolve in SUBSTANCE_INDUCED_ENTRIES),
    *(Finding(words, family, resolve, gate=CHILDHOOD_WORDS) for words, family, resolve in CHILDHOOD_ENTRIES),
    *(Finding(words, family, resolve, gate=SITE_AND_KIND_WORDS) for words, family, resolve in SITE_AND_KIND_ENTRIES),
    *(Finding(words, family, resolve, gate=GLAUCOMA_WORDS) for words, family, resolve in GLAUCOMA_ENTRIES),
    *(Finding(words, family, resolve, gate=RHEUMATOID_FACTOR_WORDS)
      for words, family, resolve in RHEUMATOID_FACTOR_ENTRIES),
    *(Finding(words, family, resolve, gate=RHEUMATOID_LUNG_WORDS) for words, family, resolve in RHEUMATOID_LUNG_ENTRIES),
    *(Finding(words, family, resolve, neoplasm_current, NEOPLASM_SITE_WORDS)
      for words, family, resolve in NEOPLASM_SITE_FINDINGS),
)


# signs, factors and external causes: none of them a diagnosis a sign is part of
_NO_DIAGNOSIS = "RZVWXY"


def _integral(code: str, match: re.Match, suggestions: list[Suggestion], note: str) -> bool:
    """A symptom stated with a definitive diagnosis in its sentence is part of it (guidelines I.B.5), as the
    suggester reads the symptoms the index finds; not the diagnosis the finding replaces on its own words
    ("pre-diabetes" is not diabetes). Abnormal results (R70-R99: prediabetes, an abnormal TSH) are findings of
    their own, not symptoms: "obesity and prediabetes" is two codes. An external cause (V00-Y99: the W19 of "before
    the falls") says how an injury came about and explains no symptom. A symptom the diagnosis's own use-additional
    note asks for is not part of it ("BPH with LUTS: nocturia and a weak stream")."""
    replaced = overlapping(suggestions, match.start(), match.end())
    here = sentence_start(note, match.start())
    return code[0] == "R" and code[1:3] < "70" and any(s.code[0] not in _NO_DIAGNOSIS and s.context == "affirmed"
                                  and not s.code.startswith(SYMPTOM_NAMED_DISORDERS)
                                  and not asked_for_beside(code, s.code)
                                  and sentence_start(note, s.start) == here and s not in replaced
                                  for s in suggestions)


# the words without which each finding's pattern (and each table's gate) cannot match, every finding's pattern and
# gate given as it is: each object has its place (equal patterns share one), and a note is worked on by places
_PREFILTER = Prefilter([pattern for finding in FINDINGS for pattern in (finding.pattern, finding.gate)
                        if pattern is not None], scan=NOTE_WORDS)
# the findings' places in FINDINGS by their pattern's place (none for a gate alone), and by a finding's place the
# finding and its gate's place (None: no gate): a note is read by the few findings its words allow, in their order
_FINDINGS_OF = _PREFILTER.indexes_by_place([finding.pattern for finding in FINDINGS])
_STEPS = tuple((finding, None if finding.gate is None else _PREFILTER.place_of(finding.gate)) for finding in FINDINGS)


def documented_findings(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    """Each finding's words searched on their own, the specialty tables behind one search for their words: one
    search for every finding's words had become dearer than this (measured on the development notes). A pattern
    whose required words the note lacks is not run: a substring test is cheaper than the regex scan."""
    out, reasons, gates, places = list(suggestions), [], {}, _PREFILTER.possible_places(note)
    for place in possible_indexes(places, _FINDINGS_OF):
        finding, gate = _STEPS[place]
        if gate is not None:  # a table's gate, searched once a note
            opened = gates.get(gate)
            if opened is None:
                opened = gates[gate] = gate in places and finding.gate.search(note) is not None
            if not opened:
                continue
        for match in finding.pattern.finditer(note):
            out, reason = _apply(finding, match, out, note, tabular)
            if reason:
                reasons.append(reason)
    return out, reasons


def _complete_but_seventh(code: str, tabular) -> bool:
    """Billable, or lacking only the 7th character the seventh-character rule reads from the note."""
    return tabular.is_billable(code) or bool(tabular.seventh_characters(code))


def _apply(finding: Finding, match: re.Match, suggestions: list[Suggestion], note: str,
           tabular) -> tuple[list[Suggestion], str | None]:
    found = overlapping(suggestions, match.start(), match.end())
    if any(not s.code.startswith(finding.family) and not _site_read_as_a_signs(s, match, finding) for s in found):
        return suggestions, None  # the index found something else on these words
    if not _is_current(finding)(note, match.start(), match.end()) and not _cared_for_under_history(finding, match,
                                                                                                   note):
        return _relatives(finding, match, suggestions, note, tabular)
    resolved = finding.resolve(match, note)
    if resolved is None or not _complete_but_seventh(resolved[0], tabular) or _integral(resolved[0], match,
                                                                                       suggestions, note):
        return suggestions, None
    code, why = resolved
    replaced = ", ".join(s.code for s in found if s.code != code)
    reason = f"{match.group(0)}: {code}, {why}" + (f" (rather than {replaced})" if replaced else "")
    out = replacing(suggestions, from_rule(code, match, tabular, NAME, reason))
    return (suggestions, None) if out is None else (out, reason)


# a joint's pain, swelling or stiffness (M25.-) and a limb's pain (M79.6-) are signs too, in chapter 13
_JOINT_AND_LIMB_SIGNS = ("M25", "M79.6")


def _site_read_as_a_signs(found: Suggestion, match: re.Match, finding: Finding) -> bool:
    """"Osteoarthritis of the right knee: pain on stairs": the index read the site the diagnosis names, site first,
    as the sign's after it ("right knee: pain"); the site is the diagnosis's, and the sign after the colon is what
    the diagnosis presents with, so the diagnosis's finding takes both words. Not a sign's own finding."""
    return (found.code.startswith(_JOINT_AND_LIMB_SIGNS) and match.start() < found.start < match.end() < found.end
            and not any(code.startswith(_JOINT_AND_LIMB_SIGNS) for code in finding.family))


def _is_current(finding: Finding) -> Callable[[str, int, int], bool]:
    """A sign or symptom (R00-R69, a joint's or a limb's) is read as a sign: a doubt it follows past a dash is the
    diagnosis's."""
    if finding.is_current is current and all("R00" <= code[:3] <= "R69" or code.startswith(_JOINT_AND_LIMB_SIGNS)
                                              for code in finding.family):
        return _current_sign_not_free
    return finding.is_current


# "L knee pain-free", "hip pain free since PT": the "free" joined to the sign denies it, as ConText's "free" does for
# the index's terms; "free of" names what the patient is free of, after it
_FREE_AFTER = re.compile(r"-?\s?free\b(?! of)", re.IGNORECASE)


def _current_sign_not_free(note: str, start: int, end: int) -> bool:
    return current_sign(note, start, end) and _FREE_AFTER.match(note, end) is None


def _cared_for_under_history(finding: Finding, match: re.Match, note: str) -> bool:
    """A past medical history's item its own sentence shows cared for now ("PMH: gout, on allopurinol") is a
    condition of the visit (guideline IV.J), not a history."""
    return (current_under_history_heading(note, match.start(), match.end())
            and any(cared_for_now(code, sentence(note, match.start(), match.end()), note=note)
                    for code in finding.family))


def _relatives(finding: Finding, match: re.Match, suggestions: list[Suggestion], note: str,
               tabular) -> tuple[list[Suggestion], str | None]:
    """A finding the note gives a relative ("FHx CAD in brother") or names past ("completed abx for CAP") is the
    family or personal history code the index's History entry names for the condition's code (Z82.49 for
    coronary disease, Z87.01 for pneumonia), as for the conditions the index finds."""
    context = "family" if _relatives_condition(note, match.start(), match.end()) else \
        "history" if _past_condition(note, match.start(), match.end()) else None
    resolved = finding.resolve(match, note) if context else None
    code = history_code(context, resolved[0]) if resolved else None
    if code is None or not tabular.is_billable(code) or any(s.code == code for s in suggestions):
        return suggestions, None
    whose = "a relative's" if context == "family" else "a past"
    reason = f"{match.group(0)}: {code}, {whose} {tabular.description(resolved[0]).lower()}"
    made = from_rule(code, match, tabular, NAME, reason, confidence=FAMILY_HISTORY_CONFIDENCE, context=context)
    return [*suggestions, made], reason


def _past_condition(note: str, start: int, end: int) -> bool:
    """Named past as the suggester's context rules read it ("Prior MI", "completed abx for CAP"), not denied,
    supposed or uncertain."""
    prefix, scope = before(note, start), mention_scope(note, start, end)
    # "pneumonia 2023, treated, resolved": over and dated, as the suggester reads the conditions the index finds
    ended = scope is not None and scope.rule == RESOLVED and ended_in_the_past(scope.cue, note, start, end)
    return (past_by_name(scope) or ended) and not (
        NEGATION.search(prefix) or HYPOTHETICAL.search(prefix) or uncertain(note, start, end))


def _relatives_condition(note: str, start: int, end: int) -> bool:
    """Read as the suggester's family context reads it ("per parent reports" is not a relative's condition), and
    not denied, supposed or uncertain."""
    scope, prefix = mention_scope(note, start, end), before(note, start)
    return scope is not None and scope.rule == FAMILY and not (
        NEGATION.search(prefix) or HYPOTHETICAL.search(prefix) or uncertain(note, start, end))
