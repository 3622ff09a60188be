"""The simulator as a secondary payer and as a payer that crosses a claim over: it pays only from what the
earlier payer left, in balanced 835s pyx12 accepts."""
import tempfile
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
SECONDARY = Coverage(payer_id="BCBS", member_id="XB5550001", group_number="G2", relationship="self")


def run(claims, receiver="06102") -> list[str]:
    """The 835s the simulator schedules for one 837P, in the order they are due."""
    state = SimState(tempfile.mktemp(suffix=".sqlite3"))
    settings = SimSettings(payer_sim_ack_delay_seconds=0, payer_sim_era_delay_seconds=0)
    text = write_837p(claims, sender_id="BILLINGPLATFORM", receiver_id=receiver, interchange_control_number=5,
                      group_control_number=5, created_at=AT)
    process_837(text, mailbox="tenant", state=state, rules=RULES, seed=7, settings=settings)
    return [row[3] for row in state.due_deliveries() if "ST*835*" in row[3]]


def answered(era: str):
    remittance = parse_835(era)
    assert validate_x12(era) == [] and check_balance(remittance) == []
    return remittance


def test_the_secondary_pays_only_from_what_the_primary_left_with_clp02_2():
    primary = claim("MEDICARE", coverage=dict(ENCOUNTER["coverage"], member_id="W000000333"))
    (first,) = run([primary])
    [remit] = remittance_to_events(parse_835(first), "r1", lambda pcn: primary.claim_id)
    secondary = next_payer_claim(primary, remit, coverage=SECONDARY, payer=PAYERS["BCBS"], claim_id=primary.claim_id,
                                 patient_control_number=primary.patient_control_number[:18] + "S2",
                                 adjudicated_on=date(2026, 11, 22))

    (second,) = run([secondary], receiver=PAYERS["BCBS"].x12_payer_id)

    (answer,) = answered(second).claims
    assert answer.status_code == "2" and answer.patient_control_number == secondary.patient_control_number
    for line, earlier in zip(answer.service_lines, remit.service_lines):
        left = sum(a.amount for a in earlier.adjustments if a.group_code == "PR")
        assert 0 < line.paid <= left
        assert {(a.group_code, a.reason_code): a.amount for a in line.adjustments} == {
            ("OA", "23"): line.charge - left, ("PR", "2"): left - line.paid}
    assert answer.patient_responsibility == remit.patient_responsibility - answer.paid


@pytest.mark.parametrize("member", [{"member_id": "XOVER-77001"}, {"member_id": "1EG4TE5MK73", "group_number": "XOVER-G1"}])
def test_a_crossover_member_gets_clp02_19_and_the_supplemental_plans_835_for_the_same_claim(member):
    primary = claim("MEDICARE", coverage=dict(ENCOUNTER["coverage"], **member))

    first, second = run([primary])

    (forwarded,) = answered(first).claims
    assert forwarded.status_code == "19" and list(forwarded.remark_codes) == ["MA18"]
    supplemental = answered(second)
    (answer,) = supplemental.claims
    assert supplemental.payer_name == "SIMULATED MEDIGAP PLAN"
    assert answer.status_code == "2" and answer.patient_control_number == primary.patient_control_number
    assert 0 < answer.paid < forwarded.patient_responsibility
    assert answer.patient_responsibility == forwarded.patient_responsibility - answer.paid
