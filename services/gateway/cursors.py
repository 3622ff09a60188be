"""Opaque list cursors: base64url of "<iso time>|<uuid>", the sort key of the last row of a page."""
import base64
from datetime import datetime
from uuid import UUID

from shared.http.problems import Problem


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
        return parsed, UUID(row_id)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Problem(422, "Invalid cursor", "pass the next_cursor of a previous page",
                      errors=[{"field": "query.cursor", "message": "not a cursor"}]) from exc
