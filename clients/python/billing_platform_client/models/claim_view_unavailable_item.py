from enum import StrEnum


class ClaimViewUnavailableItem(StrEnum):
    DENIALS = "denials"
    PAYMENTS = "payments"

    def __str__(self) -> str:
        return str(self.value)
