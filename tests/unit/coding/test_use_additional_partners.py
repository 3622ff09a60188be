"""Partners the tabular's instructional notes ask for, read where the note documents them: the organism beside an
infection coded elsewhere (B95-B96), and the CKD stage a manifestation asks to be coded first."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, organism", [
    ("Cellulitis of the right forearm; wound swab grew MSSA, on cephalexin.", "B95.61"),
    ("Prosthetic valve endocarditis, cultures methicillin-sensitive Staphylococcus aureus.", "B95.61"),
    ("Urinary tract infection, culture Enterococcus faecalis, amoxicillin for 7 days.", "B95.2"),
    ("Impetigo of the chin, group A strep on culture, mupirocin.", "B95.0"),
    ("Septic arthritis of the right knee, aspirate grew Streptococcus pyogenes.", "B95.0"),
    ("Duodenal ulcer, biopsy positive for Helicobacter pylori; quadruple therapy.", "B96.81"),
])
def test_the_organism_named_as_an_infections_cause_is_its_b95_b96_code(suggest, note, organism):
    assert organism in billed(suggest, note)


@pytest.mark.parametrize("note, organism", [
    ("Pharyngitis, rapid antigen positive for group A streptococcus; amoxicillin.", "B95.0"),  # J02.0 names it
    ("Epigastric pain; H. pylori stool antigen ordered.", "B96.81"),  # a test documents no organism
    ("Sepsis due to MSSA, transferred from the ward.", "B95.61"),  # the sepsis code names it
    ("Remote MSSA bacteremia in 2019, treated.", "B95.61"),
])
def test_an_organism_its_own_combination_code_names_or_the_note_does_not_document_is_not_added(suggest, note,
                                                                                            organism):
    assert organism not in billed(suggest, note)


def test_anemia_in_ckd_with_its_stage_codes_the_stage_first_and_the_hypertension_with_it(suggest):
    coded = billed(suggest, "Anemia in chronic kidney disease, stage 3b, on darbepoetin. Hypertension on losartan.")
    assert {"D63.1", "N18.32", "I12.9"} <= coded and "I10" not in coded
    suggestion = next(s for s in suggest("Anemia in CKD stage 4.") if s.code == "N18.4")
    assert suggestion.convention == "code-first-partner"


def test_anemia_in_ckd_without_a_stage_adds_no_stage(suggest):
    coded = {s.code for s in suggest("Anemia in chronic kidney disease, iron studies pending.")}
    assert "D63.1" in coded and not any(code.startswith("N18") for code in coded)


@pytest.mark.parametrize("note, cause", [
    ("Sensorimotor polyneuropathy due to cobalamin deficiency, B12 injections started.", "E53.8"),
    ("Axonal neuropathy 2/2 hypothyroidism; TSH 18, levothyroxine increased.", "E03.9"),
])
def test_a_polyneuropathy_in_a_disease_the_index_brackets_is_g63_beside_the_disease(suggest, note, cause):
    assert {"G63", cause} <= billed(suggest, note)


def test_a_polyneuropathy_denied_or_without_the_disease_is_not_g63(suggest):
    assert "G63" not in billed(suggest, "No neuropathy from the B12 deficiency on exam today.")
    assert "G63" not in billed(suggest, "Idiopathic peripheral neuropathy, gabapentin at night.")


def test_anemia_of_ckd_is_anemia_in_chronic_kidney_disease(suggest):
    coded = billed(suggest, "Anemia of chronic renal insufficiency, stage 4, ESA per nephrology; HTN.")
    assert {"D63.1", "N18.4", "I12.9"} <= coded and "D64.9" not in coded
