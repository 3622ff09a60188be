from typing import ClassVar

from shared.settings import PlatformSettings


class Settings(PlatformSettings):
    service_name: ClassVar[str] = "denials"

    default_appeal_days: int = 90
