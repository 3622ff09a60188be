from enum import StrEnum


class RefundOverpaymentMethod(StrEnum):
    ACH = "ach"
    CHECK = "check"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
