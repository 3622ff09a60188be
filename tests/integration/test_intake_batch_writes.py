"""The intake batch's writes against Postgres: new encounters inserted once per (tenant, external id),
re-sent ones found, Idempotency-Keys reserved and settled, and one statement text whatever the batch's size
(prepared once per connection); the credential lookup read on the driver as the session read it."""
import json
import uuid
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError

from services.gateway.adapters import idempotency_store as store
from services.gateway.adapters.audit_append import ChainHead
from services.gateway.adapters.credentials import hash_key, new_api_key
from services.gateway.adapters.repositories import _LIVE_KEY, GatewayUnitOfWork
from services.gateway.adapters.tables import ApiKey, Tenant
from services.gateway.application.api_keys import authenticate
from services.gateway.application.accept_encounters import Submission, accept_encounters
from services.gateway.entrypoints.rate_limits import Limit
from services.gateway.intake.model import EncounterIn
from services.gateway.settings import Settings
from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from tests.integration.figures_support import statements_sent


@pytest.fixture(scope="module")
async def engine(infrastructure):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    yield engine
    await engine.dispose()


@pytest.fixture
def units(engine):
    return UnitOfWorkFactory(make_session_factory(engine), unit_of_work=GatewayUnitOfWork)


@contextmanager
def through_session_cursors(engine):
    """The statements the session's cursors run while the block runs (the driver's own are not among them)."""
    through_cursors: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        through_cursors.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield through_cursors
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


def _row(tenant, external_id):
    return {"id": uuid.uuid4(), "tenant_id": tenant, "external_id": external_id, "source_format": "json"}


async def test_only_new_keys_are_inserted_and_the_first_of_twins_wins(units):
    tenant = uuid.uuid4()
    async with units() as uow:
        first = await uow.encounters.add_new([_row(tenant, "A")])
    twin_a, new_b, twin_b = _row(tenant, "A"), _row(tenant, "B"), _row(tenant, "B")
    async with units() as uow:
        inserted = await uow.encounters.add_new([twin_a, new_b, twin_b])
        found = await uow.encounters.ids_by_external([(tenant, "A"), (tenant, "B"), (tenant, "C")])
    assert inserted == {(tenant, "B"): new_b["id"]}
    assert found == {(tenant, "A"): first[(tenant, "A")], (tenant, "B"): new_b["id"]}



async def test_a_batch_of_any_size_sends_the_same_statements(engine, units):
    with statements_sent(engine) as sent:
        for size in (2, 3):
            tenant = uuid.uuid4()
            async with units() as uow:
                await uow.encounters.add_new([_row(tenant, f"E{i}") for i in range(size)])
                await uow.encounters.ids_by_external([(tenant, f"E{i}") for i in range(size)])
    writes = [s for s in sent if "encounter_intake" in s]
    assert len(writes) == 4 and writes[:2] == writes[2:]


async def test_a_batch_writes_its_audit_entries_with_its_outbox_rows(engine, units):
    """Five statements a batch (the re-sent ones' lookup only when there are some): the encounters with the
    chain's lock, the chain's head, then the audit entries and the outbox rows in one statement, linked after
    the head."""
    body = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "intake" / "encounter.json").read_text())
    tenant, key = uuid.uuid4(), uuid.uuid4()
    submissions = [Submission(tenant, key, EncounterIn.model_validate({**body, "external_id": f"AO-{n}"}), "json")
                   for n in range(3)]
    with statements_sent(engine) as sent:
        async with units() as uow:
            answers = await accept_encounters(uow, submissions)
    assert len(sent) == 3  # BEGIN and COMMIT aside
    assert "encounter_intake" in sent[0] and "pg_advisory_xact_lock" in sent[0]
    assert "audit_log" in sent[1] and "audit_log" in sent[2] and "outbox_message" in sent[2]
    async with units() as uow:
        entries = (await uow.session.execute(text(
            "SELECT object_id, prev_hash, hash, lag(hash) OVER (ORDER BY seq) AS before FROM audit_log "
            "WHERE tenant_id = :t ORDER BY seq"), {"t": tenant})).all()
        events = (await uow.session.execute(text(
            "SELECT count(*) FROM outbox_message WHERE message_key = ANY(:keys)"),
            {"keys": [str(a.encounter_id).encode() for a in answers]})).scalar_one()
    assert [e.object_id for e in entries] == [str(a.encounter_id) for a in answers] and events == 3
    assert all(e.prev_hash == e.before for e in entries[1:])


def _submissions(prefix: str, count: int, tenant=None) -> list[Submission]:
    body = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "intake" / "encounter.json").read_text())
    tenant = tenant or uuid.uuid4()
    return [Submission(tenant, uuid.uuid4(), EncounterIn.model_validate({**body, "external_id": f"{prefix}-{n}"}),
                       "json") for n in range(count)]


async def _remembering(units, memory: ChainHead, submissions: list[Submission]):
    async with units() as uow:
        uow.audit.remember(memory)
        return await accept_encounters(uow, submissions)


async def _chain_links(units) -> bool:
    async with units() as uow:
        broken = (await uow.session.execute(text(
            "SELECT count(*) FROM (SELECT seq, prev_hash, lag(hash) OVER (ORDER BY seq) AS before, "
            "lag(seq) OVER (ORDER BY seq) AS seq_before FROM audit_log) c "
            "WHERE seq_before IS NOT NULL AND (prev_hash <> before OR seq <> seq_before + 1)"))).scalar_one()
    return broken == 0


async def test_a_batch_after_a_remembered_head_sends_no_head_read(engine, units):
    """The head this process committed last is checked by the audit and outbox statement itself: a batch is
    the encounters with the lock and that statement; the first batch, with nothing remembered, reads it."""
    memory = ChainHead()
    with statements_sent(engine) as first:
        await _remembering(units, memory, _submissions("RH-a", 2))
    with statements_sent(engine) as second:
        answers = await _remembering(units, memory, _submissions("RH-b", 3))
    assert len(first) == 3 and len(second) == 2  # BEGIN and COMMIT aside
    assert "pg_advisory_xact_lock" in second[0] and "audit_log" in second[1] and "outbox_message" in second[1]
    async with units() as uow:
        head = (await uow.session.execute(text(
            "SELECT seq, hash, object_id FROM audit_log ORDER BY seq DESC LIMIT 1"))).one()
    assert memory.head == (head.seq, head.hash) and head.object_id == str(answers[-1].encounter_id)
    assert await _chain_links(units)


async def test_a_head_moved_by_another_writer_costs_one_statement_and_links_after_it(engine, units):
    """The remembered head is stale (another process appended): the checked statement writes the outbox rows
    only and answers the head it saw; the entries follow it, linked after that head, under the same lock."""
    memory = ChainHead()
    await _remembering(units, memory, _submissions("MV-a", 1))
    async with units() as uow:  # another gateway's batch
        await uow.audit.append([{"tenant_id": uuid.uuid4(), "key_id": uuid.uuid4(), "action": "read",
                                 "object_type": "claim", "object_id": "elsewhere", "outcome": 200}], at=uow.now())
    with statements_sent(engine) as sent:
        answers = await _remembering(units, memory, _submissions("MV-b", 2))
    assert len(sent) == 3 and "outbox_message" in sent[1] and "outbox_message" not in sent[2]
    async with units() as uow:
        last = (await uow.session.execute(text(
            "SELECT seq, hash, object_id FROM audit_log ORDER BY seq DESC LIMIT 3"))).all()
        events = (await uow.session.execute(text(
            "SELECT count(*) FROM outbox_message WHERE message_key = ANY(:keys)"),
            {"keys": [str(a.encounter_id).encode() for a in answers]})).scalar_one()
    assert [row.object_id for row in last] == [str(answers[1].encounter_id), str(answers[0].encounter_id), "elsewhere"]
    assert events == 2 and memory.head == (last[0].seq, last[0].hash)
    assert await _chain_links(units)


async def test_a_batch_and_its_reservations_send_nothing_through_the_sessions_cursors(engine, units):
    """Every statement of an intake batch (re-sent ones included) and of a reservation runs on the transaction's
    driver: none takes the session's execute path, whose cost at batches of one or two exceeded the round trip."""
    body = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "intake" / "encounter.json").read_text())
    tenant, key = uuid.uuid4(), uuid.uuid4()
    submissions = [Submission(tenant, key, EncounterIn.model_validate({**body, "external_id": f"DR-{n % 2}"}), "json")
                   for n in range(3)]
    with through_session_cursors(engine) as through_cursors, statements_sent(engine) as sent:
        async with units() as uow:
            answers = await accept_encounters(uow, submissions)
        await _reserve(units, [store.Wanted(uuid.uuid4().hex, f"k{i}", None, "h") for i in range(2)])
    assert through_cursors == [] and len(sent) == 4  # the batch's three (its twin needs no lookup), the reservation
    assert [a.created for a in answers] == [True, True, False] and answers[2].encounter_id == answers[0].encounter_id


async def _reserve(units, wanted):
    from services.gateway.entrypoints.idempotency import IN_FLIGHT_TIMEOUT, RETENTION
    async with units() as uow:
        return await store.reserve_many(uow, wanted, retention=RETENTION, in_flight_timeout=IN_FLIGHT_TIMEOUT)


async def test_reservations_leave_live_keys_out_and_take_over_abandoned_ones(units):
    owner, tenant = uuid.uuid4().hex, str(uuid.uuid4())
    first = await _reserve(units, [store.Wanted(owner, k, tenant, "h") for k in ("live", "abandoned")])
    assert set(first) == {(owner, "live"), (owner, "abandoned")}
    async with units() as uow:  # its request died long ago
        await uow.session.execute(text("UPDATE idempotency_record SET created_at = now() - interval '2 minutes' "
                                       "WHERE owner = :owner AND key = 'abandoned'"), {"owner": owner})
    again = await _reserve(units, [store.Wanted(owner, k, None, "h2") for k in ("live", "abandoned", "new")])
    assert set(again) == {(owner, "abandoned"), (owner, "new")}
    async with units() as uow:
        found, record = await store.find(uow, owner=owner, key="abandoned")
    assert (found.request_hash, found.state, record.tenant_id, record.created_at) == ("h2", "in_progress", None,
                                                                                     again[(owner, "abandoned")])


async def test_one_key_twice_in_a_batch_is_refused(units):
    owner = uuid.uuid4().hex
    with pytest.raises(DBAPIError):
        await _reserve(units, [store.Wanted(owner, "twice", None, "h")] * 2)


async def test_reservations_of_any_batch_size_send_the_same_statement(engine, units):
    with statements_sent(engine) as sent:
        for size in (2, 3):
            await _reserve(units, [store.Wanted(uuid.uuid4().hex, f"k{i}", None, "h") for i in range(size)])
    reservations = [s for s in sent if "idempotency_record" in s]
    assert len(reservations) == 2 and reservations[0] == reservations[1]


async def _settle(units, settlements):
    async with units() as uow:
        await store.settle(uow, settlements)


async def _records(units, owner):
    async with units() as uow:
        return {row.key: row for row in (await uow.session.execute(text(
            "SELECT key, state, status_code, content_type, body FROM idempotency_record WHERE owner = :owner"),
            {"owner": owner})).all()}


async def test_settlements_keep_answers_and_free_keys_of_their_own_reservations_only(units):
    owner = uuid.uuid4().hex
    tokens = await _reserve(units, [store.Wanted(owner, k, None, "h") for k in ("kept", "freed", "stale", "done")])
    await _settle(units, [store.Settlement(owner, "done", tokens[(owner, "done")], (202, "application/json", b"{}"))])
    before = tokens[(owner, "stale")] - timedelta(seconds=1)  # a reservation that was taken over since
    await _settle(units, [
        store.Settlement(owner, "kept", tokens[(owner, "kept")], (422, "application/problem+json", b"\x00{}")),
        store.Settlement(owner, "freed", tokens[(owner, "freed")], None),
        store.Settlement(owner, "stale", before, (202, "application/json", b"late")),
        store.Settlement(owner, "stale", before, None),
        store.Settlement(owner, "done", tokens[(owner, "done")], None)])  # completed: no longer in progress
    records = await _records(units, owner)
    assert set(records) == {"kept", "stale", "done"}
    assert tuple(records["kept"][1:]) == ("completed", 422, "application/problem+json", b"\x00{}")
    assert tuple(records["stale"][1:]) == ("in_progress", None, None, None)
    assert tuple(records["done"][1:]) == ("completed", 202, "application/json", b"{}")


async def test_a_batch_of_settlements_sends_one_statement_per_kind_on_the_driver(engine, units):
    owner = uuid.uuid4().hex
    tokens = await _reserve(units, [store.Wanted(owner, f"k{i}", None, "h") for i in range(5)])
    with through_session_cursors(engine) as through_cursors, statements_sent(engine) as sent:
        await _settle(units, [store.Settlement(owner, f"k{i}", tokens[(owner, f"k{i}")],
                                               None if i == 4 else (202, "application/json", b"{}"))
                              for i in range(5)])
    assert through_cursors == [] and [s.split()[0] for s in sent] == ["UPDATE", "DELETE"]
    assert set(await _records(units, owner)) == {"k0", "k1", "k2", "k3"}


async def _tenant_with_key(units, limit: tuple[float, int] | None) -> tuple[str, uuid.UUID]:
    tenant = Tenant(name="credential read", billing_provider={})
    if limit is not None:
        tenant.rate_limit_per_second, tenant.rate_limit_burst = limit
    key, prefix, key_hash = new_api_key()
    async with units() as uow:
        await uow.credentials.add_tenant(tenant, ApiKey(tenant_id=tenant.id, key_hash=key_hash, prefix=prefix,
                                                        scopes=["ehr:push", "billing:read"]))
    return key, tenant.id


@pytest.mark.parametrize("limit", [None, (12.5, 40)])
async def test_a_live_key_is_read_on_the_driver_as_the_session_read_it(units, limit):
    key, tenant_id = await _tenant_with_key(units, limit)
    async with units() as uow:
        row = await uow.credentials.live_key(hash_key(key))
        assert not uow.session.made  # the credential lookup alone leaves SQLAlchemy's session unmade
        caller, found_limit = await authenticate(uow, key)
    async with units() as uow:
        through_session = (await uow.session.execute(_LIVE_KEY, {"key_hash": hash_key(key)})).first()
    assert [(type(value), value) for value in row] == [(type(value), value) for value in through_session]
    assert row.tenant_id == tenant_id and row.scopes == ["ehr:push", "billing:read"]
    assert caller.tenant_id == str(tenant_id) and caller.scopes == ("ehr:push", "billing:read")
    assert found_limit == (Limit(*limit) if limit else None)


async def test_an_unknown_or_revoked_key_reads_as_none(units):
    key, tenant_id = await _tenant_with_key(units, None)
    async with units() as uow:
        assert await uow.credentials.live_key(hash_key("not a key")) is None
        await uow.session.execute(text("UPDATE api_key SET revoked_at = now() WHERE tenant_id = :t"), {"t": tenant_id})
    async with units() as uow:
        assert await uow.credentials.live_key(hash_key(key)) is None
        assert await authenticate(uow, key) is None
