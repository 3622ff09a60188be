"""The statements shared/db/bulk.py writes: one text per table and column set, whatever the batch's size,
with what a taken key does, columns the server computes and the columns answered."""
import pytest
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Uuid
from sqlmodel import AutoString

from shared.db.bulk import OnConflict, insert_statement

pytestmark = pytest.mark.unit

RECORD = Table("record", MetaData(), Column("owner", AutoString(64), primary_key=True),
               Column("key", String(255), primary_key=True), Column("tenant_id", Uuid), Column("hits", Integer),
               Column("created_at", DateTime(timezone=True)))
ARRAYS = ("FROM unnest(CAST(CAST(:owner AS text) AS text[]), CAST(CAST(:key AS text) AS text[]), "
          "CAST(:tenant_id AS UUID[])) "
          "WITH ORDINALITY AS v(owner, key, tenant_id, row_order) ORDER BY row_order")


def sql(statement) -> str:
    return str(statement)


def test_a_plain_insert_takes_every_column_from_its_array_in_the_order_given():
    assert sql(insert_statement(RECORD, ("owner", "key", "tenant_id"))) == (
        "INSERT INTO record (owner, key, tenant_id) SELECT v.owner, v.key, v.tenant_id " + ARRAYS)


def test_strings_travel_as_text_so_the_column_refuses_an_overlong_value_instead_of_cutting_it():
    statement = sql(insert_statement(RECORD, ("owner", "key", "tenant_id")))
    assert "CAST(CAST(:owner AS text) AS text[])" in statement and "VARCHAR" not in statement


def test_a_taken_key_is_skipped_and_the_inserted_rows_are_answered():
    statement = insert_statement(RECORD, ("owner", "key", "tenant_id"), on_conflict=OnConflict(("owner", "key")),
                                 returning=("owner", "key", "created_at"))
    assert sql(statement).endswith(ARRAYS + " ON CONFLICT (owner, key) DO NOTHING RETURNING owner, key, created_at")
    assert [column.name for column in statement.selected_columns] == ["owner", "key", "created_at"]


def test_a_taken_key_can_be_updated_under_a_condition_with_parameters_of_its_own():
    take_over = OnConflict(("owner", "key"), update=(("hits", "record.hits + 1"), ("created_at", "now()")),
                           where="record.created_at < now() - CAST(:retention AS interval)")
    statement = insert_statement(RECORD, ("owner", "key", "tenant_id"), computed=(("created_at", "now()"),),
                                 on_conflict=take_over, returning=("created_at",))
    assert sql(statement) == (
        "INSERT INTO record (owner, key, tenant_id, created_at) SELECT v.owner, v.key, v.tenant_id, now() " + ARRAYS
        + " ON CONFLICT (owner, key) DO UPDATE SET hits = record.hits + 1, created_at = now()"
          " WHERE record.created_at < now() - CAST(:retention AS interval) RETURNING created_at")
    assert set(statement.compile().params) == {"owner", "key", "tenant_id", "retention"}


def test_a_gate_conditions_the_rows_before_their_order_and_what_a_taken_key_does():
    gate = "(SELECT true FROM (SELECT pg_advisory_xact_lock(1)) AS held)"
    statement = insert_statement(RECORD, ("owner", "key", "tenant_id"), on_conflict=OnConflict(("owner", "key")),
                                 gate=gate)
    assert sql(statement).endswith(ARRAYS.replace("ORDER BY", f"WHERE {gate} ORDER BY")
                                   + " ON CONFLICT (owner, key) DO NOTHING")
    assert statement is not insert_statement(RECORD, ("owner", "key", "tenant_id"),
                                             on_conflict=OnConflict(("owner", "key")))


def test_the_statement_is_built_once_per_table_column_set_and_clauses():
    clauses = {"on_conflict": OnConflict(("owner", "key")), "returning": ("owner",)}
    assert insert_statement(RECORD, ("owner", "key"), **clauses) is insert_statement(RECORD, ("owner", "key"), **clauses)
    assert insert_statement(RECORD, ("owner", "key"), **clauses) is not insert_statement(RECORD, ("owner", "key"))


def test_a_read_by_keys_has_one_text_whatever_how_many_keys_it_is_given():
    from sqlalchemy import select
    from sqlalchemy.dialects import postgresql

    from shared.db.bulk import in_array

    def compiled(keys):
        return str(select(RECORD.c.owner).where(in_array(RECORD.c.tenant_id, keys)).compile(
            dialect=postgresql.asyncpg.dialect()))

    assert compiled([1]) == compiled([1, 2, 3, 4, 5])
    assert "= ANY (" in compiled([1]) and "UUID[]" in compiled([1])


def test_a_replacing_upsert_may_keep_a_condition():
    clause = OnConflict.replacing(("owner", "key"), ("hits",), where="record.tenant_id = excluded.tenant_id").sql()
    assert clause == ("ON CONFLICT (owner, key) DO UPDATE SET hits = excluded.hits "
                      "WHERE record.tenant_id = excluded.tenant_id")


def test_array_items_json_has_no_type_for_travel_as_their_text():
    from datetime import date

    from shared.db.bulk import _array_as_json

    assert _array_as_json([date(2026, 11, 2), date(2026, 11, 3)]) == '["2026-11-02", "2026-11-03"]'
    assert _array_as_json(None) is None


def test_several_tables_rows_go_in_one_statement_each_insert_but_the_last_a_cte_with_its_own_parameters():
    from shared.db.bulk import inserts_statement

    audit = Table("audit", MetaData(), Column("id", Integer, primary_key=True), Column("owner", AutoString(64)),
                  Column("tenant_id", Uuid))
    statement = sql(inserts_statement(((RECORD, ("owner", "key", "tenant_id"), OnConflict(("owner", "key"))),
                                       (audit, ("owner", "tenant_id"), None))))
    assert statement == (
        "WITH t0 AS (INSERT INTO record (owner, key, tenant_id) SELECT v.owner, v.key, v.tenant_id FROM "
        "unnest(CAST(CAST(:t0_owner AS text) AS text[]), CAST(CAST(:t0_key AS text) AS text[]), "
        "CAST(:t0_tenant_id AS UUID[])) "
        "WITH ORDINALITY AS v(owner, key, tenant_id, row_order) ORDER BY row_order ON CONFLICT (owner, key) DO NOTHING) "
        "INSERT INTO audit (owner, tenant_id) SELECT v.owner, v.tenant_id FROM "
        "unnest(CAST(CAST(:t1_owner AS text) AS text[]), CAST(:t1_tenant_id AS UUID[])) "
        "WITH ORDINALITY AS v(owner, tenant_id, row_order) ORDER BY row_order")


def test_one_tables_rows_alone_keep_the_plain_inserts_text_but_for_the_parameters_prefix():
    from shared.db.bulk import inserts_statement

    alone = sql(inserts_statement(((RECORD, ("owner", "key", "tenant_id"), None),)))
    plain = sql(insert_statement(RECORD, ("owner", "key", "tenant_id")))
    assert alone == plain.replace(":", ":t0_")


def test_with_an_answer_every_write_is_a_cte_a_gate_holds_back_its_own_rows_and_the_query_is_answered():
    from shared.db.bulk import Insert, inserts_statement

    shape, _ = Insert(RECORD, [{"owner": "a", "key": "k", "tenant_id": None}], gate="(SELECT true) = :flag").shape()
    alone = sql(inserts_statement((shape,), "SELECT 1"))
    gated = sql(insert_statement(RECORD, ("owner", "key", "tenant_id"), gate="(SELECT true) = :flag"))
    prefixed = gated.replace(":owner", ":t0_owner").replace(":key", ":t0_key").replace(":tenant_id", ":t0_tenant_id")
    assert alone == f"WITH t0 AS ({prefixed}) SELECT 1"
    assert "WHERE (SELECT true) = :flag ORDER BY row_order" in alone
    both = sql(inserts_statement((shape, (RECORD, ("owner", "key", "tenant_id"), None)), "SELECT 1"))
    assert both.startswith("WITH t0 AS (INSERT INTO record") and ", t1 AS (INSERT INTO record" in both
    assert both.endswith(" ORDER BY row_order) SELECT 1")


def test_an_update_by_key_is_a_part_of_the_statement_with_the_update_statements_text_and_its_own_parameters():
    from shared.db.bulk import Update, inserts_statement, update_statement

    shape, rows = Update(RECORD, "owner", [{"owner": "a", "hits": 1}, {"owner": "a", "hits": 2}]).shape()
    assert shape == (RECORD, ("owner", "hits"), "owner") and rows == [{"owner": "a", "hits": 2}]  # the last wins
    together = sql(inserts_statement((shape, (RECORD, ("owner", "key", "tenant_id"), None))))
    alone = sql(update_statement(RECORD, "owner", ("hits",))).replace(":", ":t0_")
    assert together.startswith(f"WITH t0 AS ({alone}) INSERT INTO record (owner, key, tenant_id) ")
    assert ":t1_owner" in together and ":owner" not in together


def test_a_model_or_a_list_of_models_is_encoded_to_the_json_its_dump_would_be():
    import json
    from datetime import date
    from decimal import Decimal

    from pydantic import BaseModel

    from shared.db.bulk import EncodedJson, json_of

    class Line(BaseModel):
        code: str
        charge: Decimal
        on: date
        note: str | None = None

    class Wider(Line):
        units: int = 2

    lines = [Line(code="99213", charge=Decimal("100.50"), on=date(2026, 11, 2)),
             Wider(code="36415", charge=Decimal("9"), on=date(2026, 11, 3), note="é")]
    assert isinstance(json_of(lines), EncodedJson)
    assert json.loads(json_of(lines)) == [line.model_dump(mode="json") for line in lines]  # each by its own class
    assert json.loads(json_of(lines[1])) == lines[1].model_dump(mode="json")
    assert json_of([]) == "[]"


def test_an_encoded_document_binds_unchanged_and_any_other_value_is_encoded_by_the_column():
    from sqlalchemy.dialects.postgresql import JSONB, asyncpg

    from shared.db.bulk import EncodedJson, _processor

    documents = Table("documents", MetaData(), Column("id", Integer, primary_key=True), Column("body", JSONB))
    process = _processor(documents, "body", asyncpg.dialect())
    encoded = EncodedJson('{"a":1}')
    assert process(encoded) is encoded
    assert process({"a": 1}) == '{"a": 1}'
    assert process('{"a":1}') == '"{\\"a\\":1}"'  # a plain string is a JSON string, as before


def test_a_document_binds_as_the_text_the_column_would_write_and_refuses_what_it_refuses():
    from collections import OrderedDict
    from decimal import Decimal
    from uuid import UUID

    from sqlalchemy import JSON
    from sqlalchemy.dialects.postgresql import JSONB, asyncpg

    from shared.db.bulk import _processor

    dialect = asyncpg.dialect()
    documents = Table("documents_text", MetaData(), Column("id", Integer, primary_key=True), Column("body", JSONB),
                      Column("maybe", JSONB(none_as_null=True)), Column("plain", JSON))
    values = [{"interchange": 7, "reasons": ["a", "é", None, True, 1.5, -0.0, 10**30]}, [], {},
              [{"x": float("nan"), "y": float("inf")}], {1: 2, None: 3, 2.5: 1, False: 0}, "text", 3, None,
              OrderedDict(b=1, a=2), [["nested", {"deep": [1, {"deeper": "\u0001\n\""}]}]]]
    for name in ("body", "maybe", "plain"):
        column = documents.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        process = _processor(documents, name, dialect)
        for value in values:
            assert process(value) == column(value), (name, value)
        for refused in ({"id": UUID(int=1)}, [Decimal("1.00")], {("a",): 1}):
            with pytest.raises(TypeError):
                process(refused)
        looped = {"a": []}
        looped["a"].append(looped)
        with pytest.raises(ValueError, match="Circular reference"):
            process(looped)
        assert process({"after": "a refusal"}) == '{"after": "a refusal"}'  # nothing left over from it


def test_an_array_travels_as_the_json_text_it_had_with_its_dates_and_amounts_as_their_text():
    import json
    from datetime import date
    from decimal import Decimal

    from shared.db.bulk import _array_as_json

    for value in (["25", "59"], ("a", "é"), [date(2026, 12, 6), Decimal("1.50"), None, 2, 2.5], [], None):
        assert _array_as_json(value) == (None if value is None else json.dumps(list(value), default=str))


def test_strings_numbers_and_booleans_travel_as_literals_and_uuids_times_and_documents_as_lists():
    from sqlalchemy import Boolean, Date, LargeBinary, Numeric
    from sqlalchemy.dialects.postgresql import JSONB

    from shared.db.bulk import _literal

    mixed = Table("mixed", MetaData(), Column("id", Uuid, primary_key=True), Column("name", AutoString(20)),
                  Column("units", Integer), Column("charge", Numeric(12, 2)), Column("paid", Boolean),
                  Column("at", DateTime(timezone=True)), Column("on", Date), Column("body", LargeBinary),
                  Column("doc", JSONB))
    assert [name for name in mixed.c.keys() if _literal(mixed, name)[0]] == ["name", "units", "charge", "paid"]
    assert "CAST(CAST(:charge AS text) AS NUMERIC(12, 2)[])" in sql(insert_statement(mixed, ("charge", "id")))
    assert "CAST(:id AS UUID[])" in sql(insert_statement(mixed, ("charge", "id")))


def test_documents_and_arrays_travel_as_their_json_texts_joined_in_one_text():
    from sqlalchemy import ARRAY
    from sqlalchemy.dialects.postgresql import JSONB, asyncpg

    from shared.db.bulk import _columns_of
    from shared.db.separated_texts import NULL, SEPARATOR

    documents = Table("documents_joined", MetaData(), Column("id", Integer, primary_key=True), Column("doc", JSONB),
                      Column("codes", ARRAY(String)))
    statement = sql(insert_statement(documents, ("id", "doc", "codes")))
    assert ("unnest(CAST(CAST(:id AS text) AS INTEGER[]), string_to_array(CAST(:doc AS text), chr(30), chr(31)), "
            "string_to_array(CAST(:codes AS text), chr(30), chr(31)))") in statement
    columns = _columns_of(asyncpg.dialect(), documents, ("doc", "codes"),
                          [{"doc": {"a": 1}, "codes": ["25"]}, {"doc": None, "codes": None}])
    assert columns == {"doc": '{"a": 1}' + SEPARATOR + "null", "codes": '["25"]' + SEPARATOR + NULL}
