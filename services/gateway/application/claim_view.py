"""The merged claim a client sees: claims' record, payments' postings, denials, one timeline.

Each part arrives as its service's response model wrote it (its contract, tested there), so the merged
view is already in the ClaimView's shape and form: the route writes it as it is, without validating it
again (`model_bytes`)."""
import asyncio

import orjson

from shared.internal_auth import Caller
from services.gateway.adapters.upstream import raise_for_problem


async def claim_view(upstreams: dict, claim_id, caller: Caller) -> dict:
    """The three services asked at once (each through its own per-tenant breaker): the answer takes as
    long as the slowest of them, not their sum. The claim decides: its problem wins over the others'."""
    answers = await asyncio.gather(
        upstreams["claims"].request("GET", f"/internal/claims/{claim_id}", caller),
        upstreams["payments"].request("GET", f"/internal/claims/{claim_id}/postings", caller),
        upstreams["denials"].request("GET", f"/internal/claims/{claim_id}/denials", caller),
        return_exceptions=True,
    )
    for answer in answers:
        if isinstance(answer, BaseException):
            raise answer
    claim, payments, denials = answers
    raise_for_problem(claim)
    return merge_claim_view(
        orjson.loads(claim.content),
        orjson.loads(payments.content) if payments.status_code == 200 else None,
        orjson.loads(denials.content) if denials.status_code == 200 else None,
    )


def merge_claim_view(claim: dict, payments: dict | None, denials: dict | None) -> dict:
    timeline = list(claim.get("timeline", []))
    view = dict(claim)
    if payments:
        view["payments"] = payments.get("payments", [])
        view["adjustments"] = payments.get("adjustments", [])
        view["balance"] = payments.get("balance")
        timeline += payments.get("timeline", [])
    if denials:
        view["denials"] = denials.get("items", [])
        timeline += [
            {"at": d["opened_at"], "service": "denials", "event": "denial_opened", "detail": d.get("category")}
            for d in denials.get("items", [])
        ]
    view["timeline"] = sorted(timeline, key=lambda entry: entry["at"])
    return view
