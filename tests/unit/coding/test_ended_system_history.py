"""A musculoskeletal condition that ran its course (a tendinitis, a frozen shoulder, a sciatica) and that the note
places in the past and says ended is its system's personal history, Z87.39; one only named past, a relative's, or
one that keeps coming back stays out of it. A healed stress or other pathological fracture is no traumatic one's
history. A condition a completed course ended, whose index has no History entry, is its system's personal history
beside Z09, not held for a coder. An endocrine disorder a treatment ended (cured, in remission off its drug) is
Z86.39; one still held in check by its drug, or ablated into a hypothyroidism, is not."""
import pytest

from tests.unit.coding.test_doubted_after import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Golfer's elbow on the right in 2021, resolved with a brace.",
    "Frozen shoulder 2020 - regained full motion after home exercises.",
    "Lumbar radiculopathy 2018, settled after physical therapy; today knee pain from OA.",
    "PMH: h/o costochondritis, resolved.",
])
def test_an_ended_musculoskeletal_condition_in_the_past_is_z87_39(suggest, note):
    assert "Z87.39" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "PMH: hx of bursitis of the hip.",
    "Brother had sciatica in 2015, resolved after surgery.",
    "No history of septic arthritis.",
    "Trochanteric bursitis, recurrent since 2019 despite two injections.",
])
def test_a_musculoskeletal_condition_not_said_to_have_ended_is_no_history(suggest, note):
    assert "Z87.39" not in billed(suggest, note)


@pytest.mark.parametrize("note, history", [
    ("Problem list: hx of stress fx of the R tibia 2019, healed; runs 20 miles a week.", "Z87.312"),
    ("Remote hx of pathological fracture of the humerus through a bone cyst, healed.", "Z87.311"),
    ("H/o R ankle fx after a ski fall, healed.", "Z87.81"),
])
def test_a_healed_fracture_takes_the_history_code_of_its_kind(suggest, note, history):
    codes = billed(suggest, note)
    assert history in codes and not ({"Z87.81", "Z87.311", "Z87.312"} - {history}) & codes


def test_a_follow_up_after_a_completed_course_takes_the_systems_history_where_the_index_has_no_entry(suggest):
    codes = billed(suggest, "Hip recheck. 8M, transient synovitis of the left hip last month, naproxen done; no limp.")
    assert {"Z09", "Z87.39"} <= codes and "M67.352" not in codes


@pytest.mark.parametrize("note", [
    "PMH: thyrotoxicosis 2012, treated with PTU for a year, euthyroid since.",
    "Hx of Cushing syndrome from a pituitary adenoma, resected 2016, cured.",
])
def test_an_endocrine_disorder_a_treatment_ended_is_z86_39(suggest, note):
    assert "Z86.39" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Hx of Graves disease, in remission on 5 mg methimazole daily.",
    "Graves disease 2015, RAI, cured; now hypothyroid on levothyroxine 100 mcg.",
    "Sister with Graves disease, in remission.",
])
def test_an_endocrine_disorder_held_in_check_ablated_or_a_relatives_is_not_z86_39(suggest, note):
    assert "Z86.39" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Knee pain. Graves disease, radioiodine 2014, thyroid normal since, takes no thyroid pills.",
    "A/P: 1. HTN - continue lisinopril. 2. Subacute thyroiditis 2023 - TFTs normalized, off prednisone.",
])
def test_an_overactive_thyroid_whose_function_is_back_to_normal_is_z86_39(suggest, note):
    codes = billed(suggest, note)
    assert "Z86.39" in codes and not codes & {"E05.00", "E06.1"}


@pytest.mark.parametrize("note, current", [
    ("Graves disease 2016, TFTs normal, continue methimazole 5 mg.", "E05.00"),
    ("Graves disease 2018, thyroid function normal on methimazole 10 mg.", "E05.00"),
    ("Hashimoto thyroiditis 2019, thyroid fine, no meds.", "E06.3"),
])
def test_a_thyroid_normal_on_its_drug_or_not_overactive_stays_current(suggest, note, current):
    codes = billed(suggest, note)
    assert current in codes and "Z86.39" not in codes
