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
from shared.db.tally import FirstRowKeys, MovedKey, NewItemKeys, Source, Tally, read_counts
from services.claims.adapters.tables import Claim, ClaimEvent, metadata

REWORK_EVENTS = ("held", "rejected")
# A claim's first adjudication, read by the key of `ix_claim_event_adjudicated` (tenant, claim, id): one
# probe that finds it first; by the claim alone the refresh read each of the claim's events.
FIRST_ADJUDICATION = """
    SELECT e.status FROM claim_event e WHERE e.tenant_id = c.tenant_id AND e.claim_id = c.id
    AND e.event = 'adjudicated' ORDER BY e.id LIMIT 1"""

REWORKED = f"""EXISTS (
        SELECT 1 FROM claim_event r WHERE r.claim_id = c.id AND r.tenant_id = c.tenant_id
        AND r.event IN {REWORK_EVENTS})"""


def _adjudication_keys(claim: str, first: str) -> str:
    """The payer's keys, last in a claim's keys, from its first adjudication's status (SQL `first`)."""
    return f"""CASE WHEN {first} IS NOT NULL THEN 'adjudicated:' || {claim}.payer_id END,
    CASE WHEN {first} = 'paid' AND {claim}.frequency_code = '1' THEN 'first_pass_paid:' || {claim}.payer_id END"""


def claim_keys(claim: str, *, reworked: str, first_adjudication: str) -> str:
    """A claim's keys, in the order its member row keeps them, from its row (alias `claim`) and two facts of
    its timeline (SQL): whether it holds a hold or a rejection, and its first adjudication's status."""
    return f"""array_remove(ARRAY[
    'status:' || {claim}.status,
    CASE WHEN {claim}.status <> 'built' THEN 'scrubbed' END,
    CASE WHEN {claim}.status <> 'built' AND NOT {reworked} THEN 'clean' END,
    {_adjudication_keys(claim, first_adjudication)}
], NULL)::text[]"""


# A claim's first adjudication, written with no earlier one for its member row to hold (the pipeline's every
# 835), adds the payer's keys from the event and the claim's row, which the view puts last.
FIRST_ADJUDICATION_KEYS = FirstRowKeys(
    kind="{row}.event = 'adjudicated' AND {row}.tenant_id = {item}.tenant_id", prefix="adjudicated:",
    item_table="claim", keys=f"array_remove(ARRAY[{_adjudication_keys('{item}', '{row}.status')}], NULL)::text[]")
TIMELINE = Source("claim_event", "claim_id", ("tenant_id", "event", "status"),
                  rows_filter="{row}.event IN " + str((*REWORK_EVENTS, "adjudicated")),
                  first_row_keys=FIRST_ADJUDICATION_KEYS)
# A claim inserted with no timeline event the keys read (the pipeline's every new claim) is counted from its
# row: without a hold, a rejection or an adjudication its keys follow its status alone.
NEW_CLAIM_KEYS = NewItemKeys(
    keys=claim_keys("{row}", reworked="false", first_adjudication="NULL"),
    alone=f"NOT EXISTS (SELECT 1 FROM claim_event e WHERE e.claim_id = {{row}}.id AND "
          f"{TIMELINE.rows_filter.format(row='e')})")

# A step between two statuses past `built` changes only the claim's `status:` key (`scrubbed` and `clean`
# read `built` alone; the payer's keys read the timeline, which the claim's update leaves).
CLAIM_SOURCE = Source("claim", "id", ("tenant_id", "status", "payer_id", "frequency_code"),
                      moved_key=MovedKey("status", "status:", steady="{row}.status <> 'built'"),
                      new_item_keys=NEW_CLAIM_KEYS)

CLAIM_TALLY = Tally(
    name="claim_tally",
    keys_view=f"""
SELECT c.id AS item_id, c.tenant_id, {claim_keys("c", reworked=REWORKED, first_adjudication="first.status")} AS keys
FROM claim c LEFT JOIN LATERAL ({FIRST_ADJUDICATION}) AS first ON true""",
    sources=(CLAIM_SOURCE, TIMELINE),
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
