"""The public encounter body of POST /v1/encounters.

It reuses the event's value types so the body validates exactly like encounter.documented;
unknown fields are rejected so a client's typo is caught at the door.
"""
from pydantic import ConfigDict

from shared.contracts.encounter import EncounterFacts


class EncounterIn(EncounterFacts):
    model_config = ConfigDict(extra="forbid", frozen=False, json_schema_extra={"examples": [{
        "external_id": "EHR-2026-000123", "date_of_service": "2026-11-02", "place_of_service": "11",
        "patient": {"id": "MRN-88123", "first_name": "Ana", "last_name": "Rivera", "birth_date": "1971-04-12",
                    "sex": "F", "address": {"line1": "12 ELM ST", "city": "SPRINGFIELD", "state": "IL",
                                            "zip": "62704"}},
        "coverage": {"payer_id": "AETNA", "member_id": "W123456789", "group_number": "GRP-100",
                     "relationship": "self"},
        "rendering_provider": {"npi": "1245319599", "first_name": "Maya", "last_name": "Chen"},
        "diagnoses": ["E11.9", "I10"],
        "procedures": [{"code": "99213", "modifiers": [], "units": 1, "diagnosis_pointers": [1, 2]}],
        "note": "Follow-up for type 2 diabetes and hypertension.",
    }]})
