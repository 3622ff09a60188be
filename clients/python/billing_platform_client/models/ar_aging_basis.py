from enum import StrEnum


class ArAgingBasis(StrEnum):
    DATE_OF_SERVICE = "date_of_service"
    SUBMISSION = "submission"

    def __str__(self) -> str:
        return str(self.value)
