"""A select on the transaction's driver (shared/db/driver_reads.py) answers what the session's execute answers:
the same values of the same types for every column type the services use, the same keys (a text select typed by
the columns it declares too); the ORM's pending writes flushed first; a failure raised as the session raised it; a
text naming its columns without types as the session's untyped text. Checked on a probe table of its own and on
denials' consumer reads over seeded rows (rolled back)."""
import enum
import json
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
from shared.db import engine as engine_module
from shared.db.engine import ARRAY_TYPES, make_engine, make_session_factory, statement_connection
from shared.db.transaction_driver import TransactionDriver
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


JSON_TEXTS = [
    '{"a": 1, "a": 2}', '{"b": [1, 2, {"c": null}], "d": true, "e": false}', ' [1] ', "[]", "{}", '""', "-0", "-0.0",
    "0.1", "1E2", "1e-7", "2.5e-324", "5e-324", "1.0", "18446744073709551615", "9223372036854775807",
    "-9223372036854775808", "123456789012345678901234567890", '{"n": 10000000000000000000}', "1e400", '"\\u0000"',
    '"\\ud83d\\ude00"', '"\\ud800"', '"\u2028"', '{"é": "ß", "日本": "語"}', '["日本1234567890123456789語", 1]',
    '{"amount": "12.50", "codes": ["99213", "J45.909"], "nested": {"n": 12345678901234567}}', "[" * 100 + "]" * 100,
]


@pytest.fixture(scope="module")
async def json_values(units):
    """Each text as a json and a jsonb value, where Postgres takes it (jsonb refuses a NUL and a lone surrogate's
    escape; both refuse numbers past a double's range only as jsonb), with the text Postgres answers for it."""
    engine = units._sessions.kw["bind"]
    async with engine.begin() as connection:
        await connection.exec_driver_sql("CREATE TABLE driver_reads_json (n int, kind text, document json, "
                                         "detail jsonb)")
    taken = 0
    for n, value in enumerate(JSON_TEXTS):
        for kind, name in (("json", "document"), ("jsonb", "detail")):
            try:
                async with engine.begin() as connection:
                    await connection.execute(text(f"INSERT INTO driver_reads_json (n, kind, {name}) "
                                                  f"VALUES (:n, :kind, CAST(:value AS {kind}))"),
                                             {"n": n, "kind": kind, "value": value})
                taken += 1
            except DBAPIError:
                pass
    assert taken > 40
    yield engine
    async with engine.begin() as connection:
        await connection.exec_driver_sql("DROP TABLE driver_reads_json")


JSON_SQL = ("SELECT n, kind, document, document::text AS document_text, detail, detail::text AS detail_text "
            "FROM driver_reads_json ORDER BY n, kind")
JSON_READ = text(JSON_SQL).columns(
    column("n", Integer), column("kind", Text), column("document", JSON), column("document_text", Text),
    column("detail", JSONB), column("detail_text", Text))


def _read_back(rows) -> list:
    """Each row's values as read, with json.loads's reading of the text Postgres answers for them."""
    def as_text_reads(answered):
        return _typed(None if answered is None else json.loads(answered))

    return [(row[0], row[1], _typed(row[2]), _typed(row[4]), as_text_reads(row[3]), as_text_reads(row[5]))
            for row in rows]


async def test_json_and_jsonb_values_read_as_json_loads_reads_the_text_postgres_answers(units, json_values):
    """Through the session, the transaction's driver and a one-statement read: each value of the same types as
    `json.loads` gives for the server's text (what SQLAlchemy's codecs gave), repr'd (-0.0, big integers)."""
    async with units() as uow:
        on_session = (await uow.session.execute(JSON_READ)).all()
        on_driver = await select_rows(uow.session, JSON_READ, {})
    async with statement_connection(json_values) as connection:
        on_statement = await connection.fetch(JSON_SQL)
    for read in (_read_back(on_session), _read_back(on_driver), _read_back(on_statement)):
        assert [(n, kind, document, detail) for n, kind, document, detail, _, _ in read] == [
            (n, kind, document_as_text, detail_as_text) for n, kind, _, _, document_as_text, detail_as_text in read]
        assert {repr(value) for row in read for value in row[2:4]} >= {"(<class 'float'>, -0.0)",
                                                                      "(<class 'int'>, 123456789012345678901234567890)"}
    assert _read_back(on_session) == _read_back(on_driver) == _read_back(on_statement)


async def test_the_engines_connections_decode_json_from_the_bytes_and_still_know_the_array_types(infrastructure,
                                                                                                monkeypatch):
    read = []

    for name in ("json_bytes_value", "jsonb_bytes_value"):
        decode = getattr(engine_module, name)
        monkeypatch.setattr(engine_module, name,
                            lambda data, name=name, decode=decode: read.append(name) or decode(data))
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    try:
        async with statement_connection(engine) as connection:
            assert await connection.fetchrow("""SELECT '{"a": [1]}'::json AS j, '{"b": 2}'::jsonb AS b""") == (
                {"a": [1]}, {"b": 2})
            assert read == ["json_bytes_value", "jsonb_bytes_value"]
            oids = await connection.fetchval("SELECT array_agg(typarray) FROM pg_type WHERE typname = ANY($1::text[])"
                                             " AND typnamespace = 'pg_catalog'::regnamespace", list(ARRAY_TYPES))
            learned = connection._protocol.get_settings()
            assert len(oids) == len(ARRAY_TYPES) and all(learned.get_data_codec(oid) is not None for oid in oids)
    finally:
        await engine.dispose()


async def test_a_unit_of_works_driver_is_found_once_and_a_plain_sessions_at_each_transaction(units, monkeypatch):
    found, find = [], TransactionDriver.__init__

    def noted(self, *args):
        found.append(args[1])
        find(self, *args)

    monkeypatch.setattr(TransactionDriver, "__init__", noted)
    statement = select(PROBE.c.id).where(PROBE.c.rank == bindparam("rank"))
    with pytest.raises(_RolledBack):
        async with units() as uow:
            for _ in range(3):
                assert await select_rows(uow.session, statement, {"rank": 7}) == [(FULL["id"],)]
            assert (await uow.driver())._driver is found[0] and len(found) == 1
            raise _RolledBack
    sessions = make_session_factory(units._sessions.kw["bind"])
    async with sessions() as session:
        for _ in range(2):
            assert await select_rows(session, statement, {"rank": 7}) == [(FULL["id"],)]
            await session.commit()  # the connection goes back to the pool: the next read begins anew
    assert len(found) == 3
