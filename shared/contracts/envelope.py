"""The JSON envelope every Kafka message carries."""
from datetime import datetime, timezone
from typing import Any, Generic, TypeVar
from uuid import UUID, uuid4

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

PayloadT = TypeVar("PayloadT", bound=BaseModel)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Envelope(BaseModel, Generic[PayloadT]):
    """Consumers ignore unknown fields, so producers may add fields within a schema_version."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    event_id: UUID = Field(default_factory=uuid4)
    event_type: str
    schema_version: int = 1
    occurred_at: AwareDatetime = Field(default_factory=utcnow)
    tenant_id: UUID
    subject_id: UUID = Field(description="The encounter or claim id; also the Kafka key, so one claim's events stay ordered.")
    payload: PayloadT


class RawEnvelope(Envelope[Any]):  # type: ignore[type-var]
    """Envelope whose payload is still a dict: what a consumer sees before it knows the payload type."""

    payload: dict[str, Any]
