"""Webhooks as pure rules: which platform events a tenant hears about and as what, the signature,
the retry schedule and which targets (URL, resolved addresses) are acceptable.

Payloads carry ids, codes and amounts only: never a patient's name, birth date, member id or note.
"""
import hashlib
import hmac
import ipaddress
from collections.abc import Sequence
from urllib.parse import urlsplit
from uuid import UUID

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")

EVENT_TYPES = ("claim.accepted", "claim.rejected", "claim.paid", "claim.denied")
SIGNATURE_HEADER = "Webhook-Signature"
PROCESSED_STATUS_CODES = frozenset({"1", "2", "3", "19", "20", "21"})


def public_event(event_type: str, payload: dict) -> tuple[str, dict] | None:
    """The webhook (type, data) for a platform event, or None when tenants are not told about it."""
    if event_type == "claim.acknowledged":
        if payload["accepted"] and payload["source"] == "277CA":
            return "claim.accepted", {"claim_id": payload["claim_id"], "source": payload["source"],
                                      "payer_claim_control_number": payload.get("payer_claim_control_number")}
        if not payload["accepted"]:
            return "claim.rejected", {"claim_id": payload["claim_id"], "source": payload["source"],
                                      "reason_count": len(payload.get("reasons", []))}
        return None  # a 999 acceptance only says the file was well formed
    if event_type == "payment.posted":
        # Adjudicated and processed (CLP02 1-3, 19-21): "paid" even when the payer's share is zero
        # (a deductible); a denial (4) arrives as claim.denied, a reversal (22) is not a payment.
        if payload.get("reversal") or payload.get("status_code") not in PROCESSED_STATUS_CODES:
            return None
        return "claim.paid", {key: payload.get(key) for key in (
            "claim_id", "remit_id", "status_code", "paid", "patient_responsibility", "claim_balance")}
    if event_type == "denial.opened":
        return "claim.denied", {key: payload.get(key) for key in (
            "claim_id", "denial_id", "remit_id", "payer_id", "level", "procedure_code", "carc_codes",
            "category", "amount")}
    return None


def deliveries_for(envelope, endpoints: Sequence[tuple[UUID, Sequence[str]]]) -> list[dict]:
    """Pending delivery rows of one platform event: one per endpoint of its tenant listening for its
    webhook type (`endpoints`: the tenant's enabled ones, id and event types). The payload is built only
    when someone listens."""
    if not endpoints:
        return []
    event = public_event(envelope.event_type, envelope.payload.model_dump(mode="json"))
    if event is None:
        return []
    event_type, data = event
    body = {"id": str(envelope.event_id), "type": event_type, "created": envelope.occurred_at.isoformat(), "data": data}
    return [{"tenant_id": envelope.tenant_id, "endpoint_id": endpoint_id, "event_id": envelope.event_id,
             "event_type": event_type, "payload": body, "status": "pending", "attempts": 0}
            for endpoint_id, listened in endpoints if event_type in listened]


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """Stripe-style: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>`."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(secret: str, header: str, body: bytes, *, now: int, tolerance_seconds: int = 300) -> bool:
    """What a receiver does: recompute the HMAC and refuse old timestamps (replays)."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (ValueError, KeyError):
        return False
    if abs(now - timestamp) > tolerance_seconds:
        return False
    presented = f"t={timestamp},v1={parts.get('v1', '')}"
    return hmac.compare_digest(sign(secret, timestamp, body).encode(), presented.encode())


def retry_delay_seconds(attempts: int, *, base: float, cap: float = 3600.0, jitter: float = 0.0) -> float:
    """Exponential backoff after the `attempts`-th failure: base, 2*base, 4*base ... capped.

    `jitter` in [0, 1) stretches the delay by up to 20% so endpoints that failed together retry apart.
    """
    return min(cap, base * 2 ** max(0, attempts - 1)) * (1 + 0.2 * jitter)


def target_url_problem(url: str) -> str | None:
    """Why a URL's form cannot receive webhooks, or None; where it points is `addresses_problem`'s."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return "must be an absolute https URL"
    if parts.username or parts.password:
        return "must not carry credentials"
    try:
        parts.port  # noqa: B018 - raises on a port out of range
    except ValueError:
        return "has an invalid port"
    return None


def address_problem(address: Address, *, allow_loopback: bool) -> str | None:
    """Why one resolved address must not be called, or None.

    A webhook must not become a way into our own network (server-side request forgery): only
    global unicast addresses are called; loopback only when local receivers are allowed.
    """
    address = _embedded_ipv4(address) or address
    if address.is_loopback:
        return None if allow_loopback else "must not point at a loopback address"
    if address.is_unspecified or address.is_multicast or address.is_link_local or address.is_reserved:
        return "must not point at a reserved, multicast or link-local address"
    if address.is_private or not address.is_global:
        return "must not point at a private address"
    return None


def addresses_problem(scheme: str, addresses: list[Address], *, allow_loopback: bool) -> str | None:
    """Every address the host resolves to must be acceptable; plain http only to a local receiver."""
    if not addresses:
        return "does not resolve to an address"
    for address in addresses:
        problem = address_problem(address, allow_loopback=allow_loopback)
        if problem:
            return problem
    if scheme != "https" and not (allow_loopback and all(_loopback(a) for a in addresses)):
        return "must use https"
    return None


def _loopback(address: Address) -> bool:
    return (_embedded_ipv4(address) or address).is_loopback


def _embedded_ipv4(address: Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (IPv4-mapped, 6to4, NAT64), judged as itself."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.ipv4_mapped or address.sixtofour
