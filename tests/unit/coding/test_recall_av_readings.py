"""Readings for orthopedic, diabetic and psychiatric notes missed at first sight: a clinic's name that holds a
relative's word ("Child psych"), the type of diabetes a combination takes, diabetes "without complications" beside
a complication of the same diabetes, and an injury's late effect (7th character S)."""
import pytest

from services.coding.domain.injury_sequela import SEQUELA, injury_sequela
from services.coding.domain.service_name import names_a_service
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("word, after", [
    ("Child", " psych follow-up."),
    ("child", " and adolescent psychiatry clinic"),
    ("Children's", " neurology: seen for"),
    ("Family", " medicine visit."),
    ("family", " practice note"),
])
def test_a_relatives_word_naming_the_service_is_no_relative(word, after):
    assert names_a_service(word, after)


@pytest.mark.parametrize("word, after", [
    ("child", " has asthma"),
    ("Mother", " psych history unknown"),
    ("family", " history of colon cancer"),
    ("children", " are well"),
])
def test_a_relative_stays_a_relative(word, after):
    assert not names_a_service(word, after)


@pytest.mark.parametrize("note, expected, not_expected", [
    ("Child psych f/u, 8F with ADHD, predominantly hyperactive type, doing better on guanfacine.", "F90.1",
     "Z81.8"),
    ("Child and adolescent psychiatry: 15M generalized anxiety disorder, sertraline helping.", "F41.1", "Z81.8"),
    ("Family medicine f/u: essential hypertension, on amlodipine, BP at goal.", "I10", "Z82.49"),
])
def test_the_patients_diagnosis_under_a_service_heading_is_the_patients(suggest, note, expected, not_expected):
    codes = billed(suggest, note)
    assert expected in codes and not_expected not in codes


def test_a_relative_under_a_service_heading_is_still_a_family_history(suggest):
    codes = billed(suggest, "Child psych visit. 11M with ADHD, combined type. His father has bipolar disorder.")
    assert {"F90.2", "Z81.8"} <= codes


@pytest.mark.parametrize("note, expected, wrong", [
    (("Diabetes follow-up. 34M, type 1 diabetes on multiple daily injections. Tingling in both feet: diabetic "
      "polyneuropathy on exam."), "E10.42", "E11.42"),
    ("Diabetes clinic. Type 1 DM since age 9; diabetic retinopathy noted on last eye exam.", "E10.319", "E11.319"),
])
def test_the_combination_takes_the_type_the_note_states_not_an_untyped_heading(suggest, note, expected, wrong):
    codes = billed(suggest, note)
    assert expected in codes and wrong not in codes


@pytest.mark.parametrize("note, combination, unspecified", [
    ("Diabetes and wound visit. Type 2 diabetes with a foot ulcer of the right great toe, skin breakdown only.",
     "E11.621", "E11.9"),
    ("Diabetes check. T2DM with hyperglycemia, A1c 10.2; start basal insulin.", "E11.65", "E11.9"),
])
def test_diabetes_without_complications_gives_way_to_the_same_diabetes_complication(suggest, note, combination,
                                                                                     unspecified):
    codes = billed(suggest, note)
    assert combination in codes and unspecified not in codes


@pytest.mark.parametrize("note", [
    "Neurology visit. Post-concussion headaches, 5 months after a concussion in a car crash.",
    "Residual post-traumatic headaches three months following a concussion at football.",
    "Posttraumatic arthritis of the left wrist, from a distal radius fracture in 2017.",
    "Chronic knee pain, a late effect of a patellar fracture.",
    "Stiff ankle: sequelae of an old trimalleolar fracture.",
])
def test_a_condition_named_as_an_injurys_late_effect_makes_the_injury_a_sequela(note):
    assert injury_sequela(note) == SEQUELA


@pytest.mark.parametrize("note", [
    "Concussion without loss of consciousness 2 days ago; headache and nausea.",
    "Post-concussion check 10 days after a fall; symptoms clearing.",
    "Chronic post-traumatic stress disorder after an assault 2 years ago. Wrist sprain yesterday.",
    "Ankle fracture 3 months ago, in a boot, healing.",
])
def test_an_injury_in_treatment_or_a_stress_disorder_is_no_sequela(note):
    assert injury_sequela(note) is None


@pytest.mark.parametrize("note, expected", [
    ("Neuro clinic. Post-concussion syndrome 6 months after a concussion without loss of consciousness at hockey.",
     "S06.0X0S"),
    (("Headache clinic. Chronic post-traumatic headache, not intractable, 9 months after a concussion without "
      "loss of consciousness."), "S06.0X0S"),
])
def test_the_concussion_behind_a_late_effect_is_coded_as_its_sequela(suggest, note, expected):
    assert expected in billed(suggest, note)
