"""Refuses a NUL character in the path, query or a JSON body (422 problem+json) before a route sees it.

No billing identifier or text contains one, and Postgres cannot store one in text: passed on, it
turns into a database error (schemathesis found exactly that on GET /v1/denials?status=...).
The body size limit runs before this, so the body read here is bounded.
"""
from urllib.parse import unquote_to_bytes

import orjson

from shared.http.body_limit import read_body, replay_body
from shared.http.problems import problem_response
from services.gateway.intake.control_chars import control_problems

NUL_IN_JSON = (b"\x00", b"\\u0000")
RAW_NUL = [{"field": "body", "message": "holds a NUL byte; remove it"}]


class RefuseNulCharacters:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if b"\x00" in unquote_to_bytes(scope.get("query_string", b"")) or "\x00" in scope.get("path", ""):
            await self._refuse(scope, receive, send, "path or query")
            return
        content_type = dict(scope["headers"]).get(b"content-type", b"")
        if scope["method"] in ("POST", "PUT", "PATCH") and b"json" in content_type:
            body = await read_body(receive)
            if body is None:
                return  # the client went away
            if any(marker in body for marker in NUL_IN_JSON):
                errors = _nul_fields(body)
                if errors != []:
                    await self._refuse(scope, receive, send, "body", errors or RAW_NUL)
                    return
            receive = replay_body(body, receive)
        await self.app(scope, receive, send)

    @staticmethod
    async def _refuse(scope, receive, send, where: str, errors: list[dict] | None = None) -> None:
        await problem_response(422, "Request contains a NUL character", f"remove it from the {where}",
                               errors=errors)(scope, receive, send)


def _nul_fields(body: bytes) -> list[dict] | None:
    """The JSON paths of the strings holding a NUL; None when the body is not JSON (a raw NUL byte), and []
    when the marker was only text (an escaped backslash before `u0000`)."""
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    return control_problems(document, "body", only_nul=True)
