"""Office visit level from the note: total time or two of three decision-making elements; a billed level
above what the note supports is flagged with the evidence, never re-coded."""
import pytest

from shared.contracts.common import ProcedureLine
from services.coding.domain.em_level import documented_total_time, em_level_edits, read_level, supported_code
from services.coding.domain.em_level import ESTABLISHED, NEW_PATIENT, NOTHING_FOUND

pytestmark = pytest.mark.unit

MODERATE_NOTE = (
    "Type 2 diabetes, poorly controlled, A1c 9.1 reviewed today. Hypertension stable on lisinopril. "
    "Ordered CMP and lipid panel. Increase metformin to 1000 mg twice daily.")
LOW_NOTE = "Acute uncomplicated pharyngitis. Rapid strep test ordered, negative. Supportive care, OTC ibuprofen."
HIGH_NOTE = (
    "COPD with severe exacerbation, hypoxic. Chest x-ray personally reviewed the images: hyperinflation. "
    "Discussed with Dr. Patel (pulmonology). Decision to admit for IV steroids.")


def line(code: str) -> ProcedureLine:
    return ProcedureLine(code=code, diagnosis_pointers=[1])


@pytest.mark.parametrize("note, expected", [
    (MODERATE_NOTE, "99214"), (LOW_NOTE, "99213"), (HIGH_NOTE, "99215"),
    ("Follow-up visit. Patient feels fine.", "99212"),
])
def test_decision_making_sets_the_established_level(note, expected):
    assert supported_code(note, "99213")[0] == expected


def test_two_of_three_elements_decide_not_the_highest():
    finding = read_level("COPD with severe exacerbation. Patient feels fine otherwise.", ESTABLISHED)
    assert (finding.problems, finding.data, finding.risk) == (3, 0, 0) and finding.mdm_level == 0


@pytest.mark.parametrize("note, family, expected", [
    ("Total time spent on the date of the encounter: 42 minutes.", ESTABLISHED, "99215"),
    ("I spent 31 minutes total with the patient and records.", ESTABLISHED, "99214"),
    ("Total time 45 minutes including counseling.", NEW_PATIENT, "99204"),
    ("Total time 14 minutes.", NEW_PATIENT, "99202"),
])
def test_total_time_meets_the_level_on_its_own(note, family, expected):
    assert supported_code(note, family[1])[0] == expected


def test_two_different_totals_document_no_time():
    assert documented_total_time("Total time 20 minutes. Later, total time 35 minutes.") is None


def test_a_billed_level_above_the_note_is_flagged_with_its_evidence():
    edits = em_level_edits([line("99215")], note=MODERATE_NOTE)
    assert [(e.edit_id, e.severity, e.codes) for e in edits] == [("EM-LEVEL-NOT-SUPPORTED", "warning", ["99215", "99214"])]
    assert "prescription drug management" in edits[0].message and "exacerbation" in edits[0].message
    assert "metformin" not in edits[0].message  # evidence names categories, never the note's words


def test_a_supported_or_lower_level_and_other_codes_pass():
    assert em_level_edits([line("99214"), line("36415")], note=MODERATE_NOTE) == []
    assert em_level_edits([line("99213")], note=MODERATE_NOTE) == []
    assert em_level_edits([line("99395")], note="Annual preventive exam.") == []
    assert em_level_edits([line("99215")], note=None) == []
    assert em_level_edits([line("99215")], note="Follow-up for diabetes. Venipuncture.") == []  # nothing to judge by


@pytest.mark.parametrize("note, element, expected", [
    ("Total time 25 minutes.", "time_minutes", 25),
    ("COPD with acute respiratory failure.", "problems", 3),
    ("Asthma worsening this week.", "problems", 2),
    ("Concern for pyelonephritis.", "problems", 2),
    ("Ankle sprain after a fall.", "problems", 1),
    ("Hypertension stable. Hyperlipidemia at goal.", "problems", 2),
    ("CBC and TSH ordered.", "data", 1),
    ("History obtained by his wife. Labs reviewed: A1c, BMP.", "data", 2),
    ("I personally reviewed the images.", "data", 2),
    ("Discussed with Dr. Lee.", "data", 2),
    ("Decision to admit.", "risk", 3),
    ("Increase lisinopril to 20 mg daily.", "risk", 2),
    ("She cannot afford the inhaler.", "risk", 2),
    ("Use OTC acetaminophen.", "risk", 1),
    ("Nausea as a \u017fide effect.", "problems", 2),  # beyond ASCII the words are not pre-tested: re folds \u017f to s
])
def test_each_element_is_read_from_a_sentence_holding_its_words(note, element, expected):
    finding = read_level(note, ESTABLISHED)
    assert getattr(finding, element) == expected and finding.evidence


def test_a_note_without_any_elements_words_finds_nothing():
    finding = read_level("Follow-up for type 2 diabetes and hypertension. Venipuncture for A1c.", ESTABLISHED)
    assert finding == NOTHING_FOUND and finding.level == 0
