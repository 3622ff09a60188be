from enum import StrEnum


class SuspenseItemKind(StrEnum):
    CORRECTION = "correction"
    OVERPAYMENT = "overpayment"
    PAYMENT = "payment"
    WRITE_OFF = "write_off"

    def __str__(self) -> str:
        return str(self.value)
