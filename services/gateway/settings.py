from typing import ClassVar

from pydantic import model_validator

from shared.settings import PlatformSettings


class Settings(PlatformSettings):
    service_name: ClassVar[str] = "gateway"

    coding_url: str = "http://127.0.0.1:8001"
    claims_url: str = "http://127.0.0.1:8002"
    payments_url: str = "http://127.0.0.1:8003"
    denials_url: str = "http://127.0.0.1:8004"
    admin_api_key: str = ""
    upstream_timeout_seconds: float = 10.0
    max_body_bytes: int = 5 * 1024 * 1024

    @model_validator(mode="after")
    def _admin_key_required(self) -> "Settings":
        if self.environment != "development" and len(self.admin_api_key) < 24:
            raise ValueError("ADMIN_API_KEY must be set (24+ characters) outside development")
        return self
