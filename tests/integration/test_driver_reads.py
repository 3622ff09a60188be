"""A select on the transaction's driver (shared/db/driver_reads.py) answers what the session's execute answers:
the same values of the same types for every column type the services use, the same keys (a text select typed by
the columns it declares too); the ORM's pending writes flushed first; a failure raised as the session raised it; a
text naming its columns without types as the session's untyped text. Checked on a probe table of its own and on
denials' consumer reads over seeded rows (rolled back)."""
import enum
import uuid
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import (ARRAY, JSON, BigInteger, Boolean, Column, Date, DateTime, Enum, Float, Integer, LargeBinary,
                        MetaData, Numeric, SmallInteger, String, Table, Text, Uuid, bindparam, column, literal_column,
                        select, text)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import DBAPIError
from sqlmodel import AutoString

from services.denials.adapters import repositories
from services.denials.adapters.tables import DenialAction
from services.denials.domain.queue import WORKABLE
from services.denials.settings import Settings
from shared.db.bulk import any_bound
from shared.db.driver_reads import select_rows
from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory


class Level(enum.Enum):
    claim = "claim"
    line = "line"


METADATA = MetaData()
PROBE = Table(
    "driver_reads_probe", METADATA, Column("id", Uuid, primary_key=True), Column("other_id", Uuid),
    Column("amount", Numeric(12, 2)), Column("ratio", Float), Column("big", BigInteger), Column("rank", Integer),
    Column("small", SmallInteger), Column("name", String(40)), Column("note", Text), Column("auto", AutoString(20)),
    Column("flag", Boolean), Column("level", Enum(Level, name="driver_reads_level")),
    Column("kind", Enum("open", "closed", native_enum=False, name="driver_reads_kind")), Column("due", Date),
    Column("at", DateTime(timezone=True)), Column("codes", ARRAY(String)), Column("days", ARRAY(Date)),
    Column("amounts", ARRAY(Numeric(12, 2))), Column("detail", JSONB), Column("document", JSON),
    Column("blob", LargeBinary))
FULL = {"id": uuid.uuid4(), "other_id": uuid.uuid4(), "amount": Decimal("1234.50"), "ratio": 0.25, "big": 2**40,
        "rank": 7, "small": 3, "name": "Aetna", "note": "a note", "auto": "auto", "flag": True, "level": Level.line,
        "kind": "closed", "due": date(2026, 11, 2), "at": datetime(2026, 12, 1, 9, 30, 0, 123456, timezone.utc),
        "codes": ["99213", "36415"], "days": [date(2026, 11, 2)], "amounts": [Decimal("1.10"), Decimal("2.00")],
        "detail": {"carc": ["197"], "amount": "50.00", "nested": {"n": 1}}, "document": [1, "two", None],
        "blob": b"\x00\x01"}
EMPTY = {"id": uuid.uuid4(), **{column.name: None for column in PROBE.columns if column.name != "id"}}


@pytest.fixture(scope="module")
async def units(infrastructure):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    async with engine.begin() as connection:
        await connection.run_sync(METADATA.create_all)
        await connection.execute(PROBE.insert(), [FULL, EMPTY])
    yield UnitOfWorkFactory(make_session_factory(engine), unit_of_work=repositories.DenialsUnitOfWork)
    async with engine.begin() as connection:
        await connection.run_sync(METADATA.drop_all)
    await engine.dispose()


def _typed(value):
    """The value with the type of every part of it (a list's items, a document's members)."""
    if isinstance(value, (list, tuple)):
        return [type(value), *(_typed(v) for v in value)]
    if isinstance(value, dict):
        return [dict, *((k, _typed(v)) for k, v in value.items())]
    return (type(value), value)


async def _both_ways(units, statement, params) -> tuple[list, list]:
    async with units() as uow:
        on_session = (await uow.session.execute(statement, params)).all()
        on_driver = await select_rows(uow.session, statement, params)
    return on_session, on_driver


def _assert_same(on_session, on_driver) -> None:
    assert on_driver == on_session and len(on_session) > 0
    for session_row, driver_row in zip(on_session, on_driver):
        assert driver_row._fields == session_row._fields
        assert _typed(tuple(driver_row)) == _typed(tuple(session_row))
        for key in session_row._fields:
            assert _typed(getattr(driver_row, key)) == _typed(session_row._mapping[key]) == _typed(driver_row[key])


async def test_every_column_type_reads_as_the_session_reads_it(units):
    statement = select(PROBE).where(PROBE.c.id == any_bound("ids", PROBE.c.id.type)).order_by(PROBE.c.rank)
    _assert_same(*await _both_ways(units, statement, {"ids": [FULL["id"], EMPTY["id"]]}))


async def test_labels_expressions_and_a_limit_the_statement_holds_read_as_the_sessions(units):
    statement = (select(PROBE.c.id.label("probe_id"), (PROBE.c.amount * 2).label("twice"), PROBE.c.codes[1],
                        PROBE.c.detail["carc"], PROBE.c.level).where(PROBE.c.name == bindparam("name")).limit(1))
    _assert_same(*await _both_ways(units, statement, {"name": "Aetna"}))


async def test_a_text_naming_its_columns_reads_as_the_sessions_untyped_text(units):
    sql = (f"SELECT {', '.join(c.name for c in PROBE.columns)} FROM driver_reads_probe "
           "WHERE id = ANY(CAST(:ids AS uuid[])) ORDER BY rank")
    params = {"ids": [FULL["id"], EMPTY["id"]]}
    async with units() as uow:
        on_session = (await uow.session.execute(text(sql), params)).all()
        on_driver = await select_rows(uow.session, text(sql).columns(*(column(c.name) for c in PROBE.columns)),
                                      params)
    _assert_same(on_session, on_driver)
async def test_a_text_select_reads_as_the_session_reads_it_by_the_columns_it_declares(units):
    statement = text(f"SELECT {', '.join(PROBE.columns.keys())}, CAST(NULL AS NUMERIC(12, 2)) AS nothing "
                     "FROM driver_reads_probe WHERE id = ANY(CAST(:ids AS uuid[])) ORDER BY rank").columns(
        *PROBE.columns, Column("nothing", Numeric(12, 2)))
    _assert_same(*await _both_ways(units, statement, {"ids": [FULL["id"], EMPTY["id"]]}))


class _RolledBack(Exception):
    pass


async def test_denials_consumer_reads_answer_as_the_session_over_seeded_rows(units):
    tenant, claim, original = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    with pytest.raises(_RolledBack):
        async with units() as uow:
            await _seed_and_compare(uow, tenant, claim, original)
            raise _RolledBack


async def _seed_and_compare(uow, tenant, claim, original) -> None:
    await uow.submitted_claims.upsert_many([{
        "claim_id": claim, "tenant_id": tenant, "payer_id": "AETNA", "payer_name": "Aetna", "payer_appeal_days": 90,
        "rendering_npi": "1245319599", "original_claim_id": original, "total_charge": Decimal("150.00"),
        "procedure_codes": ["99213", "36415"], "dates_of_service": [date(2026, 11, 2)],
        "submitted_at": datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)}])
    await uow.denials.add_many([{
        "id": uuid.uuid4(), "tenant_id": tenant, "claim_id": claim_id, "remit_id": "R1", "payer_id": "AETNA",
        "level": "line", "line_number": 2, "procedure_code": "36415", "carc_codes": ["197"], "rarc_codes": [],
        "category": "authorization", "preventable": True, "recommended_action": "appeal", "explanation": ["x"],
        "amount": Decimal("50.00"), "partial": False, "billed_amount": Decimal("150.00"),
        "payer_claim_number": None, "status": "open", "priority": 2, "appeal_deadline": date(2027, 3, 1),
        "sla_due": date(2026, 12, 18), "opened_at": datetime(2026, 12, 1, tzinfo=timezone.utc),
        "resolved_at": None} for claim_id in (claim, original)])
    for statement, params in ((repositories._SUBMITTED_BY_IDS, {"claim_ids": [claim]}),
                              (repositories._OPEN_ON_CLAIMS, {"claim_ids": [claim, original],
                                                              "workable": list(WORKABLE)})):
        on_session = (await uow.session.execute(statement, params)).all()
        _assert_same(on_session, await select_rows(uow.session, statement, params))


async def test_the_orms_pending_rows_are_flushed_before_the_read(units):
    denial_id = uuid.uuid4()
    statement = select(DenialAction.id, DenialAction.action).where(DenialAction.denial_id == bindparam("denial"))
    with pytest.raises(_RolledBack):
        async with units() as uow:
            uow.session.add(DenialAction(tenant_id=uuid.uuid4(), denial_id=denial_id, action="note", actor="t",
                                         detail={}))
            rows = await select_rows(uow.session, statement, {"denial": denial_id})
            assert [row.action for row in rows] == ["note"] and not uow.session.new
            raise _RolledBack


async def test_a_failed_read_raises_what_the_session_raised(units):
    statement = select(literal_column("1") / bindparam("divisor", type_=Integer))
    raised = []
    for read in (lambda uow: uow.session.execute(statement, {"divisor": 0}),
                 lambda uow: select_rows(uow.session, statement, {"divisor": 0})):
        with pytest.raises(DBAPIError) as error:
            async with units() as uow:
                await read(uow)
        raised.append((type(error.value), str(error.value), type(error.value.orig), error.value.orig.pgcode))
    assert raised[0] == raised[1] and raised[0][3] == "22012"
