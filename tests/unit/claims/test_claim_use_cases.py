"""The claims use cases over the in-memory unit of work: building a batch of coded claims, the payer's
acknowledgments and remits, handing an interchange over, the fix queue and replacement claims."""
import uuid
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from shared.contracts.claim import ClaimAcknowledged, ClaimCorrectionRequested, ClaimSubmitted
from shared.contracts.envelope import Envelope
from shared.contracts.remit import RemitReceived
from shared.contracts.tenant import TenantRegistered
from shared.denial_patterns import DenialHistory
from shared.kafka.errors import PermanentError
from shared.testing.fake_batch import FakeBatch
from services.claims.adapters.tables import Interchange
from services.claims.application.apply_remits import apply_remits
from services.claims.application.build_claims import build_claims
from services.claims.application.correct_claim import ReplacementRefused, bill_replacements, replace_claim
from services.claims.application.fix_claim import FixRefused, fix_claim
from services.claims.application.record_acks import record_acknowledgments
from services.claims.application.register_tenant import register_tenant
from services.claims.application.send_interchange import send_interchange
from services.claims.application.submit_batch import SENDING
from services.claims.adapters.catalog import Catalog
from services.claims.domain.acks import ClaimAck
from tests.unit.claims.builders import BILLING, ENCOUNTER, coded
from tests.unit.claims.fakes import FakeClaimsUnitOfWork, registered_tenant_uow

pytestmark = pytest.mark.unit
CATALOG = Catalog.load()
NOW = datetime(2026, 11, 5, 14, 0, tzinfo=timezone.utc)
TENANT = uuid.uuid4()


@pytest.fixture
async def uow() -> FakeClaimsUnitOfWork:
    return await registered_tenant_uow(TENANT, NOW, billing_provider=BILLING, catalog=CATALOG)


def patient_coded(number: int, **overrides):
    return coded(encounter_id=str(uuid.uuid4()), patient={**ENCOUNTER["patient"], "id": f"MRN-{number}"}, **overrides)


def coded_batch(claims, tenant_id=TENANT) -> FakeBatch:
    return FakeBatch([Envelope(event_type="claim.coded", tenant_id=tenant_id, subject_id=c.claim_id, payload=c)
                      for c in claims])


async def built(uow, *claims, tenant_id=TENANT) -> list[dict]:
    await build_claims(uow, coded_batch(claims, tenant_id), catalog=CATALOG)
    return [uow.claims.rows[uuid.UUID(c.claim_id)] for c in claims]


async def submitted(uow, *claims) -> list[dict]:
    rows = await built(uow, *claims)
    for row in rows:
        row["status"] = "submitted"
    return rows


def remit(claim, status_code="1", **overrides) -> Envelope:
    values = dict(remit_id=str(uuid.uuid4()), claim_id=claim.claim_id,
                  patient_control_number=claim.patient_control_number, payer_id="AETNA", status_code=status_code, charge=Decimal("100.00"), paid=Decimal("76.00"),
                  patient_responsibility=Decimal("0.00"), payer_claim_control_number="ICN1", trace_number="T1")
    return Envelope[RemitReceived](event_type="remit.received", tenant_id=TENANT, subject_id=claim.claim_id,
                                   payload=RemitReceived(**{**values, **overrides}))


async def test_a_batch_of_coded_claims_is_priced_scrubbed_and_ready(uow):
    rows = await built(uow, patient_coded(1), patient_coded(2))

    assert [r["status"] for r in rows] == ["ready", "ready"]
    assert all(r["total_charge"] > 0 for r in rows)
    assert all(len(uow.claims.lines[r["id"]]) == 2 for r in rows)
    assert uow.timeline.of(rows[0]["id"]) == [("built", "built"), ("scrubbed", "ready")]


async def test_a_claim_earlier_in_the_batch_counts_for_the_duplicate_rule(uow):
    first, second = await built(uow, patient_coded(7), patient_coded(7))

    assert first["status"] == "ready"
    assert second["status"] == "held"
    assert {e["edit_id"] for e in second["edits"]} == {"SCRUB-DUPLICATE"}


async def test_a_held_claim_does_not_make_a_later_one_a_duplicate(uow):
    bad_npi = {**ENCOUNTER["rendering_provider"], "npi": "1234567890"}
    held, later = await built(uow, patient_coded(8, rendering_provider=bad_npi), patient_coded(8))

    assert held["status"] == "held"
    assert later["status"] == "ready"


async def test_unknown_tenant_and_unknown_payer_hold_the_claim_with_the_reason(uow):
    (no_tenant,) = await built(uow, patient_coded(1), tenant_id=uuid.uuid4())
    (no_payer,) = await built(uow, patient_coded(2, coverage={**ENCOUNTER["coverage"], "payer_id": "NOPE"}))

    assert no_tenant["status"] == no_payer["status"] == "held"
    assert no_tenant["edits"][0]["edit_id"] == "SCRUB-TENANT-UNKNOWN"
    assert no_payer["edits"][0]["edit_id"] == "SCRUB-PAYER-UNKNOWN"


async def test_a_claim_id_already_stored_is_refused_for_the_dead_letter_queue(uow):
    claim = patient_coded(1)
    await built(uow, claim)

    with pytest.raises(PermanentError):
        await built(uow, claim)


async def test_earlier_denials_by_the_payer_warn_without_holding(uow):
    uow.denial_patterns.history_by_payer[(TENANT, "AETNA")] = [
        DenialHistory("AETNA", "99213", "coding", ("4",), 3, date(2026, 9, 1), date(2026, 10, 20))]
    (row,) = await built(uow, patient_coded(1))

    assert row["status"] == "ready"
    assert [e["edit_id"] for e in row["edits"]] == ["SCRUB-DENIAL-PATTERN"]


async def test_acknowledgments_apply_in_bulk_and_unknown_ones_are_kept(uow):
    accepted, rejected = patient_coded(1), patient_coded(2)
    await submitted(uow, accepted, rejected)
    acks = [ClaimAck(accepted.patient_control_number, True, "ICN9", []),
            ClaimAck(rejected.patient_control_number, False, None, ["STC A7:21"]),
            ClaimAck("NOSUCHPCN", True, None, [])]

    applied = await record_acknowledgments(uow, tenant_id=TENANT, acks=acks, x12="ISA...")

    assert applied == 2
    assert uow.claims.rows[uuid.UUID(accepted.claim_id)]["status"] == "accepted"
    assert uow.claims.rows[uuid.UUID(accepted.claim_id)]["payer_claim_number"] == "ICN9"
    assert uow.claims.rows[uuid.UUID(rejected.claim_id)]["status"] == "rejected"
    assert [(a.accepted, a.payer_claim_control_number) for a in uow.emitted_of(ClaimAcknowledged)] == [
        (True, "ICN9"), (False, None)]
    assert [h["trace"] for h in uow.held_responses.rows] == ["NOSUCHPCN"]


async def test_remits_of_one_batch_apply_in_order_and_never_move_a_claim_back(uow):
    claim = patient_coded(1)
    (row,) = await submitted(uow, claim)

    await apply_remits(uow, FakeBatch([remit(claim, "4"), remit(claim, "1"), remit(claim, "22")]))

    assert row["status"] == "paid"
    assert row["payer_claim_number"] == "ICN1"
    assert row["remit_received_at"] == NOW
    steps = uow.timeline.of(row["id"])[-3:]
    assert steps == [("adjudicated", "denied"), ("adjudicated", "paid"), ("adjudicated", "paid")]
    assert uow.timeline.rows[-1]["detail"]["ignored"] is True


async def test_a_remit_for_no_claim_of_ours_changes_nothing(uow):
    await apply_remits(uow, FakeBatch([remit(patient_coded(1))]))

    assert uow.timeline.rows == [] and uow.emitted == []


async def test_the_reversal_of_a_voided_claim_closes_its_void(uow):
    original, void = patient_coded(1), patient_coded(2)
    original_row, void_row = await submitted(uow, original, void)
    original_row["status"] = "voided"
    void_row.update(original_claim_id=original_row["id"], frequency_code="8")

    await apply_remits(uow, FakeBatch([remit(original, "22")]))

    assert void_row["status"] == "closed"
    assert void_row["remit_received_at"] == NOW
    assert uow.timeline.of(void_row["id"])[-1] == ("reversal_received", "closed")


class Clearinghouse:
    """Takes the file and answers nothing now (the dropbox): the 999 comes later."""

    def __init__(self):
        self.sent = []

    async def submit(self, *, mailbox, control_number, x12):
        self.sent.append(control_number)
        return None


async def handed_over(uow, *claims) -> list[dict]:
    rows = await built(uow, *claims)
    uow.interchanges.add(Interchange(id=41, tenant_id=TENANT, payer_id="AETNA", x12="ISA*...", claim_count=len(rows),
                                     ack_status=SENDING))
    for row in rows:
        row.update(status="submitting", interchange_id=41)
    await send_interchange(uow, await uow.interchanges.get(41), clearinghouse=Clearinghouse())
    return rows


async def test_sending_an_interchange_submits_its_claims_once_each(uow):
    rows = await handed_over(uow, patient_coded(1), patient_coded(2))

    assert [r["status"] for r in rows] == ["submitted", "submitted"]
    assert all(r["submitted_at"] == NOW for r in rows)
    events = uow.emitted_of(ClaimSubmitted)
    assert sorted(e.claim_id for e in events) == sorted(str(r["id"]) for r in rows)
    assert events[0].interchange_control_number == "000000041"
    assert uow.interchanges.rows[41].ack_status == "sent"


async def test_claim_submitted_carries_the_charge_and_lines_the_claim_was_priced_at(uow):
    (row,) = await handed_over(uow, patient_coded(1))

    (event,) = uow.emitted_of(ClaimSubmitted)
    stored = uow.claims.lines[row["id"]]
    assert event.total_charge == row["total_charge"] == sum(line["charge"] for line in stored) > 0
    assert [(l.line_number, l.procedure_code, l.units, l.charge) for l in event.lines] == [
        (l["line_number"], l["procedure_code"], l["units"], l["charge"]) for l in stored]
    assert (event.patient_id, event.payer_name) == ("MRN-1", "AETNA")


async def test_a_claim_paid_during_the_hand_over_stays_paid_and_still_gets_its_charge(uow):
    claim = patient_coded(1)
    (row,) = await built(uow, claim)
    uow.interchanges.add(Interchange(id=41, tenant_id=TENANT, payer_id="AETNA", x12="ISA*...", claim_count=1,
                                     ack_status=SENDING))
    row.update(status="paid", interchange_id=41)

    await send_interchange(uow, await uow.interchanges.get(41), clearinghouse=Clearinghouse())

    assert row["status"] == "paid"
    assert len(uow.emitted_of(ClaimSubmitted)) == 1
    assert uow.timeline.rows[-1]["detail"] == {"interchange": 41, "ignored": True, "proposed_status": "submitted"}


async def test_a_fixed_claim_is_scrubbed_again_and_leaves_the_fix_queue(uow):
    bad_npi = {**ENCOUNTER["rendering_provider"], "npi": "1234567890"}
    (row,) = await built(uow, patient_coded(1, rendering_provider=bad_npi))
    assert row["status"] == "held"

    claim = await fix_claim(uow, tenant_id=TENANT, claim_id=row["id"], actor="key:1", catalog=CATALOG,
                            changes={"rendering_provider": {"npi": ENCOUNTER["rendering_provider"]["npi"]}})

    assert claim.status == row["status"] == "ready"
    assert [e for e, _ in uow.timeline.of(row["id"])][-2:] == ["fixed", "scrubbed"]


async def test_a_claim_that_overtook_its_tenants_registration_is_scrubbed_again_when_it_arrives(uow):
    newcomer = uuid.uuid4()
    (held,) = await built(uow, patient_coded(1), tenant_id=newcomer)
    assert (held["status"], held["edits"][0]["edit_id"]) == ("held", "SCRUB-TENANT-UNKNOWN")

    await register_tenant(uow, Envelope[TenantRegistered](
        event_type="tenant.registered", tenant_id=newcomer, subject_id=newcomer,
        payload=TenantRegistered(tenant_id=str(newcomer), name="new clinic", billing_provider=BILLING)),
        catalog=CATALOG)

    assert held["status"] == "ready", held["edits"]
    assert [e for e, _ in uow.timeline.of(held["id"])][-2:] == ["tenant_registered", "scrubbed"]


async def test_the_fix_queue_adds_a_referring_provider_the_claim_did_not_have(uow):
    (row,) = await built(uow, patient_coded(1, rendering_provider={**ENCOUNTER["rendering_provider"], "npi": "1234567890"}))
    assert row["coded"].get("referring_provider") is None

    claim = await fix_claim(uow, tenant_id=TENANT, claim_id=row["id"], actor="key:1", catalog=CATALOG, changes={
        "rendering_provider": {"npi": ENCOUNTER["rendering_provider"]["npi"]},
        "referring_provider": {"npi": "1234567893", "first_name": "Anna", "last_name": "Orders"}})

    assert claim.status == "ready"
    assert row["coded"]["referring_provider"]["npi"] == "1234567893"


async def test_only_held_or_rejected_claims_can_be_fixed(uow):
    (row,) = await built(uow, patient_coded(1))

    with pytest.raises(FixRefused):
        await fix_claim(uow, tenant_id=TENANT, claim_id=row["id"], changes={}, actor="key:1", catalog=CATALOG)


async def test_a_denied_claim_is_replaced_by_a_frequency_7_claim(uow):
    original = patient_coded(1)
    (row,) = await submitted(uow, original)
    row.update(status="denied", payer_claim_number="ICN1")
    request = ClaimCorrectionRequested(correction_id="c1", claim_id=original.claim_id, reason="wrong code",
                                       prior_authorization="AUTH1")

    replacement = await replace_claim(uow, TENANT, request, catalog=CATALOG)

    assert row["status"] == "corrected"
    assert replacement.frequency_code == "7"
    assert uow.claims.rows[replacement.id]["original_claim_id"] == row["id"]
    assert replacement.status == "ready", replacement.edits


async def test_a_claim_without_the_payer_claim_number_cannot_be_replaced(uow):
    original = patient_coded(1)
    (row,) = await submitted(uow, original)
    row["status"] = "denied"
    request = ClaimCorrectionRequested(correction_id="c1", claim_id=original.claim_id, reason="wrong code",
                                       prior_authorization="AUTH1")

    with pytest.raises(ReplacementRefused):
        await replace_claim(uow, TENANT, request, catalog=CATALOG)


def correction_event(claim) -> Envelope:
    request = ClaimCorrectionRequested(correction_id=str(uuid.uuid4()), claim_id=claim.claim_id, reason="wrong code",
                                       prior_authorization="AUTH1")
    return Envelope[ClaimCorrectionRequested](event_type="claim.correction_requested", tenant_id=TENANT,
                                              subject_id=claim.claim_id, payload=request)


async def test_a_batch_of_corrections_bills_every_replacement_at_once(uow):
    originals = [patient_coded(1), patient_coded(2)]
    rows = await submitted(uow, *originals)
    for row in rows:
        row.update(status="denied", payer_claim_number="ICN1")

    replacements = await bill_replacements(uow, FakeBatch(correction_event(c) for c in originals), catalog=CATALOG)

    assert [r["status"] for r in rows] == ["corrected", "corrected"]
    assert [uow.claims.rows[r.id]["original_claim_id"] for r in replacements] == [row["id"] for row in rows]
    assert all(r.frequency_code == "7" and r.status == "ready" for r in replacements)


async def test_a_correction_that_can_never_pass_fails_its_batch_for_the_one_by_one_replay(uow):
    good, unknown_number = patient_coded(1), patient_coded(2)
    rows = await submitted(uow, good, unknown_number)
    rows[0].update(status="denied", payer_claim_number="ICN1")
    rows[1]["status"] = "denied"

    with pytest.raises(PermanentError, match="REF\\*F8"):
        await bill_replacements(uow, FakeBatch([correction_event(good), correction_event(unknown_number)]),
                                catalog=CATALOG)
    with pytest.raises(PermanentError, match="no claim of this tenant"):
        await bill_replacements(uow, FakeBatch([correction_event(patient_coded(3))]), catalog=CATALOG)
