"""A common symptom heading an assessment entry of its own beside diagnoses none of which routinely explains it is
coded; beside one that does, or read outside such an entry, it stays with a coder. Sentences of our own wording."""
import pytest

from services.coding.domain.unexplained_symptom import explained, unexplained_entry

pytestmark = pytest.mark.unit
THRESHOLD = 0.9


@pytest.mark.parametrize("symptom, diagnoses", [
    ("R00.2", ["I48.91"]), ("R00.2", ["E05.00"]), ("R00.2", ["F41.0"]),
    ("R53.83", ["F32.1"]), ("R53.83", ["D50.9"]), ("R53.83", ["E03.9"]),
    ("R51.9", ["G43.909"]), ("R51.9", ["S06.0X1A"]),
    ("R35.0", ["N39.0"]), ("R25.1", ["G20.A1"]), ("R56.9", ["G40.909"]),
    ("R55", ["I35.0"]), ("R55", ["I95.1"]), ("R06.09", ["J44.9"]), ("R06.00", ["I50.32"]), ("R35.1", ["N40.1"]),
    ("R05.9", ["J45.909"]), ("R05.3", ["K21.9"]), ("R04.0", ["D68.9"]), ("R04.2", ["C34.90"]),
    ("R49.0", ["J37.0"]), ("R61", ["C81.90"]), ("R63.4", ["E05.90"]), ("R31.9", ["N20.0"]),
    ("R00.0", ["E05.00"]), ("R00.0", ["D50.9"]), ("R00.1", ["E03.9"]), ("R60.0", ["I50.32"]),
    ("R29.6", ["G20.A1"]), ("R25.2", ["E83.42"]), ("R60.0", ["M25.471"]), ("R60.0", ["M10.072"]),
    ("R07.89", ["I25.10"]), ("R07.9", ["K21.9"]), ("R09.02", ["J96.01"]), ("R19.7", ["K58.0"]), ("R21", ["L30.9"]),
    ("R10.9", ["K21.9"]),  # a symptom the table does not know
])
def test_a_diagnosis_that_routinely_explains_the_symptom(symptom, diagnoses):
    assert explained(symptom, diagnoses)


@pytest.mark.parametrize("symptom, diagnoses", [
    ("R00.2", ["F33.1", "E78.5"]), ("R53.83", ["I10", "M17.11"]), ("R51.9", ["K21.9"]),
    ("R35.0", ["M16.12"]), ("R25.1", ["G56.02"]),
    ("R55", ["M17.12", "E11.9"]), ("R06.09", ["K21.9"]), ("R35.1", ["I10", "E78.5"]),
    ("R05.3", ["N39.0"]), ("R04.0", ["E06.3"]), ("R04.2", ["J44.1"]), ("R49.0", ["F90.2"]), ("R61", ["E78.5"]),
    ("R63.4", ["F41.1"]), ("R31.21", ["E05.00"]), ("R00.0", ["E78.5"]), ("R00.1", ["Q25.0", "I10"]),
    ("R60.0", ["N30.00"]), ("R29.6", ["G56.01"]), ("R25.2", ["I48.19"]), ("R60.0", ["M17.11"]), ("R60.0", ["M54.50"]),
    ("R07.89", ["I10", "E78.5"]), ("R09.02", ["J44.9"]), ("R19.7", ["E78.5"]), ("R21", ["F41.1"]),
])
def test_no_diagnosis_explains_the_symptom(symptom, diagnoses):
    assert not explained(symptom, diagnoses)


def _entry(note: str, term: str, symptom: str, diagnoses: list[str]) -> bool:
    start = note.index(term)
    return unexplained_entry(symptom, diagnoses, note, start, start + len(term))


def test_a_symptom_heading_its_own_entry_beside_an_unrelated_diagnosis():
    note = "A/P: 1. GERD - continue PPI. 2. Palpitations - Holter, limit caffeine."
    assert _entry(note, "Palpitations", "R00.2", ["K21.9"])


@pytest.mark.parametrize("note, term", [
    ("GERD on PPI; c/o palpitations at night. A/P: GERD - continue.", "palpitations"),  # an aside, not an entry
    ("A/P: 1. GERD. 2. Palpitations - denies today, resolved.", "Palpitations"),  # the entry says it is over
])
def test_a_symptom_outside_an_entry_of_its_own_stays_with_a_coder(note, term):
    assert not _entry(note, term, "R00.2", ["K21.9"])


@pytest.mark.parametrize("note, code", [
    ("Reflux on omeprazole, better. Plan: 1. GERD - continue omeprazole. 2. Palpitations - Holter, no caffeine.",
     "R00.2"),
    ("Gout flare settled. A/P: 1. Gout - continue allopurinol. 2. Night sweats - CBC, chest film.", "R61"),
    ("Gout quiet. Assessment: 1. Gout - allopurinol. 2. Atypical chest pain - treadmill test, f/u.", "R07.89"),
])
def test_on_the_real_index_a_symptom_as_its_own_entry_beside_an_unrelated_diagnosis_is_coded(note_suggester, note,
                                                                                               code):
    found = {s.code: s for s in note_suggester(note)}
    assert found[code].confidence >= THRESHOLD and found[code].convention == "symptom-unexplained-heads-its-entry"


@pytest.mark.parametrize("note, category", [
    ("Paroxysmal AF on metoprolol. A/P: 1. Paroxysmal AF - continue. 2. Palpitations - wear monitor 2 wks.", "R00.2"),
    ("Asthma, poorly controlled. A/P: 1. Moderate persistent asthma - step up ICS. 2. Chronic cough - spacer.", "R05"),
])
def test_on_the_real_index_a_symptom_beside_the_diagnosis_that_explains_it_stays_with_a_coder(note_suggester, note,
                                                                                                category):
    assert not any(s.code.startswith(category) and s.confidence >= THRESHOLD for s in note_suggester(note))


@pytest.mark.parametrize("note, term, symptom", [
    ("Plan: 1. Hip OA - PT. 2. Fainting - tilt table test.", "Fainting", "R55"),
    ("A/P: reflux - PPI. 2) Dyspnea - CXR and spirometry.", "Dyspnea", "R06.00"),
    ("1. Gout - allopurinol.\n2. Nocturia - bladder diary.", "Nocturia", "R35.1"),
])
def test_syncope_dyspnea_or_nocturia_heading_a_marked_entry_beside_an_unrelated_diagnosis(note, term, symptom):
    assert _entry(note, term, symptom, ["M16.9", "K21.9", "M10.9"])


def test_a_narrative_sentence_opening_with_dyspnea_is_no_entry_of_its_own():
    note = "Consult for drug monitoring, gout on allopurinol. Slight dyspnea on exertion. PFTs normal."
    assert not _entry(note, "dyspnea on exertion", "R06.09", ["M10.9"])


@pytest.mark.parametrize("note, term, symptom", [
    ("Assessment: 1. Gout - colchicine. 2. Recurrent nosebleeds - saline gel.", "nosebleeds", "R04.0"),
    ("A/P: 1. Gout - colchicine. 2. Unintentional weight loss - CT abdomen.", "weight loss", "R63.4"),
])
def test_a_word_of_course_before_the_symptom_leaves_it_heading_its_entry(note, term, symptom):
    assert _entry(note, term, symptom, ["M10.9"])


def test_a_narrative_sentence_opening_with_a_newly_tabled_symptom_stays_with_a_coder():
    note = "Hoarseness, worse in the evening. A/P: Gout - colchicine."
    assert not _entry(note, "Hoarseness", "R49.0", ["M10.9"])



@pytest.mark.parametrize("note, term, symptom", [
    ("A/P: 1. Gout - colchicine. 2. Heart racing - not caffeine-related per her, event monitor.", "Heart racing",
     "R00.2"),
    ("A/P: 1. Gout - colchicine. 2. Chronic cough - not due to her gout meds; CXR.", "cough", "R05.3"),
    ("Assessment: 1. Gout - colchicine. 2. Fainting, not seizures - fluids.", "Fainting", "R55"),
    ("Assessment: 1. Gout - colchicine. 2. Tiredness for 6 wks - iron studies.", "Tiredness", "R53.83"),
    ("Assessment: 1. Gout - colchicine. 2. L calf cramps - magnesium level.", "calf cramps", "R25.2"),
    ("Assessment: 1. Gout - colchicine. 2. Persistent tiredness - sleep log.", "tiredness", "R53.83"),
    ("Assessment: 1. Gout - colchicine. 2. Tiredness - cause not found, sleep log.", "Tiredness", "R53.83"),
    ("A/P: 1. Gout - colchicine. 2. Nocturia - etiology not clear, bladder diary.", "Nocturia", "R35.1"),
])
def test_a_denied_cause_a_duration_a_side_or_persistence_leaves_the_symptom_heading_its_entry(note, term, symptom):
    assert _entry(note, term, symptom, ["M10.9"])


@pytest.mark.parametrize("note, term", [
    ("A/P: 1. Gout - colchicine. 2. Tiredness - not today, better.", "Tiredness"),  # the symptom itself denied
    ("A/P: 1. Gout - colchicine. 2. Tiredness x 2 wks, not present now.", "Tiredness"),
    ("A/P: 1. Gout - colchicine. 2. Tiredness - not now; cause not found earlier.", "Tiredness"),
])
def test_a_symptom_its_entry_denies_stays_with_a_coder(note, term):
    assert not _entry(note, term, "R53.83", ["M10.9"])


def test_on_the_real_index_localized_edema_is_its_own_code_not_edema_unspecified(note_suggester):
    found = {s.code: s for s in note_suggester("Order: BMP, BNP. Dx: localized edema, both feet; GERD.")}
    assert "R60.9" not in found and found["R60.0"].confidence >= THRESHOLD


def test_a_cough_with_its_duration_stays_with_a_coder_whose_code_the_duration_makes_chronic():
    assert not _entry("A/P: 1. Gout - colchicine. 2. Cough x 10 wks - CXR.", "Cough", "R05.9", ["M10.9"])
