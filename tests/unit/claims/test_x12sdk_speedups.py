"""The x12sdk speedups change the 270/276 gate's cost, never its verdict: every file of the corpus gets
the same messages from the patched gate as from a pristine x12sdk in a process of its own."""

import pytest
import x12sdk

from services.claims.adapters import x12sdk_speedups
from services.claims.adapters.x12_models import validate_transactions
from tests.unit.claims.pristine_library import pristine_verdicts
from tests.unit.claims.x12sdk_corpus import build_corpus

pytestmark = pytest.mark.unit
CORPUS = build_corpus()


@pytest.fixture(scope="module")
def pristine() -> dict:
    return pristine_verdicts("tests.unit.claims.x12sdk_corpus", CORPUS)


def test_the_pristine_run_is_unpatched_and_this_one_patched(pristine):
    assert pristine["patched"] is False
    assert x12sdk_speedups.apply() is True


@pytest.mark.parametrize("name", list(CORPUS))
def test_same_verdict_as_a_pristine_x12sdk(name, pristine):
    text, kind = CORPUS[name]
    assert validate_transactions(text, kind) == pristine["verdicts"][name]


def test_the_corpus_holds_valid_and_broken_files(pristine):
    valid = {name for name, messages in pristine["verdicts"].items() if not messages}
    assert {"270 of twenty", "270 other separators", "276 other separators", "271 answer", "277 answer"} <= valid
    assert len(CORPUS) - len(valid) >= 10


def test_a_file_read_again_gets_the_same_verdict():
    """Remembered field shapes must not carry one interchange's separators into the next."""
    texts = [CORPUS[name] for name in ("270 of twenty", "270 other separators", "270 repetition as component")] * 2
    assert [validate_transactions(*t) for t in texts[3:]] == [validate_transactions(*t) for t in texts[:3]]


def test_an_unknown_x12sdk_version_is_left_unpatched(monkeypatch, caplog):
    monkeypatch.setattr(x12sdk_speedups.LAYER, "applied", None)
    monkeypatch.setattr(x12sdk, "__version__", "9.9.9")
    assert x12sdk_speedups.apply() is False
    assert "9.9.9" in caplog.text and "unpatched" in caplog.text
