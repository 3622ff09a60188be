from enum import StrEnum


class ListEncountersSourceFormatType0(StrEnum):
    FHIR = "fhir"
    HL7V2 = "hl7v2"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
