"""`json.dumps(value)`'s text, without the Python layers it crosses to reach its C encoder.

A bulk write encodes each row's JSON values one at a time (a timeline entry's detail, a check's answer, a
line's modifiers), and for a value of a few items `json.dumps` spends more in `dumps`, `JSONEncoder`'s
construction (with `default=`), `encode` and `iterencode` than in the encoding. `json_text` calls the
encoder those layers build, made with the arguments `json.dumps(value, default=default)` gives it (ASCII
escapes, `", "` and `": "`, NaN allowed, keys unsorted, a circular-reference set), so the text is the
same string, and a value it refuses raises the same error. Without the C encoder (a Python built without
`_json`) it is `json.dumps`.

The encoder is made once per thread and `default` (building one cost about as much as encoding a small
value) and kept with its circular-reference set: a value encoded whole leaves the set empty, and one that
raised has the set cleared before the error goes on, so each value starts from an empty set as `json.dumps`'s
fresh one does. Per thread, because a `default` written in Python can let another thread run mid-value.
"""
import json
import threading
from json.encoder import c_make_encoder, encode_basestring_ascii

_DEFAULT = json.JSONEncoder()  # json.dumps's settings: default(), separators, allow_nan, ...
_KEPT_DEFAULTS = 8  # a caller passing a new function each time gets a new encoder each time, as before


class _Encoders(threading.local):
    def __init__(self) -> None:
        self.by_default: dict = {}


_ENCODERS = _Encoders()


def _encoder(default) -> tuple:
    markers: dict = {}
    encode = c_make_encoder(markers, _DEFAULT.default if default is None else default, encode_basestring_ascii,
                            _DEFAULT.indent, _DEFAULT.key_separator, _DEFAULT.item_separator, _DEFAULT.sort_keys,
                            _DEFAULT.skipkeys, _DEFAULT.allow_nan)
    return encode, markers


def _c_json_text(value, default=None) -> str:
    try:
        encode, markers = _ENCODERS.by_default[default]
    except KeyError:
        encode, markers = _encoder(default)
        if len(_ENCODERS.by_default) < _KEPT_DEFAULTS:
            _ENCODERS.by_default[default] = encode, markers
    try:
        return "".join(encode(value, 0))
    except BaseException:
        markers.clear()
        raise


json_text = json.dumps if c_make_encoder is None else _c_json_text
