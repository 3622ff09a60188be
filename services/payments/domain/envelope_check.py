"""Envelope checks before an 835 is read: ISA/IEA, GS/GE, ST/SE counts and control numbers.

A file whose envelope does not add up was truncated, concatenated or hand-edited: posting any of it
risks posting part of a check. Each problem names the segment and its 1-based position, never a
value that could be PHI.
"""
import re
from dataclasses import dataclass

from shared.x12 import element

SEGMENT_ID = re.compile(r"^[A-Z][A-Z0-9]{1,2}$")


@dataclass
class _Open:
    position: int
    control: str
    count: int = 0  # segments (ST), transaction sets (GS) or groups (ISA) seen so far


def envelope_problems(segs: list[list[str]]) -> list[str]:
    """Problems with the envelopes, in file order; an empty list when every count and number agrees."""
    problems: list[str] = []
    isa = gs = st = None
    for position, seg in enumerate(segs, start=1):
        tag = seg[0]
        if st is not None:
            st.count += 1
        if not SEGMENT_ID.match(tag):
            problems.append(f"segment {position}: not an X12 segment (bad segment id)")
        elif tag == "ISA":
            problems += _unclosed(isa, "IEA", position) + _isa_problems(seg, position)
            isa = _Open(position, element(seg, 13))
        elif tag == "GS":
            problems += _unclosed(gs, "GE", position) + _outside(isa, "GS", "ISA", position)
            gs = _Open(position, element(seg, 6))
            isa = _count(isa)
        elif tag == "ST":
            problems += _unclosed(st, "SE", position) + _outside(gs, "ST", "GS", position)
            st = _Open(position, element(seg, 2), count=1)
            gs = _count(gs)
        elif tag == "SE":
            problems += _close(st, seg, position, "SE", "segments")
            st = None
        elif tag == "GE":
            problems += _unclosed(st, "SE", position) + _close(gs, seg, position, "GE", "transaction sets")
            gs = st = None
        elif tag == "IEA":
            problems += _unclosed(gs, "GE", position) + _close(isa, seg, position, "IEA", "functional groups")
            isa = gs = None
        elif st is None:
            problems.append(f"{tag} at segment {position}: outside any ST/SE transaction set")
    end = len(segs) + 1
    return problems + _unclosed(st, "SE", end) + _unclosed(gs, "GE", end) + _unclosed(isa, "IEA", end)


def _isa_problems(seg: list[str], position: int) -> list[str]:
    problems = []
    if len(seg) != 17:
        problems.append(f"ISA at segment {position}: has {len(seg) - 1} elements, the standard fixes 16")
    if not (element(seg, 13).isdigit() and len(element(seg, 13)) == 9):
        problems.append(f"ISA13 at segment {position}: the interchange control number must be 9 digits")
    return problems


def _count(opened: _Open | None) -> _Open | None:
    if opened is not None:
        opened.count += 1
    return opened


def _outside(parent: _Open | None, tag: str, parent_tag: str, position: int) -> list[str]:
    return [] if parent else [f"{tag} at segment {position}: not inside an {parent_tag} envelope"]


def _unclosed(opened: _Open | None, closer: str, position: int) -> list[str]:
    if opened is None:
        return []
    return [f"{closer} missing before segment {position}: the envelope opened at segment {opened.position} never closes"]


def _close(opened: _Open | None, seg: list[str], position: int, tag: str, unit: str) -> list[str]:
    if opened is None:
        return [f"{tag} at segment {position}: closes an envelope that was never opened"]
    problems = []
    declared = element(seg, 1).strip()
    if not declared.isdigit() or int(declared) != opened.count:
        problems.append(f"{tag}01 at segment {position}: says {declared or 'nothing'} {unit}, counted {opened.count}")
    if not _same_control(element(seg, 2), opened.control):
        problems.append(f"{tag}02 at segment {position}: control number does not match segment {opened.position}")
    return problems


def _same_control(closing: str, opening: str) -> bool:
    """ST02/SE02 and GS06/GE02 compare as text; numeric ones also by value (some payers drop zero padding)."""
    closing, opening = closing.strip(), opening.strip()
    if closing == opening:
        return True
    return closing.isdigit() and opening.isdigit() and int(closing) == int(opening)
