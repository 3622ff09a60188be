"""A later payer's claim corrected (frequency 7) or voided (frequency 8) goes back to that payer in the same
place: SBR01 S or T with the earlier payers' adjudications, and the earlier payers' claims of the encounter
are not duplicates of it. A primary's correction stays a primary claim."""
import uuid

import pytest

from shared.contracts.claim import ClaimCorrectionRequested
from shared.contracts.envelope import Envelope
from shared.testing.fake_batch import FakeBatch
from services.claims.application.apply_remits import apply_remits
from services.claims.application.correct_claim import bill_replacements, replace_claim, void
from services.claims.application.fix_claim import fix_claim
from tests.unit.claims.test_bill_next_payer import SECONDARY, TERTIARY, answer, next_claims_of, submitted_primary
from tests.unit.claims.test_claim_use_cases import CATALOG, TENANT, uow  # noqa: F401 (the fixture)

pytestmark = pytest.mark.unit


async def adjudicated_secondary(uow, *others) -> tuple[dict, dict]:
    primary = await submitted_primary(uow, SECONDARY, *others)
    await apply_remits(uow, FakeBatch([answer(uow, primary)]), catalog=CATALOG)
    (secondary,) = next_claims_of(uow, primary)
    secondary.update(status="denied", payer_claim_number="ICN-S")
    return primary, secondary


def correction(claim_id) -> ClaimCorrectionRequested:
    return ClaimCorrectionRequested(correction_id=str(uuid.uuid4()), claim_id=str(claim_id), reason="wrong code",
                                    prior_authorization="AUTH1")


def assert_billed_in_the_same_place(uow, claim_id, secondary, primary):
    row = uow.claims.rows[claim_id]
    assert (row["payer_sequence"], row["payer_id"], row["prior_claim_id"]) == ("S", "BCBS", primary["id"])
    assert row["original_claim_id"] == secondary["id"]
    assert row["prior_payers"] == secondary["prior_payers"]
    return row


async def test_a_secondarys_replacement_is_billed_to_the_secondary_with_the_primarys_adjudication(uow):
    primary, secondary = await adjudicated_secondary(uow)

    replacement = await replace_claim(uow, TENANT, correction(secondary["id"]), catalog=CATALOG)

    assert replacement.frequency_code == "7"
    assert replacement.status == "ready", replacement.edits  # the primary's claim is not a duplicate of it
    assert_billed_in_the_same_place(uow, replacement.id, secondary, primary)


async def test_a_batch_of_corrections_keeps_each_claims_place(uow):
    primary, secondary = await adjudicated_secondary(uow)
    alone = await submitted_primary(uow)  # the same services on the same day: a duplicate of the primary
    alone.update(status="denied", payer_claim_number="ICN-P")
    events = [Envelope[ClaimCorrectionRequested](event_type="claim.correction_requested", tenant_id=TENANT,
                                                 subject_id=str(c["id"]), payload=correction(c["id"]))
              for c in (secondary, alone)]

    first, second = await bill_replacements(uow, FakeBatch(events), catalog=CATALOG)

    assert_billed_in_the_same_place(uow, first.id, secondary, primary)
    assert (uow.claims.rows[second.id]["payer_sequence"], uow.claims.rows[second.id]["prior_claim_id"]) == ("P", None)
    assert [e["edit_id"] for e in second.edits] == ["SCRUB-DUPLICATE"] * 2


async def test_a_tertiarys_void_names_the_tertiary_place_and_neither_earlier_claim_is_a_duplicate(uow):
    primary, secondary = await adjudicated_secondary(uow, TERTIARY)
    secondary["status"] = "submitted"
    await apply_remits(uow, FakeBatch([answer(uow, secondary)]), catalog=CATALOG)
    (tertiary,) = next_claims_of(uow, secondary)
    tertiary.update(status="paid", payer_claim_number="ICN-T")

    voided = await void(uow, TENANT, tertiary["id"], reason="billed in error", catalog=CATALOG)

    row = uow.claims.rows[voided.id]
    assert (row["frequency_code"], row["payer_sequence"], row["payer_id"]) == ("8", "T", "CIGNA")
    assert [p["sequence"] for p in row["prior_payers"]] == ["P", "S"]
    assert voided.status == "ready", voided.edits


async def test_a_held_secondary_fixed_in_the_fix_queue_keeps_its_place_and_is_no_duplicate_of_the_primary(uow):
    primary = await submitted_primary(uow, SECONDARY)
    await apply_remits(uow, FakeBatch([answer(uow, primary)]), catalog=CATALOG)
    (secondary,) = next_claims_of(uow, primary)
    secondary.update(status="held")

    fixed = await fix_claim(uow, tenant_id=TENANT, claim_id=secondary["id"], changes={"prior_authorization": "A2"},
                            actor="key:1", catalog=CATALOG)

    assert fixed.status == "ready", fixed.edits
    assert (secondary["payer_sequence"], secondary["prior_claim_id"]) == ("S", primary["id"])


@pytest.mark.parametrize("frequency", ["7", "8"])
async def test_a_primarys_correction_is_no_duplicate_of_its_encounters_later_payers_claims(uow, frequency):
    """The later payer's claim bills the same services; it is corrected after the primary (payments asks for it)."""
    primary, secondary = await adjudicated_secondary(uow)
    primary.update(status="paid", payer_claim_number="ICN-P")

    if frequency == "7":
        corrected = await replace_claim(uow, TENANT, correction(primary["id"]), catalog=CATALOG)
    else:
        corrected = await void(uow, TENANT, primary["id"], reason="billed to the wrong plan", catalog=CATALOG)

    assert corrected.status == "ready", corrected.edits
    assert (uow.claims.rows[corrected.id]["payer_sequence"], uow.claims.rows[corrected.id]["prior_claim_id"]) == ("P", None)


def test_corrections_of_a_full_length_primary_and_its_secondary_get_distinct_numbers():
    from services.claims.domain.next_payer import next_payer_pcn
    from services.claims.domain.replacement import replacement_pcn

    primary = "FZESYUUGW27L5ZSZYAK3"
    secondary = next_payer_pcn(primary, "S")

    voids = {replacement_pcn(number, 1, "V") for number in (primary, secondary)}
    assert len(voids) == 2 and all(len(v) == 20 and v.endswith("V1") for v in voids)
    assert replacement_pcn("PCN1", 2) == "PCN1R2" and replacement_pcn(primary, 1) == replacement_pcn(primary, 1)


async def test_a_replaced_primarys_answer_bills_the_secondary_anew_held_as_a_duplicate_of_the_old_one(uow):
    """Until the old secondary's claim is voided (the work item payments opens asks for it), the new one waits."""
    from tests.unit.claims.test_bill_next_payer import answer, next_claims_of

    primary, secondary = await adjudicated_secondary(uow)
    primary.update(status="paid", payer_claim_number="ICN-P")
    replacement = uow.claims.rows[(await replace_claim(uow, TENANT, correction(primary["id"]), catalog=CATALOG)).id]
    replacement["status"] = "submitted"

    await apply_remits(uow, FakeBatch([answer(uow, replacement)]), catalog=CATALOG)

    [anew] = next_claims_of(uow, replacement)
    assert anew["status"] == "held" and {e["edit_id"] for e in anew["edits"]} == {"SCRUB-DUPLICATE"}
    assert (anew["payer_sequence"], anew["prior_claim_id"]) == ("S", replacement["id"]) and anew["id"] != secondary["id"]
