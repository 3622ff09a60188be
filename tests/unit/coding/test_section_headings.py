"""A list's heading sets the context of every short item under it, up to the next label or a sentence of prose."""
import pytest

from services.coding.domain import note_context, section_headings
from services.coding.domain.section_headings import section_of
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def test_the_sections_name_the_context_rules_they_stand_for():
    assert section_headings.FAMILY_SECTION == note_context.FAMILY
    assert section_headings.PAST_SECTION == note_context.RESOLVED
    assert section_headings.REPLACED_SECTION == note_context.NOT_ESTABLISHED


@pytest.mark.parametrize("text, item, name", [
    ("Family History: Colon cancer. Type 2 diabetes. Social History: retired teacher.", "Type 2", "family"),
    ("FHx: glaucoma; Mother: rheumatoid arthritis; Asthma.", "Asthma", "family"),
    ("Inactive problems:\n- Iron deficiency anemia\n- Gout of left foot", "Gout", "resolved"),
    ("Surgical history: tonsillectomy. Left carpal tunnel release (2016).", "Left carpal", "resolved"),
    ("Admission diagnosis: sepsis. Discharge diagnosis: pyelonephritis.", "sepsis", "not-established"),
    ("H/o: shingles 2015; kidney stones, passed. Today: knee pain.", "kidney", "resolved"),
])
def test_an_item_under_the_heading_is_in_its_section(text, item, name):
    section = section_of(text, text.index(item))
    assert section is not None and section.name == name


@pytest.mark.parametrize("text, item", [
    ("Family History: Colon cancer. Today: follow-up for type 2 diabetes.", "type 2"),
    ("Resolved: otitis media. She comes in today with three days of cough and a low fever at night.", "cough"),
    ("Past Medical History: pneumonia 2019. Kidney stones.", "Kidney"),
    ("Surgical history: tonsillectomy. Assessment: gout of the left foot.", "gout"),
    ("Admission diagnosis: sepsis. Plan: cultures pending.", "sepsis"),
    ("Pre-procedure diagnosis: impingement of the right shoulder. Post-procedure diagnosis: same.", "impingement"),
    ("Hx: gout; type 2 diabetes on metformin.", "type 2"),
])
def test_an_item_after_another_label_or_prose_is_not(text, item):
    assert section_of(text, text.index(item)) is None


@pytest.mark.parametrize("note, absent, present", [
    ("Family History: Breast cancer (maternal aunt). Type 2 diabetes. Assessment: hypothyroidism.", "E11.9", "Z83.3"),
    ("Resolved Problems: Acute maxillary sinusitis. Plantar fasciitis, left foot. Active: Essential hypertension.",
     "M72.2", "I10"),
    ("Surgical History: Appendectomy (2005). Carpal tunnel release, right wrist (2019). Today: low back pain.",
     "G56.01", "M54.50"),
    ("Admission diagnosis: community-acquired pneumonia. Discharge diagnosis: acute bronchitis.", "J18.9", "J20.9"),
])
def test_an_item_is_read_in_its_headings_context(suggest, note, absent, present):
    found = billed(suggest, note)
    assert absent not in {s.code for s in suggest(note)} and present in found


@pytest.mark.parametrize("note, absent, present", [
    ("Rheum visit, 66M. Psoriatic arthritis on methotrexate. Hx of: shingles, 2016; gout of the R great toe, quiet "
     "for years. Plan: labs.", "M10.9", "L40.50"),
    ("Chest clinic, 58F. Asthma, mild persistent, on budesonide. History of: pneumonia, 2020; solitary pulmonary "
     "nodule, gone on repeat CT. Plan: continue inhaler.", "R91.1", "J45.30")])
def test_an_item_after_the_first_under_a_history_of_heading_is_past(suggest, note, absent, present):
    found = billed(suggest, note)
    assert absent not in {s.code for s in suggest(note)} and present in found


def test_a_history_of_headings_item_takes_its_history_code(suggest):
    note = "Neuro f/u, 70M. Essential tremor on propranolol. Hx of: migraine as a young adult; stroke 2019, no deficits."
    assert "Z86.73" in billed(suggest, note) and "I63.9" not in {s.code for s in suggest(note)}
