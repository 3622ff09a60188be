"""Speedups for pyx12 4.0.0's reader: the checks it makes of every segment it reads.

Applied with the others by `pyx12_speedups.apply()`, only to pyx12 4.0.0. The corpus test
(tests/unit/claims/test_pyx12_speedups.py) compares every verdict with a pristine pyx12's, and
tests/unit/claims/test_pyx12_reader_speedups.py the reader's state after each segment.
"""
import functools
import weakref

import pyx12.rawx12file
import pyx12.segment
import pyx12.x12file

# The segments the reader does more than count and leaves to its own checks: the interchange and the group.
_CHECKED_BY_ID = frozenset({"ISA", "IEA", "GS", "GE"})
_ONLY_COUNTED, _CLAIM, _SERVICE_LINE, _LEVEL, _CHECKED, _OPENS_TRANSACTION, _CLOSES_TRANSACTION = range(7)
_READING_BY_ID = {"CLM": _CLAIM, "LX": _SERVICE_LINE, "HL": _LEVEL, "ST": _OPENS_TRANSACTION,
                  "SE": _CLOSES_TRANSACTION}


def reading_of(seg_id: str) -> int:
    """What the reader does with a segment of this id when it is not empty: only count it, also restart
    (CLM) or advance and check (LX) an 837's service line numbering, number and nest a hierarchical level
    (HL), open (ST) or close (SE) a transaction, or checks of its own (an invalid id,
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
    return _READING_BY_ID.get(seg_id, _ONLY_COUNTED)


def only_counted(seg_id: str) -> bool:
    return reading_of(seg_id) == _ONLY_COUNTED


def single_value(seg_data, index: int) -> str | None:
    """The value of the element at this index (0 for the first) when it holds a single value, empty or not:
    then get_value of that element is the value (Composite.format of one value); else None."""
    elements = seg_data.elements
    if len(elements) <= index:
        return None
    composite = elements[index]
    if composite.__class__ is not pyx12.segment.Composite or len(composite.elements) != 1:
        return None
    element = composite.elements[0]
    if element.__class__ is not pyx12.segment.Element or element.value.__class__ is not str:
        return None
    return element.value if composite.subele_term is not None else None


def opens_with_a_value(seg_data) -> bool:
    """Whether the first element's first value is a non-empty string, one value or the first of several (HI,
    SV1): then Segment.is_empty() is False (an element holding a value is not empty, nor a composite holding
    one)."""
    elements = seg_data.elements
    if not elements or elements[0].__class__ is not pyx12.segment.Composite or not elements[0].elements:
        return False
    first = elements[0].elements[0]
    return first.__class__ is pyx12.segment.Element and first.value.__class__ is str and first.value != ""


def only_counted_segment(seg_data) -> bool:
    """Whether X12Reader._parse_segment (pyx12's own, and the shortcut below alike) does nothing with this segment
    but count it and its line: a valid id it does not track, and a first element that opens with a value (so not
    empty)."""
    return reading_of(seg_data.seg_id) == _ONLY_COUNTED and opens_with_a_value(seg_data)


def first_value(seg_data) -> str | None:
    """The first element's value when it is a single, non-empty value: then Segment.is_empty() is False and
    get_value of the first element is that value; else None."""
    return single_value(seg_data, 0) or None


def _enters_level(reader, seg_data, number: str) -> bool:
    """Number and nest an HL as X12Reader._parse_segment does when it records no error: HL01 is the next
    level's number as the reader writes it, and HL02 is one value, empty (a top level) or the number of a
    level on the stack, whose levels above it are closed; the new level is pushed. Any other HL (an error to
    record, or a value the reader would read another way) changes nothing here: False, for the original."""
    if number != f"{reader.hl_count + 1:d}":
        return False
    parent = single_value(seg_data, 1)
    stack = reader.hl_stack
    if parent is None or (parent != "" and parent not in [f"{level:d}" for level in stack]):
        return False
    if parent != "":
        while f"{stack[-1]:d}" != parent:
            del stack[-1]
    reader.hl_count += 1
    stack.append(reader.hl_count)
    return True


def _kept_the_books(reader, reading: int, seg_data) -> bool:
    """The bookkeeping of a CLM, an LX or an HL whose first element is one value, when it records no error (for
    LX, LX01 the next number); False, with nothing changed, for anything else: the original's case."""
    value = first_value(seg_data)
    if value is None:
        return False
    if reading == _LEVEL:
        return _enters_level(reader, seg_data, value)
    if not reader.check_837_lx:
        return True
    if reading == _CLAIM:
        reader.lx_count = 0
    elif value == f"{reader.lx_count + 1:d}":
        reader.lx_count += 1
    else:
        return False
    return True


# Each reader's transaction numbers (its st_ids) as a set as well, for the check of a new ST: `in` a list of
# every earlier number cost a scan per ST, quadratic in the transactions of a file.
_numbers_seen: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _transaction_numbers(reader) -> list:
    """[the reader's st_ids list, its numbers as a set, how many it held]: built again whenever the list is
    another (a new GS starts one) or has grown by anything but the shortcut below (pyx12's own ST)."""
    held = _numbers_seen.get(reader)
    ids = reader.st_ids
    if held is None or held[0] is not ids or held[2] != len(ids):
        held = _numbers_seen[reader] = [ids, set(ids), len(ids)]
    return held


def _kept_the_transaction(reader, reading: int, seg_data) -> bool:
    """The bookkeeping of an ST or an SE whose first two elements are one value each, the first not empty (so
    not empty), when it records no error: an ST whose number the group has not had opens the transaction (its
    levels and segment count restarted, the number kept, the loop pushed); an SE whose number is the open
    transaction's and whose count is the reader's, read as the reader reads it (`_int`), closes it. Neither is
    counted as a segment. False, with nothing changed, for anything else: the original's case."""
    count_or_code, number = first_value(seg_data), single_value(seg_data, 1)
    if count_or_code is None or number is None:
        return False
    if reading == _OPENS_TRANSACTION:
        numbers = _transaction_numbers(reader)
        if number in numbers[1]:
            return False
        reader.hl_stack = []
        reader.hl_count = 0
        reader.st_count += 1
        reader.st_ids.append(number)
        numbers[1].add(number)
        numbers[2] += 1
        reader.loops.append(("ST", number))
        reader.seg_count = 1
        return True
    loops = reader.loops
    if not loops or loops[-1] != ("ST", number) or reader._int(count_or_code) != reader.seg_count + 1:
        return False
    del loops[-1]
    return True


def _count_ordinary_segments_directly() -> None:
    """X12Reader._parse_segment checks each segment for emptiness and a valid id, then for the ids it tracks
    (ISA, IEA, GS, GE, ST, SE, HL, and CLM and LX in an 837) does their bookkeeping, and counts the rest:
    for most segments of a claim all it changes is the segment count and the line number. A segment whose
    first element opens with a value is not empty; with an id that is valid and not tracked (kept per
    id: a pure function of it) those two counts are all that happen, here as in the original. A CLM also
    restarts the 837's line numbering, an LX advances it, when LX01 is the next number, an HL numbers and
    nests its level, an ST opens a transaction and an SE closes it (above); any other LX01, HL, ST or SE (an
    error), every other segment, and a reader of another class go to the original."""
    reader_type, segment_type = pyx12.x12file.X12Reader, pyx12.segment.Segment
    original = reader_type._parse_segment

    def _parse_segment(self, seg_data):
        seg_id = seg_data.seg_id if seg_data.__class__ is segment_type else None
        if self.__class__ is not reader_type or seg_id.__class__ is not str:
            return original(self, seg_data)
        reading = reading_of(seg_id)
        if reading == _ONLY_COUNTED:
            if not opens_with_a_value(seg_data):
                return original(self, seg_data)
        elif reading >= _OPENS_TRANSACTION:
            if not _kept_the_transaction(self, reading, seg_data):
                return original(self, seg_data)
            self.cur_line += 1
            return
        elif reading == _CHECKED or not _kept_the_books(self, reading, seg_data):
            return original(self, seg_data)
        self.seg_count += 1
        self.cur_line += 1

    _parse_segment.original = original  # for the test that compares the reader's state after each segment
    reader_type._parse_segment = _parse_segment


def _split_each_buffer_once() -> None:
    """RawX12File.__iter__ takes one line at a time off its buffer with `buffer.split(seg_term, 1)`, which copies the
    rest of the buffer (up to 8 kB) for every line. This splits the buffer once and hands its complete lines out in
    turn, each left-stripped of CR and LF; what follows the last terminator is kept for the next read. The file is
    read at the same moments (only when what is left of the buffer holds no terminator) and in the same pieces,
    so a read that fails (a byte the file's encoding refuses) fails after the same lines; the lines are the same,
    and so is the stop at the first empty one. The buffer itself holds what follows the lines handed out whenever
    the iteration stops or waits for a read (nothing in pyx12 reads it in between). A reader of another class goes
    to the original."""
    raw_type = pyx12.rawx12file.RawX12File
    original = raw_type.__iter__

    def __iter__(self):
        if self.__class__ is not raw_type:
            yield from original(self)
            return
        seg_term, read, bufsize = self.seg_term, self.fd.read, pyx12.rawx12file.DEFAULT_BUFSIZE
        while True:
            if self.buffer.find(seg_term) == -1:
                self.buffer += read(bufsize)
            if self.buffer.find(seg_term) == -1:
                return
            *lines, rest = self.buffer.split(seg_term)
            self.buffer, taken = rest, 0
            try:
                for taken, line in enumerate(lines, 1):
                    line = line.lstrip("\n\r")
                    if line == "":
                        return
                    yield line
            finally:  # stopped part way (an empty line, or the caller closed it): the rest after the last line taken
                if taken < len(lines):
                    self.buffer = seg_term.join((*lines[taken:], rest))

    __iter__.original = original  # for the test that compares the lines and reads of both
    raw_type.__iter__ = __iter__


PATCHES = (_count_ordinary_segments_directly, _split_each_buffer_once)
