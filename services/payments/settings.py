from typing import ClassVar

from shared.settings import PlatformSettings


class Settings(PlatformSettings):
    service_name: ClassVar[str] = "payments"
