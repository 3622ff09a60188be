"""Per-tenant coding settings: the tenant's own auto-accept threshold for note suggestions.

Revision ID: 76a59c527370
Revises: 020bc0e3f517
Create Date: 2026-11-22 21:42:46.917077
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '76a59c527370'
down_revision = '128b8d41ae05'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'tenant_coding_settings',
        sa.Column('tenant_id', sa.Uuid(), nullable=False),
        sa.Column('auto_accept_threshold', sa.Float(), nullable=False),
        sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=True),
        sa.PrimaryKeyConstraint('tenant_id'),
        sa.CheckConstraint('auto_accept_threshold >= 0 AND auto_accept_threshold <= 1',
                           name='ck_tenant_coding_settings_threshold'),
    )


def downgrade() -> None:
    op.drop_table('tenant_coding_settings')
