"""837P files, valid and broken, and pyx12's verdict on each: for comparing the patched validator
with a pristine pyx12.

`python -m tests.unit.claims.pyx12_corpus` reads {name: text} as JSON on stdin and prints the
verdicts of a pristine pyx12: it makes the installed pyx12 look like an unknown version before the
validator is imported, so the speedups refuse to patch it, as they would in production.
"""
import json
import logging
import re
import sys
from datetime import datetime, timezone

from services.claims.domain.x837 import write_837p
from tests.unit.claims.builders import ENCOUNTER, claim, varied_claim

AT = datetime(2026, 11, 22, 10, 30, tzinfo=timezone.utc)
UNKNOWN_VERSION = "0.0.0-pristine"


def write(claims) -> str:
    return write_837p(claims, sender_id="BILLINGPLATFORM", receiver_id="60054", interchange_control_number=1,
                      group_control_number=1, created_at=AT)


def _segments(text: str) -> list[str]:
    return [s for s in text.split("~") if s]


def _join(segments: list[str]) -> str:
    return "~".join(segments) + "~"


def segment(text: str, prefix: str) -> str:
    return next(s for s in _segments(text) if s.startswith(prefix))


def drop(text: str, prefix: str, nth: int = 0) -> str:
    """Without the nth segment starting with prefix."""
    segments = _segments(text)
    found = [i for i, s in enumerate(segments) if s.startswith(prefix)]
    del segments[found[nth]]
    return _join(segments)


def edit(text: str, prefix: str, element: int, value: str, nth: int = 0) -> str:
    """The nth segment starting with prefix with its element (1-based) set to value."""
    segments = _segments(text)
    i = [i for i, s in enumerate(segments) if s.startswith(prefix)][nth]
    elements = segments[i].split("*")
    elements += [""] * (element + 1 - len(elements))
    elements[element] = value
    segments[i] = "*".join(elements)
    return _join(segments)


def insert_after(text: str, prefix: str, segment: str, nth: int = 0) -> str:
    segments = _segments(text)
    i = [i for i, s in enumerate(segments) if s.startswith(prefix)][nth]
    segments.insert(i + 1, segment)
    return _join(segments)


def edit_each(text: str, prefix: str, element: int, value: str, nths: list[int]) -> str:
    for nth in nths:
        text = edit(text, prefix, element, value, nth=nth)
    return text


def replace_nth(text: str, prefix: str, segment: str, nth: int = 0) -> str:
    """The nth segment starting with prefix replaced by segment, as written (trailing empties kept)."""
    segments = _segments(text)
    segments[[i for i, s in enumerate(segments) if s.startswith(prefix)][nth]] = segment
    return _join(segments)


def _against_remembered_verdicts(twenty: str, fifty: str) -> dict[str, str]:
    """Files that would catch a verdict replayed where it does not belong: the same segment at another map
    node, the same value at another element or with another date format, the same broken segment at other
    lines, values that differ only in trailing empties, errors early and late in a long file of varied claims."""
    billing_ref, rendering = segment(twenty, "REF*EI*"), segment(twenty, "NM1*82*")
    bad_rendering = rendering.replace("*XX*", "*ZZ*")
    return {
        "fifty varied claims, errors in the 2nd and the 50th":
            edit(edit(fifty, "CLM*", 2, "1X7", nth=1), "DMG*", 3, "Q", nth=49),
        "twenty claims, the same broken SV1 in the 2nd, 5th and 17th": edit_each(twenty, "SV1*", 4, "one", [2, 8, 32]),
        "twenty claims, the same bad date in the 1st and the 20th":
            edit_each(twenty, "DTP*472*", 3, "20261302", [0, 19]),
        "billing provider REF valid, the same REF under the subscriber":
            insert_after(twenty, "NM1*IL*", billing_ref, nth=3),
        "rendering provider NM1 at the claim, the same at a line": insert_after(twenty, "DTP*472*", rendering, nth=6),
        "the same bad rendering provider NM1 at the claim and at a line":
            insert_after(replace_nth(twenty, "NM1*82*", bad_rendering, nth=6), "DTP*472*", bad_rendering, nth=13),
        "PI valid as the payer's id qualifier, not as the subscriber's": edit(twenty, "NM1*IL*", 8, "PI", nth=5),
        "a service date under RD8 without its range, the same date under D8 elsewhere":
            edit(twenty, "DTP*472*", 2, "RD8", nth=9),
        "REF with empty elements past the map's count": replace_nth(twenty, "REF*EI*", billing_ref + "*****", nth=12),
        "REF with empty elements within the map's count": replace_nth(twenty, "REF*EI*", billing_ref + "**", nth=12),
        "SV1 with empty trailing components in one claim": edit(fifty, "SV1*", 1, "HC:99212:::::::", nth=1),
        "trailing space in the subscriber's street, the billing street clean":
            edit(fifty, "N3*", 1, "12 ELM ST ", nth=1),
        "the billing provider's N3 in the 3rd claim too long": edit(fifty, "N3*", 1, "9" * 56, nth=4),
    }


def _against_walk_and_reader_shortcuts(one: str, twenty: str, fifty: str) -> dict[str, str]:
    """Files that would catch a shortcut of the walk, the reader or segment validation taken where the
    original records something: a loop or segment past its maximum count, missing segments noted and then
    settled by a later one, segments cut short or with a syntax rule broken, ids the reader refuses, an
    empty segment, an HL number out of sequence in a long file; a repeated line (whose segment the reader
    shares) with a leading space or a trailing terminator at some of its lines, or valid at one loop and not at
    another."""
    rendering = segment(twenty, "NM1*82*")
    return {
        "rendering provider loop twice at one claim": insert_after(twenty, "NM1*82*", rendering, nth=4),
        "subscriber DMG twice in the 9th claim": insert_after(twenty, "DMG*", segment(twenty, "DMG*"), nth=8),
        "no N3 of the billing provider": drop(one, "N3*"),
        "fifty varied claims, the 30th without HI": drop(fifty, "HI*", nth=29),
        "fifty varied claims, the 41st line without LX": drop(fifty, "LX*", nth=40),
        "billing provider NM1 cut after its entity type": replace_nth(one, "NM1*85*", "NM1*85*2"),
        "SV1 with its procedure only": replace_nth(one, "SV1*", segment(one, "SV1*").split("*")[0] + "*"
                                                   + segment(one, "SV1*").split("*")[1]),
        "billing provider id qualifier without the id": edit(one, "NM1*85*", 9, ""),
        "lower-case segment id": insert_after(twenty, "CLM*", "ref*G1*123", nth=3),
        "segment id of four letters": insert_after(twenty, "CLM*", "REFX*G1*123", nth=3),
        "segment id with a dash": insert_after(one, "CLM*", "R-F*G1*123"),
        "empty segment": insert_after(twenty, "CLM*", "REF*", nth=5),
        "segment with its first element empty": insert_after(twenty, "CLM*", "REF**123", nth=5),
        "twenty claims, an HL number out of sequence in the 12th": edit(twenty, "HL*", 1, "77", nth=23),
        "twenty claims, the billing street with a leading space in three":
            _at_lines(twenty, "N3*100 MAIN ST", " N3*100 MAIN ST", [1, 7, 19]),
        "twenty claims, the billing city with a trailing terminator in three":
            _at_lines(twenty, "N4*SPRINGFIELD*IL*627011234", "N4*SPRINGFIELD*IL*627011234*", [0, 7, 8]),
        "twenty claims, the billing REF repeated under the payer of the 5th":
            insert_after(twenty, "NM1*PR*", segment(twenty, "REF*EI*"), nth=4),
    }


def _against_level_and_absent_element_shortcuts(one: str, mixed: str, twenty: str) -> dict[str, str]:
    """Files that would catch the reader's shortcut for HL taken where it records an error (a parent not open,
    none, a level numbered twice), and an absent element's or a composite's verdict answered where
    it differs: mandatory elements and composites cut off at one segment and present at its equals, the same
    cut at two claims of a file, a bad composite at three claims and one of empty components."""
    bad_place = "XX:B:1"
    subscriber_nm1 = segment(twenty, "NM1*IL*")
    return {
        "the subscriber HL under a level not open": edit(one, "HL*2*", 2, "9"),
        "the subscriber HL without a parent": edit(one, "HL*2*", 2, ""),
        "the subscriber HL cut after its number": replace_nth(one, "HL*2*", "HL*2"),
        "the subscriber HL numbered as the billing provider's": edit(one, "HL*2*", 1, "1"),
        "the dependent's HL under itself": edit(mixed, "HL*3*", 2, "3"),
        "the subscriber's HL under the dependent's, which follows": edit(mixed, "HL*2*", 2, "3", nth=1),
        "CLM cut after its charge": replace_nth(one, "CLM*", "CLM*" + segment(one, "CLM*").split("*")[1] + "*147"),
        "DMG cut after its date format": replace_nth(one, "DMG*", "DMG*D8"),
        "twenty claims, the subscriber NM1 cut after its last name in the 3rd and 17th": replace_nth(
            replace_nth(twenty, "NM1*IL*", "*".join(subscriber_nm1.split("*")[:4]), nth=2),
            "NM1*IL*", "*".join(subscriber_nm1.split("*")[:4]), nth=16),
        "twenty claims, the place of service XX in the 2nd, 9th and 15th": edit(edit(edit(
            twenty, "CLM*", 5, bad_place, nth=1), "CLM*", 5, bad_place, nth=8), "CLM*", 5, bad_place, nth=14),
        "CLM05 of empty components": edit(one, "CLM*", 5, "::"),
    }


def _in_claims(text: str, prefix: str, change, nths) -> str:
    """The file with the nth segments starting with prefix each replaced by change(segment): a list of segments,
    empty to drop it."""
    segments = _segments(text)
    found = [i for i, s in enumerate(segments) if s.startswith(prefix)]
    for i in reversed([found[nth] for nth in nths]):
        segments[i:i + 1] = change(segments[i])
    return _join(segments)


def _against_walk_routes(fifty: str) -> dict[str, str]:
    """Files that would catch a walk taken along a route known from earlier claims where the counts make pyx12's walk
    record something: a mandatory segment or loop not counted when a later segment passes it, a segment or loop
    past its maximum, segments out of order or found nowhere, loops entered through a loop that starts with a
    loop, in the later claims of a long file."""
    every_4th, every_3rd = range(1, 50, 4), range(2, 50, 3)
    return {
        "fifty varied claims, every 4th without SBR": _in_claims(fifty, "SBR*", lambda s: [], every_4th),
        "fifty varied claims, every 2nd N4 dropped": _in_claims(fifty, "N4*", lambda s: [], range(0, 99, 2)),
        "fifty varied claims, DMG twice in every 3rd": _in_claims(fifty, "DMG*", lambda s: [s, s], every_3rd),
        "fifty varied claims, the rendering provider three times in every 4th":
            _in_claims(fifty, "NM1*82*", lambda s: [s, s, s], every_4th),
        "fifty varied claims, the subscriber NM1 before SBR in every 3rd":
            _in_claims(_in_claims(fifty, "SBR*", lambda s: [], every_3rd), "NM1*IL*",
                       lambda s: [s, segment(fifty, "SBR*")], every_3rd),
        "fifty varied claims, SV1 before LX in every 4th": _in_claims(
            _in_claims(fifty, "LX*", lambda s: [], every_4th), "SV1*", lambda s: [s, "LX*1"], every_4th),
        "fifty varied claims, a second billing PRV in every 3rd":
            _in_claims(fifty, "HL*", lambda s: [s, "PRV*BI*PXC*207Q00000X"] if s.endswith("**20*1") else [s],
                       range(0, 100, 3)),
    }


def _at_lines(text: str, line: str, replacement: str, nths: list[int]) -> str:
    """The file with the nth occurrences of a whole line replaced."""
    segments = _segments(text)
    found = [i for i, s in enumerate(segments) if s == line]
    for nth in nths:
        segments[found[nth]] = replacement
    return _join(segments)


def _later_payers() -> list:
    """A secondary and a tertiary claim (2320/2330 loops, line-level SVD and CAS) with primaries around them."""
    from datetime import date

    from services.claims.domain.next_payer import next_payer_claim
    from tests.unit.claims.builders import PAYERS
    from tests.unit.claims.test_next_payer import SECONDARY, remit_for, secondary_of

    primary = claim("MEDICARE", procedures=[{"code": "99213", "diagnosis_pointers": [1]}])
    secondary = secondary_of(primary, remit_for(primary))
    tertiary = next_payer_claim(secondary, remit_for(secondary, paid="30.00", patient="10.00"),
                                coverage=SECONDARY.model_copy(update={"member_id": "T1"}), payer=PAYERS["AETNA"],
                                claim_id="c-3", patient_control_number="PCN3", adjudicated_on=date(2026, 11, 25))
    return [varied_claim(0), secondary, varied_claim(1), tertiary, varied_claim(2), secondary]


def build_corpus() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Files by name, from the project's own 837P writer plus targeted damage: (valid, broken, damaged
    in ways pyx12 does not look at: the scrubber's rules catch those before the 837P is written)."""
    one = write([claim()])
    dependent = claim(coverage=dict(ENCOUNTER["coverage"], relationship="child"))
    mixed = write([claim(), dependent, claim(payer_id="MEDICARE")])
    twenty = write([claim() for _ in range(20)])
    fifty = write([varied_claim(i) for i in range(50)])
    later_payers = write(_later_payers())
    valid = {"one claim": one, "subscriber, dependent, Medicare": mixed, "twenty claims": twenty,
             "twenty claims, CR LF after every terminator": twenty.replace("~", "~\r\n"),
             "fifty varied claims": fifty, "secondary and tertiary claims among primaries": later_payers,
             # the same values as their neighbours but for an empty last component or a range
             "fifty varied claims, a procedure with an empty last component": edit(fifty, "SV1*", 1, "HC:99212:", nth=3),
             "twenty claims, one service date as a range": edit(edit(twenty, "DTP*472*", 2, "RD8", nth=4), "DTP*472*", 3,
                                                                "20261102-20261102", nth=4)}
    not_checked = {"NPI too short": edit(one, "NM1*85*", 9, "12345"), "state code lower case": edit(one, "N4*", 2, "il"),
                   "ZIP of four digits": edit(one, "N4*", 3, "6270"), "ZIP with letters": edit(one, "N4*", 3, "62A04", nth=1)}
    broken = {
        # in the middle and at the end of a longer file, after many loop counts and resets
        "twenty claims, the 11th with a bad date": edit(twenty, "DTP*472*", 3, "20261131", nth=20),
        "twenty claims, HI twice in the last": insert_after(twenty, "HI*", segment(twenty, "HI*"), nth=19),
        "twenty claims, the 7th without SBR": drop(twenty, "SBR*", nth=6),
        # missing segments
        "no CLM": drop(one, "CLM*"), "no HI": drop(one, "HI*"), "no billing provider NM1*85": drop(one, "NM1*85*"),
        "no SBR": drop(one, "SBR*"), "no SV1": drop(one, "SV1*"), "no service date": drop(one, "DTP*472*"),
        "no BHT": drop(one, "BHT*"), "no N4 of the billing provider": drop(one, "N4*"),
        "no SE": drop(one, "SE*"), "no GE": drop(one, "GE*"), "no IEA": drop(one, "IEA*"),
        "no dependent PAT": drop(mixed, "PAT*"),
        # wrong counts and control numbers in the trailers
        "SE01 wrong": edit(one, "SE*", 1, "99"), "SE02 not ST02": edit(one, "SE*", 2, "0009"),
        "GE01 wrong": edit(one, "GE*", 1, "3"), "GE02 not GS06": edit(one, "GE*", 2, "7"),
        "IEA01 wrong": edit(one, "IEA*", 1, "2"), "IEA02 not ISA13": edit(one, "IEA*", 2, "000000002"),
        "LX out of sequence": edit(one, "LX*", 1, "5", nth=1),
        # bad element values
        "place of service code": edit(one, "CLM*", 5, "XX:B:1"), "HI qualifier": edit(one, "HI*", 1, "XXX:E119"),
        "NM1 entity qualifier": edit(one, "NM1*82*", 1, "ZZ"),
        "charge not a number": edit(one, "CLM*", 2, "1X7"), "units not a number": edit(one, "SV1*", 4, "one"),
        "name too long": edit(one, "NM1*IL*", 3, "RIVERA" * 12), "CLM01 empty": edit(one, "CLM*", 1, ""),
        "gender code": edit(one, "DMG*", 3, "Q"),
        "control character in a name": edit(one, "NM1*IL*", 3, "RIV\x07ERA"),
        "non-ASCII letter in a name": edit(one, "NM1*IL*", 3, "RIVÉRA"),
        "trailing space": edit(one, "N3*", 1, "12 ELM ST "),
        "too many elements": edit(one, "REF*EI*", 4, "EXTRA"),
        "too many sub-elements": edit(one, "SV1*", 1, "HC:99213:25:59:XU:XS:GT:95:X"),
        "usage indicator": edit(one, "ISA*", 15, "X"),
        # bad dates and times
        "service date month 13": edit(one, "DTP*472*", 3, "20261302"),
        "birth date day 32": edit(one, "DMG*", 2, "19710432"), "BHT time 2561": edit(one, "BHT*", 5, "2561"),
        "date format qualifier": edit(one, "DTP*472*", 2, "D9"),
        # invalid qualifiers and structure
        "HL level code": edit(one, "HL*2*", 3, "99"), "SBR payer responsibility": edit(one, "SBR*", 1, "Z"),
        "REF qualifier": edit(one, "REF*6R*", 1, "ZZ"), "DTP qualifier": edit(one, "DTP*472*", 1, "999"),
        "unknown segment": insert_after(one, "CLM*", "ZZZ*1"),
        "HI after the service line": insert_after(drop(one, "HI*"), "LX*", segment(one, "HI*")),
        "HI twice": insert_after(one, "HI*", segment(one, "HI*")),
        "NM1*IL twice": insert_after(one, "NM1*IL*", segment(one, "NM1*IL*")),
        "wrong version": one.replace("005010X222A1", "005010X222A2"),
        "empty file": "", "not X12": "not x12 at all",
        **_against_remembered_verdicts(twenty, fifty),
        **_against_walk_and_reader_shortcuts(one, twenty, fifty),
        **_against_level_and_absent_element_shortcuts(one, mixed, twenty),
        **_against_walk_routes(fifty),
        "a secondary's line adjustment amount not a number, the same line valid in its repeat":
            edit(later_payers, "CAS*", 3, "4O.00", nth=0),
        "a tertiary's line adjudication with a charge not a number": edit(later_payers, "SVD*", 2, "3O.00", nth=1),
    }
    return valid, broken, not_checked


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[list[str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append([record.levelname, _without_addresses(record.getMessage())])


def _without_addresses(message: str) -> str:
    """pyx12 names an unreadable source by its repr, which holds a memory address."""
    return re.sub(r" at 0x[0-9a-f]+", " at 0x…", message)


def verdict(text: str) -> dict:
    """The gate's messages and pyx12's own, values included (lines and error codes are in both)."""
    from services.claims.adapters.x12_validation import validate_x12

    logger = logging.getLogger("pyx12")
    raw = _Records()
    logger.addHandler(raw)
    try:
        gate = validate_x12(text)
    finally:
        logger.removeHandler(raw)
    return {"gate": [_without_addresses(message) for message in gate], "pyx12": raw.records}


def patched() -> bool:
    from services.claims.adapters import pyx12_speedups

    return bool(pyx12_speedups.apply())


if __name__ == "__main__":
    import pyx12

    pyx12.__version__ = UNKNOWN_VERSION
    texts = json.load(sys.stdin)
    json.dump({"patched": patched(), "verdicts": {name: verdict(text) for name, text in texts.items()}}, sys.stdout)
