"""Administrative and preprocedural examinations, a repeat prescription, and a status an operation will leave."""
import pytest

from services.coding.domain.encounter_reasons import encounter_reasons
from services.coding.domain.status_z_codes import status_z_codes
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("School entrance physical for kindergarten, form signed.", "Z02.0"),
    ("Life insurance exam: vitals and blood drawn for the insurer.", "Z02.6"),
    ("Military enlistment physical, no disqualifying condition.", "Z02.3"),
    ("Nursing home admission H&P completed.", "Z02.2"),
    ("Preoperative respiratory evaluation before the lung resection.", "Z01.811"),
    ("Pre-op H&P before the hernia repair, no contraindication.", "Z01.818"),
    ("Seen only for a medication refill of his amlodipine.", "Z76.0"),
    ("Visit for prescription renewal only, no new concerns.", "Z76.0"),
])
def test_the_encounter_reason_is_read_from_the_index_wording(tabular, note, expected):
    assert expected in codes(encounter_reasons([], note, tabular)[0])


@pytest.mark.parametrize("note", [
    "Here only for a refill of her birth control pills.",  # a contraceptive's surveillance, Z30.4-
    "Refill of lisinopril sent; BP reviewed, hypertension controlled.",  # a visit for the condition
    "Insurance denied the MRI.",
])
def test_a_refill_beside_other_care_or_an_insurance_word_is_no_encounter_reason(tabular, note):
    assert not {"Z76.0", "Z02.6"} & set(codes(encounter_reasons([], note, tabular)[0]))


@pytest.mark.parametrize("note, absent", [
    ("Preoperative evaluation before lobectomy for the RUL nodule.", "Z90.2"),
    ("Pre-op visit prior to a right nephrectomy next week.", "Z90.5"),
])
def test_an_operation_still_to_come_leaves_no_status(tabular, note, absent):
    assert absent not in codes(status_z_codes([], note, tabular)[0])


def test_an_operation_done_is_still_a_status(tabular):
    assert "Z90.5" in codes(status_z_codes([], "S/p right nephrectomy 2019 for RCC, creatinine stable.", tabular)[0])
