from typing import ClassVar

from shared.settings import PlatformSettings


class Settings(PlatformSettings):
    service_name: ClassVar[str] = "payments"
    receives_clearinghouse_callbacks: ClassVar[bool] = True
