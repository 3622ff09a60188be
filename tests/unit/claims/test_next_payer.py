"""Coordination of benefits: the next payer is billed with the earlier payer's adjudication, once, in a
file pyx12 accepts; a crossover or a denial bills nobody else; the patient comes after the last payer."""
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from shared.contracts.common import Adjustment, Coverage
from shared.money import format_x12_amount
from shared.contracts.remit import RemitReceived, RemitServiceLine
from services.claims.domain.next_payer import NextStep, next_payer_claim, next_step
from services.claims.adapters.x12_validation import validate_x12
from services.claims.domain.x837 import line_control_number, write_837p
from tests.unit.claims.builders import PAYERS, claim

pytestmark = pytest.mark.unit
AT = datetime(2026, 11, 22, 10, 30, tzinfo=timezone.utc)
PAID_ON = date(2026, 11, 20)
SECONDARY = Coverage(payer_id="AETNA", member_id="W998877", group_number="G77", relationship="self")


def segments(text: str) -> list[list[str]]:
    return [s.split("*") for s in text[:-1].split("~")]


def remit_for(primary, *, status="1", paid="80.00", patient="40.00", remarks=(), lines=True) -> RemitReceived:
    line = primary.lines[0]
    charge = primary.total_charge
    service_lines = [RemitServiceLine(
        procedure_code=line.procedure_code, modifiers=list(line.modifiers), charge=line.charge, paid=Decimal(paid),
        units=str(line.units), date_of_service=line.date_of_service, line_control_number=line_control_number(primary, line),
        adjustments=[Adjustment(group_code="CO", reason_code="45", amount=line.charge - Decimal(paid) - Decimal(patient)),
                     Adjustment(group_code="PR", reason_code="2", amount=Decimal(patient))],
    )] if lines else []
    return RemitReceived(
        remit_id="r1", claim_id=primary.claim_id, patient_control_number=primary.patient_control_number,
        payer_id=primary.payer.payer_id, status_code=status, charge=charge, paid=Decimal(paid),
        patient_responsibility=Decimal(patient), payer_claim_control_number="MCR123456", remark_codes=list(remarks),
        service_lines=service_lines, trace_number="T1", payment_date=PAID_ON,
        claim_adjustments=[] if lines else [Adjustment(group_code="PR", reason_code="1", amount=Decimal(patient))],
    )


def secondary_of(primary, remit):
    return next_payer_claim(primary, remit, coverage=SECONDARY, payer=PAYERS["AETNA"], claim_id="c-2",
                            patient_control_number="PCN2SECOND", adjudicated_on=date(2026, 11, 21))


def write(claims, receiver) -> str:
    text = write_837p(claims, sender_id="BILLINGPLATFORM", receiver_id=receiver, interchange_control_number=7,
                      group_control_number=7, created_at=AT)
    assert validate_x12(text) == []
    return text


def test_a_primary_that_left_a_patient_share_sends_the_claim_to_the_secondary():
    primary = claim("MEDICARE", procedures=[{"code": "99213", "diagnosis_pointers": [1]}])
    remit = remit_for(primary)
    assert next_step(remit, sequence="P", coverage_count=2) is NextStep.BILL_NEXT_PAYER
    secondary = secondary_of(primary, remit)
    assert secondary.payer_sequence == "S" and secondary.payer.payer_id == "AETNA"
    assert secondary.lines == primary.lines and secondary.total_charge == primary.total_charge

    text = write([secondary], PAYERS["AETNA"].x12_payer_id)
    found = segments(text)
    sbr = [s for s in found if s[0] == "SBR"]
    assert [s[1] for s in sbr] == ["S", "P"]  # the secondary billed now, the primary in 2320
    assert sbr[1][9] == PAYERS["MEDICARE"].claim_filing_indicator
    assert ["AMT", "D", "80"] in found and ["AMT", "EAF", "40"] in found
    payers = [s[-1] for s in found if s[:3] == ["NM1", "PR", "2"]]
    assert payers == [PAYERS["AETNA"].x12_payer_id, PAYERS["MEDICARE"].x12_payer_id]  # 2010BB, then 2330B
    svd = [s for s in found if s[0] == "SVD"]
    assert svd == [["SVD", PAYERS["MEDICARE"].x12_payer_id, "80", "HC:99213", "", "1"]]
    cas = [s for s in found if s[0] == "CAS"]
    assert cas == [["CAS", "CO", "45", format_x12_amount(primary.lines[0].charge - 120)], ["CAS", "PR", "2", "40"]]
    assert ["DTP", "573", "D8", "20261120"] in found


def test_claim_level_adjudication_goes_to_2320_with_the_remittance_date():
    primary = claim("MEDICARE")
    remit = remit_for(primary, lines=False)
    text = write([secondary_of(primary, remit)], PAYERS["AETNA"].x12_payer_id)
    found = segments(text)
    assert ["CAS", "PR", "1", "40"] in found and not [s for s in found if s[0] == "SVD"]
    assert ["DTP", "573", "D8", "20261120"] in found


def test_a_tertiary_carries_both_earlier_payers():
    primary = claim("MEDICARE", procedures=[{"code": "99213", "diagnosis_pointers": [1]}])
    secondary = secondary_of(primary, remit_for(primary))
    remit = remit_for(secondary, paid="30.00", patient="10.00")
    assert next_step(remit, sequence="S", coverage_count=3) is NextStep.BILL_NEXT_PAYER
    tertiary = next_payer_claim(secondary, remit, coverage=SECONDARY.model_copy(update={"member_id": "T1"}),
                                payer=PAYERS["AETNA"], claim_id="c-3", patient_control_number="PCN3",
                                adjudicated_on=date(2026, 11, 25))
    text = write([tertiary], PAYERS["AETNA"].x12_payer_id)
    assert [s[1] for s in segments(text) if s[0] == "SBR"] == ["T", "P", "S"]
    assert len([s for s in segments(text) if s[0] == "SVD"]) == 2
    with pytest.raises(ValueError):
        next_payer_claim(tertiary, remit, coverage=SECONDARY, payer=PAYERS["AETNA"], claim_id="c-4",
                         patient_control_number="PCN4", adjudicated_on=PAID_ON)


@pytest.mark.parametrize("status, remarks", [("19", ()), ("1", ("MA18",)), ("1", ("N89",))])
def test_a_crossover_bills_no_one_else(status, remarks):
    remit = remit_for(claim("MEDICARE"), status=status, remarks=remarks)
    assert next_step(remit, sequence="P", coverage_count=2) is NextStep.CROSSED_OVER


def test_the_patient_is_billed_only_after_the_last_payer():
    primary = claim("MEDICARE")
    assert next_step(remit_for(primary), sequence="P", coverage_count=1) is NextStep.PATIENT
    assert next_step(remit_for(primary), sequence="S", coverage_count=2) is NextStep.PATIENT
    assert next_step(remit_for(primary, patient="0.00", paid="120.00"), sequence="P",
                     coverage_count=2) is NextStep.SETTLED


@pytest.mark.parametrize("status", ["4", "22"])
def test_a_denial_or_reversal_is_worked_before_anyone_else_is_billed(status):
    remit = remit_for(claim("MEDICARE"), status=status)
    assert next_step(remit, sequence="P", coverage_count=2) is NextStep.WORK_FIRST
