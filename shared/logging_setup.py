"""Structured JSON logs with trace and span ids. Callers log ids and codes, never PHI.

Every logger ends here, uvicorn's too: uvicorn configures its own handlers (plain text, full tracebacks)
before the app starts, and a traceback's exception message can quote a request's values (a database
driver's error quotes the text it could not store). Exceptions are logged by type only.
"""
import logging
import sys
from datetime import datetime, timezone

import orjson
from opentelemetry import trace

_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi")


def _message(record: logging.LogRecord) -> str:
    """The message with every exception argument as its type name: its text may quote input values."""
    if isinstance(record.msg, BaseException):
        return type(record.msg).__name__
    args = record.args
    if isinstance(args, tuple) and any(isinstance(arg, BaseException) for arg in args):
        args = tuple(type(arg).__name__ if isinstance(arg, BaseException) else arg for arg in args)
    elif isinstance(args, dict) and any(isinstance(arg, BaseException) for arg in args.values()):
        args = {key: type(arg).__name__ if isinstance(arg, BaseException) else arg for key, arg in args.items()}
    try:
        return str(record.msg) % args if args else str(record.msg)
    except (TypeError, ValueError, KeyError):
        return str(record.msg)


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str):
        super().__init__()
        self._service = service

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(),
            "level": record.levelname,
            "service": self._service,
            "logger": record.name,
            "msg": _message(record),
        }
        ctx = trace.get_current_span().get_span_context()
        if ctx.is_valid:
            entry["trace_id"] = format(ctx.trace_id, "032x")
            entry["span_id"] = format(ctx.span_id, "016x")
        entry.update({k: _safe(v) for k, v in record.__dict__.items() if k not in _STANDARD and not k.startswith("_")})
        if record.exc_info and record.exc_info[0] is not None:
            # Type and frames only: exception messages may quote input values.
            entry["exc_type"] = record.exc_info[0].__name__
        return orjson.dumps(entry, default=str).decode()


def _safe(value):
    return type(value).__name__ if isinstance(value, BaseException) else value


def setup_logging(service: str, level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in UVICORN_LOGGERS:  # uvicorn's handlers print tracebacks with their messages: route them here
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers[:] = []
        uvicorn_logger.propagate = True
    # uvicorn.access and httpx log request URLs, and a URL can carry a patient id (/v1/patients/{id}/...).
    for noisy in ("aiokafka", "kafka", "uvicorn.access", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
