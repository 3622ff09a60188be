from enum import StrEnum


class CodingSettingsViewCptFile(StrEnum):
    DEPLOYMENT = "deployment"
    SAMPLE = "sample"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
