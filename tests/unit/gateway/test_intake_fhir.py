import json
from pathlib import Path

import pytest

from services.gateway.intake import parse_encounter
from services.gateway.intake.errors import IntakeError

pytestmark = pytest.mark.unit
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "intake"
FHIR = "application/fhir+json"


def test_bundle_maps_to_the_same_encounter_as_the_json_body():
    encounter, source = parse_encounter(FHIR, (FIXTURES / "bundle_r4.json").read_bytes())
    expected, _ = parse_encounter("application/json", (FIXTURES / "encounter.json").read_bytes())
    assert source == "fhir"
    assert encounter.model_dump(exclude={"note"}) == expected.model_dump(exclude={"note"})


def test_missing_patient_is_named():
    bundle = json.loads((FIXTURES / "bundle_r4.json").read_text())
    bundle["entry"] = [e for e in bundle["entry"] if e["resource"]["resourceType"] != "Patient"]
    with pytest.raises(IntakeError) as error:
        parse_encounter(FHIR, json.dumps(bundle).encode())
    assert error.value.problems[0]["field"] == "Patient"


def test_invalid_bundle_is_an_intake_error_without_values():
    with pytest.raises(IntakeError) as error:
        parse_encounter(FHIR, b'{"resourceType": "Bundle", "type": "nonsense-Rivera"}')
    assert "Rivera" not in json.dumps(error.value.problems)
