from enum import StrEnum


class DepositRecordedMethod(StrEnum):
    CHK = "CHK"
    EFT = "EFT"

    def __str__(self) -> str:
        return str(self.value)
