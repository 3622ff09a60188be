"""The next payer billed after the primary's 835, over the in-memory unit of work: once per claim and
place whatever is redelivered, linked both ways, sent through the normal submission with SBR01 = S and
the primary's adjudication; a crossover, a claim without another coverage or a crossover payer's own
answer bill nobody."""
import uuid
from datetime import date
from decimal import Decimal

import pytest

from shared.contracts.claim import ClaimSubmitted
from shared.contracts.common import Adjustment
from shared.contracts.envelope import Envelope
from shared.contracts.identifiers import claim_id_for
from shared.contracts.remit import RemitReceived, RemitServiceLine
from shared.testing.fake_batch import FakeBatch
from services.claims.application.apply_remits import apply_remits
from services.claims.application.build_claims import build_claims
from services.claims.application.send_interchange import send_interchange
from services.claims.application.submit_batch import batch_ready_claims
from tests.unit.claims.builders import coded
from tests.unit.claims.test_claim_use_cases import CATALOG, TENANT, Clearinghouse, uow  # noqa: F401 (the fixture)

pytestmark = pytest.mark.unit
SECONDARY = {"payer_id": "BCBS", "member_id": "XB1234567", "group_number": "G2", "relationship": "self"}
TERTIARY = {"payer_id": "CIGNA", "member_id": "CG7654321", "group_number": "G3", "relationship": "self"}


async def submitted_primary(uow, *others, pcn: str | None = None) -> dict:
    numbered = {} if pcn is None else {"patient_control_number": pcn, "claim_id": str(claim_id_for(TENANT, pcn))}
    claim = coded(encounter_id=str(uuid.uuid4()), other_coverages=list(others), **numbered)
    await build_claims(uow, FakeBatch([Envelope(event_type="claim.coded", tenant_id=TENANT, subject_id=claim.claim_id,
                                            payload=claim)]), catalog=CATALOG)
    row = uow.claims.rows[uuid.UUID(claim.claim_id)]
    row["status"] = "submitted"
    return row


def answer(uow, row, *, status="1", remarks=(), remit_id=None) -> Envelope:
    """The payer's 835 for the claim: 80% of the allowed paid, 20% left to the patient, line by line."""
    lines = []
    for line in uow.claims.lines[row["id"]]:
        allowed = (line["charge"] * Decimal("0.60")).quantize(Decimal("0.01"))
        patient = (allowed * Decimal("0.20")).quantize(Decimal("0.01"))
        lines.append(RemitServiceLine(
            procedure_code=line["procedure_code"], charge=line["charge"], paid=allowed - patient, units="1",
            date_of_service=line["date_of_service"], line_control_number=f"{row['id'].hex}-{line['line_number']}",
            adjustments=[Adjustment(group_code="CO", reason_code="45", amount=line["charge"] - allowed),
                         Adjustment(group_code="PR", reason_code="2", amount=patient)]))
    payload = RemitReceived(
        remit_id=remit_id or str(uuid.uuid4()), claim_id=str(row["id"]), patient_control_number=row["patient_control_number"],
        payer_id=row["payer_id"], status_code=status, charge=row["total_charge"], paid=sum(l.paid for l in lines),
        patient_responsibility=sum(l.adjustments[1].amount for l in lines), payer_claim_control_number="ICN1",
        remark_codes=list(remarks), service_lines=lines, trace_number="T1", payment_date=date(2026, 11, 4))
    return Envelope[RemitReceived](event_type="remit.received", tenant_id=TENANT, subject_id=row["id"], payload=payload)


def next_claims_of(uow, row) -> list[dict]:
    return [r for r in uow.claims.rows.values() if r["prior_claim_id"] == row["id"]]


async def test_the_primarys_answer_bills_the_secondary_with_its_adjudication_linked_both_ways(uow):
    primary = await submitted_primary(uow, SECONDARY)
    remit = answer(uow, primary)

    await apply_remits(uow, FakeBatch([remit]), catalog=CATALOG)

    (secondary,) = next_claims_of(uow, primary)
    assert secondary["id"] == claim_id_for(TENANT, primary["patient_control_number"][:18] + "S2")
    assert secondary["status"] == "ready" and secondary["payer_id"] == "BCBS"
    assert (secondary["payer_sequence"], secondary["payers_after"]) == ("S", 0)
    assert secondary["total_charge"] == primary["total_charge"]
    assert secondary["coded"]["coverage"]["member_id"] == "XB1234567" and secondary["coded"]["other_coverages"] == []
    (prior,) = secondary["prior_payers"]
    assert (prior["sequence"], prior["payer"]["payer_id"]) == ("P", "AETNA")
    assert Decimal(prior["paid"]) == remit.payload.paid
    assert Decimal(prior["patient_responsibility"]) == remit.payload.patient_responsibility
    assert [Decimal(l["paid"]) for l in prior["lines"]] == [l.paid for l in remit.payload.service_lines]
    link = [r for r in uow.timeline.rows if r["claim_id"] == primary["id"] and r["event"] == "next_payer_billed"]
    assert link[0]["detail"]["claim_id"] == str(secondary["id"])
    built_step = next(r for r in uow.timeline.rows if r["claim_id"] == secondary["id"] and r["event"] == "built")
    assert built_step["detail"]["prior_claim_id"] == str(primary["id"])


async def test_a_redelivered_or_repeated_answer_never_bills_the_secondary_twice(uow):
    primary = await submitted_primary(uow, SECONDARY)
    remit = answer(uow, primary)

    await apply_remits(uow, FakeBatch([remit, answer(uow, primary)]), catalog=CATALOG)
    await apply_remits(uow, FakeBatch([remit]), catalog=CATALOG)

    assert len(next_claims_of(uow, primary)) == 1
    assert [r["event"] for r in uow.timeline.rows if r["claim_id"] == primary["id"]].count("next_payer_billed") == 1


@pytest.mark.parametrize("ending", ["S2", "T3"])
async def test_a_full_length_primary_number_ending_as_its_next_claims_would_still_bills_them_both(uow, ending):
    """Cut to fit, "...S2" with S2 appended is the primary's own number (and "...T3" its tertiary's): its claim id
    would read as already billed and the next payer would never be billed."""
    primary = await submitted_primary(uow, SECONDARY, TERTIARY, pcn=f"Q7WJ2M9KX4TB8ZRP1H{ending}")
    await apply_remits(uow, FakeBatch([answer(uow, primary)]), catalog=CATALOG)
    (secondary,) = next_claims_of(uow, primary)
    secondary["status"] = "submitted"
    await apply_remits(uow, FakeBatch([answer(uow, secondary, status="2")]), catalog=CATALOG)

    (tertiary,) = next_claims_of(uow, secondary)
    numbers = [row["patient_control_number"] for row in (primary, secondary, tertiary)]
    assert len(set(numbers)) == 3 and all(len(number) == 20 for number in numbers)
    assert numbers[1].endswith("S2") and numbers[2].endswith("T3")
    assert len({primary["id"], secondary["id"], tertiary["id"]}) == 3


def test_a_next_claims_number_keeps_the_primarys_cut_number_unless_that_would_repeat_it():
    from services.claims.domain.next_payer import next_payer_pcn

    assert next_payer_pcn("Q7WJ2M9KX4TB8ZRP1HK3", "S") == "Q7WJ2M9KX4TB8ZRP1HS2"
    assert next_payer_pcn("Q7WJ2M9KX4TB8ZRP1HS2", "T") == "Q7WJ2M9KX4TB8ZRP1HT3"
    assert next_payer_pcn("SHORT7", "S") == "SHORT7S2"
    assert next_payer_pcn("Q7WJ2M9KX4TB8ZRP1HS2", "S") != "Q7WJ2M9KX4TB8ZRP1HS2"
    assert next_payer_pcn("Q7WJ2M9KX4TB8ZRP1HS2", "S") == next_payer_pcn("Q7WJ2M9KX4TB8ZRP1HS2", "S")


async def test_a_crossover_is_noted_and_bills_nobody(uow):
    primary = await submitted_primary(uow, SECONDARY)

    await apply_remits(uow, FakeBatch([answer(uow, primary, status="19", remarks=["MA18"])]), catalog=CATALOG)

    assert next_claims_of(uow, primary) == []
    crossed = [r for r in uow.timeline.rows if r["claim_id"] == primary["id"] and r["event"] == "crossed_over"]
    assert crossed[0]["detail"]["remark_codes"] == ["MA18"]


async def test_the_crossover_payers_answer_keeps_the_primarys_own_claim_number_for_its_corrections(uow):
    """A void or replacement of the primary names the primary payer's number in REF*F8; the supplemental plan's
    CLP07 would make the primary payer reject it (277CA A7)."""
    primary = await submitted_primary(uow, SECONDARY)
    crossover = answer(uow, primary, status="2")
    crossover = crossover.model_copy(update={"payload": crossover.payload.model_copy(
        update={"payer_claim_control_number": "ICN-SUPPLEMENTAL"})})

    await apply_remits(uow, FakeBatch([answer(uow, primary, status="19", remarks=["MA18"]), crossover]),
                       catalog=CATALOG)

    assert primary["payer_claim_number"] == "ICN1"


async def test_a_claim_without_another_coverage_or_a_crossover_payers_answer_bills_nobody(uow):
    alone = await submitted_primary(uow)
    three = await submitted_primary(uow, SECONDARY, TERTIARY)

    # CLP02 2 on the primary's claim: the secondary answered it after a crossover; the tertiary is not ours to bill.
    await apply_remits(uow, FakeBatch([answer(uow, alone), answer(uow, three, status="2")]), catalog=CATALOG)

    assert next_claims_of(uow, alone) == [] and next_claims_of(uow, three) == []


async def test_the_secondary_goes_through_the_normal_submission_as_sbr01_s_with_the_primary_in_2320(uow):
    primary = await submitted_primary(uow, SECONDARY, TERTIARY)
    await apply_remits(uow, FakeBatch([answer(uow, primary)]), catalog=CATALOG)
    (secondary,) = next_claims_of(uow, primary)
    secondary["eligibility"] = {"status": "active"}

    assert await batch_ready_claims(uow, catalog=CATALOG, submitter_id="BILLINGPLATFORM", usage="T", limit=10) == 1
    interchange = uow.interchanges.rows[secondary["interchange_id"]]
    found = [s.split("*") for s in interchange.x12.split("~")]
    assert [s[1] for s in found if s[0] == "SBR"] == ["S", "P"]
    assert any(s[:2] == ["AMT", "D"] for s in found) and any(s[0] == "SVD" for s in found)
    await send_interchange(uow, interchange, clearinghouse=Clearinghouse())

    (event,) = uow.emitted_of(ClaimSubmitted)
    assert (event.payer_sequence, event.payers_after, event.prior_claim_id) == ("S", 1, str(primary["id"]))
    assert event.total_charge == primary["total_charge"]



async def test_a_secondary_answering_as_primary_still_bills_the_tertiary(uow):
    primary = await submitted_primary(uow, SECONDARY, TERTIARY)
    await apply_remits(uow, FakeBatch([answer(uow, primary)]), catalog=CATALOG)
    (secondary,) = next_claims_of(uow, primary)
    secondary["status"] = "submitted"

    await apply_remits(uow, FakeBatch([answer(uow, secondary, status="1")]), catalog=CATALOG)

    (tertiary,) = next_claims_of(uow, secondary)
    assert (tertiary["payer_sequence"], tertiary["payer_id"]) == ("T", "CIGNA")
    assert [p["sequence"] for p in tertiary["prior_payers"]] == ["P", "S"]
    assert tertiary["patient_control_number"].endswith("T3")


async def test_a_next_payer_that_cannot_be_built_is_written_on_the_timeline_with_its_reason(uow):
    primary = await submitted_primary(uow, SECONDARY)
    del uow.payers.rows[(TENANT, "AETNA")]

    await apply_remits(uow, FakeBatch([answer(uow, primary)]), catalog=CATALOG)

    assert next_claims_of(uow, primary) == []
    (held,) = [r for r in uow.timeline.rows if r["claim_id"] == primary["id"] and r["event"] == "next_payer_not_billed"]
    assert held["detail"]["payer_sequence"] == "S"
    assert "no longer registered" in held["detail"]["reason"]
