"""What a note says a condition is not stays uncoded, and the condition it is still is: a qualifier denied or set
aside after the condition ("- not", ", no", "rather than"), a use history answered "never", and a severity word
read only where it grades the condition beside it. Sentences of our own wording."""
import pytest

from services.coding.domain.denied_qualifiers import denied_words
from services.coding.domain.shorthand_guards import grades_its_condition
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("after, description, denied", [
    (" - not sleep apnea; CBT-I", "Sleep apnea, unspecified", {"sleep", "apnea"}),
    (", no COPD", "Chronic obstructive pulmonary disease, unspecified", {"copd"}),
    (" rather than PD", "Parkinson's disease without dyskinesia", {"pd"}),
    (" (r/o hyperthyroidism)", "Thyrotoxicosis", {"hyperthyroidism"}),
])
def test_words_after_a_denial_or_contrast_are_denied(after, description, denied):
    assert denied_words(after, description) == denied


@pytest.mark.parametrize("after, description", [
    # the denial is a word of the code itself: its qualifier, not a condition set aside
    (" without aura, not intractable", "Migraine without aura, not intractable, without status migrainosus"),
    (" w/o complications", "Type 2 diabetes mellitus without complications"),
    (" - on lisinopril, BP at goal", "Essential (primary) hypertension"),
])
def test_a_denial_that_is_the_codes_own_word_denies_nothing(after, description):
    assert denied_words(after, description) == frozenset()


@pytest.mark.parametrize("item", ["Insomnia - not sleep apnea; CBT-I", "Insomnia, not sleep apnea",
                                  "Insomnia (not sleep apnea)", "Insomnia, no sleep apnea on PSG",
                                  "Insomnia - r/o sleep apnea"])
@pytest.mark.parametrize("frame", ["A/P: 1. {item}.", "A/P: 1. HTN - continue lisinopril. 2. {item}."])
def test_a_denied_sibling_is_not_read_from_the_words_beside_the_condition(suggest, frame, item):
    codes = billed(suggest, frame.format(item=item))
    assert not {c for c in codes if c.startswith("G47.3")}


@pytest.mark.parametrize("note, kept, set_aside", [
    ("A/P: 1. Essential tremor rather than Parkinson's disease - propranolol.", "G25.0", "G20"),
    ("A/P: 1. Asthma rather than COPD per PFTs - cont ICS.", "J45", "J44"),
    ("A/P: 1. Hyperlipidemia instead of hypertriglyceridemia - statin.", "E78.5", "E78.1"),
])
def test_a_condition_set_aside_by_a_contrast_is_not_coded(suggest, note, kept, set_aside):
    codes = billed(suggest, note)
    assert any(c.startswith(kept) for c in codes)
    assert not any(c.startswith(set_aside) for c in codes)


@pytest.mark.parametrize("history", ["Never tobacco use.", "SH: never tobacco use, no EtOH.",
                                     "Social: never tobacco use; works as a teacher."])
def test_a_use_history_answered_never_codes_no_use(suggest, history):
    codes = billed(suggest, f"{history} A/P: 1. HTN - continue lisinopril.")
    assert "I10" in codes
    assert not {c for c in codes if c.startswith(("Z72", "F1"))}


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. Essential hypertension, never treated - start amlodipine.", "I10"),
    ("A/P: 1. Tobacco use - 5 cigarettes a week, never tried to quit; cessation counseling.", "Z72.0"),
])
def test_never_before_anything_but_a_use_leaves_the_condition_coded(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("text, word", [
    ("Vascular dementia, mod, w/ agitation", "mod"), ("Alzheimer dementia, late onset, mod, with agitation", "mod"),
    ("Mod persistent asthma - cont ICS", "Mod"), ("Vascular dementia, mod", "mod"),
])
def test_mod_grades_the_condition_it_follows_between_commas(text, word):
    start = text.index(word)
    assert grades_its_condition(text, start, start + len(word))


@pytest.mark.parametrize("text, word", [
    ("EMG mod R median neuropathy at wrist", "mod"), ("Transfers with mod assist", "mod"),
    ("MDD, recurrent, mod - sertraline", "mod"),
])
def test_mod_elsewhere_is_left_as_written(text, word):
    start = text.index(word)
    assert not grades_its_condition(text, start, start + len(word))


def test_vascular_dementia_graded_mod_with_agitation_takes_its_severity(suggest):
    codes = billed(suggest, "A/P: 1. Vascular dementia, mod, w/ agitation - nonpharm plan, avoid antipsychotic.")
    assert "F01.B11" in codes
    assert "F01.511" not in codes
