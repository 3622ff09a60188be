"""Webhooks as pure rules: which platform events a tenant hears about and as what, the signature,
the retry schedule and which target URLs are acceptable.

Payloads carry ids, codes and amounts only: never a patient's name, birth date, member id or note.
"""
import hashlib
import hmac
import ipaddress
from urllib.parse import urlsplit

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
    return hmac.compare_digest(sign(secret, timestamp, body), f"t={timestamp},v1={parts.get('v1', '')}")


def retry_delay_seconds(attempts: int, *, base: float, cap: float = 3600.0, jitter: float = 0.0) -> float:
    """Exponential backoff after the `attempts`-th failure: base, 2*base, 4*base ... capped.

    `jitter` in [0, 1) stretches the delay by up to 20% so endpoints that failed together retry apart.
    """
    return min(cap, base * 2 ** max(0, attempts - 1)) * (1 + 0.2 * jitter)


def target_url_problem(url: str, *, allow_private: bool) -> str | None:
    """Why a URL cannot receive webhooks, or None. Private and loopback addresses are refused in
    production (a webhook must not become a way into our own network)."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return "must be an absolute http(s) URL"
    if parts.username or parts.password:
        return "must not carry credentials"
    if allow_private:
        return None
    if parts.scheme != "https":
        return "must use https"
    host = parts.hostname
    if host == "localhost" or host.endswith(".localhost") or host.endswith(".internal"):
        return "must not point at a private host"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
        return "must not point at a private address"
    return None
