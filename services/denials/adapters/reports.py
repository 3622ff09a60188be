"""The denials figures of the dashboards (denied claims by category, payer and reason), read from counts
the database maintains per tenant (shared/db/tally.py): a few rows per tenant, however many denials
are stored.

Counts are of distinct claims: a claim counts once under `denied`, once under each `category:`,
`payer:` and `carc:` value any of its denials has, and under `open` while one of them is open.
"""
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.rollup import Rollup
from shared.db.tally import Source, Tally, read_counts
from services.denials.adapters.tables import metadata

DENIAL_TALLY = Tally(
    name="denial_tally",
    keys_view="""
SELECT d.claim_id AS item_id, min(d.tenant_id::text)::uuid AS tenant_id,
       array_agg(DISTINCT k.key ORDER BY k.key) AS keys
FROM denial d CROSS JOIN LATERAL (
    SELECT 'denied' UNION ALL SELECT 'category:' || d.category UNION ALL SELECT 'payer:' || d.payer_id
    UNION ALL SELECT 'open' WHERE d.status = 'open'
    UNION ALL SELECT 'carc:' || code FROM unnest(d.carc_codes) AS code) AS k(key)
WHERE d.claim_id IS NOT NULL AND k.key IS NOT NULL
GROUP BY d.claim_id""",
    sources=(Source("denial", "claim_id", ("tenant_id", "category", "payer_id", "status", "carc_codes")),))

denial_tally, denial_tally_member = DENIAL_TALLY.tables(metadata)
# The ops figures: every tenant's counts per key in one row.
DENIAL_TALLY_ROLLUP = Rollup("denial_tally", ("key",), ("n",))
denial_tally_all = DENIAL_TALLY_ROLLUP.table(metadata, denial_tally)
DIMENSIONS = {"category": "by_category", "payer": "by_payer", "carc": "by_carc"}


def figures_from_counts(counts: dict[str, int]) -> dict:
    figures = {"denied_claims": counts.get("denied", 0), "by_category": {}, "by_payer": {}, "by_carc": {},
               "open": counts.get("open", 0)}
    for key, n in counts.items():
        kind, _, value = key.partition(":")
        if kind in DIMENSIONS:
            figures[DIMENSIONS[kind]][value] = n
    return figures


class DenialReports:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def figures(self, tenant_id: UUID | None) -> dict:
        return figures_from_counts(await read_counts(self._session, denial_tally, tenant_id,
                                                     every_tenant=denial_tally_all))
