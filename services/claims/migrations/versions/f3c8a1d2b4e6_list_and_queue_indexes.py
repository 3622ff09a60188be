"""indexes that match each list's filter and order: the tenant's claims newest first (also by status,
payer, frequency), the follow-up queue's claims awaiting an answer, a claim's timeline in order

Revision ID: f3c8a1d2b4e6
Revises: f2c4d6e8a0b1
Create Date: 2026-12-01 23:10:00
"""
from alembic import op
import sqlalchemy as sa

revision = 'f3c8a1d2b4e6'
down_revision = 'f2c4d6e8a0b1'
branch_labels = None
depends_on = None

NEWEST = [sa.text('created_at DESC'), sa.text('id DESC')]


def upgrade() -> None:
    op.create_index('ix_claim_tenant_created', 'claim', ['tenant_id', *NEWEST])
    op.create_index('ix_claim_tenant_status_created', 'claim', ['tenant_id', 'status', *NEWEST])
    op.create_index('ix_claim_tenant_payer_created', 'claim', ['tenant_id', 'payer_id', *NEWEST])
    op.create_index('ix_claim_tenant_frequency_created', 'claim', ['tenant_id', 'frequency_code', *NEWEST],
                    postgresql_where=sa.text("frequency_code <> '1'"))
    op.create_index('ix_claim_awaiting_answer', 'claim', ['tenant_id', 'submitted_at'],
                    postgresql_where=sa.text('remit_received_at IS NULL AND submitted_at IS NOT NULL'))
    op.create_index('ix_claim_event_claim_id_id', 'claim_event', ['claim_id', 'id'])
    # The claims report: a tenant's reworked claims, and each claim's first adjudication.
    op.create_index('ix_claim_event_reworked', 'claim_event', ['tenant_id', 'claim_id'],
                    postgresql_where=sa.text("event IN ('held', 'rejected')"))
    op.create_index('ix_claim_event_adjudicated', 'claim_event', ['tenant_id', 'claim_id', 'id'],
                    postgresql_include=['status'], postgresql_where=sa.text("event = 'adjudicated'"))
    # Each is the prefix of an index above.
    op.drop_index('ix_claim_tenant_id', table_name='claim')
    op.drop_index('ix_claim_event_claim_id', table_name='claim_event')


def downgrade() -> None:
    op.create_index('ix_claim_event_claim_id', 'claim_event', ['claim_id'])
    op.create_index('ix_claim_tenant_id', 'claim', ['tenant_id'])
    for name, table in (('ix_claim_event_adjudicated', 'claim_event'), ('ix_claim_event_reworked', 'claim_event'),
                        ('ix_claim_event_claim_id_id', 'claim_event'), ('ix_claim_awaiting_answer', 'claim'),
                        ('ix_claim_tenant_frequency_created', 'claim'), ('ix_claim_tenant_payer_created', 'claim'),
                        ('ix_claim_tenant_status_created', 'claim'), ('ix_claim_tenant_created', 'claim')):
        op.drop_index(name, table_name=table)
