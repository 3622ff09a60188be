"""837P output: single and multi-line, two payers, a dependent, a replacement; all pass pyx12."""
from datetime import datetime, timezone

import pytest

from services.claims.domain.acks import read_277ca, read_999
from services.claims.domain.x12_validation import validate_x12
from services.claims.domain.x837 import write_837p
from tests.unit.claims.builders import ENCOUNTER, PAYERS, claim

pytestmark = pytest.mark.unit
AT = datetime(2026, 11, 22, 10, 30, tzinfo=timezone.utc)


def write(claims, control=1, receiver="60054") -> str:
    return write_837p(claims, sender_id="BILLINGPLATFORM", receiver_id=receiver, interchange_control_number=control,
                      group_control_number=control, created_at=AT)


def segments(text: str) -> list[str]:
    return text.split("~")


def test_single_line_claim_is_valid_837p():
    one = claim(procedures=[{"code": "99213", "diagnosis_pointers": [1, 2]}])
    text = write([one])
    assert validate_x12(text) == []
    assert "HI*ABK:E119*ABF:I10" in text
    assert f"CLM*{one.patient_control_number}*135***11:B:1*Y*A*Y*Y" in text
    assert text.startswith("ISA*") and "GS*HC*BILLINGPLATFORM*60054*20261122*1030*1*X*005010X222A1" in text


def test_multi_line_claims_in_one_interchange_have_unique_controls():
    claims = [claim(), claim(), claim()]
    text = write(claims, control=42)
    assert validate_x12(text) == []
    assert [s for s in segments(text) if s.startswith("ST*")] == ["ST*837*0001*005010X222A1",
                                                                   "ST*837*0002*005010X222A1", "ST*837*0003*005010X222A1"]
    assert "IEA*1*000000042" in text
    assert len({c.patient_control_number for c in claims}) == 3
    assert text.count("SV1*") == 6


def test_two_payers_make_two_interchanges():
    medicare_id = PAYERS["MEDICARE"].x12_payer_id
    aetna, medicare = write([claim("AETNA")], 1), write([claim("MEDICARE")], 2, receiver=medicare_id)
    assert validate_x12(aetna) == [] and validate_x12(medicare) == []
    assert f"NM1*PR*2*MEDICARE PART B*****PI*{medicare_id}" in medicare and "NM1*PR*2*AETNA*****PI*60054" in aetna


def test_dependent_patient_gets_a_patient_loop():
    coverage = dict(ENCOUNTER["coverage"], relationship="child")
    text = write([claim(coverage=coverage)])
    assert validate_x12(text) == []
    assert "HL*3*2*23*0" in text and "PAT*19" in text


def test_replacement_claim_carries_frequency_7_and_ref_f8():
    text = write([claim(frequency_code="7", original_payer_claim_number="627676228882", prior_authorization="AUTH1")])
    assert validate_x12(text) == []
    assert ":B:7*" in text and "REF*F8*627676228882" in text and "REF*G1*AUTH1" in text


def test_the_validator_catches_a_broken_file():
    text = write([claim()]).replace("SE*", "SE*9", 1)
    assert any("SE" in message for message in validate_x12(text))


def test_acknowledgment_readers():
    ack_999 = "ISA*00*          *00*          *ZZ*SIMPAYER01     *ZZ*BILLINGPLATFORM*261122*1030*^*00501*000000001*0*T*:~" \
              "GS*FA*SIMPAYER01*BILLINGPLATFORM*20261122*1030*1*X*005010X231A1~ST*999*0001*005010X231A1~" \
              "AK1*HC*1*005010X222A1~AK2*837*0001*005010X222A1~IK3*CLM*12**8~IK5*R*5~AK9*R*1*1*0~SE*7*0001~GE*1*1~IEA*1*000000001~"
    result = read_999(ack_999)
    assert not result.accepted and result.errors
    ack_277 = ack_999.split("ST*")[0] + "ST*277*0001*005010X214~HL*4*3*PT~TRN*2*PCN123~STC*A3:21*20261122*U*100~" \
              "HL*5*3*PT~TRN*2*PCN456~STC*A1:20*20261122*WQ*50~REF*1K*998877~SE*9*0001~GE*1*1~IEA*1*000000001~"
    rejected, accepted = read_277ca(ack_277)
    assert (rejected.patient_control_number, rejected.accepted) == ("PCN123", False)
    assert (accepted.accepted, accepted.payer_claim_number) == (True, "998877")
