"""A pancreas or the parathyroids lost to an operation, and a spleen taken out: postprocedural diabetes with
hypoinsulinemia (E13 with E89.1), the pancreas's absence by the part taken (Z90.410, Z90.411), postprocedural
hypoparathyroidism (E89.2), the spleen's acquired absence (Z90.81) and a fused spine (Z98.1). Sentences of our own
wording."""
import pytest

from services.coding.domain.diabetes_secondary_type import secondary_cause
from tests.unit.coding.test_postprocedural_and_late_effects import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, absence", [
    ("Distal pancreatectomy 2020; diabetes since the pancreatectomy, on detemir 12 units.", "Z90.411"),
    ("Post-pancreatectomy DM after a total pancreatectomy 2019 - insulin pump unchanged.", "Z90.410"),
    ("s/p Whipple 2022 for an ampullary adenoma; postpancreatectomy diabetes, on glargine.", "Z90.411"),
    ("Post-Whipple DM, on glargine; Whipple 2021.", "Z90.411"),
])
def test_a_diabetes_left_by_a_pancreatectomy_is_postprocedural(suggest, note, absence):
    found = billed(suggest, note)
    assert {"E89.1", "E13.9", absence} <= found
    assert not any(code.startswith("E11") for code in found)


@pytest.mark.parametrize("note", [
    "Total pancreatectomy planned in May; diabetes after the pancreatectomy is expected and was discussed.",
    "Type 2 diabetes on metformin since 2012; a distal pancreatectomy in 2021 changed nothing.",
    "Her brother had a Whipple and diabetes after it.",
])
def test_no_postprocedural_diabetes_where_the_operation_is_to_come_the_type_stated_or_a_relatives(suggest, note):
    found = billed(suggest, note)
    assert "E89.1" not in found and not any(code.startswith("E13") for code in found)


def test_the_cause_a_pancreatectomy_gives_is_the_other_specified_category():
    note = "Diabetes following partial pancreatectomy, A1c 7.8."
    assert secondary_cause(note, 0, len("Diabetes"))[0] == "E13"
    assert secondary_cause("T2DM following partial pancreatectomy.", 0, 4) is None


def test_a_pancreatectomy_of_unstated_extent_is_no_absence_code_guessed(suggest):
    found = billed(suggest, "s/p pancreatectomy 2018 for a cyst, no diabetes.")
    assert not any(code.startswith("Z90.41") for code in found)


@pytest.mark.parametrize("note", [
    "Postsurgical hypoparathyroidism - calcitriol 0.25 mcg daily.",
    "PMH: thyroidectomy 2016 for a goiter, and post-operative hypoparathyroidism on calcium and calcitriol.",
])
def test_hypoparathyroidism_after_a_neck_operation_is_postprocedural(suggest, note):
    found = billed(suggest, note)
    assert "E89.2" in found and not any(code.startswith("E20") for code in found)


@pytest.mark.parametrize("note", [
    "Total thyroidectomy next month; hypoparathyroidism as a risk reviewed.",
    "No hypoparathyroidism after the thyroidectomy, calcium 9.4.",
    "Possible postsurgical hypoparathyroidism, PTH pending.",
])
def test_no_postprocedural_hypoparathyroidism_planned_denied_or_doubted(suggest, note):
    assert "E89.2" not in billed(suggest, note)


def test_asplenia_after_a_splenectomy_is_the_acquired_absence_not_the_congenital_one(suggest):
    found = billed(suggest, "Asplenia after splenectomy in 2012 (trauma) - meningococcal booster today.")
    assert "Z90.81" in found and "Q89.01" not in found


@pytest.mark.parametrize("note", [
    "Low back pain above an L4-5 fusion done in 2017.",
    "Cervical spondylosis; C6-7 ACDF 2020, no arm symptoms since.",
    "Lumbar laminectomy and fusion 2019, walks 2 miles a day.",
])
def test_a_fused_spine_is_arthrodesis_status(suggest, note):
    assert "Z98.1" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Lumbar fusion was recommended; he prefers PT first.",
    "Her sister had a cervical fusion last year.",
    "Severe ankle arthritis - fusion may be needed later.",
])
def test_no_arthrodesis_status_for_a_fusion_to_come_a_relatives_or_a_bare_one(suggest, note):
    assert "Z98.1" not in billed(suggest, note)
