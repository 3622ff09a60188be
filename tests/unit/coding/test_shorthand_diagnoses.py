"""Diagnoses written in the shorthand of outpatient problem lists, read to the code the index gives their words,
and the guards that keep an abbreviation with another meaning (a place, an adjective, "definitely") as written.
Sentences of our own wording, one class per test."""
from pathlib import Path

import pytest

from services.coding.domain.shorthand import Shorthand, parse_shorthand
from services.coding.domain.shorthand_guards import after_nutrient, named_as_diagnosis, not_after_non
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
SHORTHAND_CSV = Path(__file__).resolve().parents[3] / "services" / "coding" / "data" / "shorthand.csv"


@pytest.fixture(scope="module")
def expand():
    shorthand = Shorthand(parse_shorthand(SHORTHAND_CSV.read_text()))
    return lambda note: shorthand.expand(note).text


@pytest.mark.parametrize("abbreviation, code", [
    # heart and vessels
    ("PAF", "I48.0"), ("AFL", "I48.92"), ("aflutter", "I48.92"), ("DCM", "I42.0"), ("PVD", "I73.9"),
    ("WPW", "I45.6"), ("MVP", "I34.1"), ("RBBB", "I45.10"), ("LBBB", "I44.7"), ("POTS", "G90.A"), ("CVI", "I87.2"),
    ("HTG", "E78.1"),
    # lungs, ears and airways
    ("OHS", "E66.2"), ("AOM", "H66.90"), ("OME", "H65.90"), ("seasonal AR", "J30.2"), ("perennial AR", "J30.89"),
    ("CF", "E84.9"), ("LTBI", "Z22.7"), ("EIB", "J45.990"), ("AATD", "E88.01"), ("SPN", "R91.1"),
    ("latent TB infection", "Z22.7"),
    # digestive
    ("IBS", "K58.9"), ("IBS-C", "K58.1"), ("IBS-D", "K58.0"), ("IBS-M", "K58.2"), ("UC", "K51.90"),
    ("NAFLD", "K76.0"), ("MASLD", "K76.0"), ("NASH", "K75.81"), ("MASH", "K75.81"), ("EoE", "K20.0"),
    ("BRBPR", "K62.5"), ("celiac dz", "K90.0"),
    # kidney, bladder and salts
    ("OAB", "N32.81"), ("hypoK", "E87.6"), ("hyperK", "E87.5"), ("hypoNa", "E87.1"), ("hyperNa", "E87.0"),
    ("hypoMg", "E83.42"), ("hypoCa", "E83.51"), ("hyperCa", "E83.52"), ("CKD3a", "N18.31"), ("CKD4", "N18.4"),
    # glands and nutrition
    ("preDM", "R73.03"), ("GDM", "O24.419"), ("hypothyroid", "E03.9"), ("PHPT", "E21.0"), ("MNG", "E04.2"),
    ("SIADH", "E22.2"), ("vit D def", "E55.9"), ("B12 def", "E53.8"), ("iron def", "E61.1"),
    # nervous system and mind
    ("MCI", "G31.84"), ("RLS", "G25.81"), ("CTS", "G56.00"), ("ALS", "G12.21"), ("TN", "G50.0"),
    ("TTH", "G44.209"), ("sz d/o", "G40.909"), ("BPAD", "F31.9"), ("DMDD", "F34.81"),
    # joints and connective tissue
    ("DJD", "M19.90"), ("PMR", "M35.3"), ("SLE", "M32.9"), ("PsA", "L40.50"), ("FMS", "M79.7"),
    # blood
    ("MGUS", "D47.2"), ("ITP", "D69.3"), ("MDS", "D46.9"),
    # congenital, liver, kidney and others
    ("PFO", "Q21.12"), ("VSD", "Q21.0"), ("BAV", "Q23.81"), ("LAE", "I51.7"), ("CTEPH", "I27.24"),
    ("AIH", "K75.4"), ("PBC", "K74.3"), ("PSC", "K83.01"), ("ESKD", "N18.6"), ("UUI", "N39.41"),
    ("hypoPTH", "E20.9"), ("VaD", "F01.50"), ("IIH", "G93.2"), ("NMO", "G36.0"), ("BED", "F50.819"),
    ("ARFID", "F50.82"), ("ASPD", "F60.2"), ("COVID", "U07.1"),
])
def test_a_diagnosis_written_as_its_abbreviation_is_read_as_its_words(suggest, abbreviation, code):
    assert code in billed(suggest, f"Assessment: 1. {abbreviation}, stable on current plan.")
    assert code in billed(suggest, f"Dx: {abbreviation}.")
    assert not {c for c in billed(suggest, f"Denies {abbreviation}.") if c[:3] == code[:3]}


@pytest.mark.parametrize("note, code", [
    ("A/P: R knee DJD - injection today.", "M17.11"),
    ("Dx: L CTS, night splint.", "G56.02"),
    ("BPAD II, euthymic.", "F31.81"),
    ("Hx SVT s/p AVR 2019.", "Z95.2"),
    ("s/p mechanical MVR, INR goal 3.", "Z95.2"),
    ("T2DM with DPN, monofilament absent.", "E11.42"),
    ("Dx: R RC tear, nontraumatic.", "M75.101"),
    ("Dx: VWD, type unknown.", "D68.00"),
    ("ECG: 1st degree AVB, otherwise normal.", "I44.0"),
    ("2nd degree AV block, Mobitz I, asymptomatic.", "I44.1"),
])
def test_shorthand_keeps_the_side_and_the_combination_around_it(suggest, note, code):
    assert code in billed(suggest, note)


def test_a_place_an_adjective_or_definitely_is_left_as_written(expand):
    assert expand("Seen at UC 2 days ago. UC note: cough.") == "Seen at UC 2 days ago. UC note: cough."
    assert expand("Dx: UC, on mesalamine. UC flare.") == \
        "Diagnosis: ulcerative colitis, on mesalamine. Ulcerative colitis flare."
    assert expand("hypothyroid symptoms") == "hypothyroid symptoms"
    assert expand("hypothyroid on levothyroxine") == "hypothyroidism on levothyroxine"
    assert expand("Def worse today; vit D def.") == "Def worse today; vitamin D deficiency."
    assert expand("non-CF bronchiectasis; CF, on CFTR modulator") == \
        "non-CF bronchiectasis; cystic fibrosis, on CFTR modulator"


def test_ocd_at_a_joint_and_covid_beside_a_test_are_not_the_disorder_and_the_disease(suggest, expand):
    assert expand("L knee OCD lesion") == "Left knee osteochondritis dissecans lesion"
    assert "F42.9" not in billed(suggest, "MRI: OCD lesion of the medial femoral condyle, R knee, stable fragment.")
    assert "F42.9" in billed(suggest, "Dx: OCD, on fluoxetine 40 mg.")
    assert expand("COVID-19 vaccine today; COVID test neg.") == "COVID-19 vaccine today; COVID test negative."
    assert "U07.1" not in billed(suggest, "COVID test negative today.")


def test_the_guards_read_the_neighbouring_words():
    text = "went to UC; UC - mesalamine"
    assert not named_as_diagnosis(text, 8, 10) and named_as_diagnosis(text, 12, 14)
    assert after_nutrient("folate def", 7, 10) and not after_nutrient("pain def", 5, 8)
    assert not not_after_non("non-CF", 4, 6) and not_after_non("CF", 0, 2)


@pytest.mark.parametrize("note, code, absent", [
    ("Echo: mitral valve prolapse, trace regurgitation.", "I34.1", None),
    ("Prolapse of the mitral valve on echo.", "I34.1", None),
    ("Rheumatic mitral valve prolapse.", None, "I34.1"),
])
def test_mitral_valve_prolapse_is_the_nonrheumatic_code_unless_rheumatic(suggest, note, code, absent):
    found = billed(suggest, note)
    assert code is None or code in found
    assert absent is None or absent not in found


def test_pe_before_protocol_is_the_study_that_looks_for_an_embolism(suggest, expand):
    assert "pulmonary embolism" not in expand("Angiogram of the chest done as a PE protocol: clear.")
    assert "I26.99" not in {s.code for s in suggest("Shortness of breath; chest CT, PE protocol, read as clear.")}
    assert "pulmonary embolism" in expand("Saddle PE, on heparin drip.")


def test_ra_after_a_receptor_name_is_the_agonist_drug_class(expand):
    assert expand("On metformin - consider GLP-1 RA for weight.") == \
        "On metformin - consider GLP-1 receptor agonist for weight."
    assert expand("On GnRH RA injections").endswith("GnRH receptor agonist injections")
    assert expand("Has RA on methotrexate; RA sat 95%") == "Has rheumatoid arthritis on methotrexate; room air sat 95%"
