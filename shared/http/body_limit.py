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
            if not declared.isdigit() or int(declared) > self.max_bytes:
                status = 413 if declared.isdigit() else 400
                response = self._too_large() if status == 413 else problem_response(400, "Invalid Content-Length")
                await response(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large()(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        await self.app(scope, _replay(b"".join(chunks), receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
