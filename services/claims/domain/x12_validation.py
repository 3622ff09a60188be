"""The independent gate on every 837P: pyx12's X222A1 map. Zero errors, or the file is not sent.

pyx12 reports problems through the `pyx12` logger; they are captured here, one string per error.
"""
import io
import logging
import threading

import pyx12.params
import pyx12.x12n_document

_PARAMS = pyx12.params.params()
_LOCK = threading.Lock()  # the capture handler is per call; pyx12's logger is process-wide


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def validate_x12(text: str) -> list[str]:
    """Returns the validator's error messages; [] means the file is valid."""
    capture = _Capture()
    logger = logging.getLogger("pyx12")
    with _LOCK:
        logger.addHandler(capture)
        previous, logger.propagate = logger.propagate, False
        try:
            ok = pyx12.x12n_document.x12n_document(_PARAMS, io.StringIO(text), None, None)
        finally:
            logger.removeHandler(capture)
            logger.propagate = previous
    if not ok and not capture.messages:
        capture.messages.append("pyx12 rejected the file without a message")
    return capture.messages
