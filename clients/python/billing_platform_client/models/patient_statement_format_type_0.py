from enum import StrEnum


class PatientStatementFormatType0(StrEnum):
    HTML = "html"
    PDF = "pdf"

    def __str__(self) -> str:
        return str(self.value)
