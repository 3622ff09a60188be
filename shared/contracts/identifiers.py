"""Claim identity: the patient control number (CLM01) and the claim id derive from each other.

CLM01 holds at most 20 characters, too few for a UUID. A claim's id is therefore a UUIDv5 of its
tenant and PCN, so any service that reads a CLP01 back from an 835 knows the claim id without
asking anyone (no race between a remittance and the claim's own events).
"""
import base64
import secrets
import uuid

_NAMESPACE = uuid.UUID("6f1c3a2e-4d0b-5c8e-9a7f-3b2d1e0c9a88")


def new_patient_control_number() -> str:
    """20 characters of Crockford-free base32: 100 random bits, safe in X12 element values."""
    return base64.b32encode(secrets.token_bytes(15)).decode()[:20]


def claim_id_for(tenant_id: uuid.UUID | str, patient_control_number: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"{tenant_id}:{patient_control_number.strip().upper()}")
