"""Intake: JSON, FHIR R4 Bundle and HL7 v2 DFT^P03 all become one EncounterIn."""
import orjson

from services.gateway.intake.control_chars import encounter_problems, may_hold_control_characters
from services.gateway.intake.errors import IntakeError, UnsupportedFormat
from services.gateway.intake.model import EncounterIn

JSON_TYPES = ("application/json", "")
FHIR_TYPES = ("application/fhir+json",)
HL7_TYPES = ("x-application/hl7-v2+er7", "application/hl7-v2", "text/plain")


def parse_encounter(content_type: str, raw: bytes) -> tuple[EncounterIn, str]:
    """Returns the encounter and its source format; raises IntakeError or pydantic's ValidationError."""
    media_type = content_type.split(";")[0].strip().lower()
    if media_type in JSON_TYPES:
        return parse_json_encounter(raw), "json"
    if media_type in FHIR_TYPES:
        from services.gateway.intake.fhir_r4 import parse_fhir_bundle

        return parse_fhir_bundle(raw), "fhir"
    if media_type in HL7_TYPES:
        from services.gateway.intake.hl7v2 import parse_dft_p03

        return parse_dft_p03(raw), "hl7v2"
    raise UnsupportedFormat(content_type)


def parse_json_encounter(raw: bytes) -> EncounterIn:
    """Control characters are named by JSON path first; pydantic then validates the JSON text itself."""
    if may_hold_control_characters(raw):
        try:
            document = orjson.loads(raw)
        except orjson.JSONDecodeError:
            document = None  # pydantic's own error names where the JSON breaks
        problems = encounter_problems(document, "body")
        if problems:
            raise IntakeError(problems)
    return EncounterIn.model_validate_json(raw)


__all__ = ["EncounterIn", "IntakeError", "UnsupportedFormat", "parse_encounter"]
