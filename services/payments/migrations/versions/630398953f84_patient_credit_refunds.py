"""Patient credit: refunds of held credit, and ledger entries found by patient (liability:patient_credit).

Revision ID: 630398953f84
Revises: 74e57366387f
Create Date: 2026-11-22 21:42:08.965658
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '630398953f84'
down_revision = '74e57366387f'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('patient_refund',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('patient_id', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('method', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('refunded_on', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('tenant_id', 'patient_id', 'reference', name='ux_patient_refund_reference')
    )
    op.create_index(op.f('ix_patient_refund_tenant_id'), 'patient_refund', ['tenant_id'], unique=False)
    op.create_index(op.f('ix_ledger_entry_patient_id'), 'ledger_entry', ['patient_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_ledger_entry_patient_id'), table_name='ledger_entry')
    op.drop_index(op.f('ix_patient_refund_tenant_id'), table_name='patient_refund')
    op.drop_table('patient_refund')
