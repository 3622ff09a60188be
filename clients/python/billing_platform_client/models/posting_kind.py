from enum import StrEnum


class PostingKind(StrEnum):
    PAYMENT = "payment"
    REVERSAL = "reversal"

    def __str__(self) -> str:
        return str(self.value)
