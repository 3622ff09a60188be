"""The rule that decides whether a code suggested from the note alone is billed without a coder."""
import json

import pytest

from services.coding.adapters.accuracy_file import AccuracyFileError, load_accuracy_curve
from services.coding.domain.auto_accept import (AccuracyCurve, AccuracyPoint, AutoAcceptPolicy, auto_accept_blocker,
                                                note_code_decision, precision_warning, settings_problem)
from services.coding.domain.coder import code_encounter
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.conftest import errors, make_encounter

pytestmark = pytest.mark.unit

ON_AND_PRECISE = AutoAcceptPolicy(enabled=True, threshold=0.9, measured_precision=0.97)


def _suggestion(code: str, confidence: float) -> Suggestion:
    return Suggestion(code=code, description="d", confidence=confidence, start=0, end=1, evidence="x",
                      context="affirmed")


def test_a_provider_code_is_billed_as_sent_whatever_the_policy():
    assert note_code_decision(True, 0.1, AutoAcceptPolicy()) == "provider"


def test_a_note_only_code_waits_for_a_coder_by_default():
    assert note_code_decision(False, 0.99, AutoAcceptPolicy()) == "pending"
    assert "off for this tenant" in auto_accept_blocker(AutoAcceptPolicy())


def test_a_note_only_code_is_accepted_when_the_tenant_turned_it_on_and_precision_meets_the_target():
    assert note_code_decision(False, 0.92, ON_AND_PRECISE) == "accepted"
    assert note_code_decision(False, 0.89, ON_AND_PRECISE) == "pending"  # below the threshold


def test_precision_below_target_keeps_auto_accept_off_unless_the_tenant_accepted_it():
    below = AutoAcceptPolicy(enabled=True, threshold=0.9, measured_precision=0.906)
    assert note_code_decision(False, 0.97, below) == "pending" and "below the 0.95 target" in auto_accept_blocker(below)
    accepted = AutoAcceptPolicy(enabled=True, threshold=0.9, measured_precision=0.906, accepted_below_target=True)
    assert note_code_decision(False, 0.97, accepted) == "accepted"
    unmeasured = AutoAcceptPolicy(enabled=True, threshold=0.99, measured_precision=None)
    assert note_code_decision(False, 0.995, unmeasured) == "pending"


def test_a_note_only_encounter_is_held_with_its_suggestions_by_default(reference):
    outcome = code_encounter(make_encounter(diagnoses=[]), reference,
                             suggestions=[_suggestion("E11.9", 0.97), _suggestion("I10", 0.95)])
    assert outcome.status == "needs_review" and "CAC-NOTE-ONLY" in errors(outcome)
    assert outcome.diagnoses == [] and [s.status for s in outcome.suggestions] == ["pending", "pending"]
    assert "E11.9, I10" in next(e.message for e in outcome.edits if e.edit_id == "CAC-NOTE-ONLY")


def test_the_same_encounter_is_coded_once_auto_accept_is_on(reference):
    outcome = code_encounter(make_encounter(diagnoses=[]), reference, auto_accept=ON_AND_PRECISE,
                             suggestions=[_suggestion("E11.9", 0.97), _suggestion("I10", 0.95)])
    assert outcome.status == "coded" and [(d.code, d.source) for d in outcome.diagnoses] == [
        ("E11.9", "suggestion"), ("I10", "suggestion")]


def test_provider_codes_are_coded_with_auto_accept_off(reference):
    outcome = code_encounter(make_encounter(diagnoses=["E11.9", "I10"]), reference,
                             suggestions=[_suggestion("E11.9", 0.97)])
    assert outcome.status == "coded" and [s.status for s in outcome.suggestions] == ["corroborated"]


def test_the_curve_answers_for_any_threshold_with_the_next_measured_confidence():
    curve = AccuracyCurve(points=(AccuracyPoint(0.6, 10, 7, 12), AccuracyPoint(0.92, 6, 5, 12),
                                  AccuracyPoint(0.97, 2, 2, 12)), notes=5)
    assert curve.at(0.5).threshold == 0.6 and curve.at(0.9).threshold == 0.92 and curve.at(0.92).threshold == 0.92
    assert curve.at(0.95).precision == 1.0 and curve.at(0.95).recall == pytest.approx(2 / 12)
    assert curve.at(0.99).precision is None and curve.at(0.99).recall == 0


def test_the_warning_states_the_measured_precision_and_the_target():
    assert precision_warning(0.9, 0.9057).startswith("measured precision 0.906 at threshold 0.90 is below the 0.95")
    assert precision_warning(0.95, 0.97) is None
    assert "unmeasured" in precision_warning(0.99, None)


def test_settings_below_target_need_the_explicit_acceptance():
    assert settings_problem(auto_accept=True, accept_below_target_precision=False, threshold=0.9,
                            precision=0.906)[0] == "accept_below_target_precision"
    assert settings_problem(auto_accept=True, accept_below_target_precision=True, threshold=0.9, precision=0.906) is None
    assert settings_problem(auto_accept=True, accept_below_target_precision=False, threshold=0.9, precision=0.96) is None
    assert settings_problem(auto_accept=False, accept_below_target_precision=False, threshold=0.9, precision=0.5) is None
    assert settings_problem(auto_accept=False, accept_below_target_precision=True, threshold=0.9,
                            precision=0.5)[0] == "accept_below_target_precision"


def test_the_committed_accuracy_file_loads_and_a_broken_one_is_refused(tmp_path):
    curve = load_accuracy_curve()
    assert curve.notes >= 60 and curve.points and curve.labeled_sets
    broken = tmp_path / "accuracy.json"
    broken.write_text(json.dumps({"points": [{"threshold": 0.9}]}))
    with pytest.raises(AccuracyFileError):
        load_accuracy_curve(broken)
