"""A JSON column's value as `json.loads(text)` reads it, parsed by orjson wherever orjson reads it the same.

Every json and jsonb value a service reads is decoded in Python as its row arrives (the driver's codec): in
claims' submission round, each claim's coded document, its edits and its lines aggregated; in the claim view,
its lines and timeline. `json.loads` builds its values through Python-level scanner callbacks; orjson parses
the same text some two to three times faster. The two agree on every document RFC 8259 allows but one kind: an
integer beyond 64 bits, which orjson reads as a float and `json.loads` as an int, so a text holding a run of 19
digits or more (such an integer needs them; a long digit string inside a text value only costs the slower parse)
is left to `json.loads`. Whatever orjson refuses (NaN, Infinity, an overflowing number, a lone surrogate's
escape, nesting past its depth, bytes that are not UTF-8) goes to `json.loads` too, which returns its value or
raises its error as before.

The codec is handed the value's bytes as the server sends them (json: the text in UTF-8; jsonb: a version byte,
then the text), and they go to orjson as they are: no slice or decode to a `str` first, and the run of digits
is looked for in those bytes with every digit mapped to "0" (one C pass; a regular expression's search cost
more than the parse it guards, and UTF-8 puts no ASCII byte inside a multi-byte character). A value left to
`json.loads` is decoded as SQLAlchemy's own codec decoded it (`bytes.decode()`, strict UTF-8).
"""
import json
from functools import partial

import orjson

_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_LONG_DIGIT_RUN = b"0" * 19

# jsonb's binary form: this version byte, then the document's text. It is no digit, so the search for a run of
# digits reads it with the text.
JSONB_VERSION = b"\x01"


def json_bytes_value(data: bytes, start: int = 0):
    """`json.loads(data[start:].decode())`'s value (or error), read by orjson when it reads the text the same."""
    if _LONG_DIGIT_RUN not in data.translate(_DIGITS_AS_ZERO):
        try:
            return orjson.loads(data[start:])  # the whole value when `start` is 0: no copy
        except orjson.JSONDecodeError:
            pass
    return json.loads(data[start:].decode())


jsonb_bytes_value = partial(json_bytes_value, start=len(JSONB_VERSION))  # a jsonb value, its version byte skipped


def jsonb_bytes(text: str) -> bytes:
    """A JSON text as jsonb's binary form, as SQLAlchemy's asyncpg dialect sends it."""
    return JSONB_VERSION + text.encode()
