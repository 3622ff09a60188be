"""The audit log at work: an ASGI middleware records every PHI request before its answer leaves,
through a writer that chains entries in batches (one transaction, one lock, many requests). A route
whose own transaction already appended its entry (intake) marks the request `audit_written`.

Fail closed: if the entry cannot be written, the client gets a 503 instead of the data.
"""
import logging

from shared.http.problems import problem_response
from services.gateway.application.record_audit import AuditRecorder
from services.gateway.domain.audit import audit_target
from services.gateway.adapters.audit_append import ChainHead
from services.gateway.adapters.group_commit import GroupCommit

log = logging.getLogger(__name__)
MAX_BATCH = 500
WRITE_TIMEOUT_SECONDS = 10


def audit_writer(engine, units_of_work, chain_head: ChainHead) -> GroupCommit[dict, None]:
    """Group commit of audit entries: one statement (or transaction), one chain lock, many requests."""
    return GroupCommit("audit", AuditRecorder(engine, units_of_work, chain_head), max_batch=MAX_BATCH,
                       timeout_seconds=WRITE_TIMEOUT_SECONDS)


class AuditMiddleware:
    """Plain ASGI: when a PHI route starts its answer, the entry is written first (or a 503 goes out)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        swallowed = False

        async def audited_send(message):
            nonlocal swallowed
            if swallowed:
                return
            if message["type"] == "http.response.start" and not await _record(scope, message["status"]):
                swallowed = True
                response = problem_response(503, "The audit log is unavailable; retry later", headers={"Retry-After": "5"})
                await response(scope, receive, send)
                return
            await send(message)

        await self.app(scope, receive, audited_send)


async def _record(scope, status: int) -> bool:
    state = scope.get("state", {})
    caller = state.get("caller")
    route = getattr(scope.get("route"), "path", None)
    if caller is None or route is None:
        return True  # unauthenticated: nothing was read or written
    if state.get("audit_written"):
        return True
    target = audit_target(scope["method"], route, scope.get("path_params", {}))
    if target is None:
        return True
    object_id = target.object_id or scope["state"].get("audit_object_id")
    try:
        await scope["app"].state.audit.submit({
            "tenant_id": caller.tenant_id, "key_id": caller.key_id, "action": target.action,
            "object_type": target.object_type, "object_id": object_id, "outcome": status})
    except Exception as exc:  # noqa: BLE001 - fail closed, whatever the cause
        log.error("audit entry not written: %s", type(exc).__name__)
        return False
    return True


def mark_created(request, object_id) -> None:
    """A create route names the object it made, for the audit entry."""
    request.state.audit_object_id = str(object_id)


def mark_audited(request) -> None:
    """The route's own transaction appended the request's entry: the middleware adds none."""
    request.state.audit_written = True
