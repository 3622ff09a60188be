"""Which other mention says a condition is over: not another condition of the same organ ("chronic obstructive
pulmonary disease" beside "Pulmonary TB 1998, completed treatment"), nor what a parenthesized cause led to ("R hip
fracture (osteoporosis), healed"); an eponym's disease said over still is."""
import pytest

from services.coding.domain.first_sight import OVER_ELSEWHERE_NAME, stated_over_elsewhere
from tests.unit.coding.test_conventions import found
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9


@pytest.mark.parametrize("note, code, evidence", [
    ("Chronic obstructive pulmonary disease on tiotropium. Pulmonary TB 1998, completed treatment.", "J44.9",
     "Chronic obstructive pulmonary disease"),
    ("Chronic obstructive pulmonary disease, stable. Pulmonary embolism 2021, completed apixaban.", "J44.9",
     "Chronic obstructive pulmonary disease"),
    ("Chronic kidney disease stage 3b. Kidney stone in May, passed, resolved.", "N18.32", "Chronic kidney disease"),
    ("Coronary artery disease on aspirin. Artery dissection 2015, resolved.", "I25.10", "Coronary artery disease"),
])
def test_another_condition_of_the_same_organ_over_leaves_the_disease_current(note, code, evidence):
    [kept] = stated_over_elsewhere(found(note, (code, evidence)), note)
    assert kept.confidence >= THRESHOLD and kept.convention is None


def test_an_eponym_before_the_generic_head_still_names_the_disease_said_over():
    note = "Graves disease on methimazole. Graves no longer active per endocrinology."
    [held] = stated_over_elsewhere(found(note, ("E05.00", "Graves disease")), note)
    assert held.confidence < THRESHOLD and held.convention == OVER_ELSEWHERE_NAME


@pytest.mark.parametrize("note", [
    "Pulm f/u. COPD, stable on tiotropium. Pulmonary TB 2001, completed 6 months of therapy.",
    "COPD on tiotropium, no exacerbation this yr. Hx pulmonary embolism 2022, completed anticoagulation.",
])
def test_copd_beside_a_completed_pulmonary_condition_is_coded(suggest, note):
    assert any(s.code == "J44.9" and s.confidence >= THRESHOLD for s in suggest(note))


def test_a_condition_in_parentheses_is_not_over_when_what_it_caused_healed():
    note = "R hip fracture 2020 (osteoporosis), healed after ORIF. Osteoporosis on alendronate."
    [kept] = stated_over_elsewhere(found(note, ("M81.0", "Osteoporosis on")), note)
    assert kept.confidence >= THRESHOLD and kept.convention is None


def test_a_condition_said_over_outside_parentheses_still_goes_to_a_coder():
    note = "Osteoporosis on alendronate. Pneumonia in May (RLL); osteoporosis resolved per DXA."
    [held] = stated_over_elsewhere(found(note, ("M81.0", "Osteoporosis on")), note)
    assert held.confidence < THRESHOLD and held.convention == OVER_ELSEWHERE_NAME
