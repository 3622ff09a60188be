"""build_claim: parties from the tenant and encounter, lines numbered and priced."""
import dataclasses
from decimal import Decimal

import pytest

from services.claims.domain.build import build_claim
from tests.unit.claims.builders import BILLING, FEE_SCHEDULE, PAYERS, claim, coded

pytestmark = pytest.mark.unit


def test_lines_are_numbered_and_priced_from_the_schedule():
    c = claim()
    assert [(l.line_number, l.procedure_code, l.charge) for l in c.lines] == [
        (1, "99213", Decimal("135.00")), (2, "36415", Decimal("12.00"))]
    assert c.total_charge == Decimal("147.00")
    assert c.diagnoses == ("E11.9", "I10") and c.lines[0].diagnosis_pointers == (1, 2)
    assert all(l.date_of_service == c.date_of_service for l in c.lines)


def test_parties_come_from_the_tenant_the_encounter_and_the_payer():
    event = coded(prior_authorization="AUTH-77")
    c = build_claim(event, tenant_id="t-1", billing_provider=BILLING, fee_schedule=FEE_SCHEDULE,
                    payer=PAYERS["BCBS"], patient_control_number=event.patient_control_number)
    assert (c.claim_id, c.tenant_id, c.encounter_id) == (event.claim_id, "t-1", "enc-1")
    assert c.billing_provider is BILLING and c.payer.payer_id == "BCBS" and c.prior_authorization == "AUTH-77"
    assert c.patient == event.patient and c.coverage == event.coverage and c.place_of_service == "11"


def test_the_coders_charge_wins_over_the_schedule_and_units_multiply():
    c = claim(procedures=[{"code": "99214", "diagnosis_pointers": [1], "charge": "210.50"},
                          {"code": "J1100", "units": 10, "diagnosis_pointers": [1]},
                          {"code": "73630", "modifiers": ["26", "RT"], "diagnosis_pointers": [2]}])
    assert [l.charge for l in c.lines] == [Decimal("210.50"), Decimal("50.00"), Decimal("20.00")]
    assert c.lines[2].modifiers == ("26", "RT") and c.total_charge == Decimal("280.50")


def test_an_unpriced_code_gets_zero_instead_of_failing():
    c = claim(procedures=[{"code": "99499", "diagnosis_pointers": [1]}])
    assert c.lines[0].charge == Decimal("0.00") and c.total_charge == Decimal("0.00")


def test_a_replacement_keeps_its_frequency_and_original_claim_number():
    c = claim(frequency_code="7", original_payer_claim_number="627676228882")
    assert (c.frequency_code, c.original_payer_claim_number) == ("7", "627676228882")


def test_the_built_claim_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim().frequency_code = "8"
