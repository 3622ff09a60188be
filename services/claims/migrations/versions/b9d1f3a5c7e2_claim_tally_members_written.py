"""the claim counts' refresh: its member rows written with a plain update or insert, as the keys it read
before say, instead of an upsert (no speculative insert and no logged row lock per claim step, and a claim
whose keys did not change is not touched); the keys view finds a claim's first adjudication by the key of
`ix_claim_event_adjudicated` (tenant, claim, id) instead of reading each of the claim's events

Revision ID: b9d1f3a5c7e2
Revises: c8e2a4f6b0d3
Create Date: 2026-12-03 11:10:00
"""
from alembic import op

from services.claims.adapters.reports import CLAIM_TALLY, FIRST_ADJUDICATION

revision = 'b9d1f3a5c7e2'
down_revision = 'c8e2a4f6b0d3'
branch_labels = None
depends_on = None

BY_CLAIM = """
    SELECT e.status FROM claim_event e WHERE e.claim_id = c.id AND e.event = 'adjudicated'
    ORDER BY e.id LIMIT 1"""


def _view(keys_view: str) -> str:
    return f"CREATE OR REPLACE VIEW {CLAIM_TALLY.name}_keys AS {keys_view}"


def upgrade() -> None:
    op.execute(_view(CLAIM_TALLY.keys_view))
    op.execute(CLAIM_TALLY.refresh_function())


def downgrade() -> None:
    op.execute(_view(CLAIM_TALLY.keys_view.replace(FIRST_ADJUDICATION, BY_CLAIM)))
    op.execute(CLAIM_TALLY.refresh_function(members_upserted=True))
