"""What every outgoing X12 file of ours shares (837P, 270, 276): element cleaning, segments, D8 dates, the ISA/GS
envelope, the inquiries' information source."""
import unicodedata
from datetime import date, datetime

from shared.x12 import X12SyntaxError, element

ELEMENT, COMPONENT, REPETITION, TERMINATOR = "*", ":", "^", "~"
_DELIMITERS = str.maketrans({c: " " for c in (ELEMENT, COMPONENT, REPETITION, TERMINATOR, "\n", "\r", "\t")})


def clean(value: str, limit: int) -> str:
    """Upper-case ASCII without delimiters, cut to the element's maximum without a trailing space.

    Accents are folded (MUÑOZ -> MUNOZ) because many clearinghouses accept only the basic character set."""
    if not value.isascii():
        value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return " ".join(value.translate(_DELIMITERS).split()).upper()[:limit].rstrip()


def seg(*elements: str) -> str:
    """Elements joined, trailing empty ones dropped (X12 forbids them); most segments end with a value and
    take the one join."""
    if elements and elements[-1] != "":
        return ELEMENT.join(elements) + TERMINATOR
    parts = list(elements)
    while len(parts) > 1 and parts[-1] == "":
        parts.pop()
    return ELEMENT.join(parts) + TERMINATOR


def x12_date(day: date) -> str:
    """A date as D8 (CCYYMMDD). isoformat costs a fraction of strftime; a datetime, or a year before 1000
    (which strftime leaves unpadded), keeps strftime's text."""
    if type(day) is date and day.year >= 1000:
        return day.isoformat().replace("-", "")
    return day.strftime("%Y%m%d")


def envelope(transactions: list[list[str]], *, functional_id: str, version: str, sender_id: str, receiver_id: str,
             control_number: int, created_at: datetime, usage: str = "T", group_control_number: int | None = None) -> str:
    """ISA/GS around ready ST..SE transactions. ISA13 is nine digits; GS06 has no leading zeros. The group's
    control number is the interchange's unless the caller keeps its own sequence for groups."""
    if not transactions:
        raise ValueError("an interchange needs at least one transaction")
    check_envelope_numbers(usage, control_number, group_control_number)
    control, group = f"{control_number:09d}", str(group_control_number or control_number)
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


def check_envelope_numbers(usage: str, control_number: int, group_control_number: int | None = None) -> None:
    if usage not in ("T", "P"):
        raise ValueError("usage must be T (test) or P (production)")
    numbers = [("interchange", control_number)] + ([("group", group_control_number)] if group_control_number else [])
    for name, number in numbers:
        if not 1 <= number <= 999_999_999:
            raise ValueError(f"the {name} control number must be 1..999999999")


def information_source(structure: str, control_number: int, created_at: datetime, *, payer_name: str,
                       payer_x12_id: str) -> list[str]:
    """The opening of a 270 or 276: BHT (its structure code), the payer's HL and NM1 (2000A/2100A)."""
    return [
        seg("BHT", structure, "13", str(control_number), created_at.strftime("%Y%m%d"), created_at.strftime("%H%M")),
        seg("HL", "1", "", "20", "1"),
        seg("NM1", "PR", "2", clean(payer_name, 60), "", "", "", "", "PI", clean(payer_x12_id, 80)),
    ]


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
