"""Event contracts: the envelope, one payload model per event type, and the topic each goes to."""
from shared.contracts.envelope import Envelope
from shared.contracts.registry import EVENT_TYPES, EventType, event_type_for, payload_model

__all__ = ["Envelope", "EVENT_TYPES", "EventType", "event_type_for", "payload_model"]
