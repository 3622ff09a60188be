"""The audit chain's one-statement append, for a writer that remembers the head it last committed.

Appending under the chain's lock in a transaction (BEGIN, lock, read the head, insert, COMMIT: five
round trips, `AuditChain.append`) cost a read through the gateway more Postgres and client work than any
of the three services' own reads, because at read rates the group commit's batches hold one entry or
two. A writer that knows the head it committed last can link the new entries itself and send them in one
statement, outside a transaction: the statement takes the same lock, then inserts only if the head is
still the one it linked to. The head moves under it when another writer appended (an intake batch, another
gateway replica): then nothing is inserted, or the primary key on `seq` refuses the whole statement, and
the writer appends the usual way. The chain cannot fork either way: an entry goes in only at `seq` = head
+ 1 with the head's hash as its `prev_hash`.
"""
from datetime import datetime

import asyncpg

from shared.telemetry import db_span
from services.gateway.domain.audit import Entry

# The advisory lock every writer of the chain holds until its transaction ends (here: the statement's).
CHAIN_LOCK = "pg_advisory_xact_lock(hashtext('audit_log'))"
# The lock as a condition of a statement's rows: an uncorrelated subquery, evaluated once, before the first row.
CHAIN_LOCKED = f"(SELECT true FROM (SELECT {CHAIN_LOCK}) AS held)"
# The chain's last entry's hash, as a statement's one-time condition compares it (NULL while the chain is empty).
HEAD_HASH = "(SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1)"
# The lock and the head check are uncorrelated subqueries, so Postgres evaluates them once, before the first
# row reaches the insert (a one-time filter): the lock is held before any entry is written, as in the
# transaction's path, so the two paths cannot deadlock on each other's rows.
_APPEND_AT_HEAD = f"""
INSERT INTO audit_log (seq, at, tenant_id, key_id, action, object_type, object_id, outcome, prev_hash, hash)
SELECT v.seq, $1, v.tenant_id, v.key_id, v.action, v.object_type, v.object_id, v.outcome, v.prev_hash, v.hash
  FROM unnest($2::int8[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::int4[], $9::text[],
              $10::text[]) AS v(seq, tenant_id, key_id, action, object_type, object_id, outcome, prev_hash, hash)
 WHERE {CHAIN_LOCKED}
   AND {HEAD_HASH} = $11
"""

# One entry (a read's batch at read rates, most of them) in a statement of its own shape, without arrays: the
# driver encodes nine scalars instead of nine one-element arrays, each element checked against the types an
# array may hold. The same condition, the same columns and the same casts, so the same row or none.
_APPEND_ONE_AT_HEAD = f"""
INSERT INTO audit_log (seq, at, tenant_id, key_id, action, object_type, object_id, outcome, prev_hash, hash)
SELECT $2::int8, $1, $3::uuid, $4::uuid, $5::text, $6::text, $7::text, $8::int4, $9::text, $10::text
 WHERE {CHAIN_LOCKED}
   AND {HEAD_HASH} = $11
"""


async def append_at_head(connection: asyncpg.Connection, rows: list[tuple[Entry, str, str]], *, at: datetime) -> bool:
    """Inserts the chained rows (linked after the head their first `prev_hash` names) in one statement if
    that is still the chain's head; False, with nothing written, if the head has moved."""
    if len(rows) == 1:
        (entry, prev, digest), = rows
        arguments = (_APPEND_ONE_AT_HEAD, at, entry.seq, entry.tenant_id, entry.key_id, entry.action,
                     entry.object_type, entry.object_id, entry.outcome, prev, digest, prev)
    else:
        entries = [entry for entry, _, _ in rows]
        arguments = (_APPEND_AT_HEAD, at, [e.seq for e in entries], [e.tenant_id for e in entries],
                     [e.key_id for e in entries], [e.action for e in entries], [e.object_type for e in entries],
                     [e.object_id for e in entries], [e.outcome for e in entries], [prev for _, prev, _ in rows],
                     [digest for _, _, digest in rows], rows[0][1])
    try:
        with db_span("INSERT"):
            status = await connection.execute(*arguments)
    except asyncpg.UniqueViolationError:  # another writer took seq head + 1 after this statement's snapshot
        return False
    return status == f"INSERT 0 {len(rows)}"


class ChainHead:
    """The chain's head (seq, hash) as this process last saw one of its writes commit: a guess that its next
    append links after and the appending statement checks, so a wrong one costs a statement, never an entry.
    The process's writers share it: one that appended moves it for the others."""

    def __init__(self):
        self.head: tuple[int, str] | None = None

    def committed(self, head: tuple[int, str]) -> None:
        self.head = head

    def forget(self, head: tuple[int, str]) -> None:
        """`head` proved to be no longer the chain's: unless another write has noted a newer one since."""
        if self.head == head:
            self.head = None
