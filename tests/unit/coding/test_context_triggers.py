"""The trigger vocabulary read both ways: a condition it places out of the present is not coded, and one past its
reach (a pseudo-negation, a new clause) still is."""
import pytest

from services.coding.domain.note_context import mention_scope
from services.coding.domain.note_text import current
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def billed(suggest, note: str) -> set[str]:
    return {s.code[:3] for s in suggest(note) if s.confidence >= 0.90}


def is_current(text: str, mention: str) -> bool:
    start = text.index(mention)
    return current(text, start, start + len(mention))


def rule_for(text: str, mention: str) -> str | None:
    start = text.index(mention)
    scope = mention_scope(text, start, start + len(mention))
    return scope.rule if scope else None


@pytest.mark.parametrize("text, mention", [
    ("Told to call 911 for sudden weakness, facial droop or slurred speech.", "facial droop"),
    ("Call the office for palpitations or fainting.", "palpitations"),
    ("Seek urgent care if shortness of breath or chest pain.", "chest pain"),
    ("Counselled on the warning signs of hypoglycemia and pancreatitis.", "pancreatitis"),
    ("Educated about signs and symptoms of a DVT.", "DVT"),
    ("Reviewed symptoms of kidney stones with him.", "kidney stones"),
])
def test_anticipatory_guidance_supposes_the_conditions_it_names(text, mention):
    assert rule_for(text, mention) == "hypothetical"
    assert not is_current(text, mention)


@pytest.mark.parametrize("text, mention", [
    ("Counseled on diet for obesity.", "obesity"),
    ("Called for refill of inhaler; asthma well controlled.", "asthma"),
    ("Exam shows signs of dehydration.", "dehydration"),
])
def test_counselling_and_calls_that_name_a_present_condition_leave_it_current(text, mention):
    assert rule_for(text, mention) is None


@pytest.mark.parametrize("text, mention", [
    ("Gallstones not seen on ultrasound.", "Gallstones"),
    ("Pericardial effusion not visualized.", "Pericardial effusion"),
    ("Hydronephrosis not identified.", "Hydronephrosis"),
    ("Absence of ascites or edema.", "edema"),
    ("Never had seizures or migraines.", "migraines"),
])
def test_the_report_and_history_denials_deny(text, mention):
    assert not is_current(text, mention)
    assert rule_for(text, mention) == "negated"


@pytest.mark.parametrize("text, mention", [
    ("No change in hypertension; same dose of amlodipine.", "hypertension"),
    ("No significant change in emphysema on CT.", "emphysema"),
    ("No improvement in depression on fluoxetine.", "depression"),
    ("No increase in seizures since the last visit.", "seizures"),
    ("Acquired absence of the right foot with phantom limb pain.", "phantom limb pain"),
])
def test_a_no_that_measures_the_course_denies_nothing(text, mention):
    assert rule_for(text, mention) is None
    assert is_current(text, mention)


def test_a_comma_and_a_new_subject_end_a_denial():
    assert rule_for("No fever or chills, and she has had a cough.", "cough") is None
    assert rule_for("No fever or chills, and he reports a rash.", "rash") is None
    assert rule_for("No fever or chills, and rash.", "rash") == "negated"


@pytest.mark.parametrize("note, kept, out", [
    ("Essential hypertension, no change in control. Return if chest pain.", {"I10"}, {"R07"}),
    ("Insomnia no better despite trazodone. Generalized anxiety disorder, not improved.", {"G47", "F41"}, set()),
    ("Gout, not only in the great toe but also the ankle.", {"M10"}, set()),
    ("Type 2 diabetes. Counseled on signs of hypoglycemia and ketoacidosis.", {"E11"}, {"E16"}),
    ("Plan: call 911 for facial droop or slurred speech; hypertension on lisinopril.", {"I10"}, {"R29", "R47"}),
    ("Fatty liver not seen on ultrasound; hyperlipidemia on statin.", {"E78"}, {"K76"}),
])
def test_whole_notes_keep_what_is_present_and_drop_what_is_supposed_or_denied(suggest, note, kept, out):
    found = suggest(note)  # kept at any confidence (a bare complaint may be held for a coder), none out billed
    assert kept <= {s.code[:3] for s in found} and not (out & billed(suggest, note))


def test_a_diabetic_complication_screened_for_is_not_combined(suggest):
    note = "Type 2 diabetes without complications. Yearly urine albumin to screen for diabetic nephropathy."
    codes = {s.code for s in suggest(note) if s.confidence >= 0.90}
    assert "E11.21" not in codes and "E11.9" in codes
    assert "E11.21" in {s.code for s in suggest("Type 2 diabetes with diabetic nephropathy, on lisinopril.")}


@pytest.mark.parametrize("note, kept, out", [
    ("Free of migraine attacks; hypertension controlled.", "I10", "G43"),
    ("No wheezing; COPD stable on tiotropium.", "J44", "R06"),
])
def test_a_denial_opening_the_line_does_not_reach_an_item_that_states_its_status(suggest, note, kept, out):
    found = {s.code[:3] for s in suggest(note)}
    assert kept in found and out not in found


def test_a_denial_still_runs_over_a_semicolon_list_of_bare_items(suggest):
    assert not {"R50", "R61"} & {s.code[:3] for s in suggest("Denies fever; chills; night sweats.")}
