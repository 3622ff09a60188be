"""Readings of note forms met on notes written after the rules (p1-p60: urgent-care and ROS templates, run-on
dictation, pasted discharge summaries, medication lists with indications): each a class, not a note."""
import pytest

from services.coding.domain.excluded_together import excluded_together
from services.coding.domain.first_sight import IN_DISEASE_NAME, SYMPTOM_NAME, NAME as UNSPECIFIED_NAME
from services.coding.domain.note_context import mention_scope, screened
from services.coding.domain.note_text import current, uncertain
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.test_note_readings import coded
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, denied", [
    ("ROS: Resp: neg SOB, wheezing. GU: negative hematuria.", ("R06.02", "R06.2", "R31.9")),
    ("Cardiac: neg palpitations, syncope", ("R00.2", "R55")),
])
def test_a_review_of_systems_line_opened_by_negative_denies_its_list(suggest, note, denied):
    assert not set(denied) & set(coded(suggest, note))


def test_a_plus_affirms_the_item_after_a_negative_list_and_a_fused_negative_denies_nothing():
    text = "ROS: neg fever, + cough."
    assert mention_scope(text, text.index("fever"), text.index("fever") + 5).rule == "negated"
    assert mention_scope(text, text.index("cough"), text.index("cough") + 5) is None
    text = "HER2-negative breast cancer"
    assert mention_scope(text, text.index("breast"), len(text)) is None


@pytest.mark.parametrize("note, kept", [
    ("no more nausea, appetite is fine, she also has a rash on the arm, KOH positive, tinea corporis", "B35.4"),
    ("CXR negative for pneumonia, diagnosed with acute bronchitis. Albuterol.", "J20.9"),
])
def test_a_comma_before_a_new_subject_or_a_diagnosis_ends_a_denial(suggest, note, kept):
    assert kept in coded(suggest, note)


def test_a_denial_still_reaches_across_a_plain_list(suggest):
    assert not {"R50.9", "R05.9", "R06.02"} & set(coded(suggest, "Denies fever, cough, SOB."))


def test_a_screening_names_what_it_looks_for_not_what_it_found():
    text = "LDCT for lung ca screening: 8 mm nodule in the left lower lobe"
    assert screened(text, text.index("lung ca"), text.index("lung ca") + 7)
    assert not screened(text, text.index("nodule"), text.index("nodule") + 6)
    assert not current(text, text.index("lung ca"), text.index("lung ca") + 7)


def test_a_cancer_named_in_a_screening_sentence_is_not_coded_and_its_result_is(suggest):
    found = coded(suggest, "Annual LDCT lung cancer screening: 5 mm nodule in the right lower lobe.")
    assert not [c for c in found if c.startswith("C34")] and "R91.1" in found and "Z12.2" in found


def _s(code, start, end, confidence=0.94, evidence="x"):
    return Suggestion(code=code, description=code, confidence=confidence, start=start, end=end, evidence=evidence,
                      context="affirmed")


class _Pairs:
    def __init__(self, *pairs):
        self.pairs = {frozenset(p) for p in pairs}

    def excludes1_pair(self, a, b):
        return frozenset((a, b)) in self.pairs


def test_an_excluded_symptom_is_dropped_beside_its_diagnosis():
    out, reasons = excluded_together([_s("R56.9", 0, 7), _s("G40.B09", 20, 60)], "", _Pairs(("R56.9", "G40.B09")))
    assert [s.code for s in out] == ["G40.B09"] and reasons


def test_of_two_excluded_diagnoses_the_shorter_worded_goes_to_a_coder_and_equal_ones_both_do():
    out, _ = excluded_together([_s("F41.0", 0, 13), _s("F40.01", 20, 51)], "", _Pairs(("F41.0", "F40.01")))
    by_code = {s.code: s for s in out}
    assert by_code["F41.0"].confidence < 0.9 and by_code["F41.0"].convention == "excluded-together"
    assert by_code["F40.01"].confidence == 0.94
    out, _ = excluded_together([_s("A01.0", 0, 5), _s("B01.0", 10, 15)], "", _Pairs(("A01.0", "B01.0")))
    assert all(s.confidence < 0.9 for s in out)
    out, reasons = excluded_together([_s("A01.0", 0, 5), _s("B01.0", 10, 15)], "", _Pairs())
    assert reasons == [] and all(s.confidence == 0.94 for s in out)


def test_panic_attacks_beside_panic_disorder_with_agoraphobia_are_not_both_billed(suggest):
    found = coded(suggest, "Recurrent panic attacks, avoids buses and malls. Dx: panic disorder with agoraphobia.")
    assert "F40.01" in found and "F41.0" not in found


def test_a_bilateral_code_covers_a_side_named_again(suggest):
    found = coded(suggest, "Bilateral carpal tunnel syndrome on NCS, worse on the left. L carpal tunnel release "
                           "planned.")
    assert "G56.03" in found and "G56.02" not in found


def test_an_inclusion_term_read_outside_its_disease_goes_to_a_coder(suggest):
    found = {s.code: s for s in suggest("Sensory polyneuropathy from chemotherapy, on gabapentin.")}
    assert found["A69.22"].confidence < 0.9 and found["A69.22"].convention == IN_DISEASE_NAME
    assert "Lyme disease" in found["A69.22"].reason
    assert coded(suggest, "Polyneuropathy in Lyme disease, on doxycycline.")["A69.22"]


def test_a_qualifier_beside_one_mention_lowers_every_mention_of_the_unspecified_code(suggest):
    found = [s for s in suggest("PTSD from an assault, chronic nightmares. Nightmares from post-traumatic stress "
                                "disorder on prazosin.") if s.code == "F43.10"]
    assert len(found) == 2 and all(s.confidence < 0.9 and s.convention == UNSPECIFIED_NAME for s in found)
    # the qualifier written first is the tabular's "Post-traumatic stress disorder, chronic" (modifier-first-term)
    assert "F43.12" in coded(suggest, "Chronic post traumatic stress disorder from an assault. Nightmares from "
                                      "post-traumatic stress disorder on prazosin.")


def test_a_medication_lists_indication_is_not_a_qualifier(suggest):
    assert "E78.5" in coded(suggest, "HLD - on pravastatin (for cholesterol).")


@pytest.mark.parametrize("note, code", [
    ("Hx TIA 2021 without residual deficits.", "Z86.73"),
    ("History of transient ischemic attack, on aspirin.", "Z86.73"),
])
def test_a_past_tia_written_out_or_short_is_its_history_code(suggest, note, code):
    assert code in coded(suggest, note)


def test_class_3_obesity_in_either_order(suggest):
    assert "E66.813" in coded(suggest, "Class III obesity, BMI 44.")
    assert "E66.812" in coded(suggest, "Class 2 obesity.")


def test_history_written_after_the_condition_with_its_year(suggest):
    found = {s.code: s for s in suggest("Gout. Nephrolithiasis hx 2019, no recurrence since.")}
    assert "N20.0" not in found


def test_an_electrolyte_stated_repleted_is_resolved_and_one_being_repleted_is_not(suggest):
    assert "E87.6" not in coded(suggest, "Hypokalemia, repleted in hospital.")
    assert "E83.42" not in coded(suggest, "Hypomagnesemia, repleted.")
    assert "E87.6" in coded(suggest, "Hypokalemia, being repleted with KCl.")


def test_after_a_completed_course_stopped_the_visit_is_a_follow_up_with_the_history(suggest):
    found = coded(suggest, "Follow-up: DVT of the R femoral vein in June, completed 6 months apixaban, stopped "
                           "2 wks ago. No leg swelling.")
    assert {"Z09", "Z86.718"} <= set(found) and not [c for c in found if c.startswith("I82")]


def test_a_cause_written_before_related_and_an_uncertainty_cue_is_uncertain():
    text = "Asthma-related cough likely, vs postnasal drip."
    assert uncertain(text, 0, len("Asthma"))
    text = "Asthma-related cough."
    assert not uncertain(text, 0, len("Asthma"))


def test_a_comma_list_and_a_tendon_named_for_the_cuff(suggest):
    found = coded(suggest, "MRI L shoulder: partial-thickness infraspinatus tear, nontraumatic.")
    assert "M75.112" in found


def test_gout_at_the_first_mtp_is_the_foot_and_an_unsited_gout_gives_way(suggest):
    found = coded(suggest, "Gout flare R 1st MTP. Continue allopurinol (for gout).")
    assert "M10.071" in found and "M10.9" not in found


def test_chest_wall_pain_is_part_of_costochondritis(suggest):
    found = coded(suggest, "Costochondritis. Chest wall pain reproducible on palpation, ibuprofen.")
    assert "M94.0" in found and not [c for c in found if c.startswith("R07")]


@pytest.mark.parametrize("note, expected", [
    ("Carotid duplex: 60% L ICA stenosis, asymptomatic.", "I65.22"),
    ("Bilateral internal carotid artery stenosis, 50-69%.", "I65.23"),
    ("Stenosis of the right internal carotid artery on CTA.", "I65.21"),
])
def test_carotid_stenosis_by_side(suggest, note, expected):
    assert expected in coded(suggest, note)


def test_a_denied_carotid_stenosis_is_not_coded(suggest):
    assert not [c for c in coded(suggest, "Carotid US: no ICA stenosis.") if c.startswith("I65")]


def test_a_nodule_in_a_named_lobe_is_a_pulmonary_nodule(suggest):
    assert "R91.1" in coded(suggest, "CT: 7 mm ground-glass nodule in the left upper lobe, stable.")


@pytest.mark.parametrize("note, expected", [
    ("Chronic PTSD, on sertraline.", "F43.12"),
    ("Hx EtOH use d/o, moderate, in sustained remission.", "F10.21"),
    ("OUD, severe, in early remission on buprenorphine.", "F11.21"),
])
def test_psychiatric_wordings(suggest, note, expected):
    assert expected in coded(suggest, note)


def test_a_past_substance_use_disorder_without_remission_stated_is_not_current(suggest):
    assert not [c for c in coded(suggest, "Hx alcohol use disorder, severe.") if c.startswith("F10")]


@pytest.mark.parametrize("note", ["Smokes 1 ppd cigarettes, not ready to quit.", "Current smoker, 20 pk yrs.",
                                  "Smoker - 1/2 ppd cigs."])
def test_current_smokers_however_worded(suggest, note):
    assert "F17.210" in coded(suggest, note)


def test_a_smoker_who_quit_is_not_current(suggest):
    assert "F17.210" not in coded(suggest, "Smoker x 20 pk yrs, quit 2015.")


def test_an_inr_order_after_its_label_is_drug_monitoring(suggest):
    assert "Z51.81" in coded(suggest, "Order: INR. Dx: long-term warfarin for atrial fibrillation.")


def test_an_sglt2_inhibitor_called_long_term_without_diabetes_is_no_antidiabetic(suggest):
    found = coded(suggest, "Chronic HFrEF, long-term empagliflozin and carvedilol.")
    assert "Z79.84" not in found
    assert "Z79.84" in coded(suggest, "T2DM, long-term empagliflozin.")


def test_a_replacement_a_joint_may_need_is_not_done(suggest):
    found = coded(suggest, "R hip OA, moderate; may need THA in a few years.")
    assert not [c for c in found if c.startswith("Z96.6")]


def test_a_vaccine_up_to_date_is_not_given_today(suggest):
    assert "Z23" not in coded(suggest, "COPD stable. Prevnar 20 up to date.")


def test_a_symptom_beside_a_confirmed_diagnosis_goes_to_a_coder_and_one_alone_does_not(suggest):
    found = {s.code: s for s in suggest("Nocturia x3 nightly. Overactive bladder, on oxybutynin.")}
    assert found["R35.1"].confidence < 0.9 and found["R35.1"].convention == SYMPTOM_NAME
    assert "N32.81" in found["R35.1"].reason and found["N32.81"].confidence >= 0.9
    assert coded(suggest, "Nocturia x3 nightly, fluid restriction after 6 pm.")["R35.1"]


def test_a_symptom_the_diagnosis_asks_to_be_coded_beside_it_is_billed(suggest):
    """N40.1's "use additional code for associated symptoms" lists nocturia: the tabular asks for it."""
    found = {s.code: s for s in suggest("Nocturia x3 nightly. BPH with LUTS, on tamsulosin.")}
    assert found["R35.1"].confidence >= 0.9 and found["R35.1"].convention == "use-additional-symptom"
    assert "N40.1" in found["R35.1"].reason


def test_an_abnormal_result_beside_a_diagnosis_keeps_its_confidence(suggest):
    assert "R73.03" in coded(suggest, "Prediabetes, A1c 6.2. Obesity, BMI 32.")


def test_an_injury_of_today_without_follow_up_words_is_its_initial_encounter(suggest):
    assert "S93.402A" in coded(suggest, "Rolled L ankle stepping off a curb today. L ankle sprain. Brace, RICE.")


def test_a_condition_stated_recovered_is_over_and_one_recovered_only_in_part_is_not(suggest):
    assert "G51.0" not in coded(suggest, "Return visit. L Bell's palsy 2 yrs ago, fully recovered. Now headaches.")
    assert "G51.0" not in coded(suggest, "Bell's palsy last spring, recovered.")
    assert "G51.0" in coded(suggest, "Bell's palsy 3 wks ago, partially recovered.")
    assert "G51.0" in coded(suggest, "Bell's palsy 3 wks ago, not yet recovered.")
