"""A topic's screening ordered with its test named, nicotine as counselling's topic, and cessation counselling an
item or a sentence consists of."""
import pytest

from services.coding.domain.encounter_z_codes import encounter_z_codes
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. HTN - continue amlodipine. 2. AAA screening US ordered (male ever-smoker, 70).", "Z13.6"),
    ("61F, no fractures ever. Osteoporosis screening DEXA ordered.", "Z13.820"),
    ("Colon cancer screening colonoscopy referral placed; no GI complaints.", "Z12.11"),
])
def test_a_topics_screening_with_its_test_named_before_the_order_is_the_orders_purpose(tabular, note, code):
    assert code in codes(encounter_z_codes([], note, tabular)[0])


@pytest.mark.parametrize("note, code", [
    ("Follow-up for a cough, lungs clear. Screening mammogram ordered.", "Z12.31"),  # the kind alone
    ("AAA screening US ordered last year, normal caliber.", "Z13.6"),
    ("Osteoporosis screening DEXA declined.", "Z13.820"),
    ("Colonoscopy ordered for rectal bleeding.", "Z12.11"),  # a test for a sign
])
def test_the_kind_alone_a_past_or_declined_order_and_a_test_for_a_sign_give_no_screening(tabular, note, code):
    assert code not in codes(encounter_z_codes([], note, tabular)[0])


@pytest.mark.parametrize("note", [
    "A/P: 1. Nicotine dependence - counseled 5 min, start varenicline. 2. HTN - cont lisinopril.",
    "Nicotine dependence: smokes a pack a day. Cessation counseling.",
    "A/P: 1. Graves - cont methimazole. 2. Nicotine dependence, vaping - smoking cessation counseling.",
])
def test_nicotine_counselling_and_the_cessation_counselling_an_item_consists_of_are_z71_6(tabular, note):
    assert "Z71.6" in codes(encounter_z_codes([], note, tabular)[0])


@pytest.mark.parametrize("note", [
    "Tobacco cessation counseling: declined.",  # a heading it opens
    "Never smoker. Cessation counseling not needed.",
    "Smokes 1 ppd. Cessation counseling declined today.",
])
def test_cessation_counselling_as_a_heading_declined_or_not_needed_is_not_z71_6(tabular, note):
    assert "Z71.6" not in codes(encounter_z_codes([], note, tabular)[0])


def test_cessation_counselling_listed_after_a_semicolon_is_not_read_as_the_items_plan(tabular):
    note = "Pulm: COPD, stable on tiotropium. Current smoker, 30 pack-years; cessation counseling."
    assert "Z71.6" not in codes(encounter_z_codes([], note, tabular)[0])


@pytest.mark.parametrize("note, expected", [
    ("Hep C Ab drawn today, one-time screening, asymptomatic.", {"Z11.59"}),
    ("Asthma, well controlled. HIV and hep C one-time screening drawn, asymptomatic.", {"Z11.4", "Z11.59"}),
])
def test_how_often_a_screening_is_done_does_not_part_it_from_its_topic(tabular, note, expected):
    assert expected <= set(codes(encounter_z_codes([], note, tabular)[0]))


@pytest.mark.parametrize("note", ["Hep C one-time screening done in 2019, negative.",
                                  "HIV one-time screening declined.",
                                  "Hep C Ab drawn today, one-time screening: positive, RNA sent."])
def test_a_one_time_screening_done_before_declined_or_positive_is_not_coded(tabular, note):
    assert not {"Z11.4", "Z11.59"} & set(codes(encounter_z_codes([], note, tabular)[0]))
