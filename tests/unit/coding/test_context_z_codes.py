"""A relative's or a past condition whose Z code's text lacks the note's words takes the index's History entry."""
import pytest

from services.coding.domain.context_z_codes import (chapter_history_code, chapter_family_history_codes,
                                                      history_code)
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("context, condition, expected", [
    ("family", "E10.9", "Z83.3"), ("family", "F20.9", "Z81.8"), ("family", "F10.20", "Z81.1"),
    ("family", "I63.9", "Z82.3"), ("history", "I63.9", "Z86.73"), ("history", "N20.0", "Z87.442"),
    ("history", "O24.419", "Z86.32"), ("family", "O24.419", None),
    ("history", "E11.9", None), ("family", "K21.9", None), ("affirmed", "E11.9", None),
])
def test_the_history_entry_by_the_conditions_code(context, condition, expected):
    assert history_code(context, condition) == expected


@pytest.mark.parametrize("note, expected", [("Sister with type 1 diabetes.", "Z83.3"),
                                            ("Uncle with bipolar disorder.", "Z81.8")])
def test_a_relatives_condition_is_family_history_never_the_patients(suggest, note, expected):
    found = suggest(note)
    assert [s.code for s in found] == [expected] and found[0].context == "family"


@pytest.mark.parametrize("context, condition, expected", [
    ("history", "I21.9", "I25.2"), ("family", "I71.40", "Z82.49"), ("family", "N18.30", "Z84.19"),
])
def test_the_index_sends_a_past_infarction_to_i25_2_and_a_relatives_circulatory_or_kidney_disease_to_z8x(
        context, condition, expected):
    assert history_code(context, condition) == expected


def test_a_history_entry_is_as_sure_as_a_family_one_and_wins_over_a_z_code_found_by_its_words(suggest):
    found = [s for s in suggest("H/o pulmonary embolism 2021, off anticoagulation.") if s.code.startswith("Z")]
    assert [s.code for s in found] == ["Z86.711"] and found[0].context == "history" and found[0].confidence >= 0.9


@pytest.mark.parametrize("context, condition, expected", [
    ("family", "G43.909", "Z82.0"), ("family", "G25.0", "Z82.0"), ("family", "G35.D", "Z82.0"),
    ("history", "B18.2", "Z86.19"), ("history", "A54.9", "Z86.19"), ("history", "G43.909", None),
])
def test_a_relatives_nervous_system_disease_and_a_past_hepatitis_or_sti_take_their_history_entry(context, condition,
                                                                                              expected):
    assert history_code(context, condition) == expected


def test_a_treated_hepatitis_c_is_its_personal_history_not_the_disease(suggest):
    assert [s.code for s in suggest("History of hepatitis C, treated, SVR achieved.")] == ["Z86.19"]


CHAPTERS = [("A00", "B99", "Certain infectious and parasitic diseases (A00-B99)"),
            ("C00", "D49", "Neoplasms (C00-D49)"),
            ("I00", "I99", "Diseases of the circulatory system (I00-I99)"),
            ("Q00", "QA0", "Congenital malformations, deformations and chromosomal abnormalities (Q00-QA0)")]
FAMILY_CODES = [("Z80.3", "Family history of malignant neoplasm of breast"),
                ("Z82.41", "Family history of sudden cardiac death"),
                ("Z82.49", "Family history of ischemic heart disease and other diseases of the circulatory system"),
                ("Z82.79", "Family history of other congenital malformations, deformations and chromosomal "
                           "abnormalities"),
                ("Z82.74", "Family history of congenital malformations of the circulatory system"),
                ("Z86.79", "Personal history of other diseases of the circulatory system")]


def test_each_chapter_takes_the_family_code_of_its_other_diseases_read_from_the_titles():
    found = {c.first: c.code for c in chapter_family_history_codes(CHAPTERS, FAMILY_CODES)}
    # no family code names infections; a relative's cancer takes its site (history-z-code), never the chapter
    assert found == {"I00": "Z82.49", "Q00": "Z82.79"}


@pytest.mark.parametrize("condition, expected", [("I10", "Z82.49"), ("I73.9", "Z82.49"), ("Q21.0", "Z82.79"),
                                                 ("A09", None), ("K21.9", None)])
def test_a_relatives_condition_falls_back_to_its_chapters_family_code(condition, expected):
    chapters = chapter_family_history_codes(CHAPTERS, FAMILY_CODES)
    assert chapter_history_code(condition, chapters) == expected


@pytest.mark.parametrize("note, expected", [("Father has hypertension.", "Z82.49"),
                                            ("Brother with psoriasis.", "Z84.0")])
def test_a_relatives_condition_without_a_history_entry_is_its_systems_family_history(suggest, note, expected):
    found = suggest(note)
    assert [s.code for s in found] == [expected] and found[0].context == "family" \
        and found[0].convention == "family-history-by-chapter" and found[0].confidence >= 0.9


def test_a_past_condition_without_a_history_entry_is_still_not_coded_by_its_chapter(suggest):
    """"PMH: HTN" is most often a condition still treated: no personal history code by chapter."""
    assert not [s for s in suggest("History of atrial flutter.") if s.code.startswith("Z8")]


@pytest.mark.parametrize("note", ["Telephone f/u: h/o DVT R leg 2024, completed 6 mo rivaroxaban.",
                                  "PMH significant for DVT 2018, completed anticoagulation, none since."])
def test_a_past_venous_thrombosis_of_any_vein_takes_its_history_entry(suggest, note):
    found = [s for s in suggest(note) if s.code == "Z86.718"]
    assert found and found[0].context == "history" and found[0].confidence >= 0.9


@pytest.mark.parametrize("condition, expected", [
    ("M06.9", "Z82.61"), ("M05.79", "Z82.61"), ("M17.11", "Z82.61"), ("M19.90", "Z82.61"), ("M10.9", None),
])
def test_a_relatives_arthritis_is_the_family_history_of_arthritis_not_of_the_system(condition, expected):
    assert history_code("family", condition) == expected


def test_a_mothers_rheumatoid_arthritis_is_z82_61_and_no_code_of_the_patients(suggest):
    assert {s.code for s in suggest("FHx: mother w/ RA. Denies joint swelling.") if s.confidence >= 0.9} == {"Z82.61"}
