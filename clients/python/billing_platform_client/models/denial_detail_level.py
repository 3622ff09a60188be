from enum import StrEnum


class DenialDetailLevel(StrEnum):
    CLAIM = "claim"
    LINE = "line"

    def __str__(self) -> str:
        return str(self.value)
