"""A condition a history section lists and the assessment treats is current: its personal history code is not
billed beside its current code; a different condition sharing the history code, a dated or old episode of an
episodic condition, and a history with nothing current keep their history code."""
import pytest

from services.coding.domain.history_beside_current import history_beside_current
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, history, current", [
    ("Past hx: panic disorder, HLD.\nAssessment: 1. Panic disorder - continue paroxetine 20 mg.", "Z86.59", "F41.0"),
    ("PMH: MDD, T2DM.\nA/P: 1. T2DM - metformin. 2. MDD, recurrent, moderate - escitalopram.", "Z86.59", "F33"),
    ("Hx: prostate ca, HLD.\nA/P: 1. Prostate cancer - rising PSA, recurred; refer to urology onc.", "Z85.46", "C61"),
    ("PMH: DVT, HTN.\nA/P: 1. Acute DVT L femoral vein - rivaroxaban. 2. HTN - amlodipine.", "Z86.718", "I82"),
])
def test_the_history_of_a_condition_treated_now_is_not_billed(suggest, note, history, current):
    assert history not in billed(suggest, note)
    assert any(s.code.startswith(current) for s in suggest(note))  # read as current, billed or held


@pytest.mark.parametrize("note, history", [
    ("Psych hx: PTSD after assault 2010, resolved with therapy.\nA/P: 1. MDD, recurrent, mild - sertraline.",
     "Z86.59"),
    ("PMH: R MCA stroke 2019 without residual deficits.\nA/P: 1. TIA last week - carotid duplex, continue ASA.",
     "Z86.73"),
    ("Dx: remote MI; acute NSTEMI 10 days ago; hyperlipidemia.", "I25.2"),
    ("PMH: breast ca s/p mastectomy 2015, no recurrence.\nA/P: 1. HTN - continue lisinopril.", "Z85.3"),
    ("Past hx: PE 2019, completed apixaban.\nA/P: 1. Asthma - albuterol prn.", "Z86.711"),
    # a current code held below the threshold says nothing sure: the history code is left to a coder
    ("PMH: DVT, HTN.\nA/P: 1. DVT - continue rivaroxaban. 2. HTN - amlodipine.", "Z86.718"),
])
def test_another_condition_or_another_episode_keeps_its_history_code(suggest, note, history):
    assert history in billed(suggest, note)


def _found(code: str, start: int, end: int, context: str) -> Suggestion:
    return Suggestion(code=code, description=code, confidence=0.94, start=start, end=end, evidence=code,
                      context=context)


def test_a_dated_episode_stays_beside_the_new_one_an_undated_one_goes():
    dated = "Hx: DVT 2018.\nA/P: DVT, new, L popliteal."
    undated = "Hx: DVT.\nA/P: DVT, new, L popliteal."
    for note, kept in ((dated, True), (undated, False)):
        first, second = note.index("DVT"), note.rindex("DVT")
        found = [_found("Z86.718", first, first + 3, "history"), _found("I82.432", second, second + 3, "affirmed")]
        out = history_beside_current(found, note)
        assert ("Z86.718" in [s.code for s in out]) is kept


@pytest.mark.parametrize("note, wrong, kept", [
    ("A/P: 1. Recent NSTEMI, old RBBB - no tx.", "I25.2", "I45.10"),
    ("Assessment: recent STEMI, old LBBB.", "I25.2", "I44.7"),
])
def test_a_time_word_after_a_comma_belongs_to_the_name_it_stands_before(suggest, note, wrong, kept):
    codes = {s.code for s in suggest(note)}
    assert wrong not in codes and kept in codes


@pytest.mark.parametrize("note, current", [
    ("PMH: TIA (remote), HTN.\nA/P: 1. HTN - continue amlodipine.", "I10"),
    ("A/P: 1. Hypothyroidism (remote, post-RAI), asthma - albuterol prn.", "J45"),
])
def test_a_time_word_in_parentheses_belongs_to_the_name_before_them(suggest, note, current):
    assert any(s.code.startswith(current) for s in suggest(note) if s.context == "affirmed")


def test_a_time_word_its_term_ends_with_is_still_the_terms(suggest):
    assert "I25.2" in billed(suggest, "Dx: CAD; MI, old; HTN.")
