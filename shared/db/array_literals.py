"""A batch's column bound as one Postgres array literal: text that the statement casts to the column's array.

asyncpg inspects every element of a bound Python list in Python (an abc check or two apiece) before it encodes
the array; one text per column costs one check. That pays for strings, numbers and booleans, whose text is cheap
to write; a UUID's, a time's or a document's text costs more than the check (shared/db/bulk.py's `_literal`).

Every element is written in its type's text input form and double-quoted, its quotes and backslashes escaped
(when any value of the column holds one), so the literal parses to exactly the values given: None is NULL and
a string "NULL", an empty string, braces, commas and spaces stay what they are. A number is written as it prints
(exact for Decimal; a float's shortest text that reads back to it), a boolean as t or f.
"""
from collections.abc import Callable, Sequence
from typing import Any

ElementText = Callable[[Any], str]


def array_literal(values: Sequence, element_text: ElementText | None = None) -> str:
    """The literal of `values` (strings as they are, or each written by `element_text`), None as NULL."""
    if element_text is not None:
        values = [None if v is None else element_text(v) for v in values]
    if '"' in (joined := "".join(filter(None, values))) or "\\" in joined:
        values = [None if v is None else v.replace("\\", "\\\\").replace('"', '\\"') for v in values]
    if values and None not in values:  # the same text, quoted by one join rather than one concatenation a value
        return '{"' + '","'.join(values) + '"}'
    return "{" + ",".join(["NULL" if v is None else '"' + v + '"' for v in values]) + "}"


def bool_text(value: bool) -> str:
    return "t" if value else "f"


printed_text: ElementText = str  # uuid, int, Decimal, float: as they print, their text input form
