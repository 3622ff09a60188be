from enum import StrEnum


class SuspenseItemStatus(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    POSTED = "posted"

    def __str__(self) -> str:
        return str(self.value)
