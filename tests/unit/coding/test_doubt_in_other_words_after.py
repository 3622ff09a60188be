"""A doubt written after the condition in words other than "unlikely": felt unlikely, improbable, a consideration,
unproven, cannot be confirmed, (questionable), not the cause. Outpatient the doubted condition is not coded
(guideline IV.H); the same condition stated elsewhere in the note still is."""
import pytest

from tests.unit.coding.test_context_triggers import is_current
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, mention", [
    ("Impression: 2. Gout felt unlikely, aspirate without crystals.", "Gout"),
    ("Sarcoidosis thought to be improbable after the biopsy.", "Sarcoidosis"),
    ("A/P: pulmonary embolism improbable, Wells score low.", "pulmonary embolism"),
    ("3. Sleep apnea is a consideration, PSG ordered.", "Sleep apnea"),
    ("Multiple sclerosis remains unproven pending the LP.", "Multiple sclerosis"),
    ("Celiac disease cannot be confirmed without a biopsy.", "Celiac disease"),
    ("Dx list: lupus (questionable); Raynaud phenomenon.", "lupus"),
    ("Edema work-up: heart failure - not the cause, BNP normal.", "heart failure"),
])
def test_a_doubt_in_other_words_after_the_condition(text, mention):
    assert not is_current(text, mention)


@pytest.mark.parametrize("text, mention", [
    ("4. Hypertension - questionable adherence to amlodipine.", "Hypertension"),
    ("COPD, stable on tiotropium; pneumonia felt unlikely.", "COPD"),
    ("Asthma on budesonide-formoterol; cost is a consideration.", "Asthma"),
])
def test_a_doubt_about_something_else_leaves_the_condition_current(text, mention):
    assert is_current(text, mention)


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. HTN - continue lisinopril. 2. Bipolar disorder felt unlikely, no hypomania.", "F31.9"),
    ("Plan: 1. Daytime somnolence - obstructive sleep apnea is a consideration; PSG.", "G47.33"),
    ("A/P: 1. ADHD cannot be confirmed by the history alone, testing ordered.", "F90.9"),
    ("Dx: fatigue; epilepsy remains unproven; EEG pending.", "G40.909"),
    ("Lab req: ESR, RF. Dx: joint pain; gout (questionable).", "M10.9"),
])
def test_the_condition_doubted_in_other_words_is_not_billed(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    # stated as present elsewhere, set aside only as the cause of a complaint
    ("Hypothyroidism on levothyroxine 88, TSH 1.9. A/P: 1. Fatigue: hypothyroidism - not the cause.", "E03.9"),
    ("COPD on tiotropium. Dyspnea today not due to COPD, lungs clear.", "J44.9"),
    # stated, with a different condition doubted beside it
    ("A/P: 1. Gout of the L great toe - flare, colchicine. 2. Septic arthritis improbable.", "M10.9"),
])
def test_the_condition_stated_beside_the_doubt_is_still_billed(suggest, note, code):
    assert any(billed_code.startswith(code[:3]) for billed_code in billed(suggest, note)), billed(suggest, note)


def test_a_complaint_said_not_due_to_a_condition_names_no_condition(suggest):
    assert "E03.9" not in billed(suggest, "A/P: 1. Fatigue not due to hypothyroidism, TSH normal.")
