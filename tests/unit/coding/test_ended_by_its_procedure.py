"""A condition a procedure ended, told with the outcome the procedure left ("stone-free since", "no triggering
since", "no palpitations since") or by the procedure done on the part the condition names ("A1 pulley release
2024"), is over: not coded as current. One still there, the procedure only planned, or the other side's, is."""
import pytest

from tests.unit.coding.test_ended_episode import _current
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, condition", [
    ("R renal stone 2023, shock wave lithotripsy, stone-free on KUB since.", "renal stone"),
    ("Kidney stone in 2020, ureteroscopy and basket extraction, stone-free since.", "Kidney stone"),
    ("L trigger finger, A1 pulley release 2023, no locking since.", "trigger finger"),
    ("R de Quervain tenosynovitis, first compartment release 2022.", "de Quervain tenosynovitis"),
])
def test_a_condition_its_procedure_ended_is_not_current(note, condition):
    assert not _current(note, condition)


@pytest.mark.parametrize("note, condition", [
    # the other side's procedure says nothing of this side
    ("R carpal tunnel syndrome, L carpal tunnel release 2022.", "carpal tunnel syndrome"),
    ("R carpal tunnel syndrome, L carpal tunnel release 2020, no symptoms since.", "carpal tunnel syndrome"),
    ("R trigger thumb, left A1 pulley release 2021.", "trigger thumb"),
    # still there, or the procedure not yet done
    ("Kidney stone 2021, lithotripsy, still passing gravel, no pain since.", "Kidney stone"),
    ("R trigger finger, A1 pulley release planned.", "trigger finger"),
    ("Trigger thumb, steroid injection 2024, still triggering.", "Trigger thumb"),
])
def test_one_still_there_planned_or_on_the_other_side_is_current(note, condition):
    assert _current(note, condition)


def test_an_arrhythmia_ablated_with_no_palpitations_since_is_its_history(suggest):
    codes = billed(suggest, "SVT treated with catheter ablation 2021, no palpitations since. Here for knee pain.")
    assert "Z86.79" in codes
    assert not any(code.startswith("I47") for code in codes)


def test_palpitations_since_an_ablation_that_failed_keep_it_current(suggest):
    codes = billed(suggest, "SVT s/p ablation 2021, recurred, palpitations since, on metoprolol.")
    assert "Z86.79" not in codes


def test_a_lung_disease_its_transplant_replaced_is_over_though_its_name_says_chronic(suggest):
    note = "Transplant clinic. Double lung transplant 2019 for chronic obstructive pulmonary disease; FEV1 steady."
    codes = billed(suggest, note)
    assert "Z94.2" in codes and not any(code.startswith("J44") for code in codes)


def test_a_chronic_lung_disease_still_there_after_another_procedure_stays_current(suggest):
    assert "J44.9" in billed(suggest, "Chronic obstructive pulmonary disease, still dyspneic; cholecystectomy 2020.")
