"""276 writer, 277 reader, the status outcome rules and the inquiry clock."""
import tempfile
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from shared.x12 import X12SyntaxError
from services.claims.domain.claim_status import (StatusAnswer, StatusInquiry, inquiry_due, is_claim_status_277,
                                                 read_277, status_outcome, write_276)
from services.claims.adapters.x12_models import validate_transactions
from tools.payer_sim.claim_status import answer_276
from tools.payer_sim.state import SimState

pytestmark = pytest.mark.unit
AT = datetime(2026, 11, 22, 10, 30, tzinfo=timezone.utc)


def inquiry(trace: str, relationship: str = "self", payer_number: str | None = None) -> StatusInquiry:
    return StatusInquiry(trace, "W123456789", "Rivera", "Ana", date(1971, 4, 12), "F", relationship, payer_number,
                         Decimal("145.00"), date(2026, 10, 1), date(2026, 10, 1))


def write(*inquiries: StatusInquiry) -> str:
    return write_276(list(inquiries), payer_name="AETNA", payer_x12_id="60054", submitter_id="BILLINGPLATFORM",
                     provider_name="Demo Clinic", provider_npi="1234567893", control_number=77, created_at=AT)


def test_the_276_passes_the_implementation_guide_models():
    x12 = write(inquiry("PCN1", payer_number="000123"), inquiry("PCN2", "child"))
    assert validate_transactions(x12, "276") == []
    assert "GS*HR*" in x12 and "TRN*1*PCN1~REF*1K*000123~REF*EJ*PCN1~AMT*T3*145~" in x12
    assert "DTP*472*RD8*20261001-20261001" in x12 and "HL*6*5*23*0~" in x12


def test_the_simulator_answers_each_claim_from_what_became_of_it():
    state = SimState(tempfile.mktemp(suffix=".sqlite3"))
    state.record_claim("t", "PAID1", outcome="paid", charge="145", paid="96.4", payer_claim_number="000111",
                       adjudicated_on="20261005", remit_trace="0700000001")
    state.record_claim("t", "DENIED1", outcome="denied", charge="145", paid="0", payer_claim_number="000112",
                       adjudicated_on="20261005", remit_trace="0700000001")
    state.record_claim("t", "PEND1", outcome="pending", charge="145", paid="0", payer_claim_number="000113")
    state.record_claim("t", "LOST1", outcome="lost", charge="145", paid="0", payer_claim_number="000114")
    text = answer_276(write(*(inquiry(p) for p in ("PAID1", "DENIED1", "PEND1", "LOST1", "NEVER1"))), mailbox="t",
                      state=state, control=5, at=AT)
    assert validate_transactions(text, "277") == [] and is_claim_status_277(text)
    answers = {a.trace: a for a in read_277(text)}
    assert answers["PAID1"].statuses == ("F1:65",) and answers["PAID1"].paid == Decimal("96.4")
    assert answers["PAID1"].payer_claim_number == "000111" and answers["PAID1"].remittance_trace == "0700000001"
    assert status_outcome(answers["PAID1"]).target == "paid"
    assert status_outcome(answers["DENIED1"]).target == "denied"
    assert status_outcome(answers["PEND1"]).event == "status_pending"
    for lost in ("LOST1", "NEVER1"):
        assert answers[lost].statuses == ("A4:35",) and answers[lost].payer_claim_number is None
        assert status_outcome(answers[lost]) .target == "rejected"


@pytest.mark.parametrize("status, event, target, next_days", [
    ("A4:35", "status_not_found", "rejected", None),
    ("D0:35", "status_not_found", "rejected", None),
    ("A7:21", "status_rejected", "rejected", None),
    ("P1:20", "status_pending", "accepted", 7),
    ("A2:20", "status_pending", "accepted", 7),
    ("F1:65", "status_finalized", "paid", 14),
    ("F2:1", "status_finalized", "denied", 14),
    ("F4:1", "status_finalized", None, 14),
    ("E1:484", "status_inquiry_error", None, 2),
    ("Z9:1", "status_unrecognized", None, 7),
])
def test_status_categories_decide_the_outcome(status, event, target, next_days):
    outcome = status_outcome(StatusAnswer("T", (status,)))
    assert (outcome.event, outcome.target, outcome.next_inquiry_days) == (event, target, next_days)


def test_an_answer_without_status_is_asked_again_tomorrow():
    assert status_outcome(StatusAnswer("T", ())).next_inquiry_days == 1


def test_a_277ca_is_not_taken_for_a_claim_status_277_and_bad_text_is_refused():
    assert not is_claim_status_277("ISA*...~GS*HN*A*B*1*1*1*X*005010X214~ST*277*0001*005010X214~")
    with pytest.raises(X12SyntaxError):
        read_277("garbage")
    text = answer_276(write(inquiry("X1")), mailbox="t", state=SimState(tempfile.mktemp()), control=5, at=AT)
    with pytest.raises(X12SyntaxError, match="cut short"):
        read_277(text[: len(text) // 2])


SUBMITTED = datetime(2026, 10, 1, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("now_days, last, next_on, due", [
    (29, None, None, False),  # inside the payer's 30 expected days
    (30, None, None, True),  # the day they run out
    (45, SUBMITTED + timedelta(days=31), None, False),  # asked, and the answer gave no next date
    (45, SUBMITTED + timedelta(days=31), date(2026, 11, 16), False),  # next date not reached
    (46, SUBMITTED + timedelta(days=31), date(2026, 11, 16), True),
])
def test_the_inquiry_clock(now_days, last, next_on, due):
    now = SUBMITTED + timedelta(days=now_days)
    assert inquiry_due(submitted_at=SUBMITTED, expected_days=30, last_inquiry_at=last, next_inquiry_on=next_on,
                       now=now) is due
