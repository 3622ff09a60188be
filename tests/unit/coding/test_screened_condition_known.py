"""A screening code gives way where the note codes the condition it screens for as present; a scale given for a
disorder other than the one coded is still a screening."""
import pytest

from services.coding.domain.screened_condition_known import screened_condition_known
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, condition, screening", [
    ("Drinks six beers most nights, alcohol use disorder, moderate. AUDIT-C 9.", ("F10.20", "alcohol use disorder"),
     ("Z13.39", "AUDIT-C")),
    ("Long-standing type 1 diabetes; urine albumin yearly to screen for diabetic kidney disease.",
     ("E10.9", "type 1 diabetes"), ("Z13.1", "screen for diabetic")),
    ("Recurrent major depression, moderate, on bupropion; PHQ-9 screen 13 today.",
     ("F33.1", "Recurrent major depression, moderate"), ("Z13.31", "PHQ-9 screen")),
    ("Screening LDCT shows a 3 cm spiculated mass, biopsy: squamous cell lung cancer.", ("C34.90", "lung cancer"),
     ("Z12.2", "Screening LDCT")),
])
def test_a_screening_for_a_condition_the_note_codes_is_dropped(tabular, note, condition, screening):
    out, reasons = screened_condition_known(found(note, condition, screening), note, tabular)
    assert codes(out) == [condition[0]] and condition[0] in reasons[0]


@pytest.mark.parametrize("note, condition, screening", [
    # the scale scores a disorder other than the one under care
    ("Adult evaluation: ADHD, combined type, confirmed. PHQ-9 depression screen 2, negative.",
     ("F90.2", "ADHD, combined type"), ("Z13.31", "PHQ-9 depression screen")),
    # a smoker's alcohol screen: nicotine dependence is not what the AUDIT-C scores
    ("Smokes a pack a day, nicotine dependence. Alcohol screening with AUDIT-C: 1.", ("F17.210", "nicotine dependence"),
     ("Z13.39", "Alcohol screening")),
])
def test_a_screening_for_another_condition_is_kept(tabular, note, condition, screening):
    out, reasons = screened_condition_known(found(note, condition, screening), note, tabular)
    assert codes(out) == sorted([condition[0], screening[0]]) and not reasons


def test_a_condition_only_supposed_leaves_the_screening(tabular):
    note = "Diabetes screening today with an A1c; family worried about diabetes."
    given = found(note, ("Z13.1", "Diabetes screening")) + found(note, ("E11.9", "diabetes."), context="hypothetical")
    out, _ = screened_condition_known(given, note, tabular)
    assert "Z13.1" in codes(out)
