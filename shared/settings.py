"""The settings base every service extends: one class per service, failing fast on unsafe config."""
from typing import ClassVar, Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url

DEV_SECRET = "dev-only-internal-secret-0000000000"


class KafkaSettings(BaseSettings):
    """How a process reaches the broker and proves who it is. Tools (the DLQ admin, tests) read it alone."""

    model_config = SettingsConfigDict(env_file=None, extra="ignore", frozen=True)

    environment: Literal["development", "test", "production"] = "development"
    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    kafka_security_protocol: Literal["PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["SCRAM-SHA-512", "SCRAM-SHA-256"] = "SCRAM-SHA-512"
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_cafile: str | None = None
    kafka_ssl_certfile: str | None = None
    kafka_ssl_keyfile: str | None = None
    # "1" only for the benchmark's relaxed run, which prices durability; never in production.
    kafka_acks: Literal["all", "1"] = "all"
    # Partitions of each topic provisioning creates: the most replicas of one service that can share its
    # work. Each fetch lists every partition its consumer holds and the broker reads them all at every
    # fetch, so partitions nobody needs cost broker CPU per fetch. One broker on two cores runs one
    # replica of each service (two: room for a second during a rolling restart); a cluster sets it to
    # the replicas it plans (deploy/k8s: 6, its autoscaler's maximum). Existing topics keep theirs.
    kafka_topic_partitions: int = Field(2, ge=1)

    @model_validator(mode="after")
    def _refuse_anonymous_brokers(self) -> "KafkaSettings":
        if self.environment == "production" and self.kafka_security_protocol == "PLAINTEXT":
            raise ValueError("KAFKA_SECURITY_PROTOCOL must be SASL_SSL or SASL_PLAINTEXT outside development")
        if self.environment == "production" and self.kafka_acks != "all":
            raise ValueError("KAFKA_ACKS must be 'all' in production")
        if self.kafka_security_protocol.startswith("SASL_") and not (
                self.kafka_sasl_username and self.kafka_sasl_password):
            raise ValueError(f"KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required with "
                             f"KAFKA_SECURITY_PROTOCOL={self.kafka_security_protocol}")
        if self.kafka_security_protocol != "SASL_SSL" and (self.kafka_ssl_cafile or self.kafka_ssl_certfile):
            raise ValueError("KAFKA_SSL_* files are used only with KAFKA_SECURITY_PROTOCOL=SASL_SSL")
        if bool(self.kafka_ssl_certfile) != bool(self.kafka_ssl_keyfile):
            raise ValueError("KAFKA_SSL_CERTFILE and KAFKA_SSL_KEYFILE go together")
        return self


class PlatformSettings(KafkaSettings):
    """Read from the environment. Outside development, default secrets are refused."""

    service_name: ClassVar[str] = "platform"
    receives_clearinghouse_callbacks: ClassVar[bool] = False

    database_url: str = "postgresql://postgres@127.0.0.1:5432/postgres"
    internal_token_secret: str = DEV_SECRET
    otel_exporter_otlp_endpoint: str | None = None
    span_log_dir: str | None = None
    log_level: str = "INFO"
    db_pool_size: int = 10
    clearinghouse_callback_key: SecretStr | None = None
    # Must exceed the topics' retention (7 days) so every possible redelivery is still recognised.
    inbox_retention_days: float = Field(default=14, gt=0)
    # A consumer's fetch waits up to this long for this many bytes. The broker answers a fetch the
    # moment a record lands (1 byte), so the wait only paces an idle consumer's polling: every empty
    # fetch lists each assigned partition and costs the broker a full read of them, twice.
    kafka_fetch_max_wait_ms: int = Field(default=500, ge=0, le=500)
    kafka_fetch_min_bytes: int = Field(default=1, ge=1)
    # Handled batches' offsets are committed together this often (and before partitions move, at a
    # stop and after a dead letter): a crash redelivers at most this much, which the inbox drops.
    kafka_commit_interval_seconds: float = Field(default=0.5, ge=0, le=5)
    # Liveness fails when the consumer loop or the outbox relay has not turned for this long.
    health_stale_seconds: float = Field(default=120, gt=0)
    # A consumer loop or outbox relay that has not turned for this long is restarted inside the process (a
    # fresh consumer from the committed offsets, a new producer); shorter than `health_stale_seconds`, so it
    # heals before liveness fails.
    loop_stall_seconds: float = Field(default=90, gt=0)

    @model_validator(mode="after")
    def _refuse_unsafe_defaults(self) -> "PlatformSettings":
        if self.environment == "production" and self.internal_token_secret == DEV_SECRET:
            raise ValueError("INTERNAL_TOKEN_SECRET must be set outside development")
        if len(self.internal_token_secret) < 32:
            raise ValueError("INTERNAL_TOKEN_SECRET must be at least 32 characters")
        key = self.clearinghouse_callback_key
        if self.receives_clearinghouse_callbacks and self.environment == "production" and key is None:
            raise ValueError("CLEARINGHOUSE_CALLBACK_KEY must be set: the clearinghouse calls back with it")
        if key is not None and len(key.get_secret_value()) < 32:
            raise ValueError("CLEARINGHOUSE_CALLBACK_KEY must be at least 32 characters")
        return self

    @property
    def database_name(self) -> str:
        return f"billing_{self.service_name}"

    def service_database_url(self) -> str:
        """DATABASE_URL names a server; each service owns its own database on it (asyncpg driver)."""
        url = make_url(self.database_url).set(drivername="postgresql+asyncpg", database=self.database_name)
        return url.render_as_string(hide_password=False)
