"""Symptoms in the words patients and clinicians use, read to the codes the index files them under: the symptom
codes the suggester missed when walked code by code, in sentences of our own."""
import pytest

from services.coding.domain.documented_findings import documented_findings
from tests.unit.coding.test_conventions import tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("A/P: L ankle pain x 1 wk, no injury.", "M25.572"),
    ("Assessment: pain in her right wrist, cause unclear.", "M25.531"),
    ("Aching in the left elbow when lifting groceries.", "M25.522"),
    ("R heel pain with the first steps of the day.", "M79.671"),
    ("Pain in the left hand, worse when gripping.", "M79.642"),
    ("c/o R eye pain since yesterday, vision intact.", "H57.11"),
    ("Assessment: left ear pain; otoscopy normal.", "H92.02"),
    ("Earache in both ears after the flight.", "H92.03"),
    ("A/P: joint pain in several joints, labs sent.", "M25.50"),
    ("Reports her heart pounding when she lies down.", "R00.2"),
    ("Fluttering feeling in his chest a few times a day.", "R00.2"),
    ("Bilateral ankle swelling x 3 weeks, cause unclear.", "R60.0"),
    ("Assessment: lump in the left side of the neck, ultrasound ordered.", "R22.1"),
    ("A/P: easy bruising - CBC, PT/INR.", "R23.3"),
    ("Hiccups for two days, worse after meals.", "R06.6"),
    ("A/P: swollen glands in the neck, recheck in 2 weeks.", "R59.0"),
    ("Stuffy nose for a week, no fever.", "R09.81"),
    ("A/P: stomach pain after meals, cause unclear.", "R10.9"),
    ("Assessment: pain in the chest on and off, ECG normal.", "R07.9"),
    ("Loose stools x 3 days, no blood.", "R19.7"),
    ("A/P: low energy for a month, check TSH and CBC.", "R53.83"),
    ("Says she is always tired since the new job; sleeps 7 h.", "R53.83"),
    ("A/P: staring spells at school, up to 20 s - EEG.", "R40.4"),
    ("Absence seizures cannot be excluded - episodes of staring, EEG ordered.", "R40.4"),
    ("Feels off balance when she turns quickly - vestibular PT.", "R26.81"),
    ("Loss of balance walking on grass x 2 mo, no falls.", "R26.81"),
])
def test_a_symptom_in_everyday_words_meets_its_code(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, kept_out", [
    ("Denies ankle pain or swelling.", "M25.57"),
    ("Sprained R ankle playing soccer; ankle pain with weight bearing.", "M25.57"),
    ("No earache, no sore throat.", "H92.0"),
    ("Mother has easy bruising.", "R23.3"),
    ("Lymphadenopathy on exam.", "R59.0"),
    ("Denies palpitations or a racing heart.", "R00"),
    ("No staring spells since the dose change.", "R40"),
    ("Her brother has staring spells.", "R40"),
    ("Denies loss of balance or falls.", "R26"),
])
def test_denied_injured_relatives_or_unsited_are_not_made(tabular, note, kept_out):
    out, _ = documented_findings([], note, tabular)
    assert not {s.code for s in out if s.code.startswith(kept_out) and s.context == "affirmed"}


def test_a_staring_spell_beside_a_confirmed_epilepsy_is_left_to_a_coder(suggest):
    assert "R40.4" not in billed(suggest, "Epilepsy on levetiracetam; staring spells twice this month.")


@pytest.mark.parametrize("note, kept_out", [
    ("Wheezing with colds, never dx with asthma - albuterol prn.", "J45.909"),
    ("She has never been dx'd with diabetes; A1c 5.4.", "E11.9"),
    ("Never diagnosed with COPD; spirometry today.", "J44.9"),
])
def test_a_condition_never_diagnosed_in_shorthand_is_not_coded(suggest, note, kept_out):
    assert kept_out not in billed(suggest, note)
