"""Counselling timed as its own service or closed off from the problem it treats, a screening ordered after the dash
that closes a denial, the HIV and hepatitis C tests of an STI screening's order, a vaccine dated or only planned, and
a completed course told in passing at a visit about other things."""
import pytest

from services.coding.domain.encounter_z_codes import encounter_z_codes
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_corrected_malformation import _coded  # the codes at or above auto-accept
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, condition, evidence", [
    ("A/P: 1. T2DM - A1c 7.8, dietary counseling 20 min, plate method.", "E11.9", "T2DM"),
    ("Overweight, BMI 28.4 - 15 min dietary counseling today.", "E66.3", "Overweight"),
    ("HTN, 138/86. Dietary counseling (DASH, less salt) 10 min.", "I10", "HTN"),
])
def test_counselling_the_note_times_is_coded_beside_the_condition_it_is_for(tabular, note, condition, evidence):
    assert "Z71.3" in codes(encounter_z_codes(found(note, (condition, evidence)), note, tabular)[0])


@pytest.mark.parametrize("note, condition, evidence", [
    ("A/P: 1. T2DM - A1c 7.8, dietary counseling given, plate method.", "E11.9", "T2DM"),
    ("Obesity, BMI 33; counseled on diet.", "E66.9", "Obesity"),
])
def test_untimed_counselling_stays_part_of_the_conditions_care(tabular, note, condition, evidence):
    assert "Z71.3" not in codes(encounter_z_codes(found(note, (condition, evidence)), note, tabular)[0])


@pytest.mark.parametrize("note", [
    "Sedentary, no regular exercise - exercise counseling 10 min, walking plan.",
    "No regular exercise - sits most of the day; counseled on exercise, referred to a balance class.",
])
def test_a_denial_or_a_referral_outside_the_counsellings_clause_leaves_it_given(tabular, note):
    assert "Z71.82" in codes(encounter_z_codes([], note, tabular)[0])


@pytest.mark.parametrize("note", [
    "Inactive. No exercise counseling today - time spent on the knee.",
    "Sedentary - exercise counseling declined.",
    "Referred for exercise counseling 30 min with the physiologist.",
])
def test_counselling_denied_declined_or_only_referred_in_its_own_clause_is_not_given(tabular, note):
    assert "Z71.82" not in codes(encounter_z_codes([], note, tabular)[0])


@pytest.mark.parametrize("note, expected", [
    ("HTN stable. HIV-1/2 Ag/Ab drawn today as routine screening.", {"Z11.4"}),
    ("HIV Ag/Ab drawn today, one-time routine screening, asymptomatic.", {"Z11.4"}),
    ("Lab req: HIV-1/2 Ag/Ab, RPR, GC/CT NAAT urine, hep C Ab. Reason: STI screening, new partner.",
     {"Z11.3", "Z11.4", "Z11.59"}),
])
def test_hiv_by_its_tests_names_and_the_tests_of_an_sti_screenings_order(tabular, note, expected):
    assert expected <= set(codes(encounter_z_codes([], note, tabular)[0]))


@pytest.mark.parametrize("note, absent", [
    ("Lab req: RPR, GC/CT NAAT urine. Reason: STI screening, new partner.", {"Z11.4", "Z11.59"}),
    ("Lab req: HIV-1/2 Ag/Ab, hep C Ab. Reason: exposure, needlestick at work.", {"Z11.4", "Z11.59"}),
    ("HIV Ag/Ab screening declined.", {"Z11.4"}),
])
def test_no_hiv_or_hepatitis_screening_without_its_test_a_screening_or_where_declined(tabular, note, absent):
    assert not absent & set(codes(encounter_z_codes([], note, tabular)[0]))


@pytest.mark.parametrize("note, code", [
    ("Postmenopausal, no fractures, never had a bone density test - DEXA ordered to screen for osteoporosis.",
     "Z13.820"),
    ("No GI symptoms, no family history - screening colonoscopy done today.", "Z12.11"),
])
def test_a_denial_before_the_dash_does_not_reach_the_screening_after_it(tabular, note, code):
    assert code in codes(encounter_z_codes([], note, tabular)[0])


@pytest.mark.parametrize("note, code", [
    ("Postmenopausal - no DEXA screening ordered, declines.", "Z13.820"),
    ("Colon cancer screening - not done, no screening colonoscopy yet.", "Z12.11"),
    ("Mother had colon polyps, pt's screening colonoscopy 2024 nl.", "Z12.11"),
])
def test_a_denial_in_the_screenings_own_clause_or_a_dated_normal_result_gives_none(tabular, note, code):
    assert code not in codes(encounter_z_codes([], note, tabular)[0])


@pytest.mark.parametrize("note", [
    "Acute visit, R thumb laceration repaired. Tdap 2022. HTN on lisinopril.",
    "Liver transplant on tacrolimus - flu vaccine this fall.",
    "Asthma stable. Pneumococcal vaccine next fall.",
])
def test_a_vaccine_dated_by_its_year_or_planned_for_a_coming_season_is_no_immunization_today(suggest, note):
    assert "Z23" not in _coded(suggest, note)


@pytest.mark.parametrize("note", [
    "Tdap given today; last dose 2012.",
    "Flu vaccine 2026-27 formulation given today.",
    "Influenza vaccine administered this visit, fall season.",
])
def test_a_dose_given_today_is_still_an_immunization_encounter(suggest, note):
    assert "Z23" in _coded(suggest, note)


@pytest.mark.parametrize("note", [
    ("PCP f/u, 60F. HTN, HLD. Otitis externa last month, finished ciprofloxacin drops x 7 days, resolved. A/P: 1. HTN"
     " - continue amlodipine. 2. HLD - continue atorvastatin."),
    ("Annual f/u, 66M. HTN on lisinopril. Sinusitis in the spring, finished 10 days of amoxicillin, resolved. A/P: "
     "1. HTN - continue lisinopril."),
])
def test_a_course_told_in_passing_at_a_visit_about_other_things_is_no_follow_up(suggest, note):
    assert "Z09" not in _coded(suggest, note)


@pytest.mark.parametrize("note", [
    ("PCP f/u 2 wks after otitis externa, 60F. Finished ciprofloxacin drops x 7 days, resolved. A/P: 1. HTN - "
     "continue amlodipine."),
    ("PCP f/u, 60F. Otitis externa last month, finished ciprofloxacin drops x 7 days, resolved. A/P: 1. Otitis "
     "externa - resolved, no further tx. 2. HTN - continue amlodipine."),
])
def test_a_course_the_opening_or_the_assessment_follows_up_is_still_z09(suggest, note):
    assert "Z09" in _coded(suggest, note)
