"""The audit writer's one-statement append against Postgres: it links after the head it committed last,
falls back to the locked transaction when another writer moved the head, and the chain never forks,
whatever the writers' interleaving."""
import asyncio
import uuid
from types import SimpleNamespace

import pytest

from sqlalchemy import text

from services.gateway.adapters.audit_append import ChainHead, append_at_head
from services.gateway.adapters.repositories import GatewayUnitOfWork
from services.gateway.application.intake_writer import intake_writer
from services.gateway.application.record_audit import AuditRecorder
from services.gateway.settings import Settings
from services.gateway.domain.audit import chained
from services.gateway.application.read_audit import verify
from shared.db.engine import make_engine, make_session_factory, statement_connection
from shared.db.unit_of_work import UnitOfWorkFactory
from tests.integration.figures_support import statements_sent
from tests.integration.test_intake_batch_writes import _submissions
from tests.integration.test_intake_batch_writes import engine, units  # noqa: F401 - the gateway database's fixtures



def _entries(count: int, tenant: uuid.UUID, label: str) -> list[dict]:
    return [{"tenant_id": tenant, "key_id": uuid.uuid4(), "action": "read", "object_type": "claim",
             "object_id": f"{label}-{i}", "outcome": 200} for i in range(count)]


async def _tenant_entries(units, tenant: uuid.UUID) -> list[str]:
    async with units() as uow:
        rows = await uow.session.execute(text("SELECT object_id FROM audit_log WHERE tenant_id = :t ORDER BY seq"),
                                         {"t": tenant})
    return [row.object_id for row in rows]


async def _head(units) -> tuple[int, str]:
    async with units() as uow:
        row = (await uow.session.execute(text("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"))).first()
    return row.seq, row.hash


async def test_a_writer_appends_after_its_own_head_and_after_anyone_elses(engine, units):
    tenant, recorder = uuid.uuid4(), AuditRecorder(engine, units)
    with statements_sent(engine) as sent:
        await recorder(_entries(2, tenant, "first"))  # no head known yet: the transaction's path
    assert any("pg_advisory_xact_lock" in s for s in sent)
    with_own_head = await _head(units)
    with statements_sent(engine) as sent:
        await recorder(_entries(3, tenant, "second"))  # the one statement after it, on the driver's connection
    assert sent == [] and (await _head(units))[0] == with_own_head[0] + 3
    async with units() as uow:  # another writer (an intake batch, another replica) moves the head
        await uow.audit.append(_entries(1, tenant, "other"), at=uow.now())
    with statements_sent(engine) as sent:
        await recorder(_entries(2, tenant, "third"))
    assert any("pg_advisory_xact_lock" in s for s in sent)
    assert await _tenant_entries(units, tenant) == [
        "first-0", "first-1", "second-0", "second-1", "second-2", "other-0", "third-0", "third-1"]
    assert (await verify(units)).ok


@pytest.mark.parametrize("count", [1, 2])  # a batch of one, the usual one at read rates, and of more
async def test_a_stale_head_writes_nothing(engine, units, count):
    tenant = uuid.uuid4()
    async with units() as uow:
        await uow.audit.append(_entries(1, tenant, "base"), at=uow.now())
    stale = await _head(units)
    async with units() as uow:
        await uow.audit.append(_entries(1, tenant, "moved"), at=uow.now())
    rows = chained(_entries(count, tenant, "late"), at=units.clock(), after_seq=stale[0], after_hash=stale[1])
    async with statement_connection(engine) as connection:
        assert await append_at_head(connection, rows, at=rows[0][0].at) is False
    assert await _tenant_entries(units, tenant) == ["base-0", "moved-0"]


@pytest.mark.parametrize("count", [1, 3])
async def test_a_head_taken_while_the_statement_waits_for_the_lock_is_refused_whole(engine, units, count):
    """The statement's snapshot predates the lock it waits for: the primary key refuses the entry the
    lock holder committed at the same seq, and the statement's other entries go with it."""
    tenant = uuid.uuid4()
    async with units() as uow:
        await uow.audit.append(_entries(1, tenant, "base"), at=uow.now())
    head = await _head(units)
    rows = chained(_entries(count, tenant, "late"), at=units.clock(), after_seq=head[0], after_hash=head[1])
    async with units() as holder:
        await holder.audit.append(_entries(1, tenant, "holder"), at=holder.now())  # holds the chain's lock

        async def late() -> bool:
            async with statement_connection(engine) as connection:
                return await append_at_head(connection, rows, at=rows[0][0].at)

        waiting = asyncio.create_task(late())
        await asyncio.sleep(0.3)
        assert not waiting.done()  # behind the lock
    assert await waiting is False
    assert await _tenant_entries(units, tenant) == ["base-0", "holder-0"]
    assert (await verify(units)).ok


@pytest.mark.parametrize("count", [1, 3])
async def test_an_append_at_the_head_writes_the_rows_the_chain_computed(engine, units, count):
    tenant = uuid.uuid4()
    async with units() as uow:
        await uow.audit.append(_entries(1, tenant, "base"), at=uow.now())
    head = await _head(units)
    rows = chained(_entries(count, tenant, "at-head"), at=units.clock(), after_seq=head[0], after_hash=head[1])
    async with statement_connection(engine) as connection:
        assert await append_at_head(connection, rows, at=rows[0][0].at) is True
    async with units() as uow:
        written = (await uow.session.execute(text(
            "SELECT seq, at, tenant_id, key_id, action, object_type, object_id, outcome, prev_hash, hash"
            " FROM audit_log WHERE seq > :s ORDER BY seq"), {"s": head[0]})).all()
    assert [(row.seq, row.at, str(row.tenant_id), str(row.key_id), *tuple(row)[4:]) for row in written] == [
        (e.seq, e.at, e.tenant_id, e.key_id, e.action, e.object_type, e.object_id, e.outcome, prev, digest)
        for e, prev, digest in rows]
    assert (await verify(units)).ok


async def test_writers_interleaved_at_random_leave_one_unbroken_chain(engine, units):
    tenant = uuid.uuid4()
    replicas = [AuditRecorder(engine, units) for _ in range(3)]

    async def replica(number: int) -> None:
        for batch in range(15):
            await replicas[number](_entries(1 + batch % 3, tenant, f"r{number}b{batch}"))

    async def intake() -> None:
        for batch in range(10):
            async with units() as uow:
                await uow.audit.append(_entries(2, tenant, f"intake{batch}"), at=uow.now())

    await asyncio.gather(*(replica(n) for n in range(3)), intake())
    written = await _tenant_entries(units, tenant)
    assert len(written) == len(set(written)) == 3 * sum(1 + b % 3 for b in range(15)) + 10 * 2
    assert (await verify(units)).ok


async def test_two_gateways_writing_at_once_leave_one_unbroken_chain(infrastructure, units):
    """Two gateway processes' writers (each its own pool and remembered head, shared by its intake and audit
    writers) append at once: each moves the head under the other's memory, and every entry still links."""
    tenant, runtime = uuid.uuid4(), SimpleNamespace(stopping=asyncio.Event())
    engines = [make_engine(Settings(database_url=infrastructure.database_url)) for _ in range(2)]
    gateways = []
    for engine in engines:
        gateway_units, head = UnitOfWorkFactory(make_session_factory(engine), unit_of_work=GatewayUnitOfWork), ChainHead()
        gateways.append((intake_writer(gateway_units, head), AuditRecorder(engine, gateway_units, head), head))
    loops = [asyncio.create_task(intake.run(runtime)) for intake, _, _ in gateways]

    async def gateway(number: int) -> None:
        intake, recorder, _ = gateways[number]
        for burst in range(8):
            submissions = _submissions(f"G{number}B{burst}", 1 + burst % 4, tenant)
            await asyncio.gather(*(intake.submit(s) for s in submissions),
                                 recorder(_entries(1 + burst % 2, tenant, f"g{number}r{burst}")))

    try:
        await asyncio.gather(gateway(0), gateway(1))
    finally:
        runtime.stopping.set()
        for loop in loops:
            loop.cancel()
        for engine in engines:
            await engine.dispose()
    written = await _tenant_entries(units, tenant)
    expected = 2 * sum((1 + b % 4) + (1 + b % 2) for b in range(8))
    assert len(written) == len(set(written)) == expected
    assert all(head.head is not None for _, _, head in gateways)
    assert (await verify(units)).ok
