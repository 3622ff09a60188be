"""The referring provider is optional on encounter.documented, claim.coded and the public intake body: events
written before it existed still parse, and a given one is validated like the rendering provider."""
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from shared.contracts.claim import ClaimCoded
from shared.contracts.encounter import EncounterDocumented
from services.gateway.intake import parse_encounter

pytestmark = pytest.mark.unit
ENCOUNTER = json.loads((Path(__file__).resolve().parents[2] / "fixtures" / "intake" / "encounter.json").read_text())
REFERRING = {"npi": "1234567893", "first_name": "Omar", "last_name": "Haddad"}
CODED = {"claim_id": "c", "patient_control_number": "P1", "encounter_id": "e", "external_id": "x",
         "date_of_service": ENCOUNTER["date_of_service"], "place_of_service": "11", "patient": ENCOUNTER["patient"],
         "coverage": ENCOUNTER["coverage"], "rendering_provider": ENCOUNTER["rendering_provider"],
         "diagnoses": [{"code": "E11.9"}], "procedures": [{"code": "99213", "diagnosis_pointers": [1]}]}


def test_events_written_before_the_referring_provider_parse_without_one():
    assert EncounterDocumented.model_validate({**ENCOUNTER, "encounter_id": "e"}).referring_provider is None
    assert ClaimCoded.model_validate(CODED).referring_provider is None


def test_the_referring_provider_survives_a_round_trip_through_json():
    coded = ClaimCoded.model_validate({**CODED, "referring_provider": REFERRING})
    again = ClaimCoded.model_validate_json(coded.model_dump_json())
    assert again.referring_provider.model_dump() == REFERRING


def test_the_public_body_accepts_a_referring_provider():
    encounter, _ = parse_encounter("application/json", json.dumps({**ENCOUNTER, "referring_provider": REFERRING}).encode())
    assert encounter.referring_provider.npi == "1234567893"


@pytest.mark.parametrize("bad, where", [({**REFERRING, "npi": "12345"}, "npi"),
                                        ({**REFERRING, "last_name": ""}, "last_name")])
def test_a_bad_referring_provider_is_named_by_its_field(bad, where):
    with pytest.raises(ValidationError) as error:
        parse_encounter("application/json", json.dumps({**ENCOUNTER, "referring_provider": bad}).encode())
    assert [e["loc"] for e in error.value.errors()] == [("referring_provider", where)]
