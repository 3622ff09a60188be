"""A newborn's health check by the age the note gives (Z00.110 under 8 days, Z00.111 8 to 28 days): sentences of our
own wording."""
import pytest

pytestmark = pytest.mark.unit

AUTO_ACCEPT = 0.90


def _coded(note_suggester, note: str) -> set[str]:
    return {s.code for s in note_suggester(note) if s.confidence >= AUTO_ACCEPT}


@pytest.mark.parametrize("note, code", [
    ("First visit after discharge, 3 days old, feeding formula every 3 h, exam normal.", "Z00.110"),
    ("Newborn weight check, 6-day-old, up 40 g since yesterday.", "Z00.110"),
    ("Newborn check-up at 3 wks old: gaining well, cord off, normal exam.", "Z00.111"),
    ("Well baby visit, DOL 10, mother has no questions.", "Z00.111"),
])
def test_a_newborn_check_is_coded_by_the_age_given(note_suggester, note, code):
    coded = _coded(note_suggester, note)
    assert code in coded and not {c for c in coded if c.startswith(("Z00.11", "Z00.12")) and c != code}


@pytest.mark.parametrize("note", [
    "Newborn visit, mother's questions answered, exam normal.",  # no age: a coder's
    "Well-child visit, 2 months old, vaccines given, normal exam.",  # past the newborn period
])
def test_no_newborn_check_without_a_newborn_age(note_suggester, note):
    assert not {c for c in _coded(note_suggester, note) if c.startswith("Z00.11")}
