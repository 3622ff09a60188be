"""The coder on real ICD-10-CM data (simple-icd-10-cm, CMS FY2026)."""
import json
from pathlib import Path

import pytest

from shared.contracts.encounter import EncounterDocumented
from services.coding.adapters.reference_files import load_reference_data
from services.coding.domain.coder import code_encounter

pytestmark = pytest.mark.unit
ENCOUNTER = json.loads((Path(__file__).resolve().parents[2] / "fixtures" / "intake" / "encounter.json").read_text())


@pytest.fixture(scope="module")
def codesets():
    return load_reference_data()


def encounter(**overrides) -> EncounterDocumented:
    return EncounterDocumented.model_validate({**ENCOUNTER, "encounter_id": "e1", **overrides})


def edit_ids(outcome) -> list[str]:
    """The error edits: warnings (such as a stale edition) pass with the claim."""
    return [e.edit_id for e in outcome.edits if e.severity == "error"]


def test_clean_codes_are_coded(codesets):
    outcome = code_encounter(encounter(date_of_service="2026-09-30"), codesets)
    assert outcome.status == "coded" and outcome.edits == []
    assert [d.code for d in outcome.diagnoses] == ["E11.9", "I10"]


def test_date_after_the_newest_edition_passes_with_a_warning(codesets):
    outcome = code_encounter(encounter(date_of_service="2026-11-02"), codesets)
    assert outcome.status == "coded" and [e.edit_id for e in outcome.edits] == ["ICD-EDITION-STALE"]
    assert "FY2027" in outcome.edits[0].message and "FY2026" in outcome.edits[0].message


def test_date_before_the_first_edition_cannot_be_validated(codesets):
    outcome = code_encounter(encounter(date_of_service="2025-09-30"), codesets)
    assert edit_ids(outcome) == ["ICD-EDITION-NONE"]


def test_header_code_is_not_billable(codesets):
    outcome = code_encounter(encounter(diagnoses=["E11", "I10"]), codesets)
    assert outcome.status == "needs_review" and edit_ids(outcome) == ["ICD-NOT-BILLABLE"]
    assert "E11" in outcome.edits[0].message


def test_unknown_code_is_an_edit_not_an_exception(codesets):
    outcome = code_encounter(encounter(diagnoses=["XYZ.1", "I10"]), codesets)
    assert edit_ids(outcome) == ["ICD-UNKNOWN"]


def test_codes_with_or_without_dot(codesets):
    assert code_encounter(encounter(diagnoses=["E119", "I10"]), codesets).status == "coded"


def test_malformed_procedure_and_bad_pointer(codesets):
    outcome = code_encounter(encounter(procedures=[{"code": "ABCDE", "diagnosis_pointers": [5]}]), codesets)
    assert edit_ids(outcome) == ["PROC-FORMAT", "POINTER-RANGE"]


def test_no_codes_and_no_note_is_held_with_that_reason(codesets):
    outcome = code_encounter(encounter(diagnoses=[], procedures=[], note=None), codesets)
    assert "CODING-NO-CODES-NO-NOTE" in edit_ids(outcome) and outcome.status == "needs_review"


def test_maternity_code_on_a_male_patient(codesets):
    patient = {**ENCOUNTER["patient"], "sex": "M"}
    outcome = code_encounter(encounter(patient=patient, diagnoses=["O80", "I10"]), codesets)
    assert "MCE-SEX" in edit_ids(outcome)


def test_newborn_code_on_an_adult(codesets):
    outcome = code_encounter(encounter(diagnoses=["Z00.110", "I10"]), codesets)
    assert "MCE-AGE-NEWBORN" in edit_ids(outcome)


def test_newborn_code_on_a_newborn_passes(codesets):
    patient = {**ENCOUNTER["patient"], "birth_date": "2026-10-30"}
    outcome = code_encounter(encounter(patient=patient, diagnoses=["Z00.110", "Z38.00"]), codesets)
    assert not [e for e in edit_ids(outcome) if e.startswith("MCE")]


def test_excludes1_pair_found_through_the_category(codesets):
    outcome = code_encounter(encounter(diagnoses=["E10.9", "E11.9"]), codesets)
    assert "ICD-EXCLUDES1" in edit_ids(outcome)
    assert "ICD-EXCLUDES1" not in edit_ids(code_encounter(encounter(), codesets))


def test_manifestation_code_cannot_be_first_listed(codesets):
    outcome = code_encounter(encounter(diagnoses=["G63", "E11.42"]), codesets)
    assert "ICD-MANIFESTATION-FIRST" in edit_ids(outcome)
    assert "ICD-MANIFESTATION-FIRST" not in edit_ids(code_encounter(encounter(diagnoses=["E11.42", "G63"]), codesets))
