"""The JSON answers a service builds itself (problems, health, replays), rendered by orjson.

Routes that return data are serialised by FastAPI straight through their response model's
pydantic serializer (a Rust encoder as fast as orjson), so this class is not made the apps'
default response class: setting one would send every route through jsonable_encoder first.
Bytes are what json.dumps wrote before: compact separators, UTF-8 unescaped; a Decimal is its
string (as pydantic writes it), dates and datetimes ISO 8601.
"""
from decimal import Decimal
from typing import Any

import orjson
from starlette.responses import JSONResponse as StarletteJSONResponse


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def dump_json(content: Any) -> bytes:
    return orjson.dumps(content, default=_default)


class JSONResponse(StarletteJSONResponse):
    def render(self, content: Any) -> bytes:
        return dump_json(content)
