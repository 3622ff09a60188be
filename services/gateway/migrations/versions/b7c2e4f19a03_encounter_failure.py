"""An encounter's last dead letter (topic, PHI-free reason, when), for GET /v1/encounters/{id}.

Revision ID: b7c2e4f19a03
Revises: e2f0d832db75
Create Date: 2026-12-01 20:20:00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


revision = 'b7c2e4f19a03'
down_revision = 'e2f0d832db75'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('encounter_intake', sa.Column('failure', postgresql.JSONB(astext_type=sa.Text()), nullable=True))


def downgrade() -> None:
    op.drop_column('encounter_intake', 'failure')
