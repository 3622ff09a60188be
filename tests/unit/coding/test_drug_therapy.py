"""Long-term drug therapy Z79.- from a maintenance drug the note says the patient is on."""
import re

import pytest

from services.coding.domain.drug_therapy import maintenance_drug_therapy
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Paroxysmal AF on apixaban 5 mg BID.", ["Z79.01"]),
    # an anticoagulant for a long-term condition, with an operation named beside it
    ("Mechanical mitral valve on warfarin 5 mg daily; surgery in May.", ["Z79.01"]),
    ("Meds: metformin 1000 mg BID, glipizide 10 mg daily.", ["Z79.84"]),
    ("CAD. On ASA 81 mg and atorvastatin.", ["Z79.82"]),
    ("CAD without angina, on metoprolol and ASA 81.", ["Z79.82"]),  # the denial is of the angina
    ("S/p DES, taking clopidogrel.", ["Z79.02"]),
    ("Osteoporosis, on alendronate weekly x 2 yrs.", ["Z79.83"]),
    ("RA, continue methotrexate 15 mg weekly.", ["Z79.631"]),
    ("T2DM on semaglutide 1 mg weekly and metformin.", ["Z79.84", "Z79.85"]),
    ("Type 2 diabetes and HFrEF, on Jardiance 10 mg.", ["Z79.84"]),  # with diabetes it is an antidiabetic
    ("CAD. Cont ASA 81 and rosuvastatin.", ["Z79.82"]),  # "cont" is continue
    ("T2DM. Metformin 1000 BID continued.", ["Z79.84"]),
    ("CAD w/ stable angina, on ASA 81 + metoprolol + NTG prn.", ["Z79.82"]),  # "prn" is the nitroglycerin's
    ("Stable angina. Nitro prn rarely. Cont aspirin/clopidogrel.", ["Z79.02", "Z79.82"]),
    # the drug with what it is given for
    ("Paroxysmal AF, rate controlled on metoprolol; apixaban for CHA2DS2-VASc 3.", ["Z79.01"]),
    ("Mechanical mitral valve. Warfarin for the valve, INR goal 2.5-3.5.", ["Z79.01"]),
    # a denial of something else before a list separator, where the drug's own item says it is taken
    ("Hx of TIA 2022, no deficits, on clopidogrel long term.", ["Z79.02"]),
    ("Type 2 diabetes mellitus without complications - stable, metformin 500 bid.", ["Z79.84"]),  # a dose by frequency
])
def test_a_maintenance_drug_the_patient_is_on_is_coded(tabular, note, expected):
    out, reasons = maintenance_drug_therapy([], note, tabular)
    assert codes(out) == expected and reasons and all(s.convention == "drug-therapy-z-code" for s in out)


@pytest.mark.parametrize("note", [
    "Warfarin stopped before the procedure.", "Apixaban held for 48 hours.", "Allergic to aspirin.",
    "Meds: aspirin 81 mg prn headache.", "Mother on warfarin.", "Consider apixaban if AF recurs.", "Not on anticoagulation given the fall risk.", "Started apixaban 5 mg BID today.",
    "ASA class II, cleared for anesthesia.",  # the anesthesia physical status, not aspirin
    "Prednisone 40 mg x 5 days.",
    "Prednisone for 5 days.", "Apixaban for 3 months after the DVT; stopped last week.",  # a course, not maintenance  # not a maintenance class: needs "long-term" (encounter_z_codes)
    "Discussed metformin; patient prefers diet first.",  # named, not taken
    "HFrEF, EF 30%. Meds: carvedilol, empagliflozin 10 mg daily.",  # an SGLT2 inhibitor for the heart failure
    "Obesity, BMI 41, on semaglutide 2.4 mg weekly.",  # a GLP-1 agonist for the obesity
    "Med rec: metformin 500 BID - taking; lisinopril 10 - taking.",  # metformin is also for prediabetes and PCOS
    "Not on aspirin, clopidogrel.",  # the denial reaches the list items that say nothing of their own
    # a clot's prophylaxis after an operation: a course of weeks
    "Dalteparin 5000 units SC daily for VTE prophylaxis postoperatively, 4 wks total.",
    "After L hip arthroplasty: rivaroxaban 10 mg qd as DVT prophylaxis for 5 weeks.",
    "Thromboembolism prophylaxis with apixaban 2.5 mg BID post-op until mobile.",
])
def test_a_drug_not_taken_as_maintenance_is_not(tabular, note):
    assert maintenance_drug_therapy([], note, tabular)[0] == []


def test_a_code_already_suggested_is_not_repeated(tabular):
    from tests.unit.coding.test_conventions import found
    note = "On long-term warfarin 5 mg."
    out, _ = maintenance_drug_therapy(found(note, ("Z79.01", "warfarin")), note, tabular)
    assert codes(out) == ["Z79.01"]


@pytest.mark.parametrize("note, expected", [("AF, on anticoagulation, CHA2DS2-VASc 4.", ["Z79.01"]),
                                            ("S/p stent, on dual antiplatelet therapy.", ["Z79.02"])])
def test_the_class_named_for_the_drug_is_coded_too(tabular, note, expected):
    assert codes(maintenance_drug_therapy([], note, tabular)[0]) == expected


def test_a_course_completed_is_not_current_therapy(tabular):
    assert maintenance_drug_therapy([], "H/o PE, completed 6 mo anticoagulation.", tabular)[0] == []


@pytest.mark.parametrize("note, drug, stopped", [
    ("Paroxysmal AF on apixaban 5 mg bid. Plan: apixaban discontinued after the ablation.", "apixaban", True),
    ("Rash on clopidogrel 75 mg daily; hold clopidogrel, derm referral.", "clopidogrel", True),
    ("AF on warfarin 4 mg daily. Dental extraction Monday: warfarin held 3 days before.", "warfarin", False),
    ("Osteoporosis on alendronate weekly; hold alendronate until calcium normal.", "alendronate", False),
    ("CAD on aspirin 81 mg. No need to hold aspirin for the skin biopsy.", "aspirin", False),
    ("On rivaroxaban 20 mg daily for AF. Advised to hold rivaroxaban if any bleeding.", "rivaroxaban", False),
])
def test_a_drug_the_note_stops_or_holds_for_good_elsewhere_is_no_long_term_therapy(tabular, note, drug, stopped):
    from services.coding.domain.past_drug_use import stopped_elsewhere
    first = re.search(drug, note)
    assert stopped_elsewhere(note, first) is stopped
    assert (maintenance_drug_therapy([], note, tabular)[0] == []) is stopped


@pytest.mark.parametrize("note, expected", [
    ("Afib on rivaroxaban 15 mg daily (hold 24 h pre-procedure).", ["Z79.01"]),
    ("Clopidogrel 75 mg daily, to be held 5 days prior to the biopsy.", ["Z79.02"]),
    ("Stopped apixaban after the Watchman, on ASA 81 mg daily now.", ["Z79.82"]),
    ("Enoxaparin 40 mg daily after the hip replacement, DVT prophylaxis.", []),  # a course, not long-term use
    ("Warfarin stopped last month, off aspirin too.", []),
])
def test_a_pause_before_a_procedure_or_another_drugs_stop_keeps_the_drug_taken(tabular, note, expected):
    assert codes(maintenance_drug_therapy([], note, tabular)[0]) == expected
