"""The submission loop's pace: back-to-back rounds while claims arrive, the interval only when idle; each
round sends its own files, an empty round whatever is left waiting."""
import asyncio
import contextlib

import pytest

from services.claims.adapters.clearinghouse import ClearinghouseUnavailable
from services.claims.adapters.tables import Interchange
from services.claims.application.submit_batch import SENDING
from services.claims.entrypoints.loops import _send_pending, pause_after_round
from tests.unit.claims.test_claim_use_cases import TENANT, Clearinghouse, built, patient_coded, uow  # noqa: F401

pytestmark = pytest.mark.unit


def test_a_round_that_batched_claims_starts_the_next_at_once():
    assert pause_after_round(batched=37, sent=True, interval=0.5) == 0.0


def test_an_empty_round_waits_the_interval():
    assert pause_after_round(batched=0, sent=True, interval=0.5) == 0.5


def test_an_unreachable_clearinghouse_waits_longer_whatever_was_batched():
    assert pause_after_round(batched=37, sent=False, interval=0.5) == 2.0


class Runtime:
    """The loop's runtime over one fake unit of work, counting the transactions opened."""

    def __init__(self, uow):
        self.stopping, self.opened, self._uow = asyncio.Event(), 0, uow

    @contextlib.asynccontextmanager
    async def units_of_work(self):
        self.opened += 1
        yield self._uow


async def waiting_files(uow, count: int) -> list[int]:
    rows = await built(uow, *(patient_coded(n) for n in range(count)))
    for control, row in enumerate(rows, start=41):
        uow.interchanges.add(Interchange(id=control, tenant_id=TENANT, payer_id="AETNA", x12="ISA*...",
                                         claim_count=1, ack_status=SENDING))
        row.update(status="submitting", interchange_id=control)
    return list(range(41, 41 + count))


async def test_a_round_sends_its_own_files_and_does_not_look_again_for_more(uow):
    clearinghouse, runtime = Clearinghouse(), Runtime(uow)
    controls = await waiting_files(uow, 2)

    assert await _send_pending(runtime, clearinghouse=clearinghouse, claims=2)

    assert clearinghouse.sent == controls and runtime.opened == 2


async def test_a_round_that_batched_nothing_sends_every_file_left_waiting(uow):
    clearinghouse, runtime = Clearinghouse(), Runtime(uow)
    controls = await waiting_files(uow, 3)

    assert await _send_pending(runtime, clearinghouse=clearinghouse, claims=None)

    assert clearinghouse.sent == controls and runtime.opened == 4  # the last finds nothing waiting
    assert all(i.ack_status == "sent" for i in uow.interchanges.rows.values())


async def test_older_files_go_first_and_the_rest_waits_for_the_next_round(uow):
    clearinghouse, runtime = Clearinghouse(), Runtime(uow)
    await waiting_files(uow, 3)

    await _send_pending(runtime, clearinghouse=clearinghouse, claims=2)

    assert clearinghouse.sent == [41, 42] and uow.interchanges.rows[43].ack_status == SENDING


async def test_an_unreachable_clearinghouse_ends_the_sending(uow):
    class Down:
        async def submit(self, **_):
            raise ClearinghouseUnavailable("down")

    await waiting_files(uow, 1)

    assert not await _send_pending(Runtime(uow), clearinghouse=Down(), claims=1)
    assert uow.interchanges.rows[41].ack_status == SENDING
