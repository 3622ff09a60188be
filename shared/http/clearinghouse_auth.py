"""The clearinghouse is an outside party: it calls back with its own key, never with an internal token.

The key is accepted only by the routes that declare ClearinghouseCallerDep (the 277CA/999 and 835
inboxes); every other route wants the gateway's internal token and ignores this header. The tenant
is the mailbox the clearinghouse names, the one the platform gave it when it submitted.
"""
import hashlib
import hmac
from typing import Annotated
from uuid import UUID

from fastapi import Depends, Header, Request

from shared.http.problems import Problem
from shared.internal_auth import Caller

CALLBACK_KEY_HEADER = "X-Clearinghouse-Key"
MAILBOX_HEADER = "X-Mailbox"


def key_matches(presented: str, expected: str) -> bool:
    """Constant time over bytes of equal length: the SHA-256 digests of both keys."""
    return hmac.compare_digest(hashlib.sha256(presented.encode()).digest(), hashlib.sha256(expected.encode()).digest())


async def clearinghouse_caller(
    request: Request,
    key: Annotated[str | None, Header(alias=CALLBACK_KEY_HEADER)] = None,
    mailbox: Annotated[str | None, Header(alias=MAILBOX_HEADER)] = None,
) -> Caller:
    """Async though it never waits: FastAPI would run a plain function on a worker thread."""
    expected = request.app.state.settings.clearinghouse_callback_key
    if expected is None or not key or not key_matches(key, expected.get_secret_value()):
        raise Problem(401, "Unauthorized", f"a valid {CALLBACK_KEY_HEADER} is required")
    try:
        tenant_id = UUID(mailbox or "")
    except ValueError as exc:
        raise Problem(422, "Unknown mailbox", f"{MAILBOX_HEADER} must name the tenant's mailbox",
                      errors=[{"field": MAILBOX_HEADER, "message": "not a mailbox id"}]) from exc
    return Caller(tenant_id=str(tenant_id), key_id="clearinghouse")


ClearinghouseCallerDep = Annotated[Caller, Depends(clearinghouse_caller)]
