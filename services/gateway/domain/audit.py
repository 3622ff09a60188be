"""The audit log's rules, pure: what a request is (object, id, action) and the hash chain over entries.

Each entry's hash is SHA-256 over the previous entry's hash and every field of the entry, so changing,
removing or reordering any entry breaks every hash after it; `verify_chain` names the first break.
"""
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

GENESIS = "0" * 64
# Routes that touch no patient data: the tenant's own settings, and aggregates.
NOT_PHI = frozenset({"tenants", "keys", "webhooks", "audit", "admin", "payers", "reports"})
OBJECT_TYPES = {"review-queue": "encounter", "suspense": "payment"}
VERBS = {"GET": "read", "POST": "create", "PUT": "update", "PATCH": "update", "DELETE": "delete"}


@dataclass(frozen=True)
class Target:
    object_type: str
    object_id: str | None
    action: str


@dataclass(frozen=True)
class Entry:
    seq: int
    at: datetime
    tenant_id: str
    key_id: str
    action: str
    object_type: str
    object_id: str | None
    outcome: int


def audit_target(method: str, route: str, path_params: dict) -> Target | None:
    """`GET /v1/claims/{claim_id}/837` -> (claim, <id>, read:837); None for routes without PHI.

    Derived from the route template, so a new route under /v1 is audited without anyone listing it.
    """
    segments = [s for s in route.split("/") if s]
    if len(segments) < 2 or segments[0] != "v1" or segments[1] in NOT_PHI or method not in VERBS:
        return None
    collection = segments[1]
    object_type = OBJECT_TYPES.get(collection, collection[:-1] if collection.endswith("s") else collection)
    params = [s[1:-1] for s in segments[2:] if s.startswith("{")]
    object_id = str(path_params.get(params[0])) if params and params[0] in path_params else None
    suffix = [s for s in segments[2:] if not s.startswith("{")]
    verb = VERBS[method]
    if method == "GET":
        action = "read" if object_id else "list"
        return Target(object_type, object_id, f"{action}:{suffix[-1]}" if suffix else action)
    return Target(object_type, object_id, suffix[-1] if suffix and method == "POST" else verb)


# json.dumps with these separators builds an encoder per call; the entries of a batch share this one.
_COMPACT_JSON = json.JSONEncoder(separators=(",", ":"))


def entry_hash(prev_hash: str, entry: Entry) -> str:
    return _hash_at(prev_hash, entry, _hashed_time(entry.at))


def _hashed_time(at: datetime) -> str:
    return at.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _hash_at(prev_hash: str, entry: Entry, at: str) -> str:
    """`entry_hash` with the entry's time already as the hash spells it (a batch's entries share one)."""
    fields = [prev_hash, entry.seq, at, entry.tenant_id, entry.key_id, entry.action, entry.object_type,
              entry.object_id, entry.outcome]
    return hashlib.sha256(_COMPACT_JSON.encode(fields).encode()).hexdigest()


def chained(entries: list[dict], *, at: datetime, after_seq: int, after_hash: str) -> list[tuple[Entry, str, str]]:
    """The entries (tenant_id, key_id, action, object_type, object_id, outcome) numbered and linked after
    the chain's head: (entry, prev_hash, hash) each, the rows `verify_chain` checks."""
    rows, seq, prev, hashed_at = [], after_seq, after_hash, _hashed_time(at)
    for fields in entries:
        seq += 1
        entry = Entry(seq=seq, at=at, tenant_id=str(fields["tenant_id"]), key_id=str(fields["key_id"]),
                      action=fields["action"], object_type=fields["object_type"], object_id=fields["object_id"],
                      outcome=fields["outcome"])
        digest = _hash_at(prev, entry, hashed_at)
        rows.append((entry, prev, digest))
        prev = digest
    return rows


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    last_hash: str
    first_bad_seq: int | None = None
    reason: str | None = None


def verify_chain(rows: Iterable[tuple[Entry, str, str]], *, start_seq: int = 1, start_hash: str = GENESIS) -> ChainCheck:
    """rows: (entry, prev_hash, hash) in seq order. Checks numbering, links and every hash."""
    expected_seq, prev, count = start_seq, start_hash, 0
    for entry, stored_prev, stored_hash in rows:
        count += 1
        if entry.seq != expected_seq:
            return ChainCheck(False, count, prev, entry.seq, f"expected entry {expected_seq}: entries are missing")
        if stored_prev != prev:
            return ChainCheck(False, count, prev, entry.seq, "does not link to the entry before it")
        if entry_hash(prev, entry) != stored_hash:
            return ChainCheck(False, count, prev, entry.seq, "its fields do not match its hash")
        prev, expected_seq = stored_hash, expected_seq + 1
    return ChainCheck(True, count, prev)
