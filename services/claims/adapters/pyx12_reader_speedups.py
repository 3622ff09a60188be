"""Speedups for pyx12 4.0.0's reader: the checks it makes of every segment it reads.

Applied with the others by `pyx12_speedups.apply()`, only to pyx12 4.0.0. The corpus test
(tests/unit/claims/test_pyx12_speedups.py) compares every verdict with a pristine pyx12's, and
tests/unit/claims/test_pyx12_reader_speedups.py the reader's state after each segment.
"""
import functools

import pyx12.segment
import pyx12.x12file

# The segments the reader does more than count: envelopes, HL nesting, and the 837's CLM and LX numbering.
_CHECKED_BY_ID = frozenset({"ISA", "IEA", "GS", "GE", "ST", "SE", "HL", "CLM", "LX"})


@functools.lru_cache(maxsize=1024)
def only_counted(seg_id: str) -> bool:
    """Whether a segment with this id, when not empty, is only counted by the reader: its id is valid (as
    Segment.is_seg_id_valid decides, a function of the id alone) and not one it checks further."""
    probe = pyx12.segment.Segment.__new__(pyx12.segment.Segment)
    probe.seg_id = seg_id
    return seg_id not in _CHECKED_BY_ID and probe.is_seg_id_valid()


def _has_a_first_value(seg_data) -> bool:
    """True when the first element holds a value, which makes Segment.is_empty() False; any other shape is
    left to the reader's own checks."""
    elements = seg_data.elements
    if not elements or elements[0].__class__ is not pyx12.segment.Composite or not elements[0].elements:
        return False
    first = elements[0].elements[0]
    return first.__class__ is pyx12.segment.Element and first.value.__class__ is str and first.value != ""


def _count_ordinary_segments_directly() -> None:
    """X12Reader._parse_segment checks each segment for emptiness and a valid id, then for the ids it tracks
    (ISA, IEA, GS, GE, ST, SE, HL, and CLM and LX in an 837) does their bookkeeping, and counts the rest:
    for most segments of a claim all it changes is the segment count and the line number. A segment whose
    first element holds a value is not empty, and an id of the kind above that is valid (kept per id: a pure
    function of it) has no other check, so those two counts are all that happen, here as in the original;
    every other segment, and a reader of another class, goes to the original."""
    reader_type, segment_type = pyx12.x12file.X12Reader, pyx12.segment.Segment
    original = reader_type._parse_segment

    def _parse_segment(self, seg_data):
        seg_id = seg_data.seg_id if seg_data.__class__ is segment_type else None
        if (self.__class__ is not reader_type or seg_id.__class__ is not str or not only_counted(seg_id)
                or not _has_a_first_value(seg_data)):
            return original(self, seg_data)
        self.seg_count += 1
        self.cur_line += 1

    _parse_segment.original = original  # for the test that compares the reader's state after each segment
    reader_type._parse_segment = _parse_segment


PATCHES = (_count_ordinary_segments_directly,)
