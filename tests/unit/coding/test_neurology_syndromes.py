"""Neurological conditions named as clinicians name them: the code the index gives the name."""
import pytest

from services.coding.domain.conventions import apply_conventions
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Lennox-Gastaut syndrome, refractory to four antiseizure drugs.", ["G40.814"]),
    ("Lennox-Gastaut syndrome, well controlled, no status epilepticus.", ["G40.812"]),
    ("Infantile spasms, not intractable, on vigabatrin.", ["G40.822"]),
    ("West syndrome with status epilepticus in May, pharmacoresistant.", ["G40.823"]),
    ("Parkinsonism secondary to metoclopramide; stopped.", ["G21.19"]),
    ("Medication-induced parkinsonism from haloperidol.", ["G21.11"]),
    ("Parkinsonism due to his long-term quetiapine.", ["G21.11"]),
    ("Drug-induced parkinsonism, valproate being weaned.", ["G21.19"]),
    ("CIDP, maintenance IVIG every 4 weeks.", ["G61.81"]),
    ("Chronic inflammatory demyelinating polyradiculoneuropathy, stable.", ["G61.81"]),
    ("Medication overuse headache from daily butalbital.", ["G44.40"]),
    ("Analgesic-overuse headache, intractable despite withdrawal of the analgesics.", ["G44.41"]),
    ("Psychogenic nonepileptic seizures confirmed on video EEG.", ["F44.5"]),
    ("Functional seizures, referred for CBT.", ["F44.5"]),
])
def test_the_clinicians_name_is_the_code_the_index_gives_it(tabular, note, expected):
    assert [c for c in codes(apply_conventions([], note, tabular)) if not c.startswith(("T", "Z"))] == expected


@pytest.mark.parametrize("note, prefix", [
    ("No parkinsonism on exam; essential tremor only.", "G21"),
    ("Parkinsonism, cause not yet known.", "G21"),
    ("Mother with CIDP.", "G61"),
    ("Possible psychogenic non-epileptic seizures; video EEG ordered.", "F44"),
    ("No rebound headaches since the triptan was limited.", "G44"),
])
def test_a_denied_relatives_uncertain_or_causeless_name_is_not_made(tabular, note, prefix):
    assert not any(c.startswith(prefix) for c in codes(apply_conventions([], note, tabular)))
