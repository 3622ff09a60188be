from enum import StrEnum


class BulkResultAction(StrEnum):
    ASSIGN = "assign"
    WRITE_OFF = "write-off"

    def __str__(self) -> str:
        return str(self.value)
