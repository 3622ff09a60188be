"""API keys: random, shown once, stored as SHA-256; a key maps to one tenant and its scopes."""
import hashlib
import hmac
import re
import secrets

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
