"""The signed internal token the gateway passes to services: tenant and key id, HMAC-SHA256, short-lived.

Services trust the tenant only from this token, never from a request body.
Format: base64url(json claims) "." base64url(hmac). Small and dependency-free on purpose.
"""
import base64
import hashlib
import hmac
import time
from dataclasses import dataclass

import orjson

HEADER = "X-Internal-Token"
DEFAULT_TTL_SECONDS = 300


class InvalidInternalToken(Exception):
    """The token is missing, malformed, forged or expired."""


@dataclass(frozen=True)
class Caller:
    tenant_id: str
    key_id: str
    scopes: tuple[str, ...] = ()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(secret: str, body: str) -> str:
    return _b64(hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest())


def issue_token(secret: str, caller: Caller, ttl_seconds: int = DEFAULT_TTL_SECONDS, *, now: float | None = None) -> str:
    issued_at = time.time() if now is None else now
    claims = {"t": caller.tenant_id, "k": caller.key_id, "s": list(caller.scopes), "exp": int(issued_at) + ttl_seconds}
    body = _b64(orjson.dumps(claims))
    return f"{body}.{_sign(secret, body)}"


class TokenIssuer:
    """Signs a caller's token once and hands the same one out for half its life: the gateway calls the
    services several times per request for the same caller, and signing (JSON, base64, HMAC) every call
    cost a twentieth of its CPU per claim view. A token handed out has at least half its TTL left, so it
    cannot expire on its way; the credential behind it is checked on every request before any call."""

    def __init__(self, secret: str, ttl_seconds: int = DEFAULT_TTL_SECONDS, clock=time.time, max_entries: int = 10_000):
        self._secret = secret
        self._ttl = ttl_seconds
        self._clock = clock
        self._max = max_entries
        self._issued: dict[Caller, tuple[float, str]] = {}

    def token(self, caller: Caller) -> str:
        now = self._clock()
        issued = self._issued.get(caller)
        if issued is not None and now - issued[0] < self._ttl / 2:
            return issued[1]
        if len(self._issued) >= self._max:
            self._issued.clear()
        token = issue_token(self._secret, caller, self._ttl, now=now)
        self._issued[caller] = (now, token)
        return token


def verify_token(secret: str, token: str | None) -> Caller:
    caller, expires = _verify_signed(secret, token)
    if expires < time.time():
        raise InvalidInternalToken("internal token expired")
    return caller


def _verify_signed(secret: str, token: str | None) -> tuple[Caller, int]:
    """The caller a token names and when it expires, once its signature matches; expiry is the caller's check."""
    if not token or token.count(".") != 1:
        raise InvalidInternalToken("missing or malformed internal token")
    body, signature = token.split(".")
    if not hmac.compare_digest(signature.encode(), _sign(secret, body).encode()):  # bytes: any header text
        raise InvalidInternalToken("internal token signature does not match")
    try:
        claims = orjson.loads(_unb64(body))
        caller = Caller(tenant_id=str(claims["t"]), key_id=str(claims["k"]), scopes=tuple(claims.get("s", ())))
        expires = int(claims["exp"])
    except (ValueError, KeyError, TypeError) as exc:
        raise InvalidInternalToken("internal token claims are malformed") from exc
    return caller, expires


class TokenVerifier:
    """Verifies each distinct token once and remembers the verdict until the token expires.

    The gateway hands the same token out for half its life (TokenIssuer), so a service sees a handful of
    distinct tokens and verified each of them on every request: base64, HMAC, JSON and a dataclass, the
    largest part of its own code per GET. Only tokens whose signature matched are remembered, keyed by
    their exact text, so a forged or altered token is checked (and refused) every time; a remembered one
    is refused again once its expiry passes, as verify_token would. Bounded: past `max_entries` distinct
    tokens the memory starts over."""

    def __init__(self, secret: str, clock=time.time, max_entries: int = 10_000):
        self._secret = secret
        self._clock = clock
        self._max = max_entries
        self._verified: dict[str, tuple[Caller, int]] = {}

    def verify(self, token: str | None) -> Caller:
        verdict = self._verified.get(token) if token else None
        if verdict is None:
            verdict = _verify_signed(self._secret, token)
            if len(self._verified) >= self._max:
                self._verified.clear()
            self._verified[token] = verdict
        caller, expires = verdict
        if expires < self._clock():
            self._verified.pop(token, None)
            raise InvalidInternalToken("internal token expired")
        return caller
