"""Auto-accept of note-only codes becomes a tenant's explicit choice: off for every tenant until it opts in.

Revision ID: b7d41c2e9a10
Revises: 76a59c527370
Create Date: 2026-12-01 20:15:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'b7d41c2e9a10'
down_revision = '76a59c527370'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('tenant_coding_settings',
                  sa.Column('auto_accept', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('tenant_coding_settings',
                  sa.Column('accept_below_target_precision', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.alter_column('tenant_coding_settings', 'auto_accept_threshold', existing_type=sa.Float(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM tenant_coding_settings WHERE auto_accept_threshold IS NULL")
    op.alter_column('tenant_coding_settings', 'auto_accept_threshold', existing_type=sa.Float(), nullable=False)
    op.drop_column('tenant_coding_settings', 'accept_below_target_precision')
    op.drop_column('tenant_coding_settings', 'auto_accept')
