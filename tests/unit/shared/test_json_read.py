"""A JSON column's value read by `json_value` is `json.loads`'s: the same value, or the same error."""
import json
import random
import struct

import pytest

from shared.db.json_read import json_value

pytestmark = pytest.mark.unit

DOCUMENTS = [
    '{"a": 1, "a": 2}', '{"b": [1, 2, {"c": null}], "d": true, "e": false}', ' \n\t\r[1]\r\n ', "[]", "{}", '""',
    "-0", "-0.0", "0.1", "1E2", "1e-7", "2.5e-324", "5e-324", "123.456e-7", "1.0", "18446744073709551615",
    "9223372036854775807", "-9223372036854775808", '"\\u0000"', '"\\ud83d\\ude00"', '"\\/"', '"\u2028"', '"\x7f"',
    '{"amount": "12.50", "date": "2026-12-06", "codes": ["99213", "J45.909"]}', '{"é": "ß", "日本": "語"}',
    '{"member": "W1234567890123456789012", "n": 12345678901234567}', '["日本1234567890123456789語", 1]',
    '{"é": 123456789012345678901234567890}',
]
# What orjson reads otherwise or refuses: integers past 64 bits (a float to orjson), NaN and infinities,
# numbers that overflow, a lone surrogate's escape.
LEFT_TO_JSON = [
    "123456789012345678901234567890", "-9223372036854775809", "18446744073709551616", '{"n": 10000000000000000000}',
    "NaN", "[Infinity, -Infinity]", "1e400", "-1e400", "1.7976931348623157e309", '"\\ud800"', '["\\udfff", 1]',
]
REFUSED = ['"a\tb"', '"a\x01b"', "\ufeff{}", '{"a":1}x', "[1,]", '{"a":1,}', "01", "1.", ".5", "+1", '"\\x41"',
           "tru", "1_000", "0x10", "", " "]


def outcome(read, text):
    try:
        value = read(text)
    except (ValueError, RecursionError) as error:
        return type(error), None
    return None, (type(value), repr(value))


@pytest.mark.parametrize("text", DOCUMENTS + LEFT_TO_JSON)
def test_a_document_reads_as_json_loads_reads_it_types_and_all(text):
    assert outcome(json_value, text) == outcome(json.loads, text)


@pytest.mark.parametrize("text", REFUSED + ["[" * 2000 + "]" * 2000])
def test_what_json_loads_refuses_is_refused_with_its_error(text):
    assert outcome(json_value, text)[0] is outcome(json.loads, text)[0] is not None


def test_long_integers_keep_their_digits():
    assert json_value('{"big": 123456789012345678901234567890}') == {"big": 123456789012345678901234567890}


def test_numbers_read_to_the_same_float_and_int():
    """Random doubles' shortest texts, decimal texts of up to 18 digits a side with exponents at and past
    the doubles' range, and integers up to 18 digits (which orjson reads) and up to 2 ** 64."""
    draw = random.Random(20261206)
    texts = []
    for _ in range(20000):
        number = struct.unpack("<d", struct.pack("<Q", draw.getrandbits(64)))[0]
        if number == number and abs(number) != float("inf"):
            texts.append(repr(number))
        digits = "".join(draw.choice("0123456789") for _ in range(draw.randint(1, 18)))
        texts.append(f"{digits.lstrip('0') or '0'}.{digits[::-1]}e{draw.randint(-330, 310)}")
        texts.append(str(draw.randint(-10 ** 18 + 1, 10 ** 18 - 1)))
        texts.append(str(draw.randint(-2 ** 63, 2 ** 64 - 1)))
    assert [outcome(json_value, t) for t in texts] == [outcome(json.loads, t) for t in texts]
