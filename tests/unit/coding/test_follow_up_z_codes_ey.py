"""Encounter Z codes read where earlier readings missed them: a relative's colon polyps by their type, an
anticoagulation visit's INR, a cancer's surveillance after a denied item, and a prostatectomy by its shorthand."""
import pytest

from services.coding.domain.history_z_codes import history_z_codes
from services.coding.domain.status_z_codes import status_z_codes
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Brother had colon polyps at 50.", "Z83.719"),
    ("Mother: tubular adenomas of the colon, removed 2020.", "Z83.710"),
    ("Dad with hyperplastic colon polyps.", "Z83.711"),
])
def test_a_relatives_colon_polyps_are_family_history_by_the_type_named(tabular, note, expected):
    out, reasons = history_z_codes([], note, tabular)
    assert codes(out) == [expected] and out[0].context == "family" and reasons


def test_the_patients_own_polyps_stay_personal_history_beside_a_relatives(tabular):
    note = "Hx tubular adenomas removed 2022. Sister with colon polyps."
    assert codes(history_z_codes([], note, tabular)[0]) == ["Z86.0101"]


@pytest.mark.parametrize("note", [
    "Anticoagulation follow-up. AF on warfarin long term; INR today 2.4 (goal 2-3), recheck INR in 4 wks.",
    "Coumadin clinic. Mechanical AVR on warfarin long term. INR today 3.2, no change.",
])
def test_an_anticoagulation_visit_with_todays_inr_is_drug_level_monitoring(tabular, note):
    out, _ = status_z_codes(found(note, ("Z79.01", "warfarin")), note, tabular)
    assert "Z51.81" in codes(out)


@pytest.mark.parametrize("note, coded", [
    # the INR only planned, no result today
    ("Anticoagulation follow-up. AF on warfarin long term; INR in 1 wk.", (("Z79.01", "warfarin"),)),
    # an INR today at a visit the note does not open as the drug's monitoring
    ("PCP visit. AF on warfarin long term, INR today 2.5. BP fine.", (("Z79.01", "warfarin"),)),
    # an INR too high for the drug: its adverse effect is that visit's reason
    ("Anticoagulation visit. On warfarin long term. INR today 5.6. A: supratherapeutic INR due to warfarin.",
     (("Z79.01", "warfarin"),)),
])
def test_an_inr_planned_seen_elsewhere_or_an_adverse_effect_is_not(tabular, note, coded):
    assert "Z51.81" not in codes(status_z_codes(found(note, *coded), note, tabular)[0])


@pytest.mark.parametrize("note", [
    "Order: PSA. Dx: prostate cancer s/p radical prostatectomy 2018, no evidence of disease, surveillance.",
    "Lab order: PSA. Dx: prostate ca s/p RALP 2020, no further tx, surveillance.",
])
def test_a_surveillance_after_a_denied_list_item_is_still_the_visits_follow_up(suggest, note):
    assert {"Z08", "Z85.46", "Z90.79"} <= billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Hx prostate ca 2015, no surveillance needed per urology.",
    "Father had prostate ca s/p RALP, PSA surveillance for him.",
])
def test_a_surveillance_denied_itself_or_a_relatives_is_not(suggest, note):
    assert not {"Z08", "Z90.79"} & billed(suggest, note)
