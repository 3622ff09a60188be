"""Helpers for the follow-up e2e tests: moving a claim's submission into the past, talking to claims directly.

The payers' expected days are weeks; rather than wait, a test moves the claim's first submission back in
the claims database (as if it had been sent that long ago) and lets the running status loop notice.
"""
import asyncio
from datetime import timedelta
from uuid import UUID

import asyncpg
import httpx
from sqlalchemy.engine import make_url



def claims_database_url(stack) -> str:
    url = make_url(stack.database_url).set(drivername="postgresql", database="billing_claims")
    return url.render_as_string(hide_password=False)


def backdate_submission(stack, claim_id: str, days: int) -> None:
    async def run() -> None:
        connection = await asyncpg.connect(claims_database_url(stack))
        try:
            changed = await connection.execute(
                "UPDATE claim SET submitted_at = submitted_at - $2::interval WHERE id = $1 AND submitted_at IS NOT NULL",
                UUID(claim_id), timedelta(days=days))
            assert changed == "UPDATE 1", changed
        finally:
            await connection.close()

    asyncio.run(run())


def post_to_claims(stack, tenant_id: str, path: str, body: str) -> httpx.Response:
    """What the clearinghouse does: an answer into the tenant's mailbox, with its callback key."""
    return httpx.post(f"{stack.ports.url('claims')}{path}", content=body.encode(), timeout=30,
                      headers={"content-type": "application/edi-x12", "X-Mailbox": tenant_id,
                               "X-Clearinghouse-Key": stack.secrets["clearinghouse_callback_key"]})


def submitted_claim(api, body: dict, wait_for, *, status: str = "submitted") -> dict:
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    return wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(),
                    lambda c: any(e["event"] == status for e in c.get("timeline", [])), timeout=60, what=f"the claim {status}")
