"""A default entry that heads an entry of its own keeps its confidence; one read anywhere else goes to a coder.
Sentences of our own wording."""
import pytest

from services.coding.domain.first_sight import DEFAULT_ENTRY_NAME, OWN_ENTRY_NAME, calibrated
from services.coding.domain.note_terms import CONFIDENCE
from services.coding.domain.own_entry import heads_its_own_entry
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.test_conventions import tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9


def _span(note: str, term: str) -> tuple[int, int]:
    start = note.index(term)
    return start, start + len(term)


@pytest.mark.parametrize("note, term", [
    ("Problems:\n#Heartburn - famotidine 20 mg at night\n#HTN - stable", "Heartburn"),
    ("3. Dizziness, intermittent, orthostatics normal; recheck in a month.", "Dizziness"),
    ("A: Acute sinusitis. P: saline rinses.", "Acute sinusitis"),
    ("Diagnosis: constipation; add senna.", "constipation"),
    ("Impression: tension headache.", "tension headache"),
    ("- Insomnia - sleep hygiene handout given", "Insomnia"),
    ("[x] Iron deficiency anemia\n[ ] Obesity", "Iron deficiency anemia"),
    ("Seen today. Chronic cough: inhaled steroid trial.", "cough"),
    ("Fatigue", "Fatigue"),
    ("A/P: viral URI - rest, fluids, honey for cough", "URI"),
    ("Assessment: 1. First seizure - EEG and MRI brain ordered.", "seizure"),
    ("A/P: 2. Single unprovoked seizure - driving restrictions reviewed.", "seizure"),
    ("2. New-onset headache - imaging if worse.", "headache"),
])
def test_a_condition_heading_its_own_entry(note, term):
    assert heads_its_own_entry(note, *_span(note, term))


@pytest.mark.parametrize("note, term", [
    ("Anemia clinic visit, iron infusion today.", "Anemia"),  # a clinic's name
    ("58M with insomnia and low mood since his retirement.", "insomnia"),  # an HPI aside
    ("Indication: dizziness. Impression: normal study.", "dizziness"),  # a test's indication
    ("CT done for abdominal pain last year was normal.", "abdominal pain"),  # an earlier visit's reason
    ("2. Insomnia: denies, sleeping well.", "Insomnia"),  # the entry denies it
    ("Depression (PHQ-9) | 2 | negative", "Depression"),  # a screening table's row
    ("#Bronchitis - resolved after azithromycin", "Bronchitis"),  # the entry places it in the past
    ("A: Anxiety vs adjustment disorder.", "Anxiety"),  # the entry doubts it
    ("Separation anxiety: distressed at drop-off.", "anxiety"),  # a word before it names its kind
    ("Hx: pleural effusion, drained 2019.", "pleural effusion"),  # a history label
    ("Depression: PHQ-9 of 4 at intake.", "Depression"),  # a screening instrument's score
    ("Heartburn - n/a", "Heartburn"),  # answered no at once
    ("Review of systems:\nConstipation: yes\nHeadache: no", "Constipation"),  # asked, not addressed
])
def test_a_condition_read_anywhere_else_or_qualified_by_its_entry(note, term):
    assert not heads_its_own_entry(note, *_span(note, term))


def test_an_entry_after_the_review_of_systems_is_read_again():
    note = "ROS: negative but for fatigue.\nAssessment:\n1. Constipation - PEG daily."
    assert heads_its_own_entry(note, *_span(note, "Constipation"))


def test_a_denial_of_something_else_in_the_entry_is_its_detail():
    note = "Abdominal pain, no fever, tolerating fluids."
    assert heads_its_own_entry(note, *_span(note, "Abdominal pain"))


def _default_entry(note: str, term: str, code=("K59.00", "Constipation, unspecified")) -> Suggestion:
    start, end = _span(note, term)
    return Suggestion(code=code[0], description=code[1], confidence=CONFIDENCE["default"], start=start, end=end,
                      evidence=term, context="affirmed")


def test_a_default_entry_heading_its_own_entry_keeps_its_confidence_and_says_why(tabular):  # noqa: F811
    note = "A/P:\n1. Constipation - PEG 17 g daily.\n2. HTN - continue lisinopril."
    [s] = calibrated([_default_entry(note, "Constipation")], note, tabular)
    assert s.confidence == CONFIDENCE["default"] >= THRESHOLD and s.convention == OWN_ENTRY_NAME
    assert "entry of its own" in s.reason


def test_the_same_default_entry_in_an_aside_still_goes_to_a_coder(tabular):  # noqa: F811
    note = "Parkinson disease on levodopa; she also mentions constipation since the dose change."
    [s] = calibrated([_default_entry(note, "constipation")], note, tabular)
    assert s.confidence < THRESHOLD and s.convention == DEFAULT_ENTRY_NAME


@pytest.mark.parametrize("note, term, denied", [
    ("A/P: 2. Insomnia - not sleep apnea; melatonin 3 mg.", "Insomnia", "sleep apnea"),
    ("Dx: Anemia - not iron deficiency; retic, B12.", "Anemia", "iron deficiency"),
])
def test_a_not_before_another_negated_condition_denies_that_one(note, term, denied):
    where = frozenset({note.index(denied)})
    assert not heads_its_own_entry(note, *_span(note, term))
    assert heads_its_own_entry(note, *_span(note, term), denied_starts=where)


@pytest.mark.parametrize("note, term, other", [
    ("A/P: 2. Insomnia - not confirmed, sleep apnea possible.", "Insomnia", "sleep apnea"),
    ("A/P: 2. Insomnia - not sleep apnea, not sure.", "Insomnia", "sleep apnea"),
    ("A/P: 2. Insomnia - not likely; sleep apnea workup.", "Insomnia", "sleep apnea"),
])
def test_a_not_that_doubts_the_entrys_own_condition_still_qualifies_it(note, term, other):
    assert not heads_its_own_entry(note, *_span(note, term), denied_starts=frozenset({note.index(other)}))


def test_a_default_entry_beside_a_denied_neighbour_keeps_its_confidence(tabular):  # noqa: F811
    note = "A/P:\n1. Constipation - not hypothyroidism; PEG 17 g daily."
    entry = _default_entry(note, "Constipation")
    [held] = calibrated([entry], note, tabular)
    [kept] = calibrated([entry], note, tabular, denied_starts=frozenset({note.index("hypothyroidism")}))
    assert held.confidence < THRESHOLD and kept.confidence >= THRESHOLD and kept.convention == OWN_ENTRY_NAME
