"""A submission round's coverage check and batching: one read of the ready claims, one transaction, one write.

The two steps used to run in a transaction each, each reading its claims, tenants and payers again: a
round of a few claims then spent most of its time on round trips and on a commit that only handed the
claims from one step to the next. Now the ready claims, verified or not, are read and locked once; the
unverified ones are verified (verify_eligibility.py) and every claim whose coverage is verified, just now
or in an earlier round, is batched (submit_batch.py) in the same transaction, and the claims are written
back with one statement (the day's cached answers come with the claims, in the same read). Coverage still
comes before batching, and every file is still validated whole before it is stored. Should batching fail, the
round's answers are rolled back with it and the claims are asked about again next round: a 270 is a question,
asking it twice changes nothing.
"""
from services.claims.adapters.catalog import Catalog
from services.claims.adapters.clearinghouse import Clearinghouse
from services.claims.application import submit_batch, verify_eligibility
from services.claims.application.coded_claims import CodedClaims

UPDATED = tuple(dict.fromkeys(verify_eligibility.UPDATED + submit_batch.BATCHED))


async def verify_and_batch(uow, *, catalog: Catalog, clearinghouse: Clearinghouse, submitter_id: str, usage: str,
                           limit: int, interchange_size: int) -> int:
    """Up to `limit` ready claims, oldest first: verified if they were not, batched if their coverage is
    verified. Returns the claims batched into files waiting to be sent."""
    now, coded = uow.now(), CodedClaims()  # a claim verified now is batched now: its coded claim validated once
    claims, cached = await uow.eligibility.ready_claims(limit, now.date())
    await verify_eligibility.verify_claims(uow, [c for c in claims if c.eligibility is None],
                                           clearinghouse=clearinghouse, submitter_id=submitter_id, usage=usage,
                                           now=now, cached=cached, coded=coded)
    batched = await submit_batch.batch_claims(
        uow, [c for c in claims if c.status == "ready" and c.eligibility is not None], catalog=catalog,
        submitter_id=submitter_id, usage=usage, interchange_size=interchange_size, coded=coded)
    await uow.save_changes(claims, UPDATED)
    return batched
