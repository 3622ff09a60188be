"""Readings of note wordings met on notes written after the rules (n1-n60): each a class, not a note."""
import pytest

from services.coding.domain.first_sight import HELD_AT_FIRST_SIGHT
from services.coding.domain.note_terms import MODIFIER_FIRST, REORDERED, qualified_keys, variants, words
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9
# a reading alone in an assessment item, and after an item that names another problem
FRAMES = ("A/P: 1. {}", "A/P: 1. HTN - continue lisinopril. 2. {}")


def billed(suggest, note: str) -> set[str]:
    """The codes suggested at the auto-accept threshold, nothing held below it."""
    return {s.code for s in suggest(note) if s.confidence >= THRESHOLD}


def coded(suggest, note: str) -> dict:
    """The codes read as current, each with its most confident suggestion, as the service reconciles them: billed at
    the threshold, or held below it only by a first-sight calibration (`default-entry`, `injury-code-completed`:
    tested in test_first_sight.py and test_report_and_device_readings.py), which says how often such a reading is
    right, not whether the note's context makes the condition current."""
    return {s.code: s for s in sorted(suggest(note), key=lambda s: s.confidence)
            if s.confidence >= THRESHOLD or s.convention in HELD_AT_FIRST_SIGHT}


@pytest.mark.parametrize("note, expected, specified_by", [
    ("Hyperparathyroidism, primary. Ca 11.2.", "E21.0", "Hyperparathyroidism, primary"),
    ("Acute maxillary sinusitis, recurrent - amoxicillin-clavulanate.", "J01.01",
     "Acute maxillary sinusitis, recurrent"),
    ("Alzheimer disease, late onset.", "G30.1", "Alzheimer disease, late onset"),
])
def test_a_qualifier_written_after_a_comma_is_part_of_the_term(suggest, note, expected, specified_by):
    found = coded(suggest, note)
    assert found[expected].evidence == specified_by and found[expected].convention == "inverted-term"
    assert found[expected].reason


def test_the_inverted_keys_put_the_qualifier_at_each_place_or_after_with():
    assert qualified_keys(["alzheimer", "disease"], ["late", "onset"]) == [
        "late onset alzheimer disease", "alzheimer late onset disease", "alzheimer disease late onset",
        "alzheimer disease with late onset"]


def test_a_qualifier_that_makes_no_more_specific_term_leaves_the_term_alone(suggest):
    assert "E66.9" in coded(suggest, "Obesity, BMI 31.")


def test_an_eponym_is_one_term_with_or_without_its_possessive(suggest):
    assert words("Alzheimer's disease") == words("Alzheimer disease") == words("Alzheimer\u2019s disease")
    assert "G51.0" in coded(suggest, "Bell palsy, right side, onset 3 days ago.")


def test_history_written_after_the_condition_makes_it_past(suggest):
    found = {s.code: s for s in suggest("Ca 11.2. Nephrolithiasis hx (2020). Surgical referral.")}
    assert "N20.0" not in found and found["Z87.442"].context == "history"


@pytest.mark.parametrize("note, expected", [
    ("Hx T2DM x15y. Assessment: diabetic peripheral polyneuropathy. Gabapentin.", "E11.42"),
    ("Diabetic polyneuropathy, burning feet at night.", "E11.42"),
    ("Type 1 diabetes since age 9 per chart. Diabetic retinopathy on dilated exam.", "E10.319"),
])
def test_a_complication_called_diabetic_documents_the_diabetes(suggest, note, expected):
    found = coded(suggest, note)
    assert expected in found and not {"E11.9", "E10.9", "G62.9", "A69.22"} & set(found)


def test_a_denied_diabetic_complication_documents_no_diabetes(suggest):
    assert not [c for c in coded(suggest, "No diabetic retinopathy on screening exam.") if c.startswith("E1")]


@pytest.mark.parametrize("note, expected, not_coded", [
    ("COPD GOLD 3, emphysema predominant, stable.", "J43.9", "J44.9"),
    ("Urine culture. Dx: dysuria + urinary frequency.", "R35.0", None),
    ("Also osteopenia on DEXA, T -1.8, Ca/D.", "M85.80", None),
    ("Pre-procedure labs (CBC, BMP) before colonoscopy.", "Z01.812", None),
    ("PAD w/ R calf claudication at 1 block; ABI 0.62 R.", "I70.211", "I73.9"),
    ("A/P: #3 Tobacco use: quit 2019, not current", "Z87.891", "Z72.0"),
    ("Initial eval. Pt with h/o anorexia nervosa in teens, now eating normally.", "Z86.59", "F50.00"),
    ("Chronic migraine w/o aura, intractable, no status.", "G43.719", "G43.709"),
    ("Dementia f/u. Alzheimer disease, late onset, moderate stage; no behavioral disturbance.", "F02.B0", "F02.80"),
    ("PT/INR. Reason: chronic warfarin for AF (persistent), goal 2-3.", "I48.19", "I48.20"),
    ("Nicotine dependence, e-cigarettes (vapes daily).", "F17.290", "F17.210"),
    # the fracture's site or type in a parenthesis; an injury of the last day is its initial encounter
    ("Fell on outstretched L hand yesterday. XR: fx L distal radius, extra-articular (Colles type). Splint.",
     "S52.532A", "S52.502A"),
    ("6 wk f/u R ankle fx (lateral malleolus, displaced), s/p ORIF. Healing well.", "S82.61XD", "S82.891D"),
])
def test_the_wording_reaches_the_code_a_coder_assigns(suggest, note, expected, not_coded):
    found = coded(suggest, note)
    assert expected in found and (found[expected].reason or found[expected].context == "history")
    assert not_coded not in found


@pytest.mark.parametrize("note, not_coded", [
    ("Med rec: metformin 500 BID - taking; lisinopril 10 - taking.", "Z79.84"),  # no diabetes named
    ("Echo: severe aortic stenosis, AVA 0.8. Ref for TAVR eval.", "Z95.2"),  # a valve planned, not in place
    ("Palpitations. Holter: SVT runs, longest 12 beats.", "R00.2"),  # integral to the arrhythmia
    ("MDD, single episode, moderate. Low mood 3 mo, anhedonia.", "R45.84"),
    ("Severe aortic stenosis, mean gradient 48. Pt c/o dyspnea on exertion.", "R06.09"),
    ("XR: moderate medial compartment OA. Dx: primary osteoarthritis R knee.", "M19.90"),
    ("Osteopenia of both hips on DEXA, T-score -1.8.", "M85.80"),  # the site's code and side are a coder's
])
def test_a_reading_that_is_not_the_patients_current_condition_is_not_coded(suggest, note, not_coded):
    assert not_coded not in coded(suggest, note)


def test_an_antidiabetic_with_diabetes_named_is_still_its_long_term_use(suggest):
    assert "Z79.84" in coded(suggest, "T2DM on metformin 500 mg BID, A1c 7.1.")


def test_an_injury_of_weeks_ago_with_no_follow_up_words_states_no_encounter(suggest):
    found = {s.code: s for s in suggest("Fell 3 weeks ago. XR: fx L distal radius, extra-articular (Colles type).")}
    assert not [c for c in found if c.startswith("S52") and found[c].confidence >= THRESHOLD]


@pytest.mark.parametrize("term, site_first", [
    ("Calculus of ureter", "ureter calculus"), ("Stone in bladder", "bladder stone"),
    ("Contracture of left elbow", "left elbow contracture"),
])
def test_a_condition_of_a_site_is_also_keyed_site_first(term, site_first):
    assert (site_first, REORDERED) in variants(term, "inclusion")


@pytest.mark.parametrize("term, reorder", [
    ("Other disorders of bone density and structure, right thigh", True),  # a comma: not a plain head of site
    ("Other specified disorders of ureter", True),  # classification words are no head a note writes
    ("Carcinoma in situ of skin of lip", True),  # a second preposition
    ("Problems related to living in residential institution", True),
    ("Change of address", False),  # a factor code's text names a circumstance
])
def test_only_a_plain_condition_of_a_site_is_keyed_site_first(term, reorder):
    assert all(kind != REORDERED for _, kind in variants(term, "description", reorder=reorder))


@pytest.mark.parametrize("note, expected", [
    ("CT today: ureter calculus, 6 mm, passing.", "N20.1"),
    ("Cystoscopy found a bladder calculus.", "N21.0"),
])
def test_a_note_naming_the_site_first_meets_the_tabulars_condition_of_site(suggest, note, expected):
    found = {s.code: s for s in suggest(note)}
    assert expected in found and found[expected].convention == "site-first-term" and found[expected].reason


@pytest.mark.parametrize("term, modifier_first", [
    ("Alcohol use disorder, severe", "severe alcohol use disorder"), ("Dementia, mild", "mild dementia"),
])
def test_a_term_with_its_modifier_after_a_comma_is_also_keyed_modifier_first(term, modifier_first):
    assert (modifier_first, MODIFIER_FIRST) in variants(term, "inclusion")


@pytest.mark.parametrize("term, reorder", [
    ("Other disorders of bone density and structure, right thigh", True),  # two words after the comma
    ("Encounter for screening, other", False),  # a factor code's text
    ("Diabetes mellitus, other specified", True),
    ("Fracture of shaft of humerus, left arm, sequela", True),  # a second comma
])
def test_only_one_plain_modifier_after_the_only_comma_is_keyed_first(term, reorder):
    assert all(kind != MODIFIER_FIRST for _, kind in variants(term, "description", reorder=reorder))


def test_a_note_writing_the_modifier_first_meets_the_tabulars_term_and_modifier(suggest):
    found = {s.code: s for s in suggest("Severe alcohol use disorder, in sustained remission x 3 yrs.")}
    assert found["F10.21"].confidence >= THRESHOLD  # severe is dependence; in remission its remission code
    found = {s.code: s for s in suggest("Severe alcohol use disorder, drinking daily.")}
    assert found["F10.20"].convention == "modifier-first-term" and "severe" in found["F10.20"].reason


def test_a_past_condition_named_site_first_takes_its_history_entry(suggest):
    assert [s.code for s in suggest("History of kidney stones, last episode in 2019.")] == ["Z87.442"]
