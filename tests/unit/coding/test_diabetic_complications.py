"""Diabetic retinopathy by stage, macular edema and eye; the CKD stage a combination code asks for."""
import pytest

from services.coding.domain.diabetic_complications import ckd_stage, ckd_stated_stage, diabetic_retinopathy
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, diabetes, expected", [
    ("Type 1 DM. Mild NPDR w/o macular edema OU.", ("E10.9", "Type 1 DM"), "E10.3293"),
    ("T2DM with moderate nonproliferative diabetic retinopathy with macular edema, right eye.",
     ("E11.9", "T2DM"), "E11.3311"),
    ("Type 2 diabetes; severe nonproliferative retinopathy of the left eye, no macular edema.",
     ("E11.9", "Type 2 diabetes"), "E11.3492"),
    ("Type 2 diabetes with proliferative diabetic retinopathy with DME, bilateral.", ("E11.9", "Type 2 diabetes"),
     "E11.3513"),
    ("Type 2 diabetes with nonproliferative diabetic retinopathy.", ("E11.9", "Type 2 diabetes"), "E11.3299"),
])
def test_retinopathy_is_coded_to_its_stage_edema_and_eye(tabular, note, diabetes, expected):
    out, reasons = diabetic_retinopathy(found(note, diabetes), note, tabular)
    assert codes(out) == [expected] and reasons


@pytest.mark.parametrize("note", ["Type 2 diabetes. No diabetic retinopathy on dilated exam.",
                                  "Type 2 diabetes. Retinopathy screening due."])
def test_no_stated_retinopathy_stage_leaves_the_diabetes_code(tabular, note):
    given = found(note, ("E11.9", "Type 2 diabetes"))
    assert diabetic_retinopathy(given, note, tabular)[0] == given


@pytest.mark.parametrize("note, combination, expected", [
    ("DM2 w/ diabetic CKD stage 3b, eGFR 38.", ("E11.22", "DM2 w/ diabetic CKD"), "N18.32"),
    ("Hypertensive CKD, stage IV.", ("I12.9", "Hypertensive CKD"), "N18.4"),
])
def test_the_stage_the_combination_asks_for_is_added(tabular, note, combination, expected):
    out, reasons = ckd_stage(found(note, combination), note, tabular)
    assert codes(out) == sorted([combination[0], expected]) and reasons


@pytest.mark.parametrize("note, given", [
    ("T2DM with CKD stage 3a.", [("E11.22", "T2DM with CKD"), ("N18.31", "CKD stage 3a")]),  # already coded
    ("Type 1 diabetic chronic kidney disease.", [("E10.22", "diabetic chronic kidney disease")]),  # not stated
])
def test_a_stage_coded_already_or_not_stated_is_not_added(tabular, note, given):
    suggestions = found(note, *given)
    assert ckd_stage(suggestions, note, tabular)[0] == suggestions


@pytest.mark.parametrize("note, expected", [("HTN. Also CKD 3a, Cr 1.4.", "N18.31"), ("CKD IV, nephrology f/u.", "N18.4"),
                                            ("CKD stage 5, on dialysis.", "N18.5"),
                                            ("CKD, now stage 3b by eGFR 38.", "N18.32")])
def test_an_unspecified_ckd_followed_by_its_stage_takes_the_stage(tabular, note, expected):
    out, reasons = ckd_stated_stage(found(note, ("N18.9", "CKD")), note, tabular)
    assert codes(out) == [expected] and reasons


def test_a_ckd_without_a_stage_after_it_stays_unspecified(tabular):
    note = "CKD, 3 meds reviewed."
    given = found(note, ("N18.9", "CKD"))
    assert ckd_stated_stage(given, note, tabular)[0] == given


@pytest.mark.parametrize("note, expected", [
    ("HTN w/ CKD stage 5 on hemodialysis MWF.", {"I12.0", "N18.6", "Z99.2"}),
    ("T2DM with diabetic CKD stage 5, on peritoneal dialysis nightly.", {"E11.22", "N18.6", "Z99.2"}),
    ("CKD stage 5, dialysis planned next month.", {"N18.5"}),
])
def test_stage_5_chronic_kidney_disease_on_dialysis_is_end_stage(suggest, note, expected):
    found = {s.code: s for s in suggest(note)}
    assert set(found) == expected
    if "N18.6" in found:
        assert found["N18.6"].convention == "ckd-on-dialysis" and "Z99.2" in found["N18.6"].reason
