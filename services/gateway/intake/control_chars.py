"""Control characters are refused at the door, each named by where it sits (a JSON path), never by value.

Postgres text cannot hold NUL, and no name, id, code or address holds a C0 control character or DEL:
passed on, they fail a later step (a database write, a consumer) where the client no longer hears of it.
Free text (the note) may hold TAB, CR and LF.
"""
import re
from collections.abc import Callable, Iterator

CONTROL = re.compile(r"[\x00-\x1f\x7f]")
CONTROL_BUT_WHITESPACE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_REPORTED = 20
MULTILINE_FIELDS = {("note",)}
Path = tuple[str | int, ...]


def first_control(text: str, *, whitespace_allowed: bool = False) -> str | None:
    """The first refused character as U+XXXX, or None."""
    found = (CONTROL_BUT_WHITESPACE if whitespace_allowed else CONTROL).search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def may_hold_control_characters(raw: bytes) -> bool:
    """False when no string of a JSON document can hold one, so the walk over every string is skipped (most
    bodies): valid JSON carries a C0 character in a string only escaped (after a backslash), DEL raw."""
    return b"\\" in raw or b"\x7f" in raw


def _strings(value, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and CONTROL.search(key):
                yield path + ("(member name)",), key  # the name itself is refused: nothing below it is read
                continue
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def control_problems(value, prefix: str, *, whitespace_allowed: Callable[[Path], bool] = lambda path: False,
                     only_nul: bool = False) -> list[dict]:
    """One problem per string (or member name) holding a refused character, named `prefix.a.0.b`."""
    problems: list[dict] = []
    for path, text in _strings(value, ()):
        code = ("U+0000" if "\x00" in text else None) if only_nul else first_control(
            text, whitespace_allowed=whitespace_allowed(path))
        if code:
            field = ".".join([prefix, *(str(part) for part in path)])
            problems.append({"field": field, "message": f"holds a control character ({code}); remove it"})
        if len(problems) >= MAX_REPORTED:
            break
    return problems


def encounter_problems(body, prefix: str) -> list[dict]:
    """Control characters in an encounter body; the note alone may hold TAB, CR and LF."""
    return control_problems(body, prefix, whitespace_allowed=lambda path: path in MULTILINE_FIELDS)
