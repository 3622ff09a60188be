"""The independent gate on every 837P: pyx12's X222A1 map. Zero errors, or the file is not sent.

An adapter over pyx12 (it logs, loads map files, runs the library's speedups), beside the other gate on
the 270/276 (`x12_models`); the 837P writer it checks stays pure in the domain. pyx12 reports each
problem through the `pyx12` logger; they are captured here, one string per error, with the offending
element values withheld: they can be names, dates of birth or member ids (PHI). pyx12 runs with the
speedups of `pyx12_speedups` (maps loaded once per process, per-claim work cached): same verdicts,
a fraction of the CPU.
"""
import io
import logging
import sys
import threading

import pyx12.errors
import pyx12.params
import pyx12.x12n_document

from services.claims.adapters import pyx12_speedups

pyx12_speedups.apply()
_PARAMS = pyx12.params.params()
_LOCK = threading.Lock()  # the capture handler sits on the process-wide `pyx12` logger
_LOGGER = logging.getLogger("pyx12")


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
        try:
            ok = pyx12.x12n_document.x12n_document(_PARAMS, io.StringIO(text), None, None)
        except (pyx12.errors.X12Error, pyx12.errors.EngineError) as exc:  # map or envelope problems: no PHI
            ok = False
            capture.messages.append(f"pyx12 could not read the file: {str(exc)[:200]}")
        except Exception as exc:  # fail closed: a file pyx12 cannot walk is not sent; its text may hold PHI
            ok = False
            capture.messages.append(f"pyx12 failed on the file: {type(exc).__name__}")
        finally:
            _LOGGER.removeHandler(capture)
            _LOGGER.propagate, _LOGGER.level = previous
    if not ok and not capture.messages:
        capture.messages.append("pyx12 rejected the file without a message")
    return capture.messages
