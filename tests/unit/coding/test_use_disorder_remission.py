"""A use disorder of no stated severity placed in remission takes dependence's in-remission code."""
import pytest

from services.coding.domain.use_disorder_remission import USE_DISORDER_IN_REMISSION, use_disorder_in_remission

pytestmark = pytest.mark.unit


def _read(note: str):
    match = USE_DISORDER_IN_REMISSION.search(note)
    return None if match is None else use_disorder_in_remission(match, note)


@pytest.mark.parametrize("note, code", [
    ("OUD in sustained remission, no MAT.", "F11.21"),
    ("Opioid use disorder, in early remission.", "F11.21"),
    ("AUD - in remission x 2 yrs.", "F10.21"),
    ("Cocaine use disorder in full remission.", "F14.21"),
])
def test_remission_of_a_use_disorder_is_dependence_in_remission(note, code):
    assert _read(note)[0] == code


@pytest.mark.parametrize("note", [
    "AUD, mild, in early remission.",  # severity written between: another reading's
    "Alcohol use disorder in early remission, mild per DSM-5.",  # mild is abuse's
    "Opioid use disorder in remission, opioid-induced depressive disorder.",
    "Opioid use disorder, on buprenorphine.",  # no remission stated
])
def test_a_mild_complicated_or_active_disorder_is_left_to_other_readings(note):
    assert _read(note) is None


def test_the_remission_the_code_states_does_not_make_the_disorder_past():
    from services.coding.domain.use_disorder_remission import remission_current
    note = "A/P: 1. OUD in remission, no MAT."
    start = note.index("OUD")
    assert remission_current(note, start, note.index(","))
    relative = "Father with OUD in remission."
    assert not remission_current(relative, relative.index("OUD"), relative.index("."))


@pytest.mark.parametrize("note", ["Hx of alcohol use disorder, in sustained remission since 2015.",
                                  "History of OUD in early remission, no MAT."])
def test_a_history_of_the_disorder_before_its_stated_remission_is_the_remission_coded(note):
    from services.coding.domain.use_disorder_remission import remission_current
    match = USE_DISORDER_IN_REMISSION.search(note)
    assert remission_current(note, match.start(), match.end())


def test_a_denied_history_is_still_not_current():
    from services.coding.domain.use_disorder_remission import remission_current
    note = "No hx of alcohol use disorder in remission or otherwise."
    match = USE_DISORDER_IN_REMISSION.search(note)
    assert not remission_current(note, match.start(), match.end())
