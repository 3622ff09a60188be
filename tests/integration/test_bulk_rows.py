"""A batch written as arrays (shared/db/bulk.py) stores what one statement per row stored: the same
values (NULLs, JSON, money, dates), serial ids in the order given, the table model's defaults, the
`updated_at` it maintains; and the maintained claim counts see one statement per batch."""
import uuid
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from asyncpg.connection import Connection
from sqlalchemy import event, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from shared.db.bulk import OnConflict, insert_rows, update_rows
from shared.db.engine import learn_array_types
from shared.kafka.inbox import claim_new_events
from shared.db.tables import outbox_message
from shared.db.transaction_driver import TransactionDriver
from tests.integration.figures_support import units as units_of
from services.claims.adapters.reports import CLAIM_TALLY
from services.claims.adapters.repositories import ClaimsUnitOfWork
from services.claims.adapters.tables import Claim, ClaimEvent, ClaimLine
from services.claims.settings import Settings as ClaimsSettings

CLAIM, EVENT = Claim.__table__, ClaimEvent.__table__


@pytest.fixture
async def units(infrastructure):
    engine, units = units_of(infrastructure.database_url, ClaimsSettings, ClaimsUnitOfWork)
    yield units
    await engine.dispose()


@pytest.fixture(scope="module", autouse=True)
async def no_ready_claims_left(infrastructure):
    """These rows carry no real claim data: once the module is done none is left `ready`, where the claims
    service's submission rounds (which read every tenant's ready claims) would take it up."""
    yield
    engine, units = units_of(infrastructure.database_url, ClaimsSettings, ClaimsUnitOfWork)
    try:
        async with units() as uow:
            await uow.session.execute(text("UPDATE claim SET status = 'held' "
                                           "WHERE patient_control_number LIKE 'BULK%' AND status = 'ready'"))
    finally:
        await engine.dispose()


def claim_row(tenant_id, n: int) -> dict:
    return {"id": uuid.uuid4(), "tenant_id": tenant_id, "encounter_id": uuid.uuid4(),
            "patient_control_number": f"BULK{n:08d}", "status": "built", "payer_id": "AETNA",
            "original_claim_id": None, "total_charge": Decimal("147.05"), "coded": {"n": n, "a": [1, "x"]},
            "edits": [], "trace_context": None, "payers_after": 0, "payer_sequence": "P",
            "prior_claim_id": None, "prior_payers": None}


async def test_inserted_rows_keep_values_defaults_and_order(units):
    tenant_id = uuid.uuid4()
    rows = [claim_row(tenant_id, n) for n in range(3)]
    async with units() as uow:
        await insert_rows(uow.session, CLAIM, rows)
        await insert_rows(uow.session, EVENT, [{"tenant_id": tenant_id, "claim_id": row["id"], "event": f"e{n}",
                                                "status": "built", "detail": {"n": n}}
                                               for n, row in enumerate(rows)])
    async with units() as uow:
        stored = (await uow.session.execute(select(Claim).where(Claim.tenant_id == tenant_id)
                                            .order_by(Claim.patient_control_number))).scalars().all()
        events = (await uow.session.execute(select(EVENT.c.event, EVENT.c.detail).where(EVENT.c.tenant_id == tenant_id)
                                            .order_by(EVENT.c.id))).all()
    assert [(c.id, c.total_charge, c.coded, c.frequency_code, c.prior_payers, c.original_claim_id)
            for c in stored] == [(r["id"], Decimal("147.05"), r["coded"], "1", None, None) for r in rows]
    assert all(c.created_at is not None for c in stored)
    assert events == [("e0", {"n": 0}), ("e1", {"n": 1}), ("e2", {"n": 2})]


async def test_an_overlong_string_is_refused_not_cut_short(units):
    tenant_id = uuid.uuid4()
    row = {**claim_row(tenant_id, 0), "patient_control_number": "P" * 21}
    with pytest.raises(DBAPIError, match="StringDataRightTruncation|too long"):
        async with units() as uow:
            await insert_rows(uow.session, CLAIM, [row])
    async with units() as uow:
        assert (await uow.session.execute(select(Claim.id).where(Claim.tenant_id == tenant_id))).first() is None


async def test_updated_rows_take_the_last_value_per_key_and_their_updated_at(units):
    tenant_id = uuid.uuid4()
    rows = [claim_row(tenant_id, n) for n in range(10, 12)]
    async with units() as uow:
        await insert_rows(uow.session, CLAIM, rows)
    first, second = rows[0]["id"], rows[1]["id"]
    sent = datetime(2026, 12, 2, 8, 0, tzinfo=timezone.utc)
    async with units() as uow:
        await uow.session.execute(text("SELECT pg_sleep(0.01)"))
        await update_rows(uow.session, CLAIM, "id", [
            {"id": first, "status": "ready", "submitted_at": None, "next_inquiry_on": date(2027, 1, 4)},
            {"id": second, "status": "held", "submitted_at": sent, "next_inquiry_on": None},
            {"id": first, "status": "submitting", "submitted_at": sent, "next_inquiry_on": None}])
    async with units() as uow:
        stored = {c.id: c for c in (await uow.session.execute(
            select(Claim).where(Claim.tenant_id == tenant_id))).scalars()}
    assert (stored[first].status, stored[first].submitted_at, stored[first].next_inquiry_on) == ("submitting", sent, None)
    assert (stored[second].status, stored[second].submitted_at) == ("held", sent)
    assert all(c.updated_at > c.created_at for c in stored.values())


async def test_the_claim_counts_follow_a_batch_written_in_one_statement(units):
    tenant_id = uuid.uuid4()
    rows = [claim_row(tenant_id, n) for n in range(20, 25)]
    async with units() as uow:
        await insert_rows(uow.session, CLAIM, rows)
        await update_rows(uow.session, CLAIM, "id", [{"id": r["id"], "status": "ready"} for r in rows[:3]])
        await insert_rows(uow.session, EVENT, [{"tenant_id": tenant_id, "claim_id": r["id"], "event": "held",
                                                "status": "built", "detail": {}} for r in rows[3:]])
    async with units() as uow:
        counts = dict((await uow.session.execute(text(
            "SELECT key, n FROM claim_tally WHERE tenant_id = :t AND n <> 0"), {"t": tenant_id})).all())
        drift = await uow.session.scalar(text(CLAIM_TALLY.drift()))
    assert counts == {"status:ready": 3, "status:built": 2, "scrubbed": 3, "clean": 3}
    assert drift == 0


async def test_outbox_rows_keep_their_bytes_and_order(units):
    ids = [uuid.uuid4() for _ in range(3)]
    async with units() as uow:
        await insert_rows(uow.session, outbox_message, [
            {"event_id": i, "topic": "bulk.test", "message_key": f"k{n}".encode(), "value": b"\x00\xff" * n,
             "headers": {"n": str(n)}} for n, i in enumerate(ids)])
    async with units() as uow:
        stored = (await uow.session.execute(
            select(outbox_message.c.event_id, outbox_message.c.message_key, outbox_message.c.value,
                   outbox_message.c.headers).where(outbox_message.c.event_id.in_(ids))
            .order_by(outbox_message.c.id))).all()
        await uow.session.execute(outbox_message.delete().where(outbox_message.c.event_id.in_(ids)))
    assert stored == [(i, f"k{n}".encode(), b"\x00\xff" * n, {"n": str(n)}) for n, i in enumerate(ids)]


async def test_an_array_column_keeps_each_rows_array(units):
    tenant_id, claim_id = uuid.uuid4(), uuid.uuid4()
    modifiers = [["25", "59"], [], ["RT"]]
    async with units() as uow:
        await insert_rows(uow.session, ClaimLine.__table__, [
            {"claim_id": claim_id, "line_number": n, "tenant_id": tenant_id, "patient_id": "P1", "rendering_npi": "1",
             "date_of_service": date(2026, 11, 30), "procedure_code": "99213", "modifiers": m, "units": 1,
             "charge": Decimal("10.00")} for n, m in enumerate(modifiers, start=1)])
    async with units() as uow:
        stored = (await uow.session.execute(select(ClaimLine.modifiers).where(ClaimLine.claim_id == claim_id)
                                            .order_by(ClaimLine.line_number))).scalars().all()
    assert stored == modifiers


async def _calls(uow) -> tuple[int, int]:
    """The counts' trigger functions' calls and the keys view's refreshes so far in this transaction."""
    return tuple((await uow.session.execute(text(
        "SELECT coalesce(sum(calls) FILTER (WHERE funcname LIKE 'claim\\_tally\\_from\\_%'), 0), "
        "coalesce(sum(calls) FILTER (WHERE funcname = 'claim_tally_refresh'), 0) "
        "FROM pg_stat_xact_user_functions"))).one())


async def test_a_batch_of_claim_changes_refreshes_the_counts_once_per_table(units):
    """One trigger call per statement; the new claims counted from their rows, without the keys view, and a
    timeline insert of no event the keys read refreshes nothing."""
    tenant_id = uuid.uuid4()
    rows = [claim_row(tenant_id, n) for n in range(30, 36)]
    async with units() as uow:
        await uow.session.execute(text("SET LOCAL track_functions = 'pl'"))
        await uow.claims.insert_many(rows)
        inserted = await _calls(uow)
        records = list((await uow.claims.by_pcns((tenant_id, r["patient_control_number"]) for r in rows)).values())
        for record in records:
            record.status = "ready"
            uow.timeline.add(record, "scrubbed")
        await uow.claims.update_many(records, ("status",))
        await uow.timeline.flush()
        written = await _calls(uow)
    assert (inserted, written) == ((1, 0), (3, 1))


async def test_claims_named_by_pcn_are_the_tenants_own_whatever_their_numbers_hold(units):
    """The pairs travel as two arrays (the numbers as one array literal): a number holding a quote, a comma,
    braces, a backslash or a space names its claim; a pair named twice reads it once; another tenant's claim of
    the same number and numbers no claim has are not read; locked or not, the same records in id order."""
    tenant_id, other_tenant = uuid.uuid4(), uuid.uuid4()
    odd = ['BULK"q', "BULK,c", "BULK{b}", "BULK\\s", "BULK s", "NULL", ""]
    rows = [{**claim_row(tenant_id, n), "patient_control_number": pcn} for n, pcn in enumerate(odd, start=40)]
    rows += [{**claim_row(other_tenant, 50), "patient_control_number": 'BULK"q'}]
    async with units() as uow:
        await uow.claims.insert_many(rows)
        keys = [(tenant_id, pcn) for pcn in odd] + [(tenant_id, odd[0]), (tenant_id, "BULK-none"),
                                                     (uuid.uuid4(), "NULL")]
        locked, unlocked = await uow.claims.by_pcns(keys), await uow.claims.by_pcns(keys, lock=False)
        answered = await uow.claims.answered(keys)
    assert sorted(locked) == sorted(unlocked) == sorted(answered) == sorted((tenant_id, pcn) for pcn in odd)
    assert {key: record.id for key, record in locked.items()} == {
        (tenant_id, row["patient_control_number"]): row["id"] for row in rows[:-1]}


async def test_claims_named_by_tenant_and_id_are_the_tenants_own(units):
    """The (tenant, id) pairs travel as two arrays: a pair named twice reads its claim once; another tenant's
    pair of a stored id reads nothing; the corrections of a claim are counted, the places of an encounter listed."""
    tenant_id, other_tenant = uuid.uuid4(), uuid.uuid4()
    original, stray = claim_row(tenant_id, 60), claim_row(other_tenant, 61)
    replacements = [{**claim_row(tenant_id, n), "original_claim_id": original["id"]}
                    for n in (62, 63)]
    second = {**claim_row(tenant_id, 64), "encounter_id": original["encounter_id"], "payer_sequence": "S"}
    async with units() as uow:
        await uow.claims.insert_many([original, stray, *replacements, second])
        named = [(tenant_id, original["id"]), (tenant_id, original["id"]), (tenant_id, stray["id"]),
                 (other_tenant, stray["id"]), (other_tenant, original["id"])]
        found, counts = await uow.claims.by_ids(named), await uow.claims.corrections_counts(named)
        places = await uow.claims.encounter_places([(tenant_id, original["encounter_id"]),
                                                    (other_tenant, original["encounter_id"]),
                                                    (other_tenant, stray["encounter_id"])])
    assert {key: record.id for key, record in found.items()} == {
        (tenant_id, original["id"]): original["id"], (other_tenant, stray["id"]): stray["id"]}
    assert found[(tenant_id, original["id"])].coded == original["coded"]
    assert counts == {original["id"]: 2}
    assert {key: sorted(p) for key, p in places.items()} == {
        (tenant_id, original["encounter_id"]): sorted([(original["id"], "P"), (second["id"], "S")]),
        (other_tenant, stray["encounter_id"]): [(stray["id"], "P")]}


async def test_a_claims_open_voids_are_its_sent_voids_of_its_tenant(units):
    """A reversal closes the voids of the claim still awaiting an answer (submitted or accepted): not its
    replacements, not a void already answered, not another claim's void, not another tenant's, in id order."""
    tenant_id, other_tenant = uuid.uuid4(), uuid.uuid4()
    original, other = ({**claim_row(tenant_id, n), "frequency_code": "1"} for n in (70, 71))

    def correction(n: int, status: str, frequency: str = "8", of: dict = original, tenant=tenant_id) -> dict:
        return {**claim_row(tenant, n), "original_claim_id": of["id"], "status": status, "frequency_code": frequency}

    open_voids = [correction(72, "submitted"), correction(73, "accepted")]
    others = [correction(74, "closed"), correction(75, "submitted", "7"), correction(76, "submitted", of=other),
              correction(77, "accepted", tenant=other_tenant)]
    async with units() as uow:
        await uow.claims.insert_many([original, other, *open_voids, *others])
        found = await uow.claims.open_voids_of(tenant_id, original["id"])
    assert [record.id for record in found] == sorted(row["id"] for row in open_voids)


class LookupsSeen(Connection):
    """An asyncpg connection that notes each catalog lookup of types it does not know yet."""

    lookups: list = []

    async def _introspect_types(self, *args, **kwargs):
        LookupsSeen.lookups.append(args[0])
        return await super()._introspect_types(*args, **kwargs)


async def test_a_new_connection_learns_every_array_type_of_the_batch_writes_at_once(infrastructure):
    url = ClaimsSettings(database_url=infrastructure.database_url).service_database_url()
    engine = create_async_engine(url, connect_args={"connection_class": LookupsSeen})
    event.listen(engine.sync_engine, "connect", learn_array_types)
    sessions = async_sessionmaker(engine)
    tenant_id, row = uuid.uuid4(), claim_row(uuid.uuid4(), 40)
    async with sessions() as session, session.begin():
        await session.execute(text("SELECT 1"))
        at_connect = list(LookupsSeen.lookups)
        await insert_rows(session, CLAIM, [row])
        await insert_rows(session, EVENT, [{"tenant_id": tenant_id, "claim_id": row["id"], "event": "built",
                                            "status": "built", "detail": {}}])
        await update_rows(session, CLAIM, "id", [{"id": row["id"], "status": "ready", "submitted_at": None,
                                                  "next_inquiry_on": date(2027, 1, 4), "interchange_id": 7}])
        await insert_rows(session, ClaimLine.__table__, [
            {"claim_id": row["id"], "line_number": 1, "tenant_id": tenant_id, "patient_id": "P1",
             "rendering_npi": "1", "date_of_service": date(2026, 11, 30), "procedure_code": "99213",
             "modifiers": ["25"], "units": 1, "charge": Decimal("10.00")}])
        await insert_rows(session, outbox_message, [{"event_id": uuid.uuid4(), "topic": "bulk.test", "message_key": b"k",
                                                     "value": b"v", "headers": {}}])
        await claim_new_events(await TransactionDriver.of(session), "bulk-test", [(uuid.uuid4(), "bulk.test")])
        await session.rollback()
    await engine.dispose()
    assert len(at_connect) == 1 and LookupsSeen.lookups == at_connect


async def test_upserted_rows_replace_only_the_named_columns_of_a_stored_key(units):
    from services.claims.adapters.tables import EligibilityCheck

    table, tenant_id, day = EligibilityCheck.__table__, uuid.uuid4(), date(2026, 3, 2)

    def row(patient: str, status: str) -> dict:
        return {"tenant_id": tenant_id, "payer_id": "AETNA", "patient_id": patient, "member_id": "M1",
                "date_of_service": day, "checked_on": day, "status": status, "answer": {"status": status}}

    replace = OnConflict.replacing(("tenant_id", "payer_id", "patient_id", "member_id", "date_of_service", "checked_on"),
                                   ("status", "answer"))
    async with units() as uow:
        await insert_rows(uow.session, table, [row("P1", "active"), row("P2", "inactive")], on_conflict=replace)
    async with units() as uow:
        first = (await uow.session.execute(select(table.c.checked_at).where(table.c.patient_id == "P1",
                                                                             table.c.tenant_id == tenant_id))).scalar()
        await insert_rows(uow.session, table, [row("P1", "inactive"), row("P3", "active")], on_conflict=replace)
    async with units() as uow:
        stored = (await uow.session.execute(select(table.c.patient_id, table.c.status, table.c.answer,
                                                   table.c.checked_at)
                                            .where(table.c.tenant_id == tenant_id)
                                            .order_by(table.c.patient_id))).all()
    assert [(p, s, a) for p, s, a, _ in stored] == [("P1", "inactive", {"status": "inactive"}),
                                                    ("P2", "inactive", {"status": "inactive"}),
                                                    ("P3", "active", {"status": "active"})]
    assert stored[0].checked_at == first  # not a replaced column


async def test_every_kind_of_value_is_stored_as_a_row_at_a_time_statement_stores_it(infrastructure):
    """NULLs, Decimals with their scale, times in any zone, dates, enums, documents (json kept as written,
    a raw mark of the joined texts escaped inside a string), arrays and UUIDs: a bulk insert and update leave
    the same rows, to the text, as one Core statement a row."""
    from datetime import timedelta

    from sqlalchemy import (ARRAY, JSON, Date, DateTime, Enum, Integer, MetaData, Numeric, String, Table, Uuid,
                            Column, insert, update)
    from sqlalchemy.dialects.postgresql import JSONB

    from shared.db.bulk import json_of
    from shared.db.separated_texts import NULL, SEPARATOR

    metadata = MetaData()
    kind = Enum("draft", "final", name="bulk_value_kind", metadata=metadata)

    def values_table(name: str) -> Table:
        return Table(name, metadata, Column("n", Integer, primary_key=True), Column("ref", Uuid),
                     Column("amount", Numeric(12, 2)), Column("rate", Numeric), Column("stamped", DateTime(timezone=True)),
                     Column("day", Date), Column("kind", kind), Column("doc", JSONB), Column("plain", JSON),
                     Column("maybe", JSONB(none_as_null=True)), Column("codes", ARRAY(String)),
                     Column("days", ARRAY(Date)), Column("note", String(20)))

    bulk, single = values_table("bulk_values"), values_table("single_values")
    east = timezone(timedelta(hours=-5))
    rows = [{"n": 1, "ref": uuid.uuid4(), "amount": Decimal("147.50"), "rate": Decimal("0.125000"),
             "stamped": datetime(2026, 12, 6, 16, 30, 1, 123456, tzinfo=timezone.utc), "day": date(2026, 12, 6),
             "kind": "final", "doc": {"q": 'say "hi" \\ {},', "marks": SEPARATOR + NULL, "é": [1, None, True]},
             "plain": {"b": 1, "a": [None, 2.5]}, "maybe": {"k": "v"}, "codes": ["25", "59"],
             "days": [date(2026, 1, 2)], "note": 'é "{},'},
            {"n": 2, "ref": None, "amount": None, "rate": None, "stamped": None, "day": None, "kind": None, "doc": None,
             "plain": None, "maybe": None, "codes": None, "days": [], "note": None},
            {"n": 3, "ref": uuid.uuid4(), "amount": Decimal("0.10"), "rate": Decimal("3"),
             "stamped": datetime(2026, 1, 1, 0, 0, tzinfo=east), "day": date(2027, 2, 28), "kind": "draft",
             "doc": json_of([]), "plain": [], "maybe": None, "codes": [], "days": None, "note": ""}]
    changes = [{"n": 3, "amount": Decimal("12.00"), "doc": {"changed": True}, "codes": ["RT"], "maybe": {"x": 1}},
               {"n": 1, "amount": None, "doc": None, "codes": None, "maybe": None}]
    engine = create_async_engine(ClaimsSettings(database_url=infrastructure.database_url).service_database_url())
    sessions = async_sessionmaker(engine)
    async with sessions() as session, session.begin():
        await session.run_sync(lambda sync: metadata.create_all(sync.connection()))
        await insert_rows(session, bulk, rows)
        await update_rows(session, bulk, "n", changes)
        for row in rows:
            await session.execute(insert(single).values(**row))
        for change in changes:
            await session.execute(update(single).where(single.c.n == change["n"])
                                  .values(**{k: v for k, v in change.items() if k != "n"}))
        read = "SELECT CAST(t AS text) FROM {} AS t ORDER BY n"
        stored = (await session.execute(text(read.format("bulk_values")))).scalars().all()
        expected = (await session.execute(text(read.format("single_values")))).scalars().all()
        typed = (await session.execute(select(bulk).order_by(bulk.c.n))).all()
        await session.rollback()
    await engine.dispose()
    assert stored == expected and len(stored) == 3
    assert typed[2].amount == Decimal("12.00") and str(typed[0].rate) == "0.125000"
    assert typed[0].stamped == rows[0]["stamped"] and typed[2].stamped == rows[2]["stamped"]
    assert typed[0].doc is None and typed[1].doc is None and typed[2].codes == ["RT"] and typed[1].days == []
