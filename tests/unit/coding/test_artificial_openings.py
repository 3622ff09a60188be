"""Artificial opening, cataract extraction and machine dependence statuses in the words of the tabular's titles and
index, read only where the patient lives with them: not an opening needing attention or complicated (Z43, K94),
planned or reversed, nor a cataract still to be removed; a side written before each of two amputations is its own;
a stent beside the coronary disease it treats is the coronary implant."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Head and neck cancer survivor. Trach in place since 2022, speaking valve used.", "Z93.0"),
    ("Dysphagia after stroke; fed through a G-tube, tolerating feeds.", "Z93.1"),
    ("Crohn disease in remission. Ileostomy since 2018, output normal.", "Z93.2"),
    ("Rectal cancer treated 2020; permanent colostomy, pouching without problems.", "Z93.3"),
    ("Gastroparesis. J-tube feeds overnight, weight stable.", "Z93.4"),
    ("Bladder outlet obstruction with a suprapubic cystostomy, draining clear urine.", "Z93.50"),
    ("Obstructing ureteral tumor: right nephrostomy tube in place, draining well.", "Z93.6"),
    ("Glaucoma suspect. Pseudophakic both eyes.", "Z96.1"),
    ("Diabetes eye exam. S/p cataract surgery of the left eye 2023.", "Z98.42"),
    ("Spinal muscular atrophy, ventilator-dependent, home nursing.", "Z99.11"),
    ("Paraplegia after spinal cord injury; wheelchair-bound, skin intact.", "Z99.3"),
])
def test_an_opening_lens_or_machine_the_patient_lives_with_is_its_status(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Colostomy reversal planned for next month. Diverticulitis resolved.", "Z93.3"),
    ("Ileostomy taken down in 2021; bowel function normal.", "Z93.2"),
    ("Peristomal skin irritation around the colostomy; barrier cream.", "Z93.3"),
    ("Tracheostomy tube change today, no bleeding.", "Z93.0"),
    ("Constipation: PEG 3350 daily.", "Z93.1"),
    ("Pre-operative evaluation before right cataract extraction.", "Z98.41"),
    ("Dementia. Mother had a colostomy for years.", "Z93.3"),
])
def test_an_opening_needing_attention_undone_planned_or_not_the_patients_is_not(suggest, note, code):
    assert code not in billed(suggest, note)


def test_the_side_before_each_of_two_amputations_is_its_own(suggest):
    codes = billed(suggest, "Foot check: right great toe amputation 2022 and left fourth toe amputation 2024.")
    assert {"Z89.411", "Z89.422"} <= codes and "Z89.412" not in codes


@pytest.mark.parametrize("note", [
    "Pre-op clearance. Coronary artery disease, stented in 2018, no angina since.",
    "Hyperlipidemia on rosuvastatin. CAD with two stents, on clopidogrel.",
])
def test_a_stent_beside_the_coronary_disease_is_the_coronary_implant(suggest, note):
    assert "Z95.5" in billed(suggest, note)


def test_a_stent_its_sentence_places_in_another_vessel_is_not(suggest):
    assert "Z95.5" not in billed(suggest, "CAD, medically managed; carotid stent placed 2021 for stenosis.")
