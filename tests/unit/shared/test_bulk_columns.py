"""A bulk write's column texts (shared/db/bulk.py `_columns_of`) against the plain way of writing them: every
value bound by its column type's processor, JSON by `json.dumps`, each literal element quoted one at a time."""
import enum
import json
import threading
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import (ARRAY, Boolean, Column, Date, DateTime, Enum, Integer, LargeBinary, MetaData, Numeric, String,
                        Table, Text, Uuid)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import AutoString

from shared.db.array_literals import array_literal
from shared.db.bulk import EncodedJson, _columns_of, _literal, _processor, _separated
from shared.db.json_text import json_text
from shared.db.separated_texts import NULL, SEPARATOR

pytestmark = pytest.mark.unit

DIALECT = create_async_engine("postgresql+asyncpg://bulk@127.0.0.1/columns").sync_engine.dialect  # with its dbapi


class Status(enum.Enum):
    READY = "ready"
    HELD = "held"


EVERY_TYPE = Table(
    "every_type", MetaData(), Column("id", Uuid, primary_key=True), Column("code", AutoString(20)),
    Column("note", Text), Column("count", Integer), Column("charge", Numeric(12, 2)), Column("paid", Boolean),
    Column("at", DateTime(timezone=True)), Column("on", Date), Column("status", Enum(Status)),
    Column("detail", JSONB), Column("modifiers", ARRAY(String)), Column("raw", LargeBinary))
NAMES = tuple(column.name for column in EVERY_TYPE.columns)

STRINGS = ["plain", 'a "quoted" word', "back\\slash", "NULL", "", "{braces, commas}", "café ümlaut 名前", " spaced ",
           "\\\"both\\\""]
DOCUMENTS = [{"a": 1}, {"nested": {"list": [1, 2.5, None, True], "text": 'q"uote\\'}}, [], {"é": "名"}, "a string",
             12, None, EncodedJson('{"already":"encoded"}'), [{"deep": [{"deeper": {}}]}]]


def row(n: int, with_nulls: bool) -> dict:
    def pick(values):
        return values[n % len(values)]

    null = with_nulls and n % 3 == 0
    return {"id": uuid.UUID(int=n * 7919 + 1), "code": None if null else pick(STRINGS)[:20],
            "note": None if null else pick(STRINGS) * (n % 4), "count": None if null else n - 5,
            "charge": None if null else Decimal(n) / 8 - Decimal("3.10"),
            "paid": None if null else n % 2 == 0,
            "at": None if null else datetime(2026, 12, 7, n % 24, tzinfo=UTC),
            "on": None if null else date(2026, 1 + n % 12, 1 + n % 28), "status": None if null else pick(list(Status)),
            "detail": pick(DOCUMENTS), "modifiers": None if null else [pick(STRINGS), str(Decimal("1.50")), "25"][: n % 4],
            "raw": None if null else bytes([n % 256]) * (n % 3)}


def plain_literal(values: list, element_text) -> str:
    texts = [None if v is None else (element_text or (lambda s: s))(v) for v in values]
    escaped = [None if t is None else t.replace("\\", "\\\\").replace('"', '\\"') for t in texts]
    return "{" + ",".join(["NULL" if t is None else '"' + t + '"' for t in escaped]) + "}"


def plain_columns(rows: list[dict]) -> dict:
    columns = {}
    for name in NAMES:
        column_type = EVERY_TYPE.c[name].type
        process = column_type.dialect_impl(DIALECT).bind_processor(DIALECT)
        values = [row[name] for row in rows]
        if isinstance(column_type, ARRAY):
            columns[name] = SEPARATOR.join(NULL if v is None else json.dumps(list(v), default=str) for v in values)
        elif isinstance(column_type, JSONB):
            columns[name] = SEPARATOR.join(v if type(v) is EncodedJson else json.dumps(v) for v in values)
        else:
            values = [process(v) for v in values] if process else values
            as_literal, element_text = _literal(EVERY_TYPE, name)
            columns[name] = plain_literal(values, element_text) if as_literal else values
    return columns


@pytest.mark.parametrize("size", [1, 2, 10, 50, 500])
@pytest.mark.parametrize("with_nulls", [False, True])
def test_every_column_is_the_text_the_plain_way_writes(size, with_nulls):
    rows = [row(n + size, with_nulls) for n in range(size)]
    assert _columns_of(DIALECT, EVERY_TYPE, NAMES, rows) == plain_columns(rows)


def test_a_batch_of_the_same_shape_again_gets_its_own_values():
    first, second = [row(1, False)], [row(2, True), row(4, False)]
    _columns_of(DIALECT, EVERY_TYPE, NAMES, first)
    assert _columns_of(DIALECT, EVERY_TYPE, list(NAMES), second) == plain_columns(second)


def test_the_literal_columns_and_the_joined_ones_are_as_the_table_says():
    assert [n for n in NAMES if _separated(EVERY_TYPE, n)] == ["detail", "modifiers"]
    assert [n for n in NAMES if _literal(EVERY_TYPE, n)[0]] == ["code", "note", "count", "charge", "paid", "status"]


def test_bytes_skip_the_step_that_hands_them_on_unchanged_and_keep_the_others():
    raw_step = EVERY_TYPE.c.raw.type.dialect_impl(DIALECT).bind_processor(DIALECT)
    assert raw_step is not None and raw_step(b"\x00") == b"\x00" and _processor(EVERY_TYPE, "raw", DIALECT) is None
    assert _processor(EVERY_TYPE, "status", DIALECT)(Status.HELD) == "HELD"
    assert _processor(EVERY_TYPE, "paid", DIALECT)(1) is True


def test_a_literal_without_nulls_quotes_every_element_as_one_with_nulls_does():
    for values in (["a"], ["a", 'b"', "c\\"], [""], ["", ""], ["名", "NULL"]):
        assert array_literal(values) == plain_literal(values, None)
        assert array_literal([*values, None]) == plain_literal([*values, None], None)
    assert array_literal([]) == "{}"
    assert array_literal([Decimal("1.10"), 3, None], str) == '{"1.10","3",NULL}'


def test_json_text_is_json_dumps_text_for_every_document_and_default():
    for document in [*DOCUMENTS[:-3], [date(2026, 1, 2), Decimal("0.10")], {"k": float("nan")}]:
        assert json_text(document, default=str) == json.dumps(document, default=str)
        if not isinstance(document, list) or not any(isinstance(v, (date, Decimal)) for v in document):
            assert json_text(document) == json.dumps(document)


def test_a_value_refused_leaves_the_next_value_written_as_if_nothing_had_happened():
    circular: dict = {"a": 1}
    circular["self"] = circular
    with pytest.raises(ValueError, match="Circular reference detected"):
        json_text(circular)
    del circular["self"]
    assert json_text(circular) == '{"a": 1}'
    refused = [{"when": date(2026, 1, 1)}]
    with pytest.raises(TypeError, match="not JSON serializable"):
        json_text(refused)
    refused[0]["when"] = "later"
    assert json_text(refused) == '[{"when": "later"}]'
    shared_leaf = {"x": 1}
    assert json_text([shared_leaf, shared_leaf, {"in": shared_leaf}]) == '[{"x": 1}, {"x": 1}, {"in": {"x": 1}}]'


def test_threads_writing_the_same_document_at_once_each_get_its_text():
    document = {"shared": [{"deep": list(range(50))}] * 20}
    expected, answers = json.dumps(document, default=str), []

    def write():
        answers.extend(json_text(document, default=str) for _ in range(200))

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [expected] * 800
