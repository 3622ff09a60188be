"""The drug vocabulary and the words for both sides are each kept in one module: the counselling reading and the
drug-effect reading know the same drugs (less the names the counselling reading has never read, listed), and the
pain, stiffness and effusion of both joints read the same words for "both" and for whose joints they are."""
import re

import pytest

from services.coding.domain.both_sides import BOTH, BOTH_WRITTEN_OUT, WHOSE
from services.coding.domain.context_triggers import DRUG_WORD, TABLE_NAMES_NOT_READ_AS_A_DRUG
from services.coding.domain.drug_vocabulary import ANY_DRUG, UNFILED_DRUGS, drug_class, drug_name_alternatives
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

FRAMES = ("A/P: 1. {}", "A/P: 1. HTN - continue lisinopril. 2. {}")
_CLAUSE_NAMES_A_DRUG = re.compile(rf"\b({DRUG_WORD})\b", re.IGNORECASE)


def test_the_table_names_are_split_whole_with_their_groups():
    names = drug_name_alternatives()
    assert {"lisinopril", "insulin( glargine| lispro| aspart| detemir| degludec)?", "tmp[- /]smx",
            "(cortico)?steroids?"} <= set(names)
    assert not any(name.count("(") != name.count(")") for name in names)


def test_the_counselling_exclusions_are_all_names_of_the_table():
    assert TABLE_NAMES_NOT_READ_AS_A_DRUG <= set(drug_name_alternatives())


def test_every_table_name_outside_the_exclusions_names_a_drug_in_a_clause():
    plain = [name for name in drug_name_alternatives() if re.fullmatch(r"[a-z ]+", name)]
    read = [name for name in plain if name not in TABLE_NAMES_NOT_READ_AS_A_DRUG]
    assert read and all(_CLAUSE_NAMES_A_DRUG.fullmatch(name) for name in read)


@pytest.mark.parametrize("words", ["apixaban", "Metformin 500 mg", "bupropion", "NSAIDs", "side effects",
                                   "insulin lispro", "corticosteroids"])
def test_a_clause_names_a_drug_by_name_ending_dose_or_unfiled_class(words):
    assert _CLAUSE_NAMES_A_DRUG.search(words)


@pytest.mark.parametrize("name, stem", [("Lisinopril", "T46.4X"), ("sertraline", "T43.22"), ("tmp/smx", "T37.0X"),
                                        ("insulin glargine", "T38.3X")])
def test_a_table_name_is_filed_in_its_class(name, stem):
    assert ANY_DRUG.fullmatch(name) and drug_class(name)[0] == stem


def test_an_unfiled_drug_has_no_class_to_code_its_effect_by():
    assert re.fullmatch(UNFILED_DRUGS, "bupropion") and not ANY_DRUG.search("bupropion")


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, harms", [
    ("Chlorthalidone: counseled on low potassium and gout.", {"E87.6", "M10.9"}),
    ("Losartan - counseled on hyperkalemia and dizziness.", {"E87.5", "R42"}),
    ("Citalopram 20 mg: counseled on nausea and diarrhea.", {"R11.0", "R19.7"}),
    ("Bupropion XL: counseled on seizures and tremor.", {"R56.9", "R25.1"}),
    ("Tamsulosin: counseled on dizziness and hypotension.", {"R42", "I95.9"}),
])
def test_a_harm_counselled_on_beside_a_drug_is_not_suggested(suggest, frame, text, harms):
    assert not harms & {s.code for s in suggest(frame.format(text))}


@pytest.mark.parametrize("frame", FRAMES)
def test_a_counselling_that_names_no_drug_keeps_its_conditions(suggest, frame):
    assert {"E87.6", "M10.9"} <= billed(suggest, frame.format("Counseled on low potassium and gout."))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, codes", [
    ("Hyponatremia due to sertraline - hold it, BMP in 1 wk.", {"E87.1", "T43.225A"}),
    ("Statin myalgias; switch to pravastatin.", {"T46.6X5A"}),
    ("Obesity, BMI 33: counseled on diet for obesity.", {"E66.9"}),
])
def test_a_drugs_stated_harm_and_a_counselled_condition_stay_coded(suggest, frame, text, codes):
    assert codes <= billed(suggest, frame.format(text))


def test_the_written_out_words_for_both_are_among_the_shorthand_ones():
    assert all(re.fullmatch(BOTH, word) for word in ("both", "bilateral", "b", "bilat"))
    assert all(re.fullmatch(BOTH_WRITTEN_OUT, word) for word in ("both", "bilateral"))
    assert not re.fullmatch(BOTH_WRITTEN_OUT, "bilat") and re.fullmatch(WHOSE, "her ")


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, codes", [
    ("Pain in his both knees x 3 mo, worse on stairs.", {"M25.561", "M25.562"}),
    ("Stiffness of her both hands in the AM > 1 h.", {"M25.641", "M25.642"}),
    ("Morning stiffness bilat wrists, ESR pending.", {"M25.631", "M25.632"}),
    ("Effusions in both knees, no trauma.", {"M25.461", "M25.462"}),
])
def test_each_both_sides_sign_reads_the_shared_words(suggest, frame, text, codes):
    assert codes <= billed(suggest, frame.format(text))


@pytest.mark.parametrize("frame", FRAMES)
def test_both_sides_stiffness_a_current_arthritis_explains_stays_out(suggest, frame):
    found = billed(suggest, frame.format("Seropositive RA on MTX; stiffness in both hands 1 h each AM."))
    assert not {"M25.641", "M25.642"} & found
