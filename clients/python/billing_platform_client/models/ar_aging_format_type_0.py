from enum import StrEnum


class ArAgingFormatType0(StrEnum):
    CSV = "csv"
    JSON = "json"
    PDF = "pdf"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
