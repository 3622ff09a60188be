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
    breaker_failure_threshold: int = 5
    breaker_reset_seconds: float = 5.0
    rate_limit_per_second: float = 200.0  # per tenant, per gateway replica (see entrypoints/rate_limits.py)
    rate_limit_burst: int = 400
    # How long a key found live is trusted without asking Postgres again; a revoke made through another
    # replica takes effect here at most this much later (0 turns the cache off).
    credential_cache_seconds: float = 5.0
    webhook_timeout_seconds: float = 5.0
    webhook_max_attempts: int = 12  # 5 s doubling to an hour: about 2.5 hours of tries
    webhook_backoff_base_seconds: float = 5.0
    # Webhook targets are https on public addresses in every environment. A receiver on this machine
    # (the e2e tests' own, a developer's) needs http and a loopback address: this switch allows exactly
    # that, never private or link-local addresses, and only development and test may turn it on.
    webhook_allow_loopback_receivers: bool = False

    @model_validator(mode="after")
    def _admin_key_required(self) -> "Settings":
        if self.environment != "development" and len(self.admin_api_key) < 24:
            raise ValueError("ADMIN_API_KEY must be set (24+ characters) outside development")
        if self.rate_limit_per_second <= 0 or self.rate_limit_burst < 1:
            raise ValueError("RATE_LIMIT_PER_SECOND must be > 0 and RATE_LIMIT_BURST >= 1")
        if self.webhook_allow_loopback_receivers and self.environment not in ("development", "test"):
            raise ValueError("WEBHOOK_ALLOW_LOOPBACK_RECEIVERS may only be set in development or test")
        return self
