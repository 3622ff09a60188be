from enum import StrEnum


class DenialLevel(StrEnum):
    CLAIM = "claim"
    LINE = "line"

    def __str__(self) -> str:
        return str(self.value)
