"""The JSON answers a service builds itself (problems, health, replays, hot reads), rendered by orjson.

Most routes that return data are serialised by FastAPI straight through their response model's
pydantic serializer (a Rust encoder as fast as orjson), so this class is not made the apps' default
response class: setting one would send every route through jsonable_encoder first. A hot read route
whose data is already in the model's shape answers `model_bytes(...)` instead: the bytes the model
would write, without validating the data a second time (its route keeps `response_model`, for the
OpenAPI document, and a test proves the bytes validate against the model).
Bytes are what json.dumps wrote before: compact separators, UTF-8 unescaped; a Decimal is its
string (as pydantic writes it), dates and datetimes ISO 8601.
"""
from decimal import Decimal
from typing import Any
from uuid import UUID

import orjson
from starlette.responses import JSONResponse as StarletteJSONResponse
from starlette.responses import Response


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, UUID):  # the driver's own UUID subclass
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def dump_json(content: Any) -> bytes:
    return orjson.dumps(content, default=_default)


def dump_model_json(content: Any) -> bytes:
    """As a pydantic model writes the same values: an instant in UTC ends in `Z`, no fraction when it has none."""
    return orjson.dumps(content, default=_default, option=orjson.OPT_UTC_Z)


def model_bytes(content: Any, status_code: int = 200) -> Response:
    """A route's answer already in its response model's shape, written once (FastAPI validates no Response)."""
    return Response(dump_model_json(content), status_code=status_code, media_type="application/json")


class JSONResponse(StarletteJSONResponse):
    def render(self, content: Any) -> bytes:
        return dump_json(content)
