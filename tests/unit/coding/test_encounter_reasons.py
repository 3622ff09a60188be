"""Preoperative evaluations (Z01.81-) and follow-up after completed treatment (Z09/Z08 with the history code)."""
import pytest

from services.coding.domain.encounter_reasons import encounter_reasons
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Pre-op clearance for L hip arthroplasty. Low risk.", "Z01.818"),
    ("Preoperative cardiac evaluation before AAA repair.", "Z01.810"),
    ("Preop pulmonary clearance for lobectomy.", "Z01.811"),
    ("Pre-op labs: CBC, BMP, PT/INR.", "Z01.812"),
])
def test_a_preoperative_evaluation_is_coded_by_its_kind(tabular, note, expected):
    out, reasons = encounter_reasons([], note, tabular)
    assert codes(out) == [expected] and out[0].convention == "encounter-reason" and reasons


@pytest.mark.parametrize("note", ["Pre-op clearance scheduled for next week.", "No preoperative evaluation needed."])
def test_a_preoperative_evaluation_not_done_today_is_not(tabular, note):
    assert encounter_reasons([], note, tabular)[0] == []


def test_a_condition_treated_to_completion_is_follow_up_with_its_history_code(tabular):
    note = "F/u after completed abx for community-acquired pneumonia. CXR clear."
    out, reasons = encounter_reasons(found(note, ("J18.9", "pneumonia")), note, tabular)
    assert codes(out) == ["Z09", "Z87.01"] and "J18.9 now personal history" in reasons[0]


def test_after_completed_treatment_of_a_malignancy_it_is_z08(tabular):
    note = "Follow-up after completed chemotherapy for colon cancer; no recurrence."
    out, _ = encounter_reasons(found(note, ("Z85.038", "colon cancer"), context="history"), note, tabular)
    assert codes(out) == ["Z08", "Z85.038"]


@pytest.mark.parametrize("note", [
    "F/u pneumonia: still coughing, finishing levofloxacin.",  # treatment not complete
    "F/u after completed abx for pneumonia, cough persists.",  # not resolved
    "Pneumonia. Completed the course of antibiotics last week.",  # no follow-up visit stated
])
def test_a_condition_still_treated_or_present_stays(tabular, note):
    given = found(note, ("J18.9", "neumonia"))
    assert encounter_reasons(given, note, tabular)[0] == given


def test_a_preoperative_cardiac_risk_evaluation_is_cardiovascular(tabular):
    assert codes(encounter_reasons([], "Pre-op cardiac risk evaluation for L hip replacement.", tabular)[0]) == \
        ["Z01.810"]


def test_a_named_drug_completed_with_the_condition_resolved_is_completed_treatment(tabular):
    note = "F/u UTI: completed nitrofurantoin, sx resolved. Repeat UA neg."
    out, _ = encounter_reasons(found(note, ("N39.0", "UTI")), note, tabular)
    assert codes(out) == ["Z09", "Z87.440"]


@pytest.mark.parametrize("note, expected", [("16 yo M sports physical, cleared.", "Z02.5"),
                                            ("Pre-employment physical for a warehouse job.", "Z02.1"),
                                            ("DOT physical, 2-year card.", "Z02.4")])
def test_an_administrative_examination_is_coded(tabular, note, expected):
    assert codes(encounter_reasons([], note, tabular)[0]) == [expected]


def test_an_administrative_examination_only_scheduled_is_not(tabular):
    assert encounter_reasons([], "Sports physical scheduled for August.", tabular)[0] == []


def test_preoperative_labs_before_a_scheduled_procedure_are_done_today(tabular):
    note = "Pre-op labs: CBC, BMP, PT/INR before L TKA scheduled 3/12."
    assert codes(encounter_reasons([], note, tabular)[0]) == ["Z01.812"]
    assert encounter_reasons([], "Pre-op labs scheduled for next week.", tabular)[0] == []


def test_a_follow_up_after_a_course_completed_for_a_condition_is_z09_with_its_history_entry(suggest):
    note = ("Post-treatment recheck. Completed 7d levofloxacin for CAP (finished 5/12). Afebrile, CXR clear. "
            "Pneumonia resolved.")
    assert sorted(codes(suggest(note))) == ["Z09", "Z87.01"]
    note = "Post-tx check. Finished 10 days of amoxicillin-clavulanate for acute maxillary sinusitis; sx resolved."
    # sinusitis has no History entry of its own: its system's personal history code, never the sinusitis as current
    assert sorted(codes(suggest(note))) == ["Z09", "Z87.09"]


def test_surveillance_after_a_malignancy_treated_to_completion_is_z08_not_the_cancer(suggest):
    note = "Surveillance visit after completed tx for LUL lung adenocarcinoma (lobectomy 2021); CT chest today NED."
    assert sorted(codes(suggest(note))) == ["Z08", "Z85.118", "Z90.2"]  # the lobectomy's acquired absence


@pytest.mark.parametrize("note", ["Lab order: hepatitis B surface antibody titer to check immunity after completed "
                                  "vaccine series.", "Varicella titer for immunity status, healthcare worker."])
def test_an_antibody_titer_checking_immunity_is_an_antibody_response_examination(suggest, note):
    assert codes(suggest(note)) == ["Z01.84"]  # not Z23 (no dose given), nor the disease the titer names


@pytest.mark.parametrize("note", ["Gout, quiet on allopurinol. Seen only for a repeat prescription.",
                                  "A/P: 1. Issue of repeat prescription - levothyroxine 90 days. 2. Hypothyroidism."])
def test_a_repeat_prescription_in_the_tabulars_words_is_z76_0(suggest, note):
    assert "Z76.0" in codes(suggest(note))


def test_a_contraceptives_repeat_prescription_is_not_z76_0(suggest):
    assert "Z76.0" not in codes(suggest("Here only for a repeat prescription of her birth control pills."))


@pytest.mark.parametrize("note, expected", [
    ("Pulmonology pre-op clearance, 80F, before a hernia repair.", "Z01.811"),
    ("Cardiology: preop consult for carotid endarterectomy.", "Z01.810"),
    ("Pre-surgical psychiatric evaluation for a kidney donation.", "Z01.818"),
    ("Pre-operative CBC and coags for a port placement.", "Z01.812"),
    ("Preoperative evaluation for septoplasty scheduled Friday.", "Z01.818"),
])
def test_a_preoperative_evaluation_is_read_by_its_clinic_and_beside_the_surgerys_date(tabular, note, expected):
    assert codes(encounter_reasons([], note, tabular)[0]) == [expected]


@pytest.mark.parametrize("note", ["Thrombocytopenia first seen in preop labs.",
                                  "Plan: pre-op clearance, then arthroscopy in June.",
                                  "Carpal tunnel release next month; preop H&P with her surgeon."])
def test_a_preoperative_examination_read_from_planned_or_another_clinicians_is_not_the_visits(tabular, note):
    assert encounter_reasons([], note, tabular)[0] == []
