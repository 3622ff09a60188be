"""Diabetes with hypoglycemia (E1x.649) and poorly controlled diabetes (E1x.65), as the index codes them."""
import pytest

from services.coding.domain.diabetes_control import diabetes_control
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, dm, expected", [
    ("Type 1 DM on pump. Recurrent hypoglycemia overnight, lows to 55.", ("E10.9", "Type 1 DM"), "E10.649"),
    ("T2DM on glipizide with hypoglycemia episodes.", ("E11.9", "T2DM"), "E11.649"),
])
def test_diabetes_with_hypoglycemia_is_one_combination_code(tabular, note, dm, expected):
    given = found(note, dm, ("E16.2", "hypoglycemia"))
    out, reasons = diabetes_control(given, note, tabular)
    assert codes(out) == [expected] and out[0].convention == "diabetes-control" and reasons


@pytest.mark.parametrize("note", [
    "Type 1 DM. Hypoglycemia with coma last week, EMS called.",  # with coma: E10.641, for a coder
    "Type 1 DM. Hypoglycemia secondary to sulfonylurea overdose.",  # another cause named
])
def test_hypoglycemia_with_a_coma_or_another_cause_is_left_alone(tabular, note):
    given = found(note, ("E10.9", "Type 1 DM"), ("E16.2", "Hypoglycemia"))
    assert codes(diabetes_control(given, note, tabular)[0]) == ["E10.9", "E16.2"]


@pytest.mark.parametrize("note, dm, expected", [
    ("T2DM. A1c 9.6, poorly controlled.", ("E11.9", "T2DM"), ["E11.65"]),
    ("DM2 w/ neuropathy, poorly controlled.", ("E11.42", "DM2 w/ neuropathy"), ["E11.42", "E11.65"]),
    ("Type 1 diabetes inadequately controlled on MDI.", ("E10.9", "Type 1 diabetes"), ["E10.65"]),
])
def test_poorly_controlled_diabetes_is_diabetes_with_hyperglycemia(tabular, note, dm, expected):
    out, reasons = diabetes_control(found(note, dm), note, tabular)
    assert codes(out) == expected and reasons


@pytest.mark.parametrize("note", [
    "HTN poorly controlled. T2DM on metformin.",  # said of the blood pressure
    "T2DM, uncontrolled.",  # the index sends "uncontrolled" by its meaning: the provider's call
    "T2DM, not poorly controlled, A1c 6.8.",
])
def test_control_words_not_said_of_the_diabetes_or_ambiguous_change_nothing(tabular, note):
    given = found(note, ("E11.9", "T2DM"))
    assert codes(diabetes_control(given, note, tabular)[0]) == ["E11.9"]


@pytest.mark.parametrize("note, expected", [
    ("Type 2 DM w/ diabetic foot ulcer of left heel, limited to breakdown of skin.", ["E11.621", "L97.421"]),
    ("T2DM. Ulcer on the right great toe with fat layer exposed.", ["E11.621", "L97.512"]),
])
def test_diabetes_with_a_foot_ulcer_is_the_combination_with_the_ulcers_site_side_and_depth(tabular, note, expected):
    given = found(note, ("E11.9", "T2DM" if "T2DM" in note else "Type 2 DM"))
    out, reasons = diabetes_control(given, note, tabular)
    assert codes(out) == expected and reasons


def test_a_healed_or_denied_foot_ulcer_is_not_a_complication(tabular):
    note = "T2DM. Foot exam: no foot ulcer."
    assert codes(diabetes_control(found(note, ("E11.9", "T2DM")), note, tabular)[0]) == ["E11.9"]
