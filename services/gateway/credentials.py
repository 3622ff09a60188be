"""API keys: random, shown once, stored as SHA-256; a key maps to one tenant and its scopes."""
import hashlib
import secrets

SCOPES = ("ehr:push", "billing:read", "billing:write", "admin")


def new_api_key() -> tuple[str, str, str]:
    """Returns (key, prefix, hash). The key is 32 random bytes: a fast hash is enough for it."""
    key = "bk_" + secrets.token_urlsafe(32)
    return key, key[:10], hash_key(key)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()
