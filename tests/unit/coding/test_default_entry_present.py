"""A condition matched by its category's default entry and stated as present now (its duration, the condition it
causes, a thyroid nodule found) is coded; the bare term elsewhere still goes to a coder. Sentences of our own
wording."""
import pytest

from services.coding.domain.default_entry_present import stated_present

pytestmark = pytest.mark.unit
THRESHOLD = 0.9


def _present(note: str, term: str, code: str = "K59.00") -> str | None:
    start = note.index(term)
    return stated_present(code, note, start, start + len(term))


@pytest.mark.parametrize("note, term", [
    ("Seen for knee pain; also has had constipation x 3 wks, prunes help.", "constipation"),
    ("Mother says headaches for about 2 months, worse at school.", "headaches"),
    ("Insomnia since the move to a new apartment, reads in bed.", "Insomnia"),
    ("Reports tiredness and fatigue for the past month.", "fatigue"),
])
def test_a_condition_with_its_duration_up_to_now_is_present(note, term):
    assert _present(note, term) == "with its duration"


@pytest.mark.parametrize("note, term", [
    ("Microcytic anemia secondary to menorrhagia; started iron.", "menorrhagia"),
    ("COPD flare brought on by a URI this week.", "URI"),
    ("Low ferritin with bleeding from hemorrhoids.", "hemorrhoids"),
])
def test_a_condition_named_as_the_cause_of_another_is_present(note, term):
    assert _present(note, term) == "as the cause of another condition"


@pytest.mark.parametrize("note", [
    "Neck US: 9 mm left thyroid nodule, TI-RADS 2.",
    "Thyroid nodule of the isthmus, FNA benign, US again next spring.",
])
def test_a_thyroid_nodule_stays_once_found(note):
    assert _present(note, "thyroid nodule" if "thyroid nodule" in note else "Thyroid nodule", "E04.1") is not None


@pytest.mark.parametrize("note, term, code", [
    ("Constipation, chronic, on lactulose.", "Constipation", "K59.00"),
    ("Fatigue since.", "Fatigue", "R53.83"),
    ("Cough after a URI last month.", "URI", "J06.9"),
    ("PH due to lung disease, group 3.", "lung disease", "J98.4"),
    ("Thyroid nodule (2019) - no longer seen on US.", "Thyroid nodule", "E04.1"),
    ("Multinodular gland; the dominant thyroid nodule is 2 cm.", "thyroid nodule", "E04.1"),
    ("Headache for 3 days, possible sinusitis.", "Headache", "R51.9"),
    ("Constipation since starting the iron tablets.", "Constipation", "K59.00"),
    ("Cough x 4 wks.", "Cough", "R05.9"),
])
def test_a_bare_a_dated_or_a_doubted_condition_is_not_settled(note, term, code):
    assert _present(note, term, code) is None


@pytest.mark.parametrize("note, code", [
    ("Came in for BP check. Constipation for a week, no blood in stool.", "K59.00"),
    ("Iron deficiency anemia from chronic blood loss from menorrhagia, on iron.", "N92.0"),
    ("Endo visit. 1.4 cm R thyroid nodule, FNA benign, stable size.", "E04.1"),
])
def test_on_the_real_index_a_default_entry_stated_present_is_coded(note_suggester, note, code):
    found = {s.code: s.confidence for s in note_suggester(note)}
    assert found[code] >= THRESHOLD


@pytest.mark.parametrize("note, term", [
    ("Referred after a first seizure at the gym last Friday; workup so far normal.", "seizure"),
    ("He had one witnessed generalized seizure in May; MRI pending.", "seizure"),
    ("New-onset tonic-clonic seizure this morning per the ED letter.", "seizure"),
])
def test_a_first_or_single_seizure_is_one_event(note, term):
    assert _present(note, term, "R56.9") == "as a single event"


@pytest.mark.parametrize("note, term, code", [
    ("First seizure at age 9; epilepsy since, on levetiracetam.", "seizure", "G40.909"),  # another code
    ("Seizure activity on the EEG, first recorded in 2020.", "Seizure", "R56.9"),  # nothing before it
    ("Single seizure - possible syncope instead, tilt table ordered.", "seizure", "R56.9"),  # its entry doubts it
])
def test_no_single_event_where_the_code_differs_nothing_counts_it_or_its_entry_doubts_it(note, term, code):
    assert _present(note, term, code) is None
