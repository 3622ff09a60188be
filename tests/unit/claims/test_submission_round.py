"""The submission round: coverage and batching over one read of the ready claims in one transaction, the
hand-over running alongside the next round, an idle loop woken by a claim made ready."""
import asyncio
import contextlib

import pytest

from services.claims.adapters.clearinghouse import ClearinghouseUnavailable
from services.claims.application.submission_round import verify_and_batch
from services.claims.entrypoints import loops
from services.claims.settings import Settings
from tests.unit.claims.test_follow_up_loops import CATALOG, Simulator, ready, uow, verified, verify  # noqa: F401

pytestmark = pytest.mark.unit


async def round_of(uow, clearinghouse) -> int:
    return await verify_and_batch(uow, catalog=CATALOG, clearinghouse=clearinghouse, submitter_id="BILLINGPLATFORM",
                                  usage="T", limit=500, interchange_size=50)


async def test_a_round_verifies_and_batches_the_same_claims_in_one_go(uow):
    rows = await ready(uow, ("AETNA", "W1"), ("AETNA", "INACTIVE-1"), ("AETNA", "W2"))
    sim = Simulator()

    assert await round_of(uow, sim) == 2

    assert [kind for kind, _, _ in sim.files] == ["270"]
    assert [r["status"] for r in rows] == ["submitting", "held", "submitting"]
    assert rows[0]["eligibility"]["status"] == "active" and rows[0]["interchange_id"] == rows[2]["interchange_id"]
    assert [event for event, _ in uow.timeline.of(rows[0]["id"])][-2:] == ["eligibility_verified", "batched"]
    assert [(i.payer_id, i.claim_count) for i in uow.interchanges.rows.values()] == [("AETNA", 2)]


async def test_claims_verified_in_an_earlier_round_go_in_the_same_file_as_the_new_ones(uow):
    earlier = await ready(uow, ("AETNA", "W1"))
    await verify(uow, Simulator())
    new = await ready(uow, ("AETNA", "W2"), first=1)
    sim = Simulator()

    assert await round_of(uow, sim) == 2

    assert len(sim.files) == 1  # the earlier claim is not asked about again
    assert earlier[0]["interchange_id"] == new[0]["interchange_id"] is not None


async def test_a_270_the_clearinghouse_cannot_take_leaves_its_claims_for_the_next_round(uow):
    class Down(Simulator):
        async def eligibility(self, **_):
            raise ClearinghouseUnavailable("down")

    (verified_before,) = await verified(uow, ("AETNA", "W1"))
    (unasked,) = await ready(uow, ("AETNA", "W2"), first=1)
    edits = list(unasked["edits"])

    assert await round_of(uow, Down()) == 1

    assert verified_before["status"] == "submitting"
    assert unasked["status"] == "ready" and unasked["eligibility"] is None and unasked["edits"] == edits


async def test_a_claim_waiting_for_its_dropbox_271_is_left_alone(uow):
    (waiting,) = await ready(uow, ("AETNA", "W1"))
    dropbox = Simulator(answers=False)
    assert await round_of(uow, dropbox) == 0

    assert await round_of(uow, dropbox) == 0

    assert len(dropbox.files) == 1 and waiting["status"] == "ready"


async def test_a_claim_built_ready_is_noted_for_the_loop_and_a_round_notes_nothing_more(uow):
    (row,) = await verified(uow, ("AETNA", "W1"))
    await ready(uow, ("AETNA", "INACTIVE-1"), first=1)
    assert uow.ready_noted == 2

    await round_of(uow, Simulator())  # one batched, one held: neither is newly ready

    assert uow.ready_noted == 2 and row["status"] == "submitting"


class Runtime:
    """The loop's runtime over one fake unit of work."""

    def __init__(self, uow):
        self.stopping, self._uow = asyncio.Event(), uow

    @contextlib.asynccontextmanager
    async def units_of_work(self):
        yield self._uow


class HeldClearinghouse(Simulator):
    """Takes a file only when `release` is set: a hand-over still in flight."""

    def __init__(self):
        super().__init__()
        self.release, self.sent = asyncio.Event(), []

    async def submit(self, *, mailbox, control_number, x12):
        await self.release.wait()
        self.sent.append(control_number)
        return None


def rounds(clearinghouse, work=None) -> loops.SubmissionRounds:
    return loops.SubmissionRounds(catalog=CATALOG, clearinghouse=clearinghouse, settings=Settings(), work=work)


async def test_a_round_returns_while_its_files_are_being_handed_over_and_the_next_round_waits_for_them(uow):
    await ready(uow, ("AETNA", "W1"))
    clearinghouse, runtime = HeldClearinghouse(), Runtime(uow)
    submission = rounds(clearinghouse)

    assert await submission.round(runtime) == 0.0  # it batched a claim: the next round starts at once

    assert clearinghouse.sent == []
    clearinghouse.release.set()
    assert await submission.finish() is True
    assert len(clearinghouse.sent) == 1
    assert [r["status"] for r in uow.claims.rows.values()] == ["submitted"]


async def test_an_idle_loop_is_woken_by_a_claim_made_ready(uow):
    work = asyncio.Event()
    submission = rounds(Simulator(), work)
    pause = await submission.round(Runtime(uow))
    assert pause == Settings().submission_interval_seconds
    waiting = asyncio.create_task(submission.wait(3600))

    work.set()

    await asyncio.wait_for(waiting, 30)  # the guard only: it returns as soon as the event is set


async def test_a_woken_loop_lingers_before_its_round_so_claims_made_ready_together_share_a_file(uow, monkeypatch):
    slept, real_sleep = [], asyncio.sleep

    async def recorded(seconds):
        slept.append(seconds)
        await real_sleep(0)

    monkeypatch.setattr(loops.asyncio, "sleep", recorded)
    work = asyncio.Event()
    submission = rounds(Simulator(), work)
    await submission.round(Runtime(uow))
    work.set()
    await submission.wait(3600)
    assert slept == [Settings().submission_linger_seconds] and slept[0] > 0

    slept.clear()
    await submission.round(Runtime(uow))  # a round clears the wake
    await submission.wait(0.01)  # not woken: the pause ends without lingering
    assert slept == []


async def test_after_an_unreachable_clearinghouse_the_pause_is_not_cut_short(uow, monkeypatch):
    class Down(Simulator):
        async def submit(self, **_):
            raise ClearinghouseUnavailable("down")

    await verified(uow, ("AETNA", "W1"))
    work, slept = asyncio.Event(), []
    submission, runtime = rounds(Down(), work), Runtime(uow)
    await submission.round(runtime)
    await ready(uow, ("AETNA", "W2"), first=1)  # sets nothing here: the fake unit of work only counts

    pause = await submission.round(runtime)  # finds the first hand-over failed

    async def sleep(seconds):
        slept.append(seconds)

    monkeypatch.setattr(loops.asyncio, "sleep", sleep)
    work.set()
    await submission.wait(pause)
    assert pause == loops.UNREACHABLE_PAUSE and slept == [loops.UNREACHABLE_PAUSE]
    submission.abandon()


async def test_a_claim_verified_and_batched_in_one_round_has_its_coded_claim_validated_once(uow, monkeypatch):
    from services.claims.application import coded_claims

    rows = await ready(uow, ("AETNA", "W1"), ("AETNA", "W2"))
    validated = []
    documents = coded_claims.DOCUMENTS

    class Counted:
        def validate_python(self, batch):
            validated.append(sorted(document["patient_control_number"] for document in batch))
            return documents.validate_python(batch)

    monkeypatch.setattr(coded_claims, "DOCUMENTS", Counted())

    assert await round_of(uow, Simulator()) == 2

    assert validated == [sorted(r["patient_control_number"] for r in rows)]  # the 270's, in one call; none for the 837P
