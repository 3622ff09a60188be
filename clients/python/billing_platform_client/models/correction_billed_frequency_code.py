from enum import StrEnum


class CorrectionBilledFrequencyCode(StrEnum):
    VALUE_0 = "7"
    VALUE_1 = "8"

    def __str__(self) -> str:
        return str(self.value)
