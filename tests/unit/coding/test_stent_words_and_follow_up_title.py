"""A coronary stent written by the PCI that placed it or by its vessel, the follow-up visit named by Z09's own title,
an assessment item that closes its condition's treatment, and an operation denied before it."""
import pytest

from services.coding.domain.encounter_reasons import encounter_reasons
from services.coding.domain.status_z_codes import status_z_codes
from services.coding.domain.surgical_absence import surgical_absence
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "CAD s/p PCI to LAD 2021, on atorvastatin.",
    "Coronary disease, PCI of the proximal RCA in 2018.",
    "CAD, native vessel, mid LAD DES 2023; stable angina.",
    "CAD s/p BMS to prox RCA 2015.",
    "Calcified RCA lesion treated with orbital atherectomy and DES.",
    "Coronary artery disease, native vessels; two stents in 2021.",
])
def test_a_coronary_stent_written_by_its_pci_or_its_vessel_is_in_place(tabular, note):
    out, _ = status_z_codes([], note, tabular)
    assert codes(out) == ["Z95.5"]


@pytest.mark.parametrize("note", [
    "External hemorrhoids with occasional bleeding with BMs.",  # bowel movements
    "Constipation, hard BMs in the morning.",
    "PCI to LAD planned next week.",
    "CAD; stent to LAD recommended, pt declined.",
    "Father s/p PCI to LAD 2019.",
    "CAD; two stents planned.",
])
def test_bowel_movements_and_a_stent_to_come_declined_or_a_relatives_are_not(tabular, note):
    out, _ = status_z_codes([], note, tabular)
    assert "Z95.5" not in codes(out)


def test_the_title_opening_the_visit_follows_up_the_course_the_next_sentence_tells(tabular):
    note = ("F/u after completed treatment, 38F. Strep pharyngitis 2 wks ago, finished 10 days of amoxicillin; "
            "throat fine now.")
    past = found(note, ("Z87.09", "pharyngitis"), context="history")
    out, reasons = encounter_reasons(past, note, tabular)
    assert codes(out) == ["Z09", "Z87.09"] and "follow-up after completed treatment" in reasons[0]


@pytest.mark.parametrize("note", [
    # the title without it: a course told nowhere after it is no follow-up of one
    "F/u after completed treatment, 38F. Asthma, mild intermittent, albuterol prn.",
    # the course dated years back: a history beside the visit, not what it follows
    "F/u after completed treatment, 38F. Pneumonia 2019, finished levofloxacin. Cough x 2 wks.",
])
def test_the_title_alone_or_with_a_course_years_back_is_not_z09(tabular, note):
    evidence = "Pneumonia" if "Pneumonia" in note else "Asthma"
    coded = found(note, ("Z87.01" if evidence == "Pneumonia" else "J45.20", evidence),
                  context="history" if evidence == "Pneumonia" else "affirmed")
    out, _ = encounter_reasons(coded, note, tabular)
    assert "Z09" not in codes(out)


def test_an_assessment_item_that_closes_its_treatment_makes_the_condition_history(tabular):
    note = "Pulm f/u. Latent TB, rifampin completed last month. A/P: 1. LTBI - treatment complete, no further f/u."
    coded = [*found(note, ("Z86.15", "Latent TB"), context="history"), *found(note, ("Z22.7", "LTBI"))]
    out, _ = encounter_reasons(coded, note, tabular)
    assert codes(out) == ["Z09", "Z86.15"]


def test_an_item_whose_treatment_goes_on_stays_current(tabular):
    note = "Pulm clinic. A/P: 1. LTBI - treatment not complete, continue rifampin."
    out, _ = encounter_reasons(found(note, ("Z22.7", "LTBI")), note, tabular)
    assert codes(out) == ["Z22.7"]


@pytest.mark.parametrize("note", ["No history of thyroidectomy. Hypothyroidism on levothyroxine.",
                                  "Denies prior cholecystectomy. RUQ pain.", "No prior total thyroidectomy."])
def test_an_operation_denied_right_before_it_leaves_no_absence(tabular, note):
    assert surgical_absence([], note, tabular)[0] == []


def test_another_denial_earlier_in_the_sentence_does_not_reach_the_operation(tabular):
    note = "Papillary thyroid cancer without recurrence after total thyroidectomy 2015."
    assert codes(surgical_absence([], note, tabular)[0]) == ["E89.0"]
