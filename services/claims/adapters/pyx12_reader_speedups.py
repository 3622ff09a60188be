"""Speedups for pyx12 4.0.0's reader: the checks it makes of every segment it reads.

Applied with the others by `pyx12_speedups.apply()`, only to pyx12 4.0.0. The corpus test
(tests/unit/claims/test_pyx12_speedups.py) compares every verdict with a pristine pyx12's, and
tests/unit/claims/test_pyx12_reader_speedups.py the reader's state after each segment.
"""
import functools

import pyx12.segment
import pyx12.x12file

# The segments the reader does more than count: envelopes and HL nesting, left to its own checks.
_CHECKED_BY_ID = frozenset({"ISA", "IEA", "GS", "GE", "ST", "SE", "HL"})
_ONLY_COUNTED, _CLAIM, _SERVICE_LINE, _CHECKED = range(4)


def reading_of(seg_id: str) -> int:
    """What the reader does with a segment of this id when it is not empty: only count it, also restart
    (CLM) or advance and check (LX) an 837's service line numbering, or checks of its own (an invalid id,
    as Segment.is_seg_id_valid decides from the id alone, or an id in the set above). Only ids of a valid
    length are kept: the text before a broken line's first terminator could be anything, a name included,
    and must not outlive the document."""
    return _reading_of_short_id(seg_id) if 2 <= len(seg_id) <= 3 else _CHECKED


@functools.lru_cache(maxsize=1024)
def _reading_of_short_id(seg_id: str) -> int:
    probe = pyx12.segment.Segment.__new__(pyx12.segment.Segment)
    probe.seg_id = seg_id
    if seg_id in _CHECKED_BY_ID or not probe.is_seg_id_valid():
        return _CHECKED
    return {"CLM": _CLAIM, "LX": _SERVICE_LINE}.get(seg_id, _ONLY_COUNTED)


def only_counted(seg_id: str) -> bool:
    return reading_of(seg_id) == _ONLY_COUNTED


def first_value(seg_data) -> str | None:
    """The first element's value when it is a single, non-empty value: then Segment.is_empty() is False and
    get_value of the first element is that value (Composite.format of one value); else None."""
    elements = seg_data.elements
    if not elements or elements[0].__class__ is not pyx12.segment.Composite or len(elements[0].elements) != 1:
        return None
    first = elements[0].elements[0]
    if first.__class__ is not pyx12.segment.Element or first.value.__class__ is not str or first.value == "":
        return None
    return first.value if elements[0].subele_term is not None else None


def _count_ordinary_segments_directly() -> None:
    """X12Reader._parse_segment checks each segment for emptiness and a valid id, then for the ids it tracks
    (ISA, IEA, GS, GE, ST, SE, HL, and CLM and LX in an 837) does their bookkeeping, and counts the rest:
    for most segments of a claim all it changes is the segment count and the line number. A segment whose
    first element holds a single value is not empty; with an id that is valid and not tracked (kept per
    id: a pure function of it) those two counts are all that happen, here as in the original. A CLM also
    restarts the 837's line numbering, and an LX advances it, when LX01 is the next number; any other LX01
    (an error), every other segment, and a reader of another class go to the original."""
    reader_type, segment_type = pyx12.x12file.X12Reader, pyx12.segment.Segment
    original = reader_type._parse_segment

    def _parse_segment(self, seg_data):
        seg_id = seg_data.seg_id if seg_data.__class__ is segment_type else None
        if self.__class__ is not reader_type or seg_id.__class__ is not str:
            return original(self, seg_data)
        reading, value = reading_of(seg_id), first_value(seg_data)
        if reading == _CHECKED or value is None:
            return original(self, seg_data)
        if reading == _CLAIM and self.check_837_lx:
            self.lx_count = 0
        elif reading == _SERVICE_LINE and self.check_837_lx:
            if value != f"{self.lx_count + 1:d}":
                return original(self, seg_data)
            self.lx_count += 1
        self.seg_count += 1
        self.cur_line += 1

    _parse_segment.original = original  # for the test that compares the reader's state after each segment
    reader_type._parse_segment = _parse_segment


PATCHES = (_count_ordinary_segments_directly,)
