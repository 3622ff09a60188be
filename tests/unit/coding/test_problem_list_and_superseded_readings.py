"""Readings of note forms met on notes written after the rules (round v: problem lists copied forward with stale
entries, a diagnosis replaced by another, a course completed after the condition it treated, screenings of another
day, deficits and axes stated a sentence away): each a class, not a note."""
import pytest

from services.coding.domain.first_sight import OVER_ELSEWHERE_NAME
from services.coding.domain.note_context import NOT_ESTABLISHED, RESOLVED, mention_scope, past_by_name
from services.coding.domain.note_text import current
from tests.unit.coding.test_note_readings import coded
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _scope(note: str, mention: str):
    start = note.index(mention)
    return mention_scope(note, start, start + len(mention))


def _current(note: str, mention: str) -> bool:
    start = note.index(mention)
    return current(note, start, start + len(mention))


@pytest.mark.parametrize("note, mention", [
    ("Problem list: Lumbar DDD - active; Gout - inactive.", "Gout"),
    ("Problem list: 2. Concussion 2021 - historical.", "Concussion"),
    ("Dx codes: Mixed hyperlipidemia; Fatty liver (resolved on imaging 2025 - removed from list).", "Fatty liver"),
    ("Graves no longer active.", "Graves"),
])
def test_a_problem_lists_status_after_the_item_places_it_in_the_past(note, mention):
    assert _scope(note, mention).rule == RESOLVED and not _current(note, mention)


def test_an_adjective_is_no_status_column():
    assert _scope("Obesity, physically inactive, BMI 32.", "Obesity") is None
    assert _current("Obesity, physically inactive, BMI 32.", "Obesity")
    assert _scope("Gout (inactive).", "Gout").rule == RESOLVED


def test_gout_marked_inactive_and_low_back_pain_marked_inactive_are_not_coded(suggest):
    found = coded(suggest, "Problem list: Lumbar DDD - active; Gout - inactive; Low back pain - inactive. "
                           "Today: L5 radiculopathy from the lumbar disc disease.")
    assert "M10.9" not in found and "M54.50" not in found and "M51.16" in found


def test_historical_in_a_problem_list_is_the_index_history_entry(suggest):
    note = "Problem list copied forward: Anorexia nervosa - historical (recovered 2015); Depression - active."
    assert past_by_name(_scope(note, "Anorexia nervosa"))
    found = coded(suggest, note)
    assert "Z86.59" in found and "F32.A" in found and not any(c.startswith("F50") for c in found)


def test_a_resolved_item_does_not_deny_the_next_item_of_its_list(suggest):
    found = coded(suggest, "Problem list (carried forward): Acute sinusitis - resolved 01/2025; Hypothyroidism - "
                           "active; Low back pain - inactive.")
    assert "E03.9" in found and "J01.90" not in found and "M54.50" not in found


@pytest.mark.parametrize("note, denied", [
    ("CC: cough x 3 days. ROS: Denies fever; chills; night sweats. Assessment: acute bronchitis.", {"R68.83", "R61"}),
    ("HPI: headache. Denies nausea; vomiting; photophobia. A/P: tension headache.", {"H53.149", "R11.2", "R11.10"}),
])
def test_a_denial_runs_over_a_semicolon_list_as_over_a_comma_list(suggest, note, denied):
    suggested = {s.code for s in suggest(note)}  # not even for a coder's review
    assert suggested and not denied & suggested


@pytest.mark.parametrize("note, mention", [
    ("Kidney stones - none.", "Kidney stones"),
    ("Diabetic retinopathy: none on last exam.", "Diabetic retinopathy"),
])
def test_a_list_items_answer_none_denies_it(note, mention):
    # a form's answer is read before the past's cues ("Prior stroke? None"), so it may name the denial first
    assert _scope(note, mention).rule in ("negated", "answered-no")


def test_none_since_a_date_is_no_recurrence_of_a_past_condition(suggest):
    scope = _scope("Hx of kidney stones - none since 2019.", "kidney stones")
    assert scope is None or scope.rule != "negated"
    assert "Z87.442" in coded(suggest, "Hx of kidney stones - none since 2019.")


def test_a_retinopathy_answered_none_is_no_diabetic_complication(suggest):
    found = coded(suggest, "Type 1 DM on insulin pump, hypoglycemia episodes 2x/wk, no LOC. Diabetic retinopathy: "
                           "none on last exam.")
    assert "E10.649" in found and "Z96.41" in found and "E10.319" not in found
    assert "E10.319" in coded(suggest, "Type 1 DM. Diabetic retinopathy noted on last exam.")


@pytest.mark.parametrize("note, mention", [
    ("Panic attacks: none in 6 months; previously thought to be panic disorder, now part of GAD.", "panic disorder"),
    ("Previously thought to be secondary to vitamin D deficiency, now confirmed primary.", "vitamin D deficiency"),
    ("Initially diagnosed as cellulitis at urgent care.", "cellulitis"),
    ("The rash was thought to be psoriasis.", "psoriasis"),
])
def test_a_diagnosis_held_before_and_replaced_is_not_established(note, mention):
    assert _scope(note, mention).rule == NOT_ESTABLISHED and not _current(note, mention)


def test_when_a_diagnosis_was_first_made_is_no_replacement(suggest):
    assert _current("Initially diagnosed with type 2 diabetes in 2015, on metformin.", "type 2 diabetes")
    assert "E11.9" in coded(suggest, "Initially diagnosed with type 2 diabetes in 2015, on metformin.")


def test_what_the_note_turns_to_now_is_the_diagnosis(suggest):
    note = ("Impression: contact dermatitis. Previously thought to be cellulitis at urgent care, now clearly "
            "dermatitis; stop cephalexin.")
    assert _scope(note, "now clearly dermatitis".split()[-1]) is None
    found = coded(suggest, note)
    assert "L03.90" not in found
    assert "F41.0" not in coded(suggest, "GAD - stable on buspirone. Previously thought to be panic disorder, now "
                                         "understood as part of GAD.")


def test_a_course_completed_after_the_condition_makes_it_past(suggest):
    found = coded(suggest, "Pulmonary embolism 2022, completed 6 mo of apixaban, no recurrence. Here for dyspnea on "
                           "exertion, echo normal.")
    assert "Z86.711" in found and "I26.99" not in found and "R06.09" in found


def test_a_discharge_follow_up_after_the_completed_course_is_z09_with_the_history(suggest):
    found = coded(suggest, "Post-discharge visit. Admitted 11/20-11/24 for community acquired pneumonia, completed "
                           "levofloxacin. Lungs clear today, cough resolved.")
    assert {"Z09", "Z87.01"} <= found.keys() and "J18.9" not in found and "R05.9" not in found


def test_a_course_completed_years_back_is_a_history_not_what_the_visit_follows_up(suggest):
    found = coded(suggest, "Telephone f/u: h/o DVT R leg 2024, completed 6 mo rivaroxaban, off anticoagulation. Now L "
                           "calf cramps at night.")
    assert "Z86.718" in found and "Z09" not in found


def test_a_test_completed_is_no_course(suggest):
    assert _current("Pneumonia, CXR completed, on amoxicillin.", "Pneumonia")
    assert _scope("Type 2 diabetes, completed diabetes education class.", "Type 2 diabetes") is None
    assert "J18.9" in coded(suggest, "Pneumonia, CXR completed, on amoxicillin day 3.")


def test_a_time_of_today_speaks_of_its_own_item_only():
    assert _scope("Lungs clear today, cough resolved.", "cough").rule == RESOLVED
    assert _scope("Cough resolved, then recurred this week.", "Cough") is None
    assert _scope("Headache resolved this morning.", "Headache") is None


@pytest.mark.parametrize("note, code", [
    ("Lab order: CBC, ferritin. Indication: iron deficiency anemia. Screening for colon cancer: colonoscopy 2024 "
     "negative.", "Z12.11"),
    ("CT chest: 8 mm nodule RLL. Lung cancer screening program - LDCT in 3 mo.", "Z12.2"),
])
def test_a_screening_of_another_day_is_not_todays(suggest, note, code):
    assert code not in coded(suggest, note)


def test_a_screening_names_every_subject_of_its_list(suggest):
    found = coded(suggest, "Order: hepatitis C antibody, HIV 1/2 Ag/Ab. Reason: screening for viral hepatitis and "
                           "HIV, pt asymptomatic.")
    assert {"Z11.59", "Z11.4"} <= found.keys()


def test_an_unspecified_injury_of_a_region_gives_way_to_the_specific_injury_there(suggest):
    note = ("Urgent care: inversion injury L ankle stepping off a curb today. X-ray neg for fracture. Dx: sprain of "
            "anterior talofibular ligament, L ankle.")
    found = coded(suggest, note)
    assert "S93.492A" in found and "S99.912A" not in found
    assert "S99.912A" in coded(suggest, "Urgent care: inversion injury L ankle stepping off a curb today.")


def test_a_deficit_stated_in_the_sentence_after_the_stroke_is_its_sequela(suggest):
    found = coded(suggest, "Neuro f/u after hospital discharge for L MCA ischemic stroke 6 wks ago. Residual R "
                           "hemiparesis, R-handed; aphasia resolved.")
    assert "I69.351" in found and "Z86.73" not in found and "I69.320" not in found
    assert not any(c.startswith("I69") for c in coded(suggest, "Denies stroke. Residual R weakness."))


def test_a_denial_ends_with_its_sentence_for_the_parkinson_axes(suggest):
    found = coded(suggest, "Pt with Parkinson disease. No hallucinations. Wearing off before next dose, no "
                           "dyskinesia.")
    assert "G20.A2" in found
    assert "G20.A1" in coded(suggest, "Pt with Parkinson disease. No wearing off, no dyskinesia.")


@pytest.mark.parametrize("note, coded_murmur", [
    ("Order req: echo. Reason: murmur.", True),
    ("Exam: RRR, no murmur.", False),
    ("Innocent murmur noted.", False),
    ("Severe aortic stenosis with systolic murmur.", False),
])
def test_a_murmur_is_r01_1_unless_denied_benign_or_the_valve_disease_heard(suggest, note, coded_murmur):
    assert ("R01.1" in coded(suggest, note)) is coded_murmur


def test_a_rash_is_integral_to_the_dermatitis(suggest):
    found = {s.code: s for s in suggest("Rash on R forearm x 1 wk after gardening. Impression: atopic dermatitis.")}
    assert "R21" not in found and "L20.9" in found


def test_an_eponym_named_over_elsewhere_goes_to_a_coder(suggest):
    found = {s.code: s for s in suggest("Hypothyroidism after radioactive iodine for Graves disease (2019). Graves "
                                        "no longer active.")}
    assert found["E89.0"].confidence >= 0.9
    assert found["E05.00"].confidence < 0.9 and found["E05.00"].convention == OVER_ELSEWHERE_NAME


def test_a_fracture_of_a_part_of_the_fifth_metatarsal_is_the_bones_code(suggest):
    assert "S92.355D" in coded(suggest, "Ortho f/u, 8 wks s/p nondisplaced fracture of shaft of L 5th metatarsal, "
                                        "routine healing.")


@pytest.mark.parametrize("note, sign", [
    ("Order: urine culture. Reason: rule out UTI - dysuria.", "R30.0"),
    ("Order: CXR. Reason: r/o pneumonia - cough and fever.", "R05.9"),
    ("Ruled out MI; chest pain - atypical.", "R07.9"),
])
def test_the_sign_given_as_the_reason_to_rule_a_diagnosis_out_is_coded(suggest, note, sign):
    assert sign in coded(suggest, note)


@pytest.mark.parametrize("note, sign", [
    ("Reason: r/o cough.", "R05.9"),
    ("Rule out: cough, fever.", "R05.9"),
])
def test_a_sign_the_cue_names_first_is_still_ruled_out(suggest, note, sign):
    assert sign not in coded(suggest, note)


def test_the_diagnosis_ruled_out_is_not_coded(suggest):
    assert "N39.0" not in coded(suggest, "Order: urine culture. Reason: rule out UTI - dysuria.")
