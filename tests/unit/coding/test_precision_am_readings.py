"""Readings that keep a second code for one condition from being billed: the uncomplicated code beside the same
condition's complicated one, M81 beside the vertebral fracture that makes it M80, a condition treated and ended in
a past year, and an unspecified angina beside the type the note gives."""
import pytest

from tests.unit.coding.test_note_readings import billed, coded
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, kept, dropped", [
    ("Known mild persistent asthma. Today wheezy and tight x 3 days. Assessment: mild persistent asthma with acute "
     "exacerbation; oral steroids.", "J45.31", "J45.30"),
    ("Severe persistent asthma on Dupixent. Impression: severe persistent asthma with status asthmaticus, sent to ED.",
     "J45.52", "J45.50"),
])
def test_an_uncomplicated_code_gives_way_to_the_same_condition_with_its_complication(suggest, note, kept, dropped):
    found = billed(suggest, note)
    assert kept in found
    assert dropped not in found


def test_a_complication_named_only_in_text_copied_from_an_earlier_note_leaves_todays_code(suggest):
    note = ("[Copied forward from 03/2025] Mild persistent asthma with acute exacerbation, steroid burst. [end copy]\n"
            "Today: mild persistent asthma, well controlled on fluticasone.")
    assert "J45.30" in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("Bone clinic. 79F age-related osteoporosis; new T9 compression fracture on XR after bending to tie her shoes.",
     "M80.08XA"),
    ("Follow-up: osteoporosis with an L2 vertebral compression fracture from March, healing, brace off since May.",
     "M80.08XD"),
    ("Osteoporosis, senile. Acute L3 compression fracture after a fall from standing; refer for kyphoplasty.",
     "M80.08XA"),
])
def test_a_vertebral_compression_fracture_in_osteoporosis_is_one_m80_code(suggest, note, expected):
    found = billed(suggest, note)
    assert expected in found
    assert "M81.0" not in found


def test_a_vertebral_fragility_fracture_stands_beside_an_osteoporotic_fracture_at_another_site(suggest):
    note = ("Osteoporosis. Fragility fracture of the right distal radius after a fall from standing, initial "
            "encounter; XR also shows a new T11 compression fracture.")
    found = billed(suggest, note)
    assert {"M80.031A", "M80.08XA"} <= found
    assert "M81.0" not in found


@pytest.mark.parametrize("note", [
    "Osteoporosis. T11 compression fracture after a rollover MVC last week; seen by spine.",
    "Osteoporosis on alendronate, DXA stable. Remote T10 compression fracture, healed.",
    "Osteoporosis on denosumab. Back pain; XR to r/o compression fracture.",
    "Osteoporosis. L2 burst fracture in a fall from a ladder, new; spine surgery consult.",
    "Osteoporosis. Chronic L1 compression fracture found on CT in 2019, unchanged today.",
])
def test_a_high_energy_past_or_doubted_vertebral_fracture_is_not_read_as_fragility(suggest, note):
    assert not any(code.startswith("M80") for code in billed(suggest, note))


@pytest.mark.parametrize("note, code", [
    ("Endocrine referral for a goiter. Graves disease treated with radioactive iodine in 2012; euthyroid.", "E05"),
    ("Hyperthyroidism, ablated with radioiodine 2016. Today: tiredness and poor sleep.", "E05"),
    ("Right inguinal hernia repaired in 2018. Here for a cough x 1 week.", "K40"),
])
def test_a_condition_treated_and_ended_in_a_past_year_is_not_coded_as_current(suggest, note, code):
    assert not any(found.startswith(code) for found in coded(suggest, note))


@pytest.mark.parametrize("note, expected", [
    ("Graves disease, treated with methimazole since 2019, TSH normal on 5 mg.", "E05.00"),
    ("Hypothyroidism treated with levothyroxine since 2015; on 100 mcg.", "E03.9"),
    ("Osteoporosis treated with ibandronate in 2020; repeat DXA today.", "M81.0"),
])
def test_a_condition_still_treated_since_a_year_stays_current(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("CAD with stable exertional angina, walks 1 mile before symptoms. His angina is unchanged.", "I25.118"),
    ("Coronary artery disease; angina, exertional, relieved by rest and nitro.", "I25.118"),
])
def test_coronary_disease_with_a_stable_or_exertional_angina_is_i25_118(suggest, note, expected):
    found = billed(suggest, note)
    assert expected in found
    assert "I25.119" not in found and "I20.9" not in found
