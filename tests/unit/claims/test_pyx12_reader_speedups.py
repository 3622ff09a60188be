"""The reader's shortcut for ordinary segments leaves it as its own checks would: same counts, line, loops
and pending errors after every segment of every corpus file (the verdicts are compared in
test_pyx12_speedups)."""
import io
import types

import pytest
import pyx12.errors
import pyx12.rawx12file
import pyx12.x12file

from services.claims.adapters import (
    pyx12_reader_speedups,
    pyx12_segment_speedups,
    pyx12_speedups,
)
from tests.unit.claims.builders import varied_claim
from tests.unit.claims.pyx12_corpus import (
    build_corpus,
    drop,
    edit,
    insert_after,
    replace_nth,
    segment,
    write,
)

pytestmark = pytest.mark.unit
VALID, BROKEN, NOT_CHECKED = build_corpus()
CORPUS = VALID | BROKEN | NOT_CHECKED
EXTRA_LINES = ("REF*G1*1", "ref*G1*1", "REFX*G1*1", "R-F*G1*1", "R*G1*1", "REF*", "REF**1", "REF", "N3*:A", "9A*1",
               "HI*:E119", "HI*ABK:E119:", "SV1*HC:99213*1", "LX*9", "LX*1:2", "LX", "CLM*", "LX*1", "CLM*X1*10",
               "LX*1", "LX*02", "LX*2")
# Levels in and out of turn, after the file's own: the numbers and nesting as the reader keeps them, and errors
LEVELS = ("HL*{n}*1*22*0", "HL*{n}*{n1}*23*0", "HL*{n}*99*22*0", "HL*{m}*1*22*0", "HL*{n}**20*1", "HL*{n}",
          "HL*{n}*1:2*22*0", "HL*{n}*01*22*0", "HL*0{n}*1*22*0", "HL*{n}*{n1}*23*0", "HL*{n}*{n2}*22*0", "HL*x*1",
          "HL*{n}* 1*22*0", "HL**1*22*0", "HL*{n}*{n1}*23*0", "HL*{n}*1*22*0")


def _with_levels(text: str) -> str:
    """The file with HLs inserted after its first CLM, numbered from the number of HLs before it."""
    head, sep, tail = text.partition("~CLM*")
    clm, _, rest = tail.partition("~")
    n = head.count("~HL*")
    lines = []
    for level in LEVELS:
        n += 1
        lines.append(level.format(n=n, n1=n - 1, n2=n - 2, m=n + 5))
    return head + sep + clm + "~" + "~".join(lines) + "~" + rest


def _reader(text: str, *, checked_in_full: bool):
    reader = pyx12.x12file.X12Reader(io.StringIO(text))
    if checked_in_full:
        reader._parse_segment = types.MethodType(pyx12.x12file.X12Reader._parse_segment.original, reader)
    return reader


def _state(reader) -> dict:
    return {name: value for name, value in vars(reader).items() if name not in ("raw", "fd_in", "_parse_segment")}


def _readable(text: str) -> bool:
    try:
        pyx12.x12file.X12Reader(io.StringIO(text))
    except pyx12.errors.X12Error:
        return False
    return True


def _with_extra_lines(text: str) -> str:
    """The file with odd segments after its first CLM: invalid ids, empty ones, an empty first element."""
    head, sep, tail = text.partition("~CLM*")
    clm, _, rest = tail.partition("~")
    return head + sep + clm + "~" + "~".join(EXTRA_LINES) + "~" + rest


@pytest.fixture(scope="module", autouse=True)
def patched():
    assert pyx12_speedups.apply() is True


@pytest.mark.parametrize("name", [name for name, text in CORPUS.items() if _readable(text)])
def test_the_reader_is_left_as_its_own_checks_leave_it(name):
    for text in (CORPUS[name], _with_extra_lines(CORPUS[name]), _with_levels(CORPUS[name])):
        shortcut, full = _reader(text, checked_in_full=False), _reader(text, checked_in_full=True)
        for read, checked in zip(shortcut, full, strict=True):
            assert read.format() == checked.format()
            assert _state(shortcut) == _state(full), read.format()


class _OwnReader(pyx12.x12file.X12Reader):
    """A reader of another class: pyx12's own reading and checks of every segment."""


@pytest.mark.parametrize("name", [name for name, text in CORPUS.items() if _readable(text)])
def test_a_document_s_reader_of_shared_segments_is_left_as_pyx12_s_own_leaves_it(name):
    scope = pyx12_segment_speedups.document_scope
    for text in (CORPUS[name], _with_extra_lines(CORPUS[name]), _with_levels(CORPUS[name])):
        scope.lines, scope.shared = {}, {}
        try:
            shared, own = pyx12.x12file.X12Reader(io.StringIO(text)), _OwnReader(io.StringIO(text))
            for read, checked in zip(shared, own, strict=True):
                assert read.format() == checked.format()
                assert _state(shared) == _state(own), read.format()
        finally:
            scope.lines = scope.shared = None


def test_an_id_is_only_counted_when_valid_and_not_tracked():
    assert pyx12_reader_speedups.only_counted("NM1") and pyx12_reader_speedups.only_counted("N3")
    assert not any(pyx12_reader_speedups.only_counted(seg_id)
                   for seg_id in ("HL", "CLM", "LX", "ST", "SE", "GS", "GE", "ISA", "IEA", "ref", "REFX", "R", "R-F", ""))



def _transactions_in_and_out_of_turn() -> dict[str, str]:
    """Seven varied claims, one transaction each, with their ST and SE numbers and counts broken and kept."""
    seven = write([varied_claim(i) for i in range(7)])
    head, sep, rest = seven.partition("~GS*")
    group, _, tail = rest.partition("~GE*")
    second_group = "GS*" + group.replace("*1*X*005010X222A1", "*2*X*005010X222A1")
    return {
        "an ST number repeated": edit(seven, "ST*", 2, "0001", nth=3),
        "an ST number repeated twice": edit(edit(seven, "ST*", 2, "0002", nth=4), "ST*", 2, "0002", nth=6),
        "ST02 empty": edit(seven, "ST*", 2, "", nth=2), "ST02 of two values": edit(seven, "ST*", 2, "0003:1", nth=2),
        "ST without ST02": replace_nth(seven, "ST*", "ST*837", nth=2), "ST01 empty": edit(seven, "ST*", 1, "", nth=2),
        "an SE count one more": edit(seven, "SE*", 1, str(int(segment(seven, "SE*").split("*")[1]) + 1), nth=1),
        "an SE count with a sign and spaces": edit(seven, "SE*", 1, " +" + segment(seven, "SE*").split("*")[1], nth=0),
        "an SE count not a number": edit(seven, "SE*", 1, "X", nth=0), "SE01 empty": edit(seven, "SE*", 1, "", nth=0),
        "an SE of another number": edit(seven, "SE*", 2, "0009", nth=2), "SE02 empty": edit(seven, "SE*", 2, "", nth=2),
        "an SE without SE02": replace_nth(seven, "SE*", "SE*30", nth=2),
        "an SE twice": insert_after(seven, "SE*", segment(seven, "SE*"), nth=0),
        "an SE without its ST": drop(seven, "ST*", nth=5),
        "an ST without its SE": drop(seven, "SE*", nth=5),
        "two groups with the same ST numbers":
            head + sep + group + "~GE*" + tail.replace("IEA*", second_group + "~GE*7*2~IEA*", 1),
    }


TRANSACTIONS = _transactions_in_and_out_of_turn()


def _every_state(reader) -> list:
    """Each segment read with the reader's state after it, then what reading raised (pyx12 itself fails on some
    broken envelopes: an SE twice closes the group's loop, and GE then finds none)."""
    states = []
    try:
        for read in reader:
            states.append((read.format(), _state(reader)))
    except (IndexError, pyx12.errors.X12Error) as error:  # the same failure is asked of both
        states.append((type(error), str(error)))
    return states


@pytest.mark.parametrize("name", sorted(TRANSACTIONS))
def test_transactions_opened_and_closed_leave_the_reader_as_its_own_checks_do(name):
    text = TRANSACTIONS[name]
    assert _every_state(_reader(text, checked_in_full=False)) == _every_state(_reader(text, checked_in_full=True))
    scope = pyx12_segment_speedups.document_scope
    scope.lines, scope.shared = {}, {}
    try:
        shared = _every_state(pyx12.x12file.X12Reader(io.StringIO(text)))
    finally:
        scope.lines = scope.shared = None
    assert shared == _every_state(_OwnReader(io.StringIO(text)))


def test_a_repeated_transaction_number_is_found_after_many():
    """The numbers are kept as a set beside the reader's list: a repeat of the first of 300 is still an error."""
    text = write([varied_claim(i) for i in range(300)])
    reader = _reader(edit(edit(text, "ST*", 2, "0001", nth=299), "SE*", 2, "0001", nth=299), checked_in_full=False)
    for _ in reader:
        pass
    assert [error for error in reader.err_list if error[0] == "st"] == [
        ("st", "23", "ST Interchange Control Number 0001 not unique within file", None, None)]


class _Source(io.StringIO):
    """A file that records the size of every read and refuses the one numbered `fails_at` (as a file of
    another encoding refuses a byte)."""

    def __init__(self, text: str, fails_at: int | None = None) -> None:
        super().__init__(text)
        self.reads, self.fails_at = [], fails_at

    def read(self, size=-1):
        self.reads.append(size)
        if len(self.reads) == self.fails_at:
            raise UnicodeDecodeError("ascii", b"\xc9", 0, 1, "ordinal not in range(128)")
        return super().read(size)


def _raw_lines(text: str, *, own: bool, fails_at=None, stop_after=None) -> tuple:
    """The lines a raw reader hands out, its reads, its buffer when it stops, and what it raised."""
    source = _Source(text, fails_at)
    raw, lines, raised = None, [], None
    try:
        raw = pyx12.rawx12file.RawX12File(source)
        iterator = pyx12.rawx12file.RawX12File.__iter__.original(raw) if own else iter(raw)
        for line in iterator:
            lines.append(line)
            if len(lines) == stop_after:
                iterator.close()
                break
    except UnicodeDecodeError as error:
        raised = str(error)
    return lines, source.reads, raw and raw.buffer, raised


ONE = CORPUS["one claim"]
RAW_TEXTS = {
    **{name: CORPUS[name]
       for name in ("one claim", "fifty varied claims", "twenty claims, CR LF after every terminator")},
    "an empty line part way": ONE.replace("~NM1*", "~~NM1*", 1),
    "an empty line of CR LF part way": ONE.replace("~NM1*", "~\r\n~NM1*", 1),
    "CR only between segments": ONE.replace("~", "~\r"),
    "text after the last terminator": ONE + "SE*1*0001",
    "two terminators at the end": ONE + "~",
    "the ISA alone": ONE[:106],
}


@pytest.mark.parametrize("bufsize", [1, 7, 64, 8 * 1024])
@pytest.mark.parametrize("name", sorted(RAW_TEXTS))
def test_the_raw_reader_hands_out_the_lines_its_own_does_with_the_same_reads(name, bufsize, monkeypatch):
    monkeypatch.setattr(pyx12.rawx12file, "DEFAULT_BUFSIZE", bufsize)
    text = RAW_TEXTS[name]
    assert _raw_lines(text, own=False) == _raw_lines(text, own=True)
    for fails_at in (2, 3, 4, 9, 40):
        assert _raw_lines(text, own=False, fails_at=fails_at) == _raw_lines(text, own=True, fails_at=fails_at)
    for stop_after in (1, 5, 29):
        assert _raw_lines(text, own=False, stop_after=stop_after) == _raw_lines(text, own=True, stop_after=stop_after)
