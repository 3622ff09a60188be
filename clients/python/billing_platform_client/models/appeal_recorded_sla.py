from enum import StrEnum


class AppealRecordedSla(StrEnum):
    AT_RISK = "at_risk"
    BREACHED = "breached"
    MET = "met"
    MISSED = "missed"
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
