from enum import StrEnum


class StatementCycleStatus(StrEnum):
    CREDIT = "credit"
    IN_CYCLE = "in_cycle"
    SETTLED = "settled"

    def __str__(self) -> str:
        return str(self.value)
