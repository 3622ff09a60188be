"""A json or jsonb value read from the server's bytes (`json_bytes_value`, `jsonb_bytes_value`) is what SQLAlchemy's
asyncpg codecs read with `json.loads`: the same value of the same types, or the same error; and a value written is
the bytes SQLAlchemy's jsonb codec wrote."""
import asyncio
import random
import struct

import pytest
from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg

from shared.db.json_read import json_bytes_value, jsonb_bytes, jsonb_bytes_value

pytestmark = pytest.mark.unit

DOCUMENTS = [
    '{"a": 1, "a": 2}', '{"b": [1, 2, {"c": null}], "d": true, "e": false}', ' \n\t\r[1]\r\n ', "[]", "{}", '""',
    "-0", "-0.0", "0.1", "1E2", "1e-7", "2.5e-324", "5e-324", "123.456e-7", "1.0", "18446744073709551615",
    "9223372036854775807", "-9223372036854775808", '"\\u0000"', '"\\ud83d\\ude00"', '"\\/"', '"\u2028"', '"\x7f"',
    '{"amount": "12.50", "date": "2026-12-06", "codes": ["99213", "J45.909"]}', '{"é": "ß", "日本": "語"}',
    '{"member": "W1234567890123456789012", "n": 12345678901234567}', '["日本1234567890123456789語", 1]',
    '{"é": 123456789012345678901234567890}', '"\U0001f600"', '[1234567890123456789]', '[123456789012345678]',
]
# What orjson reads otherwise or refuses: integers past 64 bits (a float to orjson), NaN and infinities,
# numbers that overflow, a lone surrogate's escape.
LEFT_TO_JSON = [
    "123456789012345678901234567890", "-9223372036854775809", "18446744073709551616", '{"n": 10000000000000000000}',
    "NaN", "[Infinity, -Infinity]", "1e400", "-1e400", "1.7976931348623157e309", '"\\ud800"', '["\\udfff", 1]',
]
REFUSED = ['"a\tb"', '"a\x01b"', "\ufeff{}", '{"a":1}x', "[1,]", '{"a":1,}', "01", "1.", ".5", "+1", '"\\x41"',
           "tru", "1_000", "0x10", "", " ", "[" * 2000 + "]" * 2000]
NOT_UTF8 = [b'"\xff"', b'["\xc3"]', b'"\xed\xa0\x80"', b"\xfe{}", b'{"a": "\xe6\x97"}',
            b'[12345678901234567890, "\xff"]']


def _sqlalchemys_codecs() -> dict[str, dict]:
    """The encoder and decoder SQLAlchemy's asyncpg dialect registers for json and jsonb (json.loads its parser)."""
    registered = {}

    class Driver:
        async def set_type_codec(self, name, **codec):
            registered[name] = codec

    class Adapter:
        _connection = Driver()

    dialect = PGDialect_asyncpg()
    asyncio.run(dialect.setup_asyncpg_json_codec(Adapter()))
    asyncio.run(dialect.setup_asyncpg_jsonb_codec(Adapter()))
    return registered


SQLALCHEMY = _sqlalchemys_codecs()
READS = [("json", json_bytes_value, b""), ("jsonb", jsonb_bytes_value, b"\x01")]


def outcome(read, data):
    try:
        value = read(data)
    except (ValueError, RecursionError) as error:
        return type(error), None
    return None, (type(value), repr(value))


@pytest.mark.parametrize("name, read, prefix", READS)
@pytest.mark.parametrize("text", DOCUMENTS + LEFT_TO_JSON)
def test_a_document_reads_as_sqlalchemys_codec_reads_it_types_and_all(name, read, prefix, text):
    data = prefix + text.encode()
    assert outcome(read, data) == outcome(SQLALCHEMY[name]["decoder"], data)
    assert outcome(read, data)[0] is None


@pytest.mark.parametrize("name, read, prefix", READS)
@pytest.mark.parametrize("data", [text.encode() for text in REFUSED] + NOT_UTF8)
def test_what_sqlalchemys_codec_refuses_is_refused_with_its_error(name, read, prefix, data):
    refused = outcome(SQLALCHEMY[name]["decoder"], prefix + data)[0]
    assert outcome(read, prefix + data)[0] is refused is not None


def test_bytes_that_are_not_utf8_raise_the_decode_error():
    with pytest.raises(UnicodeDecodeError):
        jsonb_bytes_value(b'\x01"\xff"')


def test_long_integers_keep_their_digits():
    assert jsonb_bytes_value(b'\x01{"big": 123456789012345678901234567890}') == {"big": 123456789012345678901234567890}
    assert json_bytes_value(b"[12345678901234567890]") == [12345678901234567890]


def test_a_jsonb_value_is_written_as_sqlalchemys_codec_writes_it():
    for text in DOCUMENTS + LEFT_TO_JSON + REFUSED:
        assert jsonb_bytes(text) == SQLALCHEMY["jsonb"]["encoder"](text)
    assert SQLALCHEMY["json"]["encoder"] is str.encode and SQLALCHEMY["json"]["format"] == "binary"


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
    data = [b"\x01" + text.encode() for text in texts]
    assert [outcome(jsonb_bytes_value, d) for d in data] == [outcome(SQLALCHEMY["jsonb"]["decoder"], d) for d in data]
