from typing import ClassVar

from pydantic import Field

from shared.settings import PlatformSettings


class Settings(PlatformSettings):
    service_name: ClassVar[str] = "coding"

    auto_accept_threshold: float = Field(default=0.9, ge=0, le=1)
