"""claim facts, queue timers, analytics population, practices

Revision ID: fb607315cd13
Revises: 494fcc05d5bc
Create Date: 2026-11-22 20:30:47.332161
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel
from sqlalchemy.dialects import postgresql

revision = 'fb607315cd13'
down_revision = '494fcc05d5bc'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('adjudicated_claim',
    sa.Column('remit_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('claim_id', sa.Uuid(), nullable=True),
    sa.Column('payer_id', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('denied', sa.Boolean(), nullable=False),
    sa.Column('denied_amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('procedure_codes', postgresql.ARRAY(sa.String()), nullable=False),
    sa.Column('denied_procedure_codes', postgresql.ARRAY(sa.String()), nullable=False),
    sa.Column('adjudicated_on', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('remit_id')
    )
    op.create_index(op.f('ix_adjudicated_claim_adjudicated_on'), 'adjudicated_claim', ['adjudicated_on'], unique=False)
    op.create_index(op.f('ix_adjudicated_claim_claim_id'), 'adjudicated_claim', ['claim_id'], unique=False)
    op.create_index(op.f('ix_adjudicated_claim_tenant_id'), 'adjudicated_claim', ['tenant_id'], unique=False)
    op.create_table('practice',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('billing_provider', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.PrimaryKeyConstraint('tenant_id')
    )
    op.create_table('submitted_claim',
    sa.Column('claim_id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('payer_id', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('payer_name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    sa.Column('payer_appeal_days', sa.Integer(), nullable=True),
    sa.Column('rendering_npi', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('original_claim_id', sa.Uuid(), nullable=True),
    sa.Column('total_charge', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('procedure_codes', postgresql.ARRAY(sa.String()), nullable=False),
    sa.Column('dates_of_service', postgresql.ARRAY(sa.Date()), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('claim_id')
    )
    op.create_index(op.f('ix_submitted_claim_original_claim_id'), 'submitted_claim', ['original_claim_id'], unique=False)
    op.create_index(op.f('ix_submitted_claim_tenant_id'), 'submitted_claim', ['tenant_id'], unique=False)
    op.add_column('denial', sa.Column('partial', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('denial', sa.Column('billed_amount', sa.Numeric(precision=12, scale=2), nullable=True))
    op.add_column('denial', sa.Column('payer_claim_number', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=True))
    op.add_column('denial', sa.Column('acted_at', sa.DateTime(timezone=True), nullable=True))
    op.create_index(op.f('ix_denial_assignee'), 'denial', ['assignee'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_denial_assignee'), table_name='denial')
    op.drop_column('denial', 'acted_at')
    op.drop_column('denial', 'payer_claim_number')
    op.drop_column('denial', 'billed_amount')
    op.drop_column('denial', 'partial')
    op.drop_index(op.f('ix_submitted_claim_tenant_id'), table_name='submitted_claim')
    op.drop_index(op.f('ix_submitted_claim_original_claim_id'), table_name='submitted_claim')
    op.drop_table('submitted_claim')
    op.drop_table('practice')
    op.drop_index(op.f('ix_adjudicated_claim_tenant_id'), table_name='adjudicated_claim')
    op.drop_index(op.f('ix_adjudicated_claim_claim_id'), table_name='adjudicated_claim')
    op.drop_index(op.f('ix_adjudicated_claim_adjudicated_on'), table_name='adjudicated_claim')
    op.drop_table('adjudicated_claim')
