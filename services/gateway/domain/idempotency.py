"""Idempotency-Key as pure rules: what a request finds under its key, and what an answer leaves behind.

The key is a reservation: the first request inserts it `in_progress` and runs; a twin that arrives
meanwhile waits for the first answer and replays it. Answers that say "try again" (5xx, 401, 403,
429) release the key instead of being kept, so the retry really runs.
"""
from dataclasses import dataclass
from enum import Enum

IN_PROGRESS = "in_progress"
COMPLETED = "completed"


class Found(str, Enum):
    REPLAY = "replay"  # the stored answer of the same request
    MISMATCH = "mismatch"  # the key was used for another request
    WAIT = "wait"  # the same request is still running elsewhere


@dataclass(frozen=True)
class StoredKey:
    tenant_id: str | None
    request_hash: str
    state: str


def on_conflict(stored: StoredKey, *, tenant_id: str | None, request_hash: str) -> Found:
    """What a request does when its key is already taken by a live record of the same credential."""
    if stored.tenant_id != tenant_id or stored.request_hash != request_hash:
        return Found.MISMATCH
    return Found.REPLAY if stored.state == COMPLETED else Found.WAIT


def keeps_answer(status_code: int) -> bool:
    """A final answer is kept for replay; one the client should retry frees the key."""
    return status_code < 500 and status_code not in (401, 403, 429)


def next_poll_delay(delay: float, *, cap: float = 0.25) -> float:
    return min(cap, delay * 2)
