"""The simulator answers real X12 deterministically: 999, 277CA and a balanced 835 per rules."""
import tempfile
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from services.claims.adapters.x12_validation import validate_x12
from services.claims.domain.x837 import write_837p
from services.payments.domain.balancing import check_balance
from services.payments.domain.x835 import parse_835
from tools.payer_sim.adjudication import Rules
from tools.payer_sim.clearinghouse import process_837
from tools.payer_sim.settings import SimSettings
from tools.payer_sim.state import SimState
from tests.unit.claims.builders import ENCOUNTER, claim

pytestmark = pytest.mark.unit
AT = datetime(2026, 11, 22, 10, 30, tzinfo=timezone.utc)
RULES = Rules.load()


def run(claims, seed=7):
    """Submit one 837P; returns the 999 and the scheduled deliveries (277CA, 835)."""
    state = SimState(tempfile.mktemp(suffix=".sqlite3"))
    settings = SimSettings(payer_sim_ack_delay_seconds=0, payer_sim_era_delay_seconds=0)
    text = write_837p(claims, sender_id="BILLINGPLATFORM", receiver_id="60054", interchange_control_number=5,
                      group_control_number=5, created_at=AT)
    ack = process_837(text, mailbox="tenant", state=state, rules=RULES, seed=seed, settings=settings)
    bodies = [row[3] for row in state.due_deliveries()]
    return ack, bodies


def member(**coverage):
    return dict(ENCOUNTER["coverage"], **coverage)


def test_a_clean_claim_is_accepted_and_paid_in_a_balanced_valid_835():
    ack, (ca, era) = run([claim(coverage=member(member_id="W000000111"))])
    assert "AK9*A*1*1*1" in ack and validate_x12(ack) == []
    assert "STC*A1:20" in ca and "REF*1K*" in ca
    assert validate_x12(era) == []
    remittance = parse_835(era)
    assert check_balance(remittance) == []
    paid = remittance.claims[0]
    assert paid.status_code == "1" and paid.paid + paid.patient_responsibility > 0


def test_the_same_seed_gives_the_same_answers():
    c = claim(coverage=member(member_id="W000000222"))
    assert run([c])[1][1] == run([c])[1][1]


def test_a_broken_file_gets_a_999_rejection_and_nothing_else():
    state = SimState(tempfile.mktemp(suffix=".sqlite3"))
    ack = process_837("ISA*garbage", mailbox="t", state=state, rules=RULES, seed=7, settings=SimSettings())
    assert "AK9*R" in ack and state.due_deliveries() == []


def test_invalid_member_is_rejected_in_the_277ca_and_never_paid():
    _, bodies = run([claim(coverage=member(member_id="INVALID-1"))])
    assert len(bodies) == 1 and "STC*A3:21" in bodies[0]


def carcs(era: str) -> set[str]:
    remittance = parse_835(era)
    assert check_balance(remittance) == []
    return {a.reason_code for c in remittance.claims for l in c.service_lines for a in l.adjustments}


@pytest.mark.parametrize("procedures,extra,carc", [
    ([{"code": "71046", "diagnosis_pointers": [1]}], {}, "197"),
    ([{"code": "17110", "diagnosis_pointers": [1]}], {}, "204"),
    ([{"code": "73630", "diagnosis_pointers": [1]}], {}, "4"),
    ([{"code": "93000", "diagnosis_pointers": [1]}], {"diagnoses": [{"code": "Z00.00"}]}, "50"),
    ([{"code": "99213", "diagnosis_pointers": [1]}], {"date_of_service": "2025-01-02"}, "29"),
])
def test_each_denial_rule_yields_its_carc(procedures, extra, carc):
    _, bodies = run([claim(procedures=procedures, coverage=member(member_id="W000000333"), **extra)])
    assert carc in carcs(bodies[1])


def test_a_duplicate_service_is_denied_co_18():
    first = claim(coverage=member(member_id="W000000444"))
    second = claim(coverage=member(member_id="W000000444"))
    _, bodies = run([first, second])
    assert "18" in carcs(bodies[1])


def test_a_void_takes_back_the_original_payment_in_a_balanced_debit_835():
    state = SimState(tempfile.mktemp(suffix=".sqlite3"))
    settings = SimSettings(payer_sim_ack_delay_seconds=0, payer_sim_era_delay_seconds=0)
    original = claim(coverage=member(member_id="W000000444"))
    first = write_837p([original], sender_id="BILLINGPLATFORM", receiver_id="60054", interchange_control_number=6,
                       group_control_number=6, created_at=AT)
    process_837(first, mailbox="tenant", state=state, rules=RULES, seed=7, settings=settings)
    paid = parse_835([row[3] for row in state.due_deliveries()][1]).claims[0]
    voided = replace(original, patient_control_number="VOID1", frequency_code="8",
                     original_payer_claim_number=paid.payer_claim_control_number)
    second = write_837p([voided], sender_id="BILLINGPLATFORM", receiver_id="60054", interchange_control_number=7,
                        group_control_number=7, created_at=AT)
    ack = process_837(second, mailbox="tenant", state=state, rules=RULES, seed=7, settings=settings)
    assert "AK9*A*1*1*1" in ack
    era = [row[3] for row in state.due_deliveries()][-1]
    assert validate_x12(era) == []
    remittance = parse_835(era)
    assert check_balance(remittance) == []
    [reversal] = remittance.claims
    assert (reversal.patient_control_number, reversal.status_code) == (original.patient_control_number, "22")
    assert reversal.paid == -paid.paid and reversal.payer_claim_control_number == paid.payer_claim_control_number
    bpr = next(seg for seg in era.split("~") if seg.startswith("BPR"))
    assert bpr.split("*")[3] == "D" if paid.paid else bpr.startswith("BPR*H*0")  # the payer debits what it paid


def test_a_void_of_an_unknown_claim_is_rejected():
    c = claim(coverage=member(member_id="W000000445"))
    voided = replace(c, frequency_code="8", original_payer_claim_number="999999999999")
    ack, (ca,) = run([voided])
    assert "STC*A7" in ca
