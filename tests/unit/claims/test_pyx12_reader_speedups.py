"""The reader's shortcut for ordinary segments leaves it as its own checks would: same counts, line, loops
and pending errors after every segment of every corpus file (the verdicts are compared in
test_pyx12_speedups)."""
import io
import types

import pytest
import pyx12.errors
import pyx12.x12file

from services.claims.adapters import pyx12_reader_speedups, pyx12_segment_speedups, pyx12_speedups
from tests.unit.claims.pyx12_corpus import build_corpus

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

