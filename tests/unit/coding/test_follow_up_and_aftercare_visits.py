"""Visits after a treatment: colon polyps taken out before, the surveillance colonoscopy after them, a test of
eradication, a suture removal and a post-operative visit in the clinic's shorthand."""
import pytest

from services.coding.domain.history_z_codes import history_z_codes
from services.coding.domain.injury_elapsed import INITIAL, SUBSEQUENT
from services.coding.domain.injury_visit_words import encounter_by_visit_words
from services.coding.domain.polyp_surveillance import polyp_surveillance
from services.coding.domain.suture_removal import suture_removal
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("PMH: asthma; sessile serrated adenomas removed at colonoscopy 2020.", "Z86.0101"),
    ("Colon polyps, polypectomy 4 years ago, path benign.", "Z86.0100"),
    ("Problems: DM2; adenomatous colon polyps 2018, last scope clean.", "Z86.0101"),
])
def test_polyps_taken_out_at_an_earlier_date_are_personal_history(tabular, note, expected):
    out, reasons = history_z_codes([], note, tabular)
    assert codes(out) == [expected] and reasons


@pytest.mark.parametrize("note", [
    "Colonoscopy today: 3 tubular adenomas removed, last scope 2019 clear.",
    "Sister had colon polyps removed in 2021.",
    "Adenomatous colon polyps seen on CT, colonoscopy to remove them next month.",
])
def test_polyps_removed_at_this_visit_a_relatives_or_not_yet_removed_are_not(tabular, note):
    assert not any(s.code.startswith("Z86.010") for s in history_z_codes([], note, tabular)[0])


def _with_polyp_history(note: str, evidence: str):
    return found(note, ("Z86.0101", evidence), context="history")


@pytest.mark.parametrize("note", [
    "Surveillance colonoscopy. Indication: tubular adenomas excised 2022.",
    "Req: scope for surveillance - sessile serrated adenomas removed 2023.",
])
def test_the_surveillance_colonoscopy_the_note_opens_with_is_a_follow_up(tabular, note):
    evidence = "tubular adenomas" if "tubular" in note else "sessile serrated adenomas"
    out, reasons = polyp_surveillance(_with_polyp_history(note, evidence), note, tabular)
    assert codes(out) == ["Z09", "Z86.0101"] and reasons


@pytest.mark.parametrize("note", [
    "Hx tubular adenomas, 2021. Surveillance colonoscopy due in 2027, referral placed.",
    "Surveillance colonoscopy to be scheduled next year: tubular adenomas 2022.",
    "HTN follow-up. Tubular adenomas 2022; surveillance colonoscopy per GI.",
])
def test_a_surveillance_colonoscopy_planned_or_not_the_visits_is_not(tabular, note):
    out, _ = polyp_surveillance(_with_polyp_history(note, "ubular adenomas"), note, tabular)
    assert "Z09" not in codes(out)


def test_no_polyp_history_no_surveillance_follow_up(tabular):
    note = "Surveillance colonoscopy. Indication: ulcerative colitis for 10 years."
    assert polyp_surveillance([], note, tabular)[0] == []


@pytest.mark.parametrize("note", [
    "Stitch removal a week after excision of a lipoma of the back; incision healed.",
    "Nurse visit: removal of sutures, 10 d after a mole excision on the arm.",
])
def test_a_visit_to_take_out_sutures_after_an_operation_is_their_removal(tabular, note):
    out, reasons = suture_removal([], note, tabular)
    assert codes(out) == ["Z48.02"] and reasons


@pytest.mark.parametrize("note, coded", [
    ("Suture removal, 12 days after a laceration of the scalp was repaired.", ()),
    ("Lipoma excised today; suture removal in 10 days.", ()),
    ("Post-op visit after R TKA, staples removed.", (("Z47.1", "TKA"),)),
])
def test_an_injurys_a_future_or_another_aftercares_suture_removal_is_not(tabular, note, coded):
    out, _ = suture_removal(found(note, *coded), note, tabular)
    assert "Z48.02" not in codes(out)


@pytest.mark.parametrize("note, expected", [
    ("PO visit 3 wks s/p SAVR for aortic stenosis; sternum stable.", "Z48.812"),
    ("Post-CABG visit: 5 wks out, incision clean.", "Z48.812"),
])
def test_a_post_operative_visit_in_shorthand_is_its_systems_aftercare(suggest, note, expected):
    assert expected in billed(suggest, note)


def test_a_po_drug_is_no_post_operative_visit(suggest):
    assert not any(s.code.startswith("Z48") for s in suggest("Severe aortic stenosis, AVR planned; amoxicillin PO."))


@pytest.mark.parametrize("note", [
    "Req: H. pylori breath test, test of cure. Dx: H. pylori infection, quadruple therapy completed 6 wks ago.",
    "Order: H. pylori stool Ag (eradication test). Dx: H. pylori gastritis, completed 14 days of quadruple therapy.",
])
def test_a_test_of_eradication_after_a_completed_course_is_a_follow_up_with_its_history(suggest, note):
    assert {"Z09", "Z86.19"} <= billed(suggest, note)


def test_an_assessment_item_naming_the_test_and_the_completed_course_is_no_current_infection(suggest):
    got = billed(suggest, "A/P: 1. HTN - continue lisinopril. 2. H. pylori breath test, test of cure: gastritis "
                          "treated, completed 14 d quadruple therapy.")
    assert "Z86.19" in got and "B96.81" not in got


def test_an_ulcer_h_pylori_caused_keeps_its_own_history_entry(suggest):
    got = billed(suggest, "Req: H. pylori stool Ag, test of eradication. Dx: H. pylori gastric ulcer, triple therapy "
                          "completed 5 wks ago.")
    assert "Z86.19" not in got


def test_a_course_only_started_is_no_history(suggest):
    got = billed(suggest, "H. pylori gastritis diagnosed last week - start quadruple therapy; test of cure in 8 wks.")
    assert "Z86.19" not in got and "Z09" not in got


@pytest.mark.parametrize("note, expected", [
    ("Suture removal 10 days after a laceration of the chin was closed in the ED.", SUBSEQUENT),
    ("Finger laceration, repaired 2 wks ago: sutures out today, healed.", SUBSEQUENT),
    ("Urgent care: 4 cm forearm laceration, 6 sutures placed; suture removal in 10 days.", INITIAL),
    ("Scalp laceration, 5 staples placed. Return for staple removal next week.", None),
])
def test_an_injurys_sutures_taken_out_at_this_visit_are_its_subsequent_encounter(note, expected):
    assert encounter_by_visit_words(note) == expected
