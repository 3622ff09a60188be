"""The pyx12 gate: catches broken files, withholds element values (PHI), never raises on bad input."""
from datetime import datetime, timezone

import pytest

from services.claims.domain.acks import read_277ca, read_999
from services.claims.adapters.x12_validation import validate_x12
from services.claims.domain.x837 import write_837p
from tests.unit.claims.builders import ENCOUNTER, claim

pytestmark = pytest.mark.unit
AT = datetime(2026, 11, 22, 10, 30, tzinfo=timezone.utc)


def write(claims) -> str:
    return write_837p(claims, sender_id="BILLINGPLATFORM", receiver_id="60054", interchange_control_number=1,
                      group_control_number=1, created_at=AT)


def test_a_wrong_segment_count_is_caught():
    assert any("SE" in message for message in validate_x12(write([claim()]).replace("SE*", "SE*9", 1)))


def test_a_missing_mandatory_segment_is_caught():
    text = write([claim()])
    clm = next(s for s in text.split("~") if s.startswith("CLM*"))
    assert validate_x12(text.replace(clm + "~", "")) != []


def test_element_values_are_withheld_from_messages():
    text = write([claim()]).replace("NM1*IL*1*RIVERA*ANA", "NM1*IL*1*" + "RIVERA" * 12 + "*ANA")
    messages = validate_x12(text)
    assert messages and any("NM103" in m and "too long" in m for m in messages)
    assert not any("RIVERA" in m for m in messages)


def test_answers_do_not_depend_on_earlier_calls():
    good, bad = write([claim()]), write([claim()]).replace("HI*ABK:", "HI*XXX:")
    first_bad = validate_x12(bad)
    assert first_bad and validate_x12(good) == [] and validate_x12(bad) == first_bad and validate_x12(good) == []


@pytest.mark.parametrize("text", ["", "not x12 at all", write([claim()]).replace("005010X222A1", "005010X222A2")])
def test_unreadable_input_is_an_error_not_an_exception(text):
    assert validate_x12(text) != []


def test_a_dependent_and_a_subscriber_in_one_file_are_valid():
    dependent = claim(coverage=dict(ENCOUNTER["coverage"], relationship="child"))
    assert validate_x12(write([claim(), dependent, claim(payer_id="MEDICARE")])) == []


def test_acknowledgment_readers():
    ack_999 = ("ISA*00*          *00*          *ZZ*SIMPAYER01     *ZZ*BILLINGPLATFORM*261122*1030*^*00501*000000001*0*T*:~"
               "GS*FA*SIMPAYER01*BILLINGPLATFORM*20261122*1030*1*X*005010X231A1~ST*999*0001*005010X231A1~"
               "AK1*HC*1*005010X222A1~AK2*837*0001*005010X222A1~IK3*CLM*12**8~IK5*R*5~AK9*R*1*1*0~SE*7*0001~"
               "GE*1*1~IEA*1*000000001~")
    result = read_999(ack_999)
    assert not result.accepted and result.errors
    ack_277 = ack_999.split("ST*")[0] + ("ST*277*0001*005010X214~HL*4*3*PT~TRN*2*PCN123~STC*A3:21*20261122*U*100~"
                                         "HL*5*3*PT~TRN*2*PCN456~STC*A1:20*20261122*WQ*50~REF*1K*998877~SE*9*0001~"
                                         "GE*1*1~IEA*1*000000001~")
    rejected, accepted = read_277ca(ack_277)
    assert (rejected.patient_control_number, rejected.accepted) == ("PCN123", False)
    assert (accepted.accepted, accepted.payer_claim_number) == (True, "998877")
