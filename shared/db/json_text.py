"""`json.dumps(value)`'s text, without the Python layers it crosses to reach its C encoder.

A bulk write encodes each row's JSON values one at a time (a timeline entry's detail, a check's answer, a
line's modifiers), and for a value of a few items `json.dumps` spends more in `dumps`, `JSONEncoder`'s
construction (with `default=`), `encode` and `iterencode` than in the encoding. `json_text` calls the
encoder those layers build, made with the arguments `json.dumps(value, default=default)` gives it (ASCII
escapes, `", "` and `": "`, NaN allowed, keys unsorted, a fresh circular-reference set), so the text is the
same string, and a value it refuses raises the same error. Without the C encoder (a Python built without
`_json`) it is `json.dumps`.
"""
import json
from json.encoder import c_make_encoder, encode_basestring_ascii

_DEFAULT = json.JSONEncoder()  # json.dumps's settings: default(), separators, allow_nan, ...


def _c_json_text(value, default=None) -> str:
    encode = c_make_encoder({}, _DEFAULT.default if default is None else default, encode_basestring_ascii,
                            _DEFAULT.indent, _DEFAULT.key_separator, _DEFAULT.item_separator, _DEFAULT.sort_keys,
                            _DEFAULT.skipkeys, _DEFAULT.allow_nan)
    return "".join(encode(value, 0))


json_text = json.dumps if c_make_encoder is None else _c_json_text
