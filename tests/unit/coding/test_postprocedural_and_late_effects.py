"""States left behind by a procedure or an event: the hypothyroidism an ablation or a thyroidectomy leaves (E89.0),
a depression a stroke caused (I69.398), chronic pain a trauma left (G89.21). Sentences of our own wording."""
import pytest

from services.coding.domain.note_context import mention_scope
from services.coding.domain.shorthand_guards import named_as_diagnosis
from services.coding.domain.unexplained_symptom import explained
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _scope(text: str, mention: str) -> str | None:
    start = text.rindex(mention)
    scope = mention_scope(text, start, start + len(mention))
    return scope.rule if scope else None


def test_the_state_a_treatment_left_after_now_is_current_and_what_it_treated_is_not():
    text = "Toxic goiter treated with radioiodine in 2018, now hypothyroidism on replacement."
    assert _scope(text, "hypothyroidism") is None
    assert _scope(text, "Toxic goiter") is not None
    assert _scope("Cellulitis treated with cephalexin, hypothyroidism on replacement.", "hypothyroidism") == "resolved"


@pytest.mark.parametrize("note", [
    "Graves dz treated with RAI in 2016, now hypothyroid on levothyroxine 88 mcg.",
    "Toxic goiter s/p radioiodine 2014, now hypothyroidism, stable dose.",
    "Hypothyroid after RAI for Graves, on levothyroxine.",
    "Hypothyroid following total thyroidectomy, TSH at goal.",
])
def test_hypothyroidism_an_ablation_or_thyroidectomy_left_is_postprocedural(suggest, note):
    found = billed(suggest, note)
    assert "E89.0" in found and not any(code.startswith(("E03", "E05")) for code in found)


@pytest.mark.parametrize("note", [
    "Graves dz treated with RAI in 2016, now euthyroid off all meds.",
    "? hypothyroid after RAI - TSH pending.",
    "Thyroidectomy scheduled next month for a multinodular goiter.",
])
def test_no_postprocedural_hypothyroidism_where_the_note_states_none(suggest, note):
    assert "E89.0" not in billed(suggest, note)


def test_hypothyroid_followed_by_what_caused_it_is_the_diagnosis_and_before_a_noun_an_adjective():
    text = "Hypothyroid after RAI. Hypothyroid symptoms reviewed."
    assert named_as_diagnosis(text, 0, len("Hypothyroid"))
    second = text.rindex("Hypothyroid")
    assert not named_as_diagnosis(text, second, second + len("Hypothyroid"))


def test_an_underactive_thyroid_does_not_explain_palpitations_and_an_overactive_one_does():
    assert not explained("R00.2", ["E89.0"]) and not explained("R00.2", ["E03.9"])
    assert explained("R00.2", ["E05.00"]) and explained("R00.2", ["E06.1"])
    # a slow heart is still the underactive gland's
    assert explained("R00.1", ["E03.9"])


@pytest.mark.parametrize("note, expected", [
    ("Depression, a late effect of her ischemic stroke in 2023, on escitalopram.", "I69.398"),
    ("Low mood since his L MCA stroke last year; the psychiatrist attributes the depression to the infarct.",
     "I69.398"),
    ("MDD, single episode, mild, a sequela of a L basal ganglia intracerebral hemorrhage in 2022.", "I69.198"),
])
def test_a_depression_the_note_says_a_stroke_caused_is_its_sequela(suggest, note, expected):
    found = billed(suggest, note)
    assert expected in found and "Z86.73" not in found and not any(c.startswith(("I63", "I61")) for c in found)


@pytest.mark.parametrize("note", [
    "MDD recurrent, worse after her stroke in 2022.",
    "Depression since age 20. Ischemic stroke in 2021 without residual deficits.",
    "No depression after the stroke; aphasia is a late effect of the infarct.",
    "Mother had depression after her stroke.",
])
def test_a_depression_merely_after_a_stroke_or_not_the_patients_is_no_sequela(suggest, note):
    assert not any(code.startswith("I69") and code.endswith("98") for code in billed(suggest, note))


@pytest.mark.parametrize("note", [
    "Chronic post-traumatic R chest wall pain since rib fractures in 2020 - lidocaine patch.",
    "A/P: 1. HTN - continue lisinopril. 2. Chronic posttraumatic low back pain - PT.",
    "Chronic L shoulder pain, post-traumatic, after a 2019 MVC.",
])
def test_chronic_pain_written_as_post_traumatic_is_chronic_pain_due_to_trauma(suggest, note):
    assert "G89.21" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Chronic low back pain, no injury.",
    "Denies chronic post-traumatic neck pain.",
    "Chronic post-traumatic stress disorder and back pain.",
    "Post-traumatic chest wall pain after a fall 3 days ago.",
])
def test_no_chronic_pain_due_to_trauma_unless_both_chronic_and_post_traumatic(suggest, note):
    assert "G89.21" not in billed(suggest, note)
