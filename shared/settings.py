"""The settings base every service extends: one class per service, failing fast on unsafe config."""
from typing import ClassVar, Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url

DEV_SECRET = "dev-only-internal-secret-0000000000"


class PlatformSettings(BaseSettings):
    """Read from the environment. Outside development, default secrets are refused."""

    model_config = SettingsConfigDict(env_file=None, extra="ignore", frozen=True)

    service_name: ClassVar[str] = "platform"

    environment: Literal["development", "test", "production"] = "development"
    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    database_url: str = "postgresql://postgres@127.0.0.1:5432/postgres"
    internal_token_secret: str = DEV_SECRET
    otel_exporter_otlp_endpoint: str | None = None
    span_log_dir: str | None = None
    log_level: str = "INFO"
    db_pool_size: int = 10
    # Published outbox rows hold PHI: kept this long for diagnosis, then deleted.
    outbox_retention_hours: float = Field(default=24, gt=0)
    # Must exceed the topics' retention (7 days) so every possible redelivery is still recognised.
    inbox_retention_days: float = Field(default=14, gt=0)
    # Liveness fails when the consumer loop or the outbox relay has not turned for this long.
    health_stale_seconds: float = Field(default=120, gt=0)

    @model_validator(mode="after")
    def _refuse_unsafe_defaults(self) -> "PlatformSettings":
        if self.environment == "production" and self.internal_token_secret == DEV_SECRET:
            raise ValueError("INTERNAL_TOKEN_SECRET must be set outside development")
        if len(self.internal_token_secret) < 32:
            raise ValueError("INTERNAL_TOKEN_SECRET must be at least 32 characters")
        return self

    @property
    def database_name(self) -> str:
        return f"billing_{self.service_name}"

    def service_database_url(self) -> str:
        """DATABASE_URL names a server; each service owns its own database on it (asyncpg driver)."""
        url = make_url(self.database_url).set(drivername="postgresql+asyncpg", database=self.database_name)
        return url.render_as_string(hide_password=False)
