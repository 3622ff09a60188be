"""Reading X12 interchanges into segments, honouring the delimiters declared in the ISA.

Only the tokenizer lives here; each transaction's meaning (999, 277CA, 835) is read by the service
that owns it.
"""
from dataclasses import dataclass


class X12SyntaxError(ValueError):
    """The text is not an X12 interchange. Messages name segment positions, never values."""


@dataclass(frozen=True)
class Delimiters:
    element: str
    component: str
    repetition: str
    segment: str


def delimiters(text: str) -> Delimiters:
    stripped = text.lstrip()
    if not stripped.startswith("ISA") or len(stripped) < 106:
        raise X12SyntaxError("segment 1: an interchange must start with a 106-character ISA segment")
    return Delimiters(element=stripped[3], repetition=stripped[82], component=stripped[104], segment=stripped[105])


def segments(text: str) -> list[list[str]]:
    """Split into segments of elements; whitespace between segments (newlines) is ignored."""
    d = delimiters(text)
    result = []
    for raw in text.strip().split(d.segment):
        raw = raw.strip("\r\n ")
        if raw:
            result.append(raw.split(d.element))
    return result


def element(segment: list[str], index: int, default: str = "") -> str:
    return segment[index] if len(segment) > index else default
