"""A billable code's whole tabular title printed in a note (problem lists, orders, claims) is read as that code,
outranking the terms inside it, with the context rules still applying to it."""
import pytest

from services.coding.domain.tabular_titles import TABULAR_TITLE, TabularTitles
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

TITLES = TabularTitles([
    ("I12.9", "Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or "
              "unspecified chronic kidney disease"),
    ("N18.4", "Chronic kidney disease, stage 4 (severe)"),
    ("Z68.41", "Body mass index [BMI] 40.0-44.9, adult"),
    ("D50.9", "Iron deficiency anemia, unspecified"),
    ("I10", "Essential (primary) hypertension"),
])


def test_a_title_is_found_whole_through_case_punctuation_and_brackets():
    text = "PROBLEMS: hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease or " \
           "unspecified chronic kidney disease (active); Body mass index 40.0-44.9, adult"
    assert [(f.code, text[f.start:f.end][:12]) for f in TITLES.find(text)] == [("I12.9", "hypertensive"),
                                                                              ("Z68.41", "Body mass in")]


def test_a_trailing_unspecified_may_be_written_nos_but_not_left_off():
    assert [f.code for f in TITLES.find("Dx: Iron deficiency anemia NOS")] == ["D50.9"]
    assert [f.code for f in TITLES.find("Dx: Iron deficiency anemia, on ferrous sulfate")] == []
    assert [f.code for f in TITLES.find("Dx: iron-deficiency anemia, on ferrous sulfate")] == []


def test_short_titles_are_left_to_the_term_index_and_a_title_does_not_cross_an_item():
    assert TITLES.find("Essential hypertension") == []
    assert TITLES.find("Body mass index 40.0-44.9. Adult day care") == []


def test_a_note_without_a_titles_opening_words_in_a_row_does_not_hold_it():
    assert TITLES.find("Chronic kidney disease, followed by nephrology for stage 3") == []


@pytest.mark.parametrize("note, code", [
    ("Active problems: 1. Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, "
     "or unspecified chronic kidney disease (since 2020).", "I12.9"),
    ("Assessment: Major depressive disorder, recurrent, severe without psychotic features. Continue bupropion.",
     "F33.2"),
    ("Order: EEG. Dx: Localization-related (focal) (partial) symptomatic epilepsy and epileptic syndromes with "
     "complex partial seizures, intractable, without status epilepticus.", "G40.219"),
    ("Echo ordered. Indication: Hypertensive heart disease with heart failure; on furosemide.", "I11.0"),
    ("Problem list: Type 1 diabetes mellitus with diabetic nephropathy - active, 03/2019.", "E10.21"),
    ("Diagnoses: Chronic obstructive pulmonary disease with (acute) lower respiratory infection.", "J44.0"),
    ("Referral: Unilateral post-traumatic osteoarthritis, left knee, for arthroplasty consultation.", "M17.32"),
    ("Requisition: lipid panel. Dx: Familial hypercholesterolemia; Long term (current) use of aspirin.",
     "Z79.82"),
    ("Claim diagnosis 2: Body mass index [BMI] 40.0-44.9, adult.", "Z68.41"),
])
def test_a_long_title_of_each_specialty_is_its_code(suggest, note, code):
    assert code in billed(suggest, note)


def test_the_title_is_named_as_the_rule_that_read_it(suggest):
    note = "Echo ordered. Indication: Hypertensive heart disease with heart failure; on furosemide."
    assert [(s.code, s.convention) for s in suggest(note) if s.code.startswith("I11")] == [("I11.0", TABULAR_TITLE)]


def test_the_stages_inside_a_title_are_not_read_apart(suggest):
    note = ("Problem list: Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, "
            "or unspecified chronic kidney disease - active.")
    assert "N18.4" not in billed(suggest, note) and "N18.1" not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("No evidence of Hypertensive heart disease with heart failure on today's echo.", "I11.0"),
    ("Resolved: Major depressive disorder, single episode, moderate (2021).", "F32.1"),
    ("Family history: Type 1 diabetes mellitus with diabetic nephropathy (brother).", "E10.21"),
    ("Rule out Chronic obstructive pulmonary disease with (acute) exacerbation; spirometry ordered.", "J44.1"),
])
def test_a_title_denied_resolved_a_relatives_or_supposed_is_not_billed(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Type 2 diabetes with kidney disease reported by the patient; labs pending.", "E11.22"),
    ("Hypertensive heart disease, echo shows no heart failure.", "I11.0"),
])
def test_a_near_miss_wording_is_not_a_title(suggest, note, code):
    assert not any(s.code == code and s.convention == TABULAR_TITLE for s in suggest(note))
