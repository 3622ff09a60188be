"""The claims service's reports: the figures of the dashboards (claims by status, scrubbed and clean claims, first-pass outcomes
by payer), read from counts the database maintains per tenant (shared/db/tally.py), so the tenant's
figures read a few dozen rows and the ops figures a few dozen per tenant, however many claims exist.

A claim counts under `status:<status>`; once past `built` under `scrubbed`, and under `clean` too when
its timeline has no hold or rejection; once adjudicated under `adjudicated:<payer>`, and under
`first_pass_paid:<payer>` when its first adjudication paid an original claim (frequency 1).
"""
from uuid import UUID

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.rollup import Rollup
from shared.db.tally import MovedKey, Source, Tally, read_counts
from services.claims.adapters.tables import Claim, ClaimEvent, metadata

REWORK_EVENTS = ("held", "rejected")
# A claim's first adjudication, read by the key of `ix_claim_event_adjudicated` (tenant, claim, id): one
# probe that finds it first; by the claim alone the refresh read each of the claim's events.
FIRST_ADJUDICATION = """
    SELECT e.status FROM claim_event e WHERE e.tenant_id = c.tenant_id AND e.claim_id = c.id
    AND e.event = 'adjudicated' ORDER BY e.id LIMIT 1"""

CLAIM_TALLY = Tally(
    name="claim_tally",
    keys_view=f"""
SELECT c.id AS item_id, c.tenant_id, array_remove(ARRAY[
    'status:' || c.status,
    CASE WHEN c.status <> 'built' THEN 'scrubbed' END,
    CASE WHEN c.status <> 'built' AND NOT EXISTS (
        SELECT 1 FROM claim_event r WHERE r.claim_id = c.id AND r.tenant_id = c.tenant_id
        AND r.event IN {REWORK_EVENTS}) THEN 'clean' END,
    CASE WHEN first.status IS NOT NULL THEN 'adjudicated:' || c.payer_id END,
    CASE WHEN first.status = 'paid' AND c.frequency_code = '1' THEN 'first_pass_paid:' || c.payer_id END
], NULL)::text[] AS keys
FROM claim c LEFT JOIN LATERAL ({FIRST_ADJUDICATION}) AS first ON true""",
    # A step between two statuses past `built` changes only the claim's `status:` key (`scrubbed` and
    # `clean` read `built` alone; the payer's keys read the timeline, which the claim's update leaves).
    sources=(Source("claim", "id", ("tenant_id", "status", "payer_id", "frequency_code"),
                    moved_key=MovedKey("status", "status:", steady="{row}.status <> 'built'")),
             Source("claim_event", "claim_id", ("tenant_id", "event", "status"),
                    rows_filter="{row}.event IN " + str((*REWORK_EVENTS, "adjudicated")))),
    member_fillfactor=70)  # a claim's member row is rewritten at each of its steps

claim_tally, claim_tally_member = CLAIM_TALLY.tables(metadata)
# The ops figures: every tenant's counts per key in one row.
CLAIM_TALLY_ROLLUP = Rollup("claim_tally", ("key",), ("n",))
claim_tally_all = CLAIM_TALLY_ROLLUP.table(metadata, claim_tally)


def figures_from_counts(counts: dict[str, int]) -> dict:
    """The dashboard's answer from the counts per key."""
    by_status, adjudication = {}, {}
    for key, n in counts.items():
        kind, _, value = key.partition(":")
        if kind == "status":
            by_status[value] = n
        elif kind == "adjudicated":
            adjudication.setdefault(value, {"adjudicated": 0, "first_pass_paid": 0})["adjudicated"] = n
    for key, n in counts.items():
        kind, _, payer = key.partition(":")
        if kind == "first_pass_paid" and payer in adjudication:
            adjudication[payer]["first_pass_paid"] = n
    return {"by_status": by_status, "scrubbed": counts.get("scrubbed", 0), "clean": counts.get("clean", 0),
            "adjudication": adjudication}


class ClaimReports:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def figures(self, tenant_id: UUID | None) -> dict:
        return figures_from_counts(await read_counts(self._session, claim_tally, tenant_id,
                                                     every_tenant=claim_tally_all))

    async def find_for_ops(self, any_id: UUID) -> tuple[Claim | None, list[ClaimEvent]]:
        """A claim by its id or its encounter's id, across tenants, with its timeline."""
        claim = (await self._session.execute(
            select(Claim).where(or_(Claim.id == any_id, Claim.encounter_id == any_id))
            .order_by(Claim.created_at.desc()).limit(1))).scalar_one_or_none()
        if claim is None:
            return None, []
        events = await self._session.execute(
            select(ClaimEvent).where(ClaimEvent.claim_id == claim.id).order_by(ClaimEvent.id))
        return claim, list(events.scalars())
