"""A batch's column bound as one Postgres array literal: text that the statement casts to the column's array.

asyncpg inspects every element of a bound Python list in Python (an abc check or two apiece) before it encodes
the array; one text per column costs one check. That pays for strings, numbers and booleans, whose text is cheap
to write; a UUID's, a time's or a document's text costs more than the check (shared/db/bulk.py's `_literal`).

Every element is written in its type's text input form and double-quoted, its quotes and backslashes escaped
(when any value of the column holds one), so the literal parses to exactly the values given: None is NULL and
a string "NULL", an empty string, braces, commas and spaces stay what they are. Each value is written as the
driver would have sent it: a timestamp as its UTC instant (asyncpg's `astimezone(utc)`), a date without a time,
bytes in hex, a number as it prints (exact for Decimal; a float's shortest text that reads back to it), and
the first and last days and instants Python holds as Postgres's -infinity and infinity.
"""
from collections.abc import Callable, Sequence
from datetime import date, datetime, timezone
from typing import Any

ElementText = Callable[[Any], str]


def array_literal(values: Sequence, element_text: ElementText | None = None) -> str:
    """The literal of `values` (strings as they are, or each written by `element_text`), None as NULL."""
    if element_text is not None:
        values = [None if v is None else element_text(v) for v in values]
    if '"' in (joined := "".join(filter(None, values))) or "\\" in joined:
        values = [None if v is None else v.replace("\\", "\\\\").replace('"', '\\"') for v in values]
    return "{" + ",".join(["NULL" if v is None else '"' + v + '"' for v in values]) + "}"


# The values asyncpg sends as Postgres's infinities (by the instant, or the day, it would send otherwise).
_INFINITIES = {"9999-12-31T23:59:59.999999+00:00": "infinity", "0001-01-01T00:00:00+00:00": "-infinity",
               "9999-12-31T23:59:59.999999": "infinity", "0001-01-01T00:00:00": "-infinity",
               "9999-12-31": "infinity", "0001-01-01": "-infinity"}


def timestamptz_text(value: datetime) -> str:
    """The instant in UTC, to the microsecond (a naive value is taken as local time, as asyncpg takes it)."""
    instant = value.astimezone(timezone.utc).isoformat()
    return _INFINITIES.get(instant, instant)


def timestamp_text(value: datetime) -> str:
    """A timestamp without time zone: the naive value as it is."""
    moment = value.isoformat()
    return _INFINITIES.get(moment, moment)


def date_text(value: date) -> str:
    """The day (of a datetime too, as the driver takes it)."""
    day = date.isoformat(value)
    return _INFINITIES.get(day, day)


def bytea_text(value: bytes) -> str:
    """Postgres's hex form (its backslash escaped in the literal like any other)."""
    return "\\x" + value.hex()


def bool_text(value: bool) -> str:
    return "t" if value else "f"


printed_text: ElementText = str  # uuid, int, Decimal, float: as they print, their text input form
