"""A replacement (frequency 7) as payers answer it: the claim its REF*F8 names is reversed (CLP02 22, CLP07 the
original's number, every amount negated) before the corrected claim's own adjudication, in one balanced 835,
for the primary and a later payer alike; a REF*F8 the payer does not know, or already reversed, is rejected."""
import tempfile
from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from shared.contracts.common import Coverage
from services.claims.domain.next_payer import next_payer_claim
from services.claims.adapters.x12_validation import validate_x12
from services.claims.domain.x837 import write_837p
from services.payments.domain.balancing import check_balance
from services.payments.domain.to_events import remittance_to_events
from services.payments.domain.x835 import parse_835
from tools.payer_sim.adjudication import Rules
from tools.payer_sim.clearinghouse import process_837
from tools.payer_sim.settings import SimSettings
from tools.payer_sim.state import SimState
from tests.unit.claims.builders import ENCOUNTER, PAYERS, claim

pytestmark = pytest.mark.unit
AT = datetime(2026, 11, 22, 10, 30, tzinfo=timezone.utc)
RULES = Rules.load()
SECONDARY = Coverage(payer_id="BCBS", member_id="XB5550002", group_number="G2", relationship="self")


class Payer:
    """One simulator memory across several 837Ps, as a payer keeps it."""

    def __init__(self):
        self.state = SimState(tempfile.mktemp(suffix=".sqlite3"))
        self.settings = SimSettings(payer_sim_ack_delay_seconds=0, payer_sim_era_delay_seconds=0)
        self.control = 10
        self.seen = 0

    def send(self, claims, receiver: str = "60054") -> list[str]:
        """The 277CA and 835s this 837P brought."""
        self.control += 1
        text = write_837p(claims, sender_id="BILLINGPLATFORM", receiver_id=receiver,
                          interchange_control_number=self.control, group_control_number=self.control, created_at=AT)
        ack = process_837(text, mailbox="tenant", state=self.state, rules=RULES, seed=7, settings=self.settings)
        assert "AK9*A*1*1*1" in ack
        bodies = [row[3] for row in self.state.due_deliveries()][self.seen:]
        self.seen += len(bodies)
        return bodies


def balanced(era: str):
    remittance = parse_835(era)
    assert validate_x12(era) == [] and check_balance(remittance) == []
    return remittance


def replacement_of(original, payer_claim_number: str, pcn: str = "REPL1"):
    return replace(original, patient_control_number=pcn, frequency_code="7",
                   original_payer_claim_number=payer_claim_number, prior_authorization="AUTH-2")


def test_a_replaced_primary_claim_is_reversed_then_answered_anew_in_one_835():
    payer, original = Payer(), claim(coverage=dict(ENCOUNTER["coverage"], member_id="W000000613"))
    _, first = payer.send([original])
    (paid,) = balanced(first).claims
    assert any(a.reason_code == "1" for line in paid.service_lines for a in line.adjustments)  # a deductible

    _, era = payer.send([replacement_of(original, paid.payer_claim_control_number)])

    remittance = balanced(era)
    reversal, answer = remittance.claims
    assert (reversal.patient_control_number, reversal.status_code) == (original.patient_control_number, "22")
    assert reversal.payer_claim_control_number == paid.payer_claim_control_number
    assert (reversal.charge, reversal.paid, reversal.patient_responsibility) == (
        -paid.charge, -paid.paid, -paid.patient_responsibility)
    by_reason = {}
    for line in paid.service_lines:
        for a in line.adjustments:
            by_reason[(a.group_code, a.reason_code)] = by_reason.get((a.group_code, a.reason_code), 0) + a.amount
    assert {(a.group_code, a.reason_code): a.amount for a in reversal.claim_adjustments} == {
        k: -v for k, v in by_reason.items()}
    # the reversal gave the deductible back, so the same services are paid as they were
    assert (answer.patient_control_number, answer.status_code, answer.paid) == ("REPL1", "1", paid.paid)
    assert remittance.signed_total == answer.paid - paid.paid  # cash = BPR02: what was taken back and paid anew


def test_a_replaced_secondary_claim_is_reversed_and_answered_again_as_the_secondary():
    payer = Payer()
    primary = claim("MEDICARE", coverage=dict(ENCOUNTER["coverage"], member_id="W000000612"))
    _, first = payer.send([primary])
    [remit] = remittance_to_events(parse_835(first), "r1", lambda pcn: primary.claim_id)
    secondary = next_payer_claim(primary, remit, coverage=SECONDARY, payer=PAYERS["BCBS"], claim_id=primary.claim_id,
                                 patient_control_number=primary.patient_control_number[:18] + "S2",
                                 adjudicated_on=date(2026, 11, 22))
    _, second = payer.send([secondary], receiver=PAYERS["BCBS"].x12_payer_id)
    (paid,) = balanced(second).claims

    _, era = payer.send([replacement_of(secondary, paid.payer_claim_control_number)],
                        receiver=PAYERS["BCBS"].x12_payer_id)

    reversal, answer = balanced(era).claims
    assert (reversal.patient_control_number, reversal.status_code) == (secondary.patient_control_number, "22")
    assert (reversal.paid, reversal.patient_responsibility) == (-paid.paid, -paid.patient_responsibility)
    assert reversal.payer_claim_control_number == paid.payer_claim_control_number
    assert answer.status_code == "2" and answer.paid == paid.paid


def test_a_replacement_naming_an_unknown_or_already_replaced_claim_is_rejected_and_not_paid():
    payer, original = Payer(), claim(coverage=dict(ENCOUNTER["coverage"], member_id="W000000614"))
    (ca,) = payer.send([replacement_of(original, "999999999999")])
    assert "STC*A7" in ca

    _, first = payer.send([original])
    number = balanced(first).claims[0].payer_claim_control_number
    payer.send([replacement_of(original, number)])
    (again,) = payer.send([replacement_of(original, number, pcn="REPL2")])
    assert "STC*A7" in again
