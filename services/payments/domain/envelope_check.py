"""Envelope checks before an 835 is read: ISA/IEA, GS/GE, ST/SE counts and control numbers.

Each problem names the segment and its 1-based position, never a value that could be PHI.
"""
from shared.x12 import element


def envelope_problems(segs: list[list[str]]) -> list[str]:
    problems: list[str] = []
    open_isa = open_gs = open_st = None
    groups = transactions = count = 0
    for position, seg in enumerate(segs, start=1):
        tag = seg[0]
        count += 1
        if tag == "ISA":
            open_isa, groups = (position, element(seg, 13)), 0
        elif tag == "GS":
            open_gs, transactions, groups = (position, element(seg, 6)), 0, groups + 1
        elif tag == "ST":
            open_st, count, transactions = (position, element(seg, 2)), 1, transactions + 1
        elif tag == "SE":
            problems += _close(open_st, seg, position, "SE", count=count)
            open_st = None
        elif tag == "GE":
            problems += _close(open_gs, seg, position, "GE", count=transactions)
            open_gs = None
        elif tag == "IEA":
            problems += _close(open_isa, seg, position, "IEA", count=groups)
            open_isa = None
    for opened, name in ((open_st, "SE"), (open_gs, "GE"), (open_isa, "IEA")):
        if opened:
            problems.append(f"{name} missing for the envelope opened at segment {opened[0]}")
    return problems


def _close(opened, seg: list[str], position: int, tag: str, *, count: int) -> list[str]:
    if opened is None:
        return [f"{tag} at segment {position}: closes an envelope that was never opened"]
    problems = []
    declared = element(seg, 1)
    if not declared.isdigit() or int(declared) != count:
        problems.append(f"{tag}01 at segment {position}: says {declared or 'nothing'}, counted {count}")
    if element(seg, 2).strip().lstrip("0") != opened[1].strip().lstrip("0"):
        problems.append(f"{tag}02 at segment {position}: control number does not match segment {opened[0]}")
    return problems
