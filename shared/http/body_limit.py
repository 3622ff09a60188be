"""A request body limit for every route, as plain ASGI middleware: 413 problem+json.

A declared Content-Length over the limit is refused before anything is read. A chunked body (no
Content-Length) is read up to the limit and refused as soon as it passes it; a body within the
limit is handed on unchanged, so routes and other middleware read it as usual.
"""
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.http.problems import problem_response


class BodySizeLimit:
    def __init__(self, app: ASGIApp, *, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self):
        return problem_response(413, "Request body is too large", f"at most {self.max_bytes} bytes")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await problem_response(400, "Invalid Content-Length")(scope, receive, send)
            elif int(declared) > self.max_bytes:
                await self._too_large()(scope, receive, send)
            else:
                await self.app(scope, receive, send)
            return
        body = await read_body(receive, limit=self.max_bytes)
        if body is None:
            return  # the client went away
        if len(body) > self.max_bytes:
            await self._too_large()(scope, receive, send)
            return
        await self.app(scope, replay_body(body, receive), send)


async def read_body(receive: Receive, *, limit: int | None = None) -> bytes | None:
    """The whole body, or the first chunks past `limit` (the caller refuses it); None on disconnect."""
    chunks, size, more = [], 0, True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        chunks.append(chunk)
        size += len(chunk)
        if limit is not None and size > limit:
            break
        more = message.get("more_body", False)
    return b"".join(chunks)


def replay_body(body: bytes, receive: Receive) -> Receive:
    """A receive callable that hands the already-read body on, then defers to the real one."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
