"""The claims loops over the in-memory unit of work: eligibility and status inquiry rounds, set-based,
answered by the payer simulator's real 271s and 277s, and the submission round cut into interchanges."""
import tempfile
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from shared.contracts.envelope import Envelope
from shared.testing.fake_batch import FakeBatch
from services.claims.application import submit_batch
from services.claims.application.build_claims import build_claims
from services.claims.application.inquire_status import apply_277, inquire_silent_claims
from services.claims.application.submit_batch import batch_ready_claims
from services.claims.application.verify_eligibility import apply_271, verify_ready_claims
from services.claims.adapters.catalog import Catalog
from services.claims.settings import Settings
from tests.unit.claims.builders import BILLING, ENCOUNTER, coded
from tests.unit.claims.fakes import FakeClaimsUnitOfWork, registered_tenant_uow
from tools.payer_sim.claim_status import answer_276
from tools.payer_sim.eligibility import answer_270
from tools.payer_sim.members import MemberBook
from tools.payer_sim.state import SimState

pytestmark = pytest.mark.unit
CATALOG = Catalog.load()
NOW = datetime(2026, 11, 5, 14, 0, tzinfo=timezone.utc)
TENANT = uuid.uuid4()


class Simulator:
    """The payer simulator answering each 270 and 276 at once (HTTP clearinghouse), counting the files."""

    def __init__(self, *, answers: bool = True):
        self.state = SimState(tempfile.mktemp(suffix=".sqlite3"))
        self.book, self.answers = MemberBook.load(), answers
        self.files: list[tuple[str, int, str]] = []

    async def eligibility(self, *, mailbox, control_number, x12):
        self.files.append(("270", control_number, x12))
        return answer_270(x12, mailbox=mailbox, state=self.state, book=self.book, seed=7, control=control_number,
                          at=NOW) if self.answers else None

    async def claim_status(self, *, mailbox, control_number, x12):
        self.files.append(("276", control_number, x12))
        return answer_276(x12, mailbox=mailbox, state=self.state, control=control_number, at=NOW) \
            if self.answers else None


@pytest.fixture
async def uow() -> FakeClaimsUnitOfWork:
    return await registered_tenant_uow(TENANT, NOW, billing_provider=BILLING, catalog=CATALOG)


async def ready(uow, *members: tuple[str, str], first: int = 0) -> list[dict]:
    """One ready claim per (payer, member id), each of its own patient (MRN-<first>, MRN-<first + 1>, ...)."""
    claims = [coded(encounter_id=str(uuid.uuid4()), patient={**ENCOUNTER["patient"], "id": f"MRN-{n}"},
                    coverage={**ENCOUNTER["coverage"], "payer_id": payer, "member_id": member})
              for n, (payer, member) in enumerate(members, start=first)]
    await build_claims(uow, FakeBatch(Envelope(event_type="claim.coded", tenant_id=TENANT, subject_id=c.claim_id,
                                           payload=c) for c in claims), catalog=CATALOG)
    rows = [uow.claims.rows[uuid.UUID(c.claim_id)] for c in claims]
    assert all(r["status"] == "ready" for r in rows), [r["edits"] for r in rows]
    return rows


async def verify(uow, clearinghouse) -> int:
    return await verify_ready_claims(uow, clearinghouse=clearinghouse, submitter_id="BILLINGPLATFORM", usage="T",
                                     limit=500)


async def test_a_round_asks_one_270_per_payer_and_applies_every_answer(uow):
    rows = await ready(uow, ("AETNA", "W1"), ("AETNA", "INACTIVE-1"), ("BCBS", "W2"))
    sim = Simulator()

    assert await verify(uow, sim) == 3

    assert sorted(kind for kind, _, _ in sim.files) == ["270", "270"]
    assert [r["status"] for r in rows] == ["ready", "held", "ready"]
    assert rows[0]["eligibility"]["status"] == "active" and rows[0]["eligibility"]["cached"] is False
    assert rows[1]["edits"][-1]["edit_id"] == "ELIG-COVERAGE-INACTIVE"
    assert uow.timeline.of(rows[0]["id"])[-1] == ("eligibility_verified", "ready")
    assert len(uow.eligibility.rows) == 3


async def test_the_next_round_reuses_the_days_answer_without_a_270(uow):
    (first,) = await ready(uow, ("AETNA", "W1"))
    await verify(uow, Simulator())
    first["status"] = "voided"  # so that the duplicate rule lets the next claim of the day through
    again = await ready(uow, ("AETNA", "W1"))  # the same patient (MRN-0), member, payer and day
    sim = Simulator()

    assert await verify(uow, sim) == 1

    assert sim.files == []
    assert again[0]["eligibility"]["cached"] is True


async def test_over_the_dropbox_the_claims_wait_and_a_later_271_settles_them_in_one_go(uow):
    rows = await ready(uow, ("AETNA", "W1"), ("AETNA", "UNKNOWN-1"))
    dropbox = Simulator(answers=False)
    assert await verify(uow, dropbox) == 0
    assert all(r["eligibility_requested_at"] == NOW for r in rows)
    (_, control, x12), = dropbox.files
    answer = answer_270(x12.replace(rows[0]["patient_control_number"], "NOSUCHPCN"), mailbox=str(TENANT),
                        state=dropbox.state, book=dropbox.book, seed=7, control=control, at=NOW)

    result = await apply_271(uow, tenant_id=TENANT, text=answer)

    assert result == {"kind": "271", "answers": 2, "applied": 1, "held": 1}
    assert rows[1]["status"] == "held" and rows[1]["eligibility"]["status"] == "not_found"
    assert rows[0]["status"] == "ready" and rows[0]["eligibility"] is None
    assert uow.held_responses.rows[0]["trace"] == "NOSUCHPCN"


async def sent(uow, *members, days_ago: int = 45, first: int = 0) -> list[dict]:
    rows = await ready(uow, *members, first=first)
    for row in rows:
        row.update(status="submitted", submitted_at=NOW - timedelta(days=days_ago), payer_claim_number=None)
    return rows


async def inquire(uow, clearinghouse) -> int:
    return await inquire_silent_claims(uow, clearinghouse=clearinghouse, submitter_id="BILLINGPLATFORM", usage="T",
                                       limit=500)


async def test_silent_claims_are_asked_about_in_one_276_per_payer_and_the_277_applied(uow):
    rows = await sent(uow, ("AETNA", "W1"), ("AETNA", "W2"), ("BCBS", "W3"))
    recent = await sent(uow, ("AETNA", "W4"), days_ago=3, first=10)  # inside the payer's 30 expected days
    sim = Simulator()

    assert await inquire(uow, sim) == 3

    assert sorted(kind for kind, _, _ in sim.files) == ["276", "276"]
    # The simulator never received these claims: not found (A4), back to the fix queue.
    assert [r["status"] for r in rows] == ["rejected"] * 3
    assert all(r["status_inquired_at"] == NOW and r["last_payer_status"]["statuses"] for r in rows)
    assert [e for e, _ in uow.timeline.of(rows[0]["id"])][-2:] == ["status_inquired", "status_not_found"]
    assert recent[0]["status"] == "submitted" and recent[0].get("status_inquired_at") is None


async def test_a_claim_asked_about_today_waits_for_its_next_inquiry_date(uow):
    (row,) = await sent(uow, ("AETNA", "W1"))
    await inquire(uow, Simulator(answers=False))
    assert row["next_inquiry_on"] == NOW.date() + timedelta(days=1)
    sim = Simulator()

    assert await inquire(uow, sim) == 0
    assert sim.files == []


async def test_a_277_that_came_back_later_applies_to_every_claim_it_names(uow):
    rows = await sent(uow, ("AETNA", "W1"), ("AETNA", "W2"))
    dropbox = Simulator(answers=False)
    await inquire(uow, dropbox)
    (_, control, x12), = dropbox.files
    answer = answer_276(x12, mailbox=str(TENANT), state=dropbox.state, control=control, at=NOW)

    result = await apply_277(uow, tenant_id=TENANT, text=answer)

    assert result == {"kind": "277", "claims": 2, "applied": 2, "held": 0}
    assert [r["status"] for r in rows] == ["rejected", "rejected"]


async def verified(uow, *members, first: int = 0) -> list[dict]:
    rows = await ready(uow, *members, first=first)
    for row in rows:
        row["eligibility"] = {"status": "active"}
    return rows


def interchanges(uow) -> list[tuple[str, int]]:
    return [(i.payer_id, i.claim_count) for _, i in sorted(uow.interchanges.rows.items())]


async def test_a_round_is_cut_into_interchanges_of_the_configured_size_per_payer(uow):
    await verified(uow, *[("AETNA", f"W{n}") for n in range(7)], ("BCBS", "W9"))

    batched = await batch_ready_claims(uow, catalog=CATALOG, submitter_id="BILLINGPLATFORM", usage="T", limit=500,
                                       interchange_size=3)

    assert batched == 8
    assert interchanges(uow) == [("AETNA", 3), ("AETNA", 3), ("AETNA", 1), ("BCBS", 1)]
    assert all(r["status"] == "submitting" and r["interchange_id"] for r in uow.claims.rows.values())
    assert all(sorted(i.claim_ids) == sorted(r["id"] for r in uow.claims.rows.values() if r["interchange_id"] == n)
               for n, i in uow.interchanges.rows.items())


def test_the_interchange_size_defaults_to_the_measured_fifty_and_refuses_nonsense():
    assert Settings().submit_batch_size == 50 == submit_batch.DEFAULT_INTERCHANGE_SIZE
    with pytest.raises(ValueError):
        Settings(submit_batch_size=0)


class Validator:
    """pyx12's verdict replaced: a file naming a refused patient control number fails; every file is counted."""

    def __init__(self, refused: set[str], *, whole_file_only: bool = False):
        self.refused, self.whole_file_only, self.claims_per_file = refused, whole_file_only, []

    def __call__(self, x12: str) -> list[str]:
        self.claims_per_file.append(x12.count("~CLM*"))
        if self.whole_file_only:
            return ["the file is refused"] if x12.count("~CLM*") > 1 else []
        return ["CLM01 refused"] if any(f"~CLM*{pcn}*" in x12 for pcn in self.refused) else []


async def test_a_claim_the_validator_refuses_is_held_alone_and_the_others_still_go(uow, monkeypatch):
    rows = await verified(uow, *[("AETNA", f"W{n}") for n in range(3)])
    validator = Validator({rows[1]["patient_control_number"]})
    monkeypatch.setattr(submit_batch, "validate_x12", validator)

    batched = await batch_ready_claims(uow, catalog=CATALOG, submitter_id="BILLINGPLATFORM", usage="T", limit=500)

    assert batched == 2
    assert [r["status"] for r in rows] == ["submitting", "held", "submitting"]
    assert uow.timeline.of(rows[1]["id"])[-1] == ("validation_failed", "held")
    assert interchanges(uow) == [("AETNA", 2)]
    assert validator.claims_per_file == [3, 1, 1, 1, 2]  # the file, each claim alone, the file again
    (stored,) = uow.interchanges.rows.values()
    assert stored.claim_ids == [rows[0]["id"], rows[2]["id"]]  # what sending reads: the file's claims only


async def test_a_file_refused_with_no_claim_refused_alone_holds_them_all(uow, monkeypatch):
    rows = await verified(uow, ("AETNA", "W1"), ("AETNA", "W2"))
    monkeypatch.setattr(submit_batch, "validate_x12", Validator(set(), whole_file_only=True))

    assert await batch_ready_claims(uow, catalog=CATALOG, submitter_id="BILLINGPLATFORM", usage="T", limit=500) == 0

    assert [r["status"] for r in rows] == ["held", "held"]
    assert uow.interchanges.rows == {}


async def test_claims_whose_payer_is_gone_are_held_and_the_others_go_on(uow):
    elig = await ready(uow, ("AETNA", "W1"), ("BCBS", "W2"))
    batch = await verified(uow, ("AETNA", "W3"), ("BCBS", "W4"), first=10)
    silent = await sent(uow, ("AETNA", "W5"), ("BCBS", "W6"), first=20)
    del uow.payers.rows[(TENANT, "BCBS")]  # a profile removed, or a tenant seeded without it
    sim = Simulator()

    assert await verify(uow, sim) == 2
    assert await batch_ready_claims(uow, catalog=CATALOG, submitter_id="BILLINGPLATFORM", usage="T", limit=500) == 2
    assert await inquire(uow, sim) == 1  # without the payer's expected days a claim is not due

    assert [r["status"] for r in elig] == ["submitting", "held"]
    assert elig[1]["edits"][-1]["edit_id"] == "SCRUB-PAYER-UNKNOWN"
    assert [r["status"] for r in batch] == ["submitting", "held"]
    assert uow.timeline.of(batch[1]["id"])[-1] == ("held", "held")
    assert [r["status"] for r in silent] == ["rejected", "submitted"]
    assert [kind for kind, _, _ in sim.files] == ["270", "276"]


async def test_claims_of_a_tenant_without_its_billing_provider_are_held_or_put_off(uow):
    (elig,) = await ready(uow, ("AETNA", "W1"))
    (silent,) = await sent(uow, ("AETNA", "W5"), first=20)
    (batch,) = await verified(uow, ("AETNA", "W3"), first=10)
    del uow.tenants.rows[TENANT]
    sim = Simulator()

    assert await batch_ready_claims(uow, catalog=CATALOG, submitter_id="BILLINGPLATFORM", usage="T", limit=500) == 0
    assert await verify(uow, sim) == 1
    assert await inquire(uow, sim) == 1

    assert batch["status"] == "held" and uow.interchanges.rows == {}
    assert elig["status"] == "held" and elig["edits"][-1]["edit_id"] == "SCRUB-TENANT-UNKNOWN"
    assert silent["status"] == "submitted" and silent["next_inquiry_on"] == NOW.date() + timedelta(days=1)
    assert uow.timeline.of(silent["id"])[-1] == ("status_inquiry_failed", "submitted")
    assert sim.files == []
