"""The verdict-only document loop takes x12n_document's steps: the gate's way in (shared segments, kept verdicts),
each file gets the same answer, the same log records (debug ones included, in order) and the same exception
from it as from pyx12's own loop."""
import io
import logging

import pytest
import pyx12.errors
import pyx12.params
import pyx12.x12n_document
from pyx12.map_walker import walk_tree

from services.claims.adapters import pyx12_document_loop, pyx12_speedups
from tests.unit.claims.pyx12_corpus import build_corpus

pytestmark = pytest.mark.unit
pyx12_speedups.apply()
VALID, BROKEN, NOT_CHECKED = build_corpus()
CORPUS = VALID | BROKEN | NOT_CHECKED
THIS_LOOP = pyx12_document_loop.verdict_only_document
PYX12S_OWN = pyx12.x12n_document.x12n_document.__wrapped__


def pyx12s_loop(param, src_file, map_path=None) -> bool:
    return PYX12S_OWN(param, src_file, None, None, map_path=map_path)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelname, record.getMessage()))


def _answer(monkeypatch, loop, source) -> tuple:
    """What the gate's call to x12n_document answers with this loop in place: (verdict or exception, records)."""
    monkeypatch.setattr(pyx12_document_loop, "verdict_only_document", loop)
    logger, records = logging.getLogger("pyx12"), _Records()
    level = logger.level
    logger.addHandler(records)
    logger.setLevel(logging.DEBUG)
    try:
        answer = pyx12.x12n_document.x12n_document(pyx12.params.params(), source(), None, None)
    except Exception as exc:
        answer = (type(exc), str(exc))
    finally:
        logger.removeHandler(records)
        logger.setLevel(level)
    return answer, records.records


def _same_answers(monkeypatch, text: str) -> tuple:
    _answer(monkeypatch, pyx12s_loop, lambda: io.StringIO(text))  # the maps it names loaded: they log once
    ours = _answer(monkeypatch, THIS_LOOP, lambda: io.StringIO(text))
    assert ours == _answer(monkeypatch, pyx12s_loop, lambda: io.StringIO(text))
    return ours


@pytest.mark.parametrize("name", list(CORPUS))
def test_every_corpus_file_gets_pyx12s_answer_and_records(monkeypatch, name):
    _same_answers(monkeypatch, CORPUS[name])


def _two_interchanges() -> str:
    text = VALID["one claim"]
    return text + text.replace("*000000001*", "*000000002*")


def _transaction(text: str, fic: str, version: str, transaction: str, bht: str) -> str:
    """The corpus file as another transaction: its ISA12, GS01/GS08, ST01 and BHT replaced (its body mostly wrong
    there)."""
    segments = text.split("~")
    for i, segment in enumerate(segments):
        elements = segment.strip().split("*")
        if elements[0] == "ISA":
            elements[12] = "00401" if version.startswith("004010") else "00501"
        elif elements[0] == "GS":
            elements[1], elements[8] = fic, version
        elif elements[0] == "ST":
            elements[1], elements[3:] = transaction, []
        elif elements[0] == "BHT":
            elements[1:] = bht.split("*")
        segments[i] = "*".join(elements)
    return "~".join(segments)


@pytest.mark.parametrize("case", ["two interchanges", "two functional groups", "another transaction's map",
                                  "a map chosen by BHT02", "BHT02 naming no map", "segments the walk cannot place"])
def test_envelopes_and_maps_get_pyx12s_answer_and_records(monkeypatch, case):
    text = VALID["one claim"]
    group = text[text.index("GS*"):text.index("IEA*")]
    files = {
        "two interchanges": _two_interchanges(),
        "two functional groups": text.replace(group, group + group),
        "another transaction's map": _transaction(text, "HS", "004010X092A1", "270", "0022*13*10001234*20060501*1319"),
        "a map chosen by BHT02": _transaction(text, "HI", "004010X094A1", "278", "0078*13*1*20060501*1319"),
        "BHT02 naming no map": _transaction(text, "HI", "004010X094A1", "278", "0078*99*1*20060501*1319"),
        "segments the walk cannot place": text.replace("~CLM*", "~ZZZ*1~NM1*QQ*1~CLM*"),
    }
    _same_answers(monkeypatch, files[case])


def test_a_file_named_by_its_path_gets_pyx12s_answer(monkeypatch, tmp_path):
    (tmp_path / "claims.x12").write_text(BROKEN["HI twice"])
    (tmp_path / "empty.x12").write_text("")
    for name in ("claims.x12", "empty.x12"):
        def named(path=str(tmp_path / name)) -> str:
            return path

        _answer(monkeypatch, pyx12s_loop, named)
        assert _answer(monkeypatch, THIS_LOOP, named) == _answer(monkeypatch, pyx12s_loop, named)


@pytest.mark.parametrize("fails_at", [1, 3, 40])
def test_a_walk_that_raises_is_logged_with_its_line_and_raised(monkeypatch, fails_at):
    walk = walk_tree.walk_errors

    def failing(self, *args):  # a walker per document: its count is the document's
        self.walked = getattr(self, "walked", 0) + 1
        if self.walked == fails_at:
            raise pyx12.errors.EngineError("the walker gave up")
        return walk(self, *args)

    monkeypatch.setattr(walk_tree, "walk_errors", failing)
    answer, records = _same_answers(monkeypatch, VALID["twenty claims"])
    assert answer == (pyx12.errors.EngineError, "the walker gave up") and records[-1][1].startswith("Source file line")
