"""The HTTP side of exports: gather every page of a list, answer with a file to download."""
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone

from fastapi import Response

from shared.http.problems import Problem
from services.gateway.exports.formats import CSV, PDF, XLSX, render
from services.gateway.exports.sheets import Sheet

MAX_ROWS = 50_000
EXPORT_RESPONSES = {200: {"content": {"application/json": {}, CSV: {"schema": {"type": "string"}},
                                      XLSX: {"schema": {"type": "string", "format": "binary"}}},
                          "description": "JSON, or with ?format=csv|xlsx (or Accept) a file to download"}}
REPORT_RESPONSES = {200: {"content": {**EXPORT_RESPONSES[200]["content"],
                                      PDF: {"schema": {"type": "string", "format": "binary"}}},
                          "description": "JSON, or with ?format=csv|xlsx|pdf (or Accept) a file"}}
FORMAT_DESCRIPTION = "json (default), csv or xlsx: the same rows as a spreadsheet download"


async def every_page(fetch: Callable[[str | None], Awaitable[dict]]) -> list[dict]:
    """Follows next_cursor until the end; an export larger than MAX_ROWS is refused, not cut short."""
    items: list[dict] = []
    cursor = None
    while True:
        page = await fetch(cursor)
        items += page.get("items", [])
        if len(items) > MAX_ROWS:
            raise Problem(422, "Export too large", f"narrow the filters: at most {MAX_ROWS} rows per export")
        cursor = page.get("next_cursor")
        if not cursor:
            return items


def file_response(sheets: list[Sheet], media_type: str, name: str) -> Response:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d")
    extension = "xlsx" if media_type == XLSX else "csv"
    return Response(render(sheets, media_type), media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{name}-{stamp}.{extension}"'})
