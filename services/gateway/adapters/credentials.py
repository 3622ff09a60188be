"""API keys: random, shown once, stored as SHA-256; a key maps to one tenant and its scopes, and a key
found live is remembered for a few seconds."""
import asyncio
import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass

from shared.internal_auth import Caller
from services.gateway.entrypoints.rate_limits import Limit

SCOPES = ("ehr:push", "billing:read", "billing:write", "admin")
# Keys we issue are "bk_"/"adm_" + URL-safe base64; anything outside printable ASCII is not a key.
_TOKEN = re.compile(r"^[\x21-\x7e]{1,512}$")


class MalformedCredential(ValueError):
    """The Authorization header is missing, not Bearer, or carries bytes no key can contain."""


def new_api_key() -> tuple[str, str, str]:
    """Returns (key, prefix, hash). The key is 32 random bytes: a fast hash is enough for it."""
    key = "bk_" + secrets.token_urlsafe(32)
    return key, key[:10], hash_key(key)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def bearer_token(header: str | None) -> str:
    """The key of an `Authorization: Bearer <key>` header, or MalformedCredential."""
    scheme, _, key = (header or "").partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key:
        raise MalformedCredential("send Authorization: Bearer <api key>")
    if not _TOKEN.match(key):
        raise MalformedCredential("the Authorization header is malformed")
    return key


def same_secret(presented: str, expected: str) -> bool:
    """Constant-time comparison on bytes: compare_digest refuses non-ASCII str (a 500, not a 401)."""
    return bool(expected) and hmac.compare_digest(presented.encode(), expected.encode())


@dataclass(frozen=True)
class LiveCredential:
    caller: Caller
    limit: Limit | None  # the tenant's own rate limit; None: the gateway's default
    owner: str  # the key's hash: the owner of the Idempotency-Keys it sends


class CredentialCache:
    """Live credentials for a few seconds: a key is looked up in Postgres once per `ttl_seconds`, not on
    every request. Only a key found live is kept: an unknown or revoked key is looked up every time, so a
    new key works at once and a failed lookup never passes.

    The gateway keys it by the Authorization header as presented: a header found here was read, checked
    and hashed when its key was found live, so a request repeating it skips those steps. Since that header
    is the key itself, entries whose time is up are swept out at the next lookup's answer once per
    `ttl_seconds`, so a key no longer sent leaves the process's memory too, not only the cache's answers.

    A revoke (or a tenant's new rate limit) drops the entries in the process that made it, right after
    its commit; a lookup that began before the drop is not kept (the generation moved on), so it cannot
    put the revoked row back. Another gateway replica keeps honouring its copy until it expires, at most
    `ttl_seconds` later: that is the whole window in which a revoked key still works.

    Concurrent requests with a key not in the cache share one lookup: when an entry expires under
    load, the requests in flight ask Postgres once, not once each.
    """

    def __init__(self, ttl_seconds: float, clock=time.monotonic, max_entries: int = 10_000):
        self._ttl = ttl_seconds
        self._clock = clock
        self._max = max_entries
        self._entries: dict[str, tuple[float, LiveCredential]] = {}
        self._lookups: dict[str, asyncio.Future] = {}
        self._sweep_at = clock() + ttl_seconds
        self.generation = 0

    async def get_or_fetch(self, presented: str, fetch) -> LiveCredential | None:
        """The cached credential, else `await fetch()` (shared by every concurrent caller), kept when live."""
        found = self.get(presented)
        if found is not None:
            return found
        lookup = self._lookups.get(presented)
        if lookup is None:
            lookup = self._lookups[presented] = asyncio.ensure_future(self._fetch(presented, fetch))
            lookup.add_done_callback(lambda _: self._lookups.pop(presented, None))
        return await asyncio.shield(lookup)

    async def _fetch(self, presented: str, fetch) -> LiveCredential | None:
        generation = self.generation
        found = await fetch()
        if found is not None:
            self.put(presented, found, generation=generation)
        return found

    def get(self, presented: str) -> LiveCredential | None:
        entry = self._entries.get(presented)
        if entry is None:
            return None
        if entry[0] <= self._clock():
            self._entries.pop(presented, None)
            return None
        return entry[1]

    def put(self, presented: str, credential: LiveCredential, *, generation: int) -> None:
        """Keep a lookup's answer, unless something was dropped since the lookup began."""
        if generation != self.generation or self._ttl <= 0:
            return
        now = self._clock()
        if now >= self._sweep_at:
            self._entries = {presented: entry for presented, entry in self._entries.items() if entry[0] > now}
            self._sweep_at = now + self._ttl
        if len(self._entries) >= self._max:
            self._entries.clear()  # simpler than LRU; a full cache only means one lookup more per key
        self._entries[presented] = (now + self._ttl, credential)

    def forget_key(self, key_id) -> None:
        self._forget(lambda credential: credential.caller.key_id == str(key_id))

    def forget_tenant(self, tenant_id) -> None:
        self._forget(lambda credential: credential.caller.tenant_id == str(tenant_id))

    def _forget(self, matches) -> None:
        self.generation += 1
        for presented in [h for h, (_, credential) in self._entries.items() if matches(credential)]:
            del self._entries[presented]
