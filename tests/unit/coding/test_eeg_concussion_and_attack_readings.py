"""An EEG's recording states, a concussion's own symptoms and timed loss of consciousness, a seizure's trigger, and
attacks counted out since a past time."""
import pytest

from services.coding.domain.ended_episode import EPISODE_ENDED_AFTER
from services.coding.domain.neurology_findings import concussion
from services.coding.domain.note_text import word_pattern
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, state", [
    ("EEG report. Photic stimulation and hyperventilation caused no change. Impression: normal EEG.", "R06.4"),
    ("Routine EEG: normal background; drowsiness and stage 2 sleep recorded. Normal study.", "R40.0"),
    ("EEG. Rare benign sharp transients seen in drowsiness only. No epileptiform discharges.", "R40.0"),
])
def test_a_state_the_eeg_recorded_is_not_the_patients_symptom(suggest, note, state):
    assert state not in billed(suggest, note)


@pytest.mark.parametrize("note, symptom", [
    ("Hyperventilation with tingling fingers when anxious, several times a week.", "R06.4"),
    ("Daytime drowsiness since gabapentin was increased.", "R40.0"),
    # an EEG named elsewhere in the note leaves the patient's own drowsiness told in plain words coded
    ("Daytime drowsiness for 3 months. EEG last year was normal.", "R40.0"),
])
def test_the_patients_own_hyperventilation_or_drowsiness_is_coded(suggest, note, symptom):
    assert symptom in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Concussion without LOC after a tackle 2 days ago; headache, photophobia and nausea since.",
    "Concussion, no loss of consciousness, from a fall off a ladder yesterday. Light sensitivity (photophobia).",
])
def test_photophobia_is_part_of_the_concussion(suggest, note):
    codes = billed(suggest, note)
    assert "S06.0X0A" in codes and "H53.149" not in codes


def test_photophobia_beside_another_injury_is_still_coded(suggest):
    assert "H53.149" in billed(suggest, "Photophobia x 3 days, no headache. Left ankle sprain, healing.")


def test_a_loss_of_consciousness_timed_in_brackets_names_its_length():
    note = "Concussion with brief LOC (about 1 min) in a fall from a horse yesterday."
    match = word_pattern(r"concussion").search(note)
    assert concussion(match, note)[0] == "S06.0X1"


def test_an_untimed_brief_loss_of_consciousness_stays_with_a_coder():
    note = "Concussion with brief LOC (witnessed) in a fall yesterday."
    assert concussion(word_pattern(r"concussion").search(note), note) is None


@pytest.mark.parametrize("note", [
    "Epilepsy, not intractable: one breakthrough GTC last week after sleep deprivation. Continue lamotrigine.",
    "Juvenile myoclonic epilepsy; a seizure 2 weeks ago after a night of sleep deprivation before exams.",
])
def test_sleep_deprivation_that_brought_a_seizure_on_goes_to_a_coder(suggest, note):
    assert "Z72.820" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Epilepsy, on levetiracetam, seizure-free. Sleeps 4 h a night on night shifts - sleep deprivation.",
    "Migraine without aura. Sleep deprivation from a newborn at home.",
])
def test_sleep_deprivation_as_the_patients_pattern_keeps_its_code(suggest, note):
    assert "Z72.820" in billed(suggest, note)


@pytest.mark.parametrize("clause", [
    " during the worst of the depression last year, none in 6 months",
    " last winter, none since",
    " in 2023, none in the past year",
])
def test_attacks_counted_out_since_a_past_time_ended(clause):
    assert EPISODE_ENDED_AFTER.search(clause)


@pytest.mark.parametrize("clause", [
    " twice a week, none in the last 2 days",  # no past time: a current run of attacks
    " since 2022, none in 6 months",  # the year dates the onset
])
def test_a_pause_without_a_past_episode_is_no_end(clause):
    assert not EPISODE_ENDED_AFTER.search(clause)


def test_past_panic_attacks_beside_current_depression_are_not_coded_as_panic_disorder(suggest):
    note = "MDD, recurrent, moderate on sertraline. Panic attacks during the depression last year, none in 6 months."
    codes = billed(suggest, note)
    assert "F33.1" in codes and "F41.0" not in codes


def test_current_panic_attacks_are_still_coded(suggest):
    assert "F41.0" in billed(suggest, "Panic attacks twice a week for 2 months with fear of dying; none in the ED.")


@pytest.mark.parametrize("note", [
    "Trouble keeping focus in lectures since grade school; grades falling.",
    "Teacher reports scores falling this term; easily distracted.",
])
def test_grades_falling_are_no_falls(suggest, note):
    assert "R29.6" not in billed(suggest, note)


def test_repeated_falls_are_still_coded(suggest):
    assert "R29.6" in billed(suggest, "Falling at home, three falls this month; unsteady gait.")


def test_a_relatives_death_alone_is_no_family_history_of_sudden_cardiac_death(suggest):
    assert "Z82.41" not in billed(suggest, "Low mood and poor sleep for 2 months after the death of her father.")


def test_a_relatives_sudden_cardiac_death_is_family_history(suggest):
    assert "Z82.41" in billed(suggest, "Palpitations, Holter ordered. Mother died of sudden cardiac death at 45.")


def test_pleuritic_chest_pain_is_part_of_the_pulmonary_embolism(suggest):
    note = "CT angiogram: acute right lower lobe pulmonary embolism. Pleuritic chest pain since yesterday. Apixaban."
    codes = {s.code for s in suggest(note)}
    assert not any(code.startswith("R07") for code in codes)


def test_a_screenings_schedule_is_not_a_screening_done_today(suggest):
    assert "Z12.2" not in billed(suggest, "COPD on tiotropium. Eval for lung cancer: LDCT yearly per screening.")


def test_a_yearly_screening_done_today_is_still_coded(suggest):
    assert "Z12.2" in billed(suggest, "Yearly LDCT for lung cancer screening done today: Lung-RADS 2.")
