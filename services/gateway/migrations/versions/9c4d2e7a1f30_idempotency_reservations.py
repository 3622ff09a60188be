"""idempotency reservations: a key is reserved (in_progress) before its request runs

Revision ID: 9c4d2e7a1f30
Revises: b7c2e4f19a03
Create Date: 2026-12-01 20:20:00.000000
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '9c4d2e7a1f30'
down_revision = 'b7c2e4f19a03'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('idempotency_record', sa.Column('tenant_id', sa.Uuid(), nullable=True))
    # Records written before reservations existed were all finished answers.
    op.add_column('idempotency_record', sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=12),
                                                  nullable=False, server_default='completed'))
    op.alter_column('idempotency_record', 'state', server_default=None)
    op.alter_column('idempotency_record', 'status_code', existing_type=sa.Integer(), nullable=True)
    op.alter_column('idempotency_record', 'content_type', existing_type=sqlmodel.sql.sqltypes.AutoString(length=100),
                    nullable=True)
    op.alter_column('idempotency_record', 'body', existing_type=sa.LargeBinary(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM idempotency_record WHERE state <> 'completed'")
    op.alter_column('idempotency_record', 'body', existing_type=sa.LargeBinary(), nullable=False)
    op.alter_column('idempotency_record', 'content_type', existing_type=sqlmodel.sql.sqltypes.AutoString(length=100),
                    nullable=False)
    op.alter_column('idempotency_record', 'status_code', existing_type=sa.Integer(), nullable=False)
    op.drop_column('idempotency_record', 'state')
    op.drop_column('idempotency_record', 'tenant_id')
