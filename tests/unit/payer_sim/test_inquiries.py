"""The simulator's member rules and claim flows that the eligibility and status tests rely on."""
import tempfile
from datetime import datetime, timezone

import pytest

from services.claims.domain.x837 import write_837p
from tools.payer_sim.adjudication import Rules
from tools.payer_sim.clearinghouse import process_837
from tools.payer_sim.members import MemberBook
from tools.payer_sim.settings import SimSettings
from tools.payer_sim.state import SimState
from tests.unit.claims.builders import ENCOUNTER, claim

pytestmark = pytest.mark.unit
AT = datetime(2026, 11, 22, 10, 30, tzinfo=timezone.utc)
BOOK = MemberBook.load()


@pytest.mark.parametrize("member_id, coverage, flow", [
    ("W123456789", "active", "normal"),  # the demo and e2e patients stay eligible
    ("INVALID-abc", "active", "normal"),  # found by eligibility; the 837 front end rejects it (fix-queue test)
    ("inactive-1", "inactive", "normal"),
    ("UNKNOWN-1", "not_found", "normal"),
    ("ELIGERR-1", "payer_error", "normal"),
    ("LOST-1", "active", "lost"),
    ("PENDING-1", "active", "pending"),
])
def test_member_prefixes(member_id, coverage, flow):
    rule = BOOK.rule(member_id)
    assert (rule.coverage, rule.claims) == (coverage, flow)


def test_a_member_id_without_room_for_a_prefix_takes_the_group_numbers():
    """A Medicare MBI cannot carry a prefix; the member id's own prefix still comes first."""
    assert BOOK.rule("1EG4TE5MK73", "XOVER-G1").claims == "crossover"
    assert BOOK.rule("1EG4TE5MK73", "G-200").claims == "normal"
    assert BOOK.rule("LOST-1", "XOVER-G1").claims == "lost"


def submit(member_ids: list[str]):
    state = SimState(tempfile.mktemp(suffix=".sqlite3"))
    claims = [claim(coverage=dict(ENCOUNTER["coverage"], member_id=m)) for m in member_ids]
    text = write_837p(claims, sender_id="BILLINGPLATFORM", receiver_id="60054", interchange_control_number=5,
                      group_control_number=5, created_at=AT)
    ack = process_837(text, mailbox="t", state=state, rules=Rules.load(), seed=7, book=BOOK,
                      settings=SimSettings(payer_sim_ack_delay_seconds=0, payer_sim_era_delay_seconds=0))
    return ack, [row[3] for row in state.due_deliveries()], state, claims


def test_a_lost_claim_gets_a_999_and_nothing_else():
    ack, bodies, state, claims = submit(["LOST-1"])
    assert "AK9*A*1*1*1" in ack and bodies == []
    assert state.claim_record("t", claims[0].patient_control_number)["outcome"] == "lost"


def test_a_pending_claim_is_acknowledged_but_never_paid():
    _, bodies, state, claims = submit(["PENDING-1", "W000000777"])
    ca, era = bodies
    assert claims[0].patient_control_number in ca and "ST*835" in era
    assert claims[0].patient_control_number not in era and claims[1].patient_control_number in era
    records = [state.claim_record("t", c.patient_control_number) for c in claims]
    assert records[0]["outcome"] == "pending" and records[1]["outcome"] in ("paid", "denied")
    assert records[1]["remit_trace"] and records[0]["remit_trace"] is None
