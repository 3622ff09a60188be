"""Opaque list cursors: base64url of "<iso time>|<uuid>", the sort key of the last row of a page.

A cursor that does not decode, or names a time or number the database cannot hold, is a 422 naming
`cursor`: it must never reach a query and come back as a 5xx.
"""
import base64
from datetime import datetime, timezone
from uuid import UUID

from shared.http.problems import Problem

SUSPENSE_ID_MAX = 2**31 - 1  # the payments service numbers suspense items with a Postgres integer
AUDIT_SEQ_MAX = 2**63 - 1  # audit_log.seq is a bigint


def encode_cursor(at: datetime, row_id: UUID) -> str:
    return base64.urlsafe_b64encode(f"{at.isoformat()}|{row_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[datetime, UUID] | None:
    if not cursor:
        return None
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, _, row_id = text.partition("|")
        parsed = datetime.fromisoformat(at)
        if parsed.tzinfo is None:
            raise ValueError("naive time")
        return parsed.astimezone(timezone.utc), UUID(row_id)  # out of range in UTC: OverflowError
    except (ValueError, UnicodeDecodeError, OverflowError) as exc:
        raise Problem(422, "Invalid cursor", "pass the next_cursor of a previous page",
                      errors=[{"field": "query.cursor", "message": "not a cursor"}]) from exc
