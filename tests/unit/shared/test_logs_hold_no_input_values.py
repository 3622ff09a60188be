"""Logs never carry what a request sent: driver errors hide parameters, exceptions are logged by type,
and uvicorn's own loggers (tracebacks included) go through the same formatter."""
import io
import logging

import orjson
import pytest

from shared.db.engine import make_engine
from shared.logging_setup import JsonFormatter, setup_logging
from shared.settings import PlatformSettings

pytestmark = pytest.mark.unit
SECRET = "Rivera W123456789"


class _Settings(PlatformSettings):
    service_name = "test"


def _record(msg, args=(), exc_info=None) -> dict:
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, msg, args, exc_info)
    return orjson.loads(JsonFormatter("test").format(record))


def test_every_engine_hides_statement_parameters():
    engine = make_engine(_Settings(database_url="postgresql+asyncpg://u@127.0.0.1:1/db"))
    assert engine.sync_engine.hide_parameters is True


def test_an_exception_argument_is_logged_by_type_only():
    entry = _record("store failed: %s", (ValueError(SECRET),))
    assert entry["msg"] == "store failed: ValueError" and SECRET not in str(entry)


def test_an_exception_as_the_message_is_logged_by_type_only():
    assert _record(KeyError(SECRET))["msg"] == "KeyError"


def test_a_traceback_is_its_type_only():
    try:
        raise RuntimeError(SECRET)
    except RuntimeError as exc:
        entry = _record("Exception in ASGI application\n", exc_info=(type(exc), exc, exc.__traceback__))
    assert entry["exc_type"] == "RuntimeError" and SECRET not in orjson.dumps(entry).decode()


def test_uvicorn_loggers_go_through_the_project_formatter(monkeypatch):
    uvicorn_error = logging.getLogger("uvicorn.error")
    uvicorn = logging.getLogger("uvicorn")
    monkeypatch.setattr(uvicorn, "handlers", [logging.StreamHandler(io.StringIO())])  # as uvicorn's dictConfig leaves it
    monkeypatch.setattr(uvicorn, "propagate", False)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    setup_logging("test")
    try:
        raise ValueError(SECRET)
    except ValueError:
        uvicorn_error.exception("Exception in ASGI application")
    line = out.getvalue().strip().splitlines()[-1]
    assert orjson.loads(line)["exc_type"] == "ValueError" and SECRET not in line
    assert uvicorn.handlers == [] and uvicorn.propagate
