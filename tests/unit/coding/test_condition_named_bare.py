"""A cataract or a supraventricular tachycardia written without its type is the unspecified code a coder bills,
whatever side or eye the note gives; its type, a history, a doubt or a relative's keep their own readings."""
import pytest

from services.coding.domain.first_sight import DEFAULT_ENTRY_NAME, calibrated
from services.coding.domain.note_terms import CONFIDENCE
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.test_conventions import tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9
CATARACT = ("H26.9", "Unspecified cataract")


def bare(note: str, evidence: str, code=CATARACT) -> Suggestion:
    start = note.index(evidence)
    return Suggestion(code=code[0], description=code[1], confidence=CONFIDENCE["default"], start=start,
                      end=start + len(evidence), evidence=evidence, context="affirmed")


@pytest.mark.parametrize("note, evidence, code", [
    ("72F with a cataract of the right eye, not yet surgical.", "cataract", CATARACT),
    ("Ok from cardiac standpoint for surgery on her cataract, left eye.", "cataract", CATARACT),
    ("Holter: SVT runs, longest 12 beats.", "SVT", ("I47.10", "Supraventricular tachycardia, unspecified")),
])
def test_the_bare_name_keeps_its_confidence(tabular, note, evidence, code):
    [kept] = calibrated([bare(note, evidence, code)], note, tabular)
    assert kept.confidence >= THRESHOLD and kept.code == code[0]


def test_another_bare_default_entry_is_still_held(tabular):
    note = "Generalized anxiety disorder with poor sleep. Insomnia discussed."
    [held] = calibrated([bare(note, "Insomnia", ("G47.00", "Insomnia, unspecified"))], note, tabular)
    assert held.confidence < THRESHOLD and held.convention == DEFAULT_ENTRY_NAME


def accepted(suggest, note: str) -> set[str]:
    return {s.code for s in suggest(note) if s.confidence >= THRESHOLD}


@pytest.mark.parametrize("note, code", [
    ("Cataract L eye, surgery planned by ophthalmology.", "H26.9"),
    ("Pre-op evaluation prior to R cataract extraction. ECG NSR, cleared.", "H26.9"),
    ("Cardiology f/u. Paroxysmal SVT, 2 episodes, stopped with vagal maneuvers.", "I47.10"),
    ("Nuclear sclerotic cataract, left eye.", "H25.12"),
])
def test_the_code_the_note_names(suggest, note, code):
    assert code in accepted(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Nuclear sclerotic cataract, left eye.", "H26.9"),
    ("S/p bilateral cataract extraction with IOLs.", "H26.9"),
    ("Mother had cataracts.", "H26.9"),
    ("Hx SVT s/p ablation 2019, no recurrence.", "I47.10"),
    ("Palpitations, ? SVT vs PACs - Holter ordered.", "I47.10"),
    ("14-day monitor: sinus rhythm, no SVT.", "I47.10"),
])
def test_a_typed_past_doubted_or_denied_condition_is_not_the_bare_code(suggest, note, code):
    assert code not in accepted(suggest, note)
