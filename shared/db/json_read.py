"""A JSON column's value as `json.loads(text)` reads it, parsed by orjson wherever orjson reads it the same.

Every json and jsonb value a service reads is decoded in Python as its row arrives (the driver's codec): in
claims' submission round, each claim's coded document, its edits and its lines aggregated.
`json.loads` builds its values through Python-level scanner callbacks; orjson parses the same text some
two to three times faster. The two agree on every document RFC 8259 allows but one kind: an integer beyond
64 bits, which orjson reads as a float and `json.loads` as an int, so a text holding a run of 19 digits or
more (such an integer needs them; a long digit string inside a text value only costs the slower parse) is
left to `json.loads`. The run is looked for in the text's UTF-8 bytes with every digit mapped to "0" (one C
pass; a regular expression's search cost more than the parse it guards, and UTF-8 puts no ASCII byte inside
a multi-byte character). Whatever orjson refuses (NaN, Infinity, an overflowing number, a lone surrogate's
escape, nesting past its depth) goes to `json.loads` too, which returns its value or raises its error as
before.
"""
import json

import orjson

_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_LONG_DIGIT_RUN = b"0" * 19


def json_value(text: str):
    """`json.loads(text)`'s value (or error), read by orjson when it reads the text the same."""
    if _LONG_DIGIT_RUN not in text.encode(errors="surrogatepass").translate(_DIGITS_AS_ZERO):
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    return json.loads(text)
