"""Intake: JSON, FHIR R4 Bundle and HL7 v2 DFT^P03 all become one EncounterIn."""
from services.gateway.intake.errors import IntakeError, UnsupportedFormat
from services.gateway.intake.model import EncounterIn

JSON_TYPES = ("application/json", "")
FHIR_TYPES = ("application/fhir+json",)
HL7_TYPES = ("x-application/hl7-v2+er7", "application/hl7-v2", "text/plain")


def parse_encounter(content_type: str, raw: bytes) -> tuple[EncounterIn, str]:
    """Returns the encounter and its source format; raises IntakeError or pydantic's ValidationError."""
    media_type = content_type.split(";")[0].strip().lower()
    if media_type in JSON_TYPES:
        return EncounterIn.model_validate_json(raw), "json"
    if media_type in FHIR_TYPES:
        from services.gateway.intake.fhir_r4 import parse_fhir_bundle

        return parse_fhir_bundle(raw), "fhir"
    if media_type in HL7_TYPES:
        from services.gateway.intake.hl7v2 import parse_dft_p03

        return parse_dft_p03(raw), "hl7v2"
    raise UnsupportedFormat(content_type)


__all__ = ["EncounterIn", "IntakeError", "UnsupportedFormat", "parse_encounter"]
