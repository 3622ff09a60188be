"""Psychotherapy time and pairing rules, and telehealth place of service and modifiers, as named edits."""
import pytest

from services.coding.domain.coder import code_encounter
from services.coding.domain.psychotherapy import documented_minutes
from tests.unit.coding.conftest import errors, line, make_encounter, warnings

pytestmark = pytest.mark.unit


def _psych(reference, *codes_or_lines, note="Psychotherapy 55 minutes, CBT.", pos="11", same_day=()):
    procedures = [c if isinstance(c, dict) else line(c) for c in codes_or_lines]
    return code_encounter(make_encounter(diagnoses=["F33.1"], procedures=procedures, note=note, place_of_service=pos),
                          reference, em_billed_same_day=same_day)


@pytest.mark.parametrize("code,minutes,ok", [
    ("90832", 16, True), ("90832", 37, True), ("90832", 38, False), ("90832", 15, False),
    ("90834", 38, True), ("90834", 52, True), ("90834", 53, False), ("90834", 37, False),
    ("90837", 53, True), ("90837", 90, True), ("90837", 52, False)])
def test_psychotherapy_codes_against_documented_minutes(reference, code, minutes, ok):
    outcome = _psych(reference, code, note=f"Individual psychotherapy {minutes} minutes, CBT.")
    assert ("PSYCH-TIME-MISMATCH" not in errors(outcome)) is ok


def test_the_mismatch_message_names_the_code_that_covers_the_time(reference):
    outcome = _psych(reference, "90837", note="Psychotherapy 45 minutes.")
    message = next(e.message for e in outcome.edits if e.edit_id == "PSYCH-TIME-MISMATCH")
    assert message == "90837 needs 53 or more minutes; the note documents 45 (90834 covers that time)"


def test_too_short_for_any_code_and_family_psychotherapy_minimum(reference):
    short = _psych(reference, "90832", note="Psychotherapy 12 minutes.")
    assert [e.message for e in short.edits if e.edit_id == "PSYCH-TIME-MISMATCH"] == [
        "90832 needs 16-37 minutes; the note documents 12 (no psychotherapy code covers it)"]
    assert "PSYCH-TIME-MISMATCH" in errors(_psych(reference, "90847", note="Family psychotherapy 20 minutes."))
    assert "PSYCH-TIME-MISMATCH" not in errors(_psych(reference, "90847", note="Family psychotherapy 50 minutes."))


def test_minutes_missing_from_the_note_hold_and_a_missing_note_warns(reference):
    assert "PSYCH-TIME-NOT-DOCUMENTED" in errors(_psych(reference, "90834", note="Psychotherapy for depression."))
    assert "PSYCH-TIME-NOT-SENT" in warnings(_psych(reference, "90834", note=None))


def test_documented_minutes_prefer_the_psychotherapy_sentence():
    assert documented_minutes("Visit 25 minutes. Psychotherapy 40 minutes, supportive.") == 40
    assert documented_minutes("60-minute session of CBT.") == 60
    assert documented_minutes("Total time 30 min.") == 30
    assert documented_minutes("Psychotherapy 30 minutes; psychotherapy 45 minutes.") is None
    assert documented_minutes("No time stated.") is None


def test_add_on_psychotherapy_needs_an_em_visit_the_same_day(reference):
    alone = _psych(reference, "90836", note="Psychotherapy 40 minutes.")
    assert "PSYCH-ADDON-WITHOUT-EM" in errors(alone)
    with_em = _psych(reference, line("99214", pointers=(1,)), "90836", note="Psychotherapy 40 minutes.")
    assert "PSYCH-ADDON-WITHOUT-EM" not in errors(with_em)
    earlier_visit = _psych(reference, "90836", note="Psychotherapy 40 minutes.", same_day=("99213",))
    assert "PSYCH-ADDON-WITHOUT-EM" not in errors(earlier_visit)


def test_interactive_complexity_only_with_psychotherapy_or_a_psychiatric_evaluation(reference):
    assert "PSYCH-INTERACTIVE-COMPLEXITY-ALONE" in errors(_psych(reference, "99213", "90785"))
    assert "PSYCH-INTERACTIVE-COMPLEXITY-ALONE" not in errors(_psych(reference, "90791", "90785"))
    assert "PSYCH-INTERACTIVE-COMPLEXITY-ALONE" not in errors(_psych(reference, "90837", "90785"))


def test_telehealth_places_of_service_want_95_or_93(reference):
    bare = _psych(reference, "90837", pos="10")
    assert "TELEHEALTH-MODIFIER-MISSING" in warnings(bare) and bare.status == "coded"
    assert "TELEHEALTH-MODIFIER-MISSING" not in warnings(_psych(reference, line("90837", "95"), pos="10"))
    assert "TELEHEALTH-MODIFIER-MISSING" not in warnings(_psych(reference, line("90837", "93"), pos="02"))
    assert "TELEHEALTH-MODIFIER-MISSING" not in warnings(_psych(reference, "90837", pos="11"))


def test_audio_video_and_audio_only_on_one_line_conflict(reference):
    outcome = _psych(reference, line("90837", "95", "93"), pos="10")
    assert "TELEHEALTH-MODIFIER-CONFLICT" in errors(outcome) and outcome.status == "needs_review"
