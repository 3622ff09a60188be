"""ICD-10-CM guideline conventions over suggestions, one convention per test group, against the real tabular notes
(simple-icd-10-cm) and, where a refusal must be provable, a tabular that says no."""
import pytest

from services.coding.adapters.tabular_notes import TabularNotes
from services.coding.domain import conventions as c
from services.coding.domain.auto_accept import AutoAcceptPolicy
from services.coding.domain.suggestions import SEVENTH_CHARACTER_MISSING, Suggestion, reconcile

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def tabular(reference):
    return TabularNotes(reference.icd10[-1])


def found(note: str, *coded: tuple[str, str], confidence: float = 0.95, context: str = "affirmed") -> list[Suggestion]:
    """Suggestions as the suggester gives them: each code with the span of its evidence in the note."""
    out = []
    for code, evidence in coded:
        start = note.index(evidence)
        out.append(Suggestion(code=code, description="d", confidence=confidence, start=start,
                              end=start + len(evidence), evidence=evidence, context=context))
    return out


def codes(suggestions) -> list[str]:
    return sorted(s.code for s in suggestions)


class NoPairs(TabularNotes):
    """The real notes, except that every pair is under Excludes1."""
    def excludes1_pair(self, first: str, second: str) -> bool:
        return True


# 1. the "with" presumption: combination codes
@pytest.mark.parametrize("note, given, expected, combination", [
    ("Hypertension and chronic kidney disease stage 4.", [("I10", "Hypertension"),
     ("N18.4", "chronic kidney disease stage 4")], ["I12.9", "N18.4"], "I12.9"),
    ("Hypertension with end stage renal disease.", [("I10", "Hypertension"), ("N18.6", "end stage renal disease")],
     ["I12.0", "N18.6"], "I12.0"),
    ("Hypertension and congestive heart failure.", [("I10", "Hypertension"), ("I50.9", "congestive heart failure")],
     ["I11.0", "I50.9"], "I11.0"),
    ("Hypertension, diastolic heart failure and CKD stage 3.", [("I10", "Hypertension"),
     ("I50.30", "diastolic heart failure"), ("N18.30", "CKD stage 3")], ["I13.0", "I50.30", "N18.30"], "I13.0"),
    ("Hypertension, heart failure, CKD stage 5.", [("I10", "Hypertension"), ("I50.9", "heart failure"),
     ("N18.5", "CKD stage 5")], ["I13.2", "I50.9", "N18.5"], "I13.2"),
])
def test_hypertension_with_heart_or_kidney_disease_is_one_combination_code(tabular, note, given, expected,
                                                                           combination):
    result, reasons = c.hypertension_combination(found(note, *given), note, tabular)
    assert codes(result) == expected
    made = next(s for s in result if s.code == combination)
    assert made.convention == "hypertension-combination" and "replaces I10" in made.reason and reasons
    assert made.description.startswith("Hypertensive") and note[made.start:made.end] == made.evidence
    assert all(s.reason and combination in s.reason for s in result if s.code.startswith(("I50", "N18")))


def test_hypertension_alone_or_with_a_kidney_disease_of_another_cause_stays_i10(tabular):
    assert codes(c.hypertension_combination(found("Hypertension.", ("I10", "Hypertension")), "Hypertension.",
                                            tabular)[0]) == ["I10"]
    note = "Hypertension. Chronic kidney disease stage 3 unrelated, from reflux nephropathy."
    given = found(note, ("I10", "Hypertension"), ("N18.30", "Chronic kidney disease stage 3"))
    assert codes(c.hypertension_combination(given, note, tabular)[0]) == ["I10", "N18.30"]


def test_a_combination_the_tabular_excludes_is_not_made(reference):
    note = "Hypertension and chronic kidney disease stage 4."
    given = found(note, ("I10", "Hypertension"), ("N18.4", "chronic kidney disease stage 4"))
    assert codes(c.hypertension_combination(given, note, NoPairs(reference.icd10[-1]))[0]) == ["I10", "N18.4"]


def test_the_paired_code_must_be_one_the_use_additional_code_note_asks_for(tabular):
    assert tabular.allows_additional("I12.9", "N18.4") and tabular.allows_additional("I12.0", "N18.6")
    assert not tabular.allows_additional("I12.9", "N18.6")  # stage 5 / ESRD goes with I12.0
    assert tabular.allows_additional("I13.0", "I50.32") and tabular.allows_additional("E11.22", "N18.31")


@pytest.mark.parametrize("note, given, expected", [
    ("Type 2 diabetes with CKD stage 3a.", [("E11.9", "Type 2 diabetes"), ("N18.31", "CKD stage 3a")],
     ["E11.22", "N18.31"]),
    ("Type 2 diabetes and polyneuropathy.", [("E11.9", "Type 2 diabetes"), ("G62.9", "polyneuropathy")], ["E11.42"]),
    ("Type 2 diabetes; retinopathy on exam, no other findings.", [("E11.9", "Type 2 diabetes")], ["E11.319"]),
    ("Type 2 diabetes, hyperglycemia today.", [("E11.9", "Type 2 diabetes"), ("R73.9", "hyperglycemia")],
     ["E11.65"]),
    ("Type 1 diabetes with CKD stage 2.", [("E10.9", "Type 1 diabetes"), ("N18.2", "CKD stage 2")],
     ["E10.22", "N18.2"]),
])
def test_diabetes_with_a_listed_complication_is_the_combination_code(tabular, note, given, expected):
    result, reasons = c.diabetes_combination(found(note, *given), note, tabular)
    assert codes(result) == expected and reasons
    assert all(s.convention == "diabetes-combination" for s in result)


def test_diabetes_without_a_stated_or_with_a_specified_complication_is_left_alone(tabular):
    for note in ("No retinopathy on exam. Type 2 diabetes.", "Type 2 diabetes; proliferative retinopathy.",
                 "Type 2 diabetes.", "Type 2 diabetes; denies any retinopathy."):
        assert codes(c.diabetes_combination(found(note, ("E11.9", "Type 2 diabetes")), note, tabular)[0]) == ["E11.9"]


@pytest.mark.parametrize("convention, note, given, expected", [
    (c.diabetes_combination, "DM2 - diet controlled. CKD stage 3a, attributed to diabetes.",
     [("E11.9", "DM2"), ("N18.31", "CKD stage 3a"), ("E11.9", "diabetes")], ["E11.22", "N18.31"]),
    (c.hypertension_combination, "Hypertension. CKD stage 3b secondary to HTN.",
     [("I10", "Hypertension"), ("N18.32", "CKD stage 3b"), ("I10", "HTN")], ["I12.9", "N18.32"]),
])
def test_a_cause_cue_naming_the_combinations_own_condition_states_the_link(tabular, convention, note, given,
                                                                            expected):
    """"attributed to DM" names no other cause: the combination is made, and every mention of the diabetes or
    hypertension is the combination's."""
    assert codes(convention(found(note, *given), note, tabular)[0]) == expected


def test_a_cause_cue_naming_another_cause_still_unlinks(tabular):
    note = "Type 2 diabetes. CKD stage 3a, attributed to NSAID use."
    given = found(note, ("E11.9", "Type 2 diabetes"), ("N18.31", "CKD stage 3a"))
    assert codes(c.diabetes_combination(given, note, tabular)[0]) == ["E11.9", "N18.31"]


# 2. signs and symptoms integral to a confirmed diagnosis
def test_symptoms_integral_to_a_confirmed_diagnosis_are_dropped_anywhere_in_the_note(tabular):
    note = "Influenza confirmed by rapid test. Fever and cough for two days."
    result, reasons = c.integral_symptoms(found(note, ("J11.1", "Influenza"), ("R50.9", "Fever"), ("R05.9", "cough")),
                                          note, tabular)
    assert codes(result) == ["J11.1"] and len(reasons) == 2 and "integral to J11.1" in reasons[0]
    note = "Migraine, on sumatriptan. Headache this morning."
    assert codes(c.integral_symptoms(found(note, ("G43.909", "Migraine"), ("R51.9", "Headache")), note,
                                     tabular)[0]) == ["G43.909"]


@pytest.mark.parametrize("note, symptom, diagnosis", [
    ("Rest tremor R>L. Parkinson's disease with motor fluctuations.", ("R25.1", "tremor"), ("G20.A2", "Parkinson")),
    ("Hand tremor for years. Dx: essential tremor.", ("R25.1", "tremor"), ("G25.0", "essential tremor")),
    ("Relapsing-remitting multiple sclerosis. Mild fatigue.", ("R53.83", "fatigue"), ("G35.A", "multiple sclerosis")),
])
def test_tremor_and_fatigue_are_integral_to_the_movement_disorder_or_multiple_sclerosis(tabular, note, symptom,
                                                                                        diagnosis):
    result, reasons = c.integral_symptoms(found(note, symptom, diagnosis), note, tabular)
    assert codes(result) == [diagnosis[0]] and reasons


def test_tremor_beside_another_diagnosis_is_coded(tabular):
    note = "Tremor of both hands. Migraine without aura."
    result, _ = c.integral_symptoms(found(note, ("R25.1", "Tremor"), ("G43.009", "Migraine")), note, tabular)
    assert codes(result) == ["G43.009", "R25.1"]


def test_a_symptom_without_its_diagnosis_stays(tabular):
    note = "Fever and cough; possible pneumonia."  # uncertain: the suggester gives no J18.9, nothing to drop for
    given = found(note, ("R50.9", "Fever"), ("R05.9", "cough"))
    assert codes(c.integral_symptoms(given, note, tabular)[0]) == ["R05.9", "R50.9"]


# 3. substance use in remission
@pytest.mark.parametrize("note, code, expected", [
    ("Alcohol dependence, in sustained remission.", "F10.20", "F10.21"),
    ("Opioid dependence in early remission.", "F11.20", "F11.21"),
    ("Alcohol abuse, in remission.", "F10.10", "F10.11"),
    ("Nicotine dependence, cigarettes, in remission.", "F17.210", "F17.211"),
])
def test_dependence_in_remission_takes_the_remission_code(tabular, note, code, expected):
    result, reasons = c.substance_in_remission(found(note, (code, note.split(",")[0].split(" in ")[0])), note, tabular)
    assert codes(result) == [expected] and result[0].convention == "substance-in-remission" and reasons


def test_active_dependence_stays_active(tabular):
    note = "Alcohol dependence, drinking daily."
    assert codes(c.substance_in_remission(found(note, ("F10.20", "Alcohol dependence")), note, tabular)[0]) == [
        "F10.20"]


# 4. encounter for immunization
def test_a_vaccine_given_is_z23_not_the_disease_it_prevents(tabular):
    note = "Influenza vaccine given today. Hypertension controlled."
    result, reasons = c.immunization_encounter(found(note, ("J11.1", "Influenza"), ("I10", "Hypertension")), note,
                                               tabular)
    assert codes(result) == ["I10", "Z23"] and "not J11.1" in reasons[0]
    assert codes(c.immunization_encounter([], "Flu shot administered.", tabular)[0]) == ["Z23"]
    assert codes(c.immunization_encounter([], "Tdap and Shingrix #1 given today.", tabular)[0]) == ["Z23"]
    assert c.immunization_encounter([], "Tdap deferred to next visit.", tabular)[0] == []


def test_a_declined_vaccine_is_no_immunization(tabular):
    note = "Declined influenza vaccine. Hypertension controlled."
    assert codes(c.immunization_encounter(found(note, ("I10", "Hypertension")), note, tabular)[0]) == ["I10"]


@pytest.mark.parametrize("note", ["Wellness visit. Vaccines current.", "Immunizations are complete for age."])
def test_vaccines_said_to_be_current_are_the_records_status_not_a_dose_given(tabular, note):
    assert c.immunization_encounter([], note, tabular)[0] == []
    assert codes(c.immunization_encounter([], "Vaccine given: Tdap; others current.", tabular)[0]) == ["Z23"]


# 5. the 7th character the tabular requires
def test_an_injury_is_completed_with_the_7th_character_the_note_states(tabular):
    note = "Sprain of calcaneofibular ligament of left ankle. Initial encounter."
    given = found(note, ("S93.412", "Sprain of calcaneofibular ligament of left ankle"))
    result, _ = c.seventh_character(given, note, tabular)
    assert codes(result) == ["S93.412A"] and result[0].convention == "seventh-character"
    assert result[0].description.endswith("initial encounter")


def test_an_injury_without_its_7th_character_is_held_for_a_coder_naming_the_choices(tabular):
    note = "Sprain of calcaneofibular ligament of right ankle."
    result, _ = c.seventh_character(found(note, ("S93.411", "Sprain of calcaneofibular ligament of right ankle")),
                                    note, tabular)
    assert result[0].code == "S93.411" and result[0].convention == SEVENTH_CHARACTER_MISSING
    assert result[0].confidence < 0.9
    decided = reconcile([], result, policy=AutoAcceptPolicy(enabled=True, threshold=0.5, measured_precision=0.99))
    assert decided.diagnoses == [] and [s.status for s in decided.suggestions] == ["pending"]
    held = next(e for e in decided.edits if e.edit_id == "ICD-7TH-CHARACTER")
    assert held.severity == "error" and held.codes == ["S93.411"]
    assert "A initial encounter" in held.message and "D subsequent encounter" in held.message and "S sequela" in \
        held.message


def test_a_billable_code_is_not_asked_for_a_7th_character(tabular):
    note = "Hypertension."
    assert c.seventh_character(found(note, ("I10", "Hypertension")), note, tabular)[0][0].convention is None


def test_apply_conventions_runs_each_and_keeps_note_order(tabular):
    note = "Type 2 diabetes and hypertension with chronic kidney disease stage 3b."
    given = found(note, ("E11.9", "Type 2 diabetes"), ("I10", "hypertension"), ("N18.32", "chronic kidney disease"))
    assert [s.code for s in c.apply_conventions(given, note, tabular)] == ["E11.22", "I12.9", "N18.32"]


def test_palpitations_are_integral_to_the_arrhythmia_found(tabular):
    note = "Palpitations; Holter showed frequent PVCs."
    out, _ = c.integral_symptoms(found(note, ("R00.2", "Palpitations"), ("I49.3", "PVCs")), note, tabular)
    assert codes(out) == ["I49.3"]


@pytest.mark.parametrize("note, pain, injury", [
    ("R wrist pain. XR: displaced Colles fx R.", ("M25.531", "wrist pain"), ("S52.531A", "Colles fx")),
    ("L ankle pain after a twist; sprain of the ATFL.", ("M25.572", "ankle pain"), ("S93.492A", "sprain")),
    ("Elbow pain, lateral epicondylitis R.", ("M25.521", "Elbow pain"), ("M77.11", "lateral epicondylitis")),
])
def test_joint_pain_is_integral_to_an_injury_or_disorder_of_that_joint(tabular, note, pain, injury):
    result, reasons = c.integral_symptoms(found(note, pain, injury), note, tabular)
    assert codes(result) == [injury[0]] and reasons


def test_joint_pain_beside_an_injury_of_another_joint_is_coded(tabular):
    note = "R knee pain. Colles fx R wrist."
    result, _ = c.integral_symptoms(found(note, ("M25.561", "knee pain"), ("S52.531A", "Colles fx")), note, tabular)
    assert sorted(codes(result)) == ["M25.561", "S52.531A"]


@pytest.mark.parametrize("note, stage, i12", [
    ("1. T2DM w/ diabetic CKD stage 2 (eGFR 72). 2. HTN - lisinopril.", "N18.2", "I12.9"),
    ("T2DM with diabetic CKD, ESRD on hemodialysis. HTN.", None, "I12.0"),
])
def test_hypertension_beside_a_diabetes_code_that_states_ckd_is_hypertensive_ckd(tabular, note, stage, i12):
    given = found(note, ("E11.22", "T2DM w/ diabetic CKD" if "w/" in note else "T2DM with diabetic CKD"),
                  ("I10", "HTN"))
    out = [s.code for s in c.apply_conventions(given, note, tabular)]
    assert i12 in out and "I10" not in out and (stage is None or stage in out)


def test_hypertension_without_any_ckd_stays_essential(tabular):
    note = "T2DM w/ diabetic polyneuropathy. HTN."
    given = found(note, ("E11.42", "T2DM w/ diabetic polyneuropathy"), ("I10", "HTN"))
    assert "I10" in [s.code for s in c.apply_conventions(given, note, tabular)]
