"""Reading X12 interchanges into segments, honouring the delimiters declared in the ISA.

Only the tokenizer lives here; each transaction's meaning (999, 277CA, 835) is read by the service
that owns it.
"""
import re
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


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_CONTROL_PROBLEMS = 20


def control_character_problems(text: str) -> list[str]:
    """Where the text holds a control character X12 does not allow, by segment id, element and position.

    The ISA's delimiters may be control characters (a file may end segments with one), CR and LF may
    separate segments; anything else, and NUL anywhere, is refused: Postgres text cannot hold NUL, and
    no amount, code or name holds a control character. Values are never quoted.
    """
    try:
        d = delimiters(text)
    except X12SyntaxError:
        found = _CONTROL.search(text.replace("\r", "").replace("\n", ""))
        return [f"segment 1: control character {_code(found.group())} in a file that is not X12"] if found else []
    if "\x00" in (d.element, d.component, d.repetition, d.segment):
        return ["ISA at segment 1: NUL cannot be a delimiter"]
    inside = str.maketrans("", "", d.element + d.component + d.repetition)
    if not _CONTROL.search(text.replace(d.segment, "").translate(inside)):
        return []  # none but the delimiters: nothing to place (most files; the search below is per element)
    problems: list[str] = []
    position = 0
    for raw in text.split(d.segment):
        stripped = raw.strip("\r\n ")
        if not stripped:
            continue
        position += 1
        if _CONTROL.search(stripped.translate(inside)):  # a segment without one has no element with one
            problems += _segment_control_problems(stripped, position, d)
        if len(problems) >= MAX_CONTROL_PROBLEMS:
            break
    return problems[:MAX_CONTROL_PROBLEMS]


def _segment_control_problems(raw: str, position: int, d: Delimiters) -> list[str]:
    elements = raw.split(d.element)
    tag = elements[0] if elements[0].isalnum() and len(elements[0]) <= 3 else ""
    problems = []
    for index, value in enumerate(elements):
        found = _CONTROL.search(value.replace(d.component, "").replace(d.repetition, ""))
        if found:
            where = f"{tag}{index:02d}" if tag and index else tag or "segment id"
            problems.append(f"{where} at segment {position}: control character {_code(found.group())} is not allowed")
    return problems


def _code(character: str) -> str:
    return f"U+{ord(character):04X}"
