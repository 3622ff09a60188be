"""What every outgoing X12 file of ours shares: element cleaning, segments, the ISA/GS envelope.

The 837P writer keeps its own copy of the first two (it predates this module); the 270 and 276
writers use these.
"""
import unicodedata
from datetime import datetime

from shared.x12 import X12SyntaxError, element

ELEMENT, COMPONENT, REPETITION, TERMINATOR = "*", ":", "^", "~"
_DELIMITERS = str.maketrans({c: " " for c in (ELEMENT, COMPONENT, REPETITION, TERMINATOR, "\n", "\r", "\t")})


def clean(value: str, limit: int) -> str:
    """Upper-case ASCII without delimiters, cut to the element's maximum without a trailing space."""
    if not value.isascii():
        value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return " ".join(value.translate(_DELIMITERS).split()).upper()[:limit].rstrip()


def seg(*elements: str) -> str:
    parts = list(elements)
    while len(parts) > 1 and parts[-1] == "":
        parts.pop()
    return ELEMENT.join(parts) + TERMINATOR


def envelope(transactions: list[list[str]], *, functional_id: str, version: str, sender_id: str, receiver_id: str,
             control_number: int, created_at: datetime, usage: str = "T") -> str:
    """ISA/GS around ready ST..SE transactions. ISA13 is nine digits; GS06 has no leading zeros."""
    if not transactions:
        raise ValueError("an interchange needs at least one transaction")
    if usage not in ("T", "P"):
        raise ValueError("usage must be T (test) or P (production)")
    if not 1 <= control_number <= 999_999_999:
        raise ValueError("the control number must be 1..999999999")
    control, group = f"{control_number:09d}", str(control_number)
    sender, receiver = clean(sender_id, 15), clean(receiver_id, 15)
    date8, time4 = created_at.strftime("%Y%m%d"), created_at.strftime("%H%M")
    segments = [
        seg("ISA", "00", " " * 10, "00", " " * 10, "ZZ", sender.ljust(15), "ZZ", receiver.ljust(15), date8[2:],
            time4, REPETITION, "00501", control, "0", usage, COMPONENT),
        seg("GS", functional_id, sender, receiver, date8, time4, group, "X", version),
    ]
    for transaction in transactions:
        segments += transaction
    segments += [seg("GE", str(len(transactions)), group), seg("IEA", "1", control)]
    return "".join(segments)


def transaction(kind: str, version: str, st_control: str, body: list[str]) -> list[str]:
    """ST, the body, and SE with its segment count (ST and SE included)."""
    segments = [seg("ST", kind, st_control, version), *body]
    return segments + [seg("SE", str(len(segments) + 1), st_control)]


def check_trailers(segs: list[list[str]]) -> None:
    """An answer cut short must not be half-read: each SE must count its set, and the IEA must close it."""
    count = 0
    for position, segment in enumerate(segs, start=1):
        count = 1 if segment[0] == "ST" else count + 1
        if segment[0] == "SE" and element(segment, 1) != str(count):
            raise X12SyntaxError(f"segment {position}: SE01 does not match the transaction's segment count")
    if not segs or segs[-1][0] != "IEA":
        raise X12SyntaxError(f"segment {len(segs)}: the interchange is cut short (no IEA trailer)")
