"""The independent gate on every 837P: pyx12's X222A1 map. Zero errors, or the file is not sent.

Not pure (pyx12 logs, loads map files), but it belongs with the writer it checks. pyx12 reports each
problem through the `pyx12` logger; they are captured here, one string per error, with the offending
element values withheld: they can be names, dates of birth or member ids (PHI).
"""
import functools
import io
import logging
import sys
import threading

import pyx12.errors
import pyx12.map_if
import pyx12.params
import pyx12.x12n_document

_PARAMS = pyx12.params.params()
_LOCK = threading.Lock()  # the capture handler and the map-loader swap are process-wide
_LOGGER = logging.getLogger("pyx12")
_original_load_map_file = pyx12.map_if.load_map_file


@functools.lru_cache(maxsize=8)
def _cached_map(map_file: str, map_path: str | None):
    return _original_load_map_file(map_file, _PARAMS, map_path)


def _load_map_file(map_file: str, param, map_path: str | None = None):
    """Parsing the X222A1 map takes ~130 ms, 95% of validating a one-claim file; the map is read-only
    during validation (segment counts live in pyx12's walker), so one parsed copy serves every call."""
    if param is not _PARAMS:
        return _original_load_map_file(map_file, param, map_path)
    return _cached_map(map_file, map_path)


def _logged_value(record: logging.LogRecord) -> str | None:
    """The bad value pyx12 passed to ele_error/seg_error, read from that frame (its message is preformatted)."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == record.funcName and frame.f_code.co_filename == record.pathname:
            value = frame.f_locals.get("bad_value", frame.f_locals.get("err_value"))
            return value if isinstance(value, str) and value else None
        frame = frame.f_back
    return None


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message, value = record.getMessage(), _logged_value(record)
        if value:
            message = message.replace(f"({value})", "(…)").replace(f'"{value}"', '"…"')
        self.messages.append(message)


def validate_x12(text: str) -> list[str]:
    """The validator's error messages; [] means the file is valid."""
    capture = _Capture()
    with _LOCK:
        _LOGGER.addHandler(capture)
        previous = _LOGGER.propagate, _LOGGER.level
        _LOGGER.propagate, _LOGGER.level = False, logging.ERROR  # keep its errors out of the app's logs
        pyx12.map_if.load_map_file = _load_map_file
        try:
            ok = pyx12.x12n_document.x12n_document(_PARAMS, io.StringIO(text), None, None)
        except (pyx12.errors.X12Error, pyx12.errors.EngineError) as exc:  # map or envelope problems: no PHI
            ok = False
            capture.messages.append(f"pyx12 could not read the file: {str(exc)[:200]}")
        except Exception as exc:  # fail closed: a file pyx12 cannot walk is not sent; its text may hold PHI
            ok = False
            capture.messages.append(f"pyx12 failed on the file: {type(exc).__name__}")
        finally:
            pyx12.map_if.load_map_file = _original_load_map_file
            _LOGGER.removeHandler(capture)
            _LOGGER.propagate, _LOGGER.level = previous
    if not ok and not capture.messages:
        capture.messages.append("pyx12 rejected the file without a message")
    return capture.messages
