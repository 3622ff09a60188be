"""A use disorder with the disorder the note says the substance induced is one combination code, by the DSM-5
severity; a disorder not linked to the substance, another substance's, or a remission is left as it was."""
import pytest

from services.coding.domain.conventions import apply_conventions
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Alcohol use disorder, moderate, with alcohol-induced depressive disorder; start naltrexone.", "F10.24"),
    ("Severe alcohol use disorder with alcohol-induced sleep disorder.", "F10.282"),
    ("Alcohol use disorder, mild, with alcohol-induced anxiety disorder.", "F10.180"),
    ("EtOH-induced depressive d/o with alcohol dependence, sober 10 days.", "F10.24"),
    ("Alcohol-induced major neurocognitive disorder with alcohol use disorder, severe.", "F10.27"),
    ("Opioid use disorder, severe, with opioid-induced sexual dysfunction.", "F11.281"),
    ("Cannabis use disorder, mild, with cannabis-induced anxiety disorder.", "F12.180"),
    ("Cannabis use with anxiety disorder, counselled to stop.", "F12.980"),
    ("Anxiety secondary to cannabis use.", "F12.980"),
    ("Depression due to alcohol dependence, reassess when abstinent.", "F10.24"),
    ("Cocaine dependence with cocaine-induced psychotic disorder with hallucinations.", "F14.251"),
    ("Methamphetamine use disorder, severe, with methamphetamine-induced psychosis.", "F15.259"),
])
def test_the_use_disorder_and_the_disorder_it_induced_are_one_code(tabular, note, expected):
    found = codes(apply_conventions([], note, tabular))
    assert expected in found and not any(c.startswith("F") and c != expected for c in found)


@pytest.mark.parametrize("note, combination", [
    ("Alcohol use disorder, severe, with alcohol-induced depressive disorder, in early remission.", "F10.24"),
    ("Alcohol use disorder with alcohol-induced anxiety disorder.", "F10.280"),  # no severity: a coder's
    ("Cannabis-induced anxiety disorder with alcohol use disorder, severe.", "F10.280"),
    ("Alcohol use disorder, severe, with depression.", "F10.24"),  # not said to be induced
    ("Denies alcohol use disorder with alcohol-induced anxiety disorder.", "F10.280"),
    ("Father: alcohol dependence with alcohol-induced depressive disorder.", "F10.24"),
])
def test_a_link_not_written_or_not_current_makes_no_combination(tabular, note, combination):
    assert combination not in codes(apply_conventions([], note, tabular))
