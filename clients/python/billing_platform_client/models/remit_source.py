from enum import StrEnum


class RemitSource(StrEnum):
    API = "api"
    CLEARINGHOUSE = "clearinghouse"

    def __str__(self) -> str:
        return str(self.value)
