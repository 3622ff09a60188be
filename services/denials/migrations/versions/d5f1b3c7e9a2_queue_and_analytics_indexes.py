"""indexes that match the work queue's filters and order (priority first, then id: the cursor), and
the analytics' period (adjudications by day, denials by the moment they opened)

Revision ID: d5f1b3c7e9a2
Revises: c351ad3397ac
Create Date: 2026-12-01 23:20:00
"""
from alembic import op
import sqlalchemy as sa

revision = 'd5f1b3c7e9a2'
down_revision = 'c351ad3397ac'
branch_labels = None
depends_on = None

QUEUE = [sa.text('priority DESC'), 'id']
FILTERED = ('status', 'category', 'payer_id', 'assignee')


def upgrade() -> None:
    op.create_index('ix_denial_tenant_queue', 'denial', ['tenant_id', *QUEUE])
    for column in FILTERED:
        op.create_index(f'ix_denial_tenant_{column}_queue', 'denial', ['tenant_id', column, *QUEUE])
    op.create_index('ix_denial_tenant_opened', 'denial', ['tenant_id', 'opened_at'])
    op.create_index('ix_adjudicated_claim_tenant_on', 'adjudicated_claim', ['tenant_id', 'adjudicated_on'])
    # Each is the prefix of an index above.
    op.drop_index('ix_denial_tenant_id', table_name='denial')
    op.drop_index('ix_adjudicated_claim_tenant_id', table_name='adjudicated_claim')


def downgrade() -> None:
    op.create_index('ix_adjudicated_claim_tenant_id', 'adjudicated_claim', ['tenant_id'])
    op.create_index('ix_denial_tenant_id', 'denial', ['tenant_id'])
    op.drop_index('ix_adjudicated_claim_tenant_on', table_name='adjudicated_claim')
    op.drop_index('ix_denial_tenant_opened', table_name='denial')
    for column in FILTERED:
        op.drop_index(f'ix_denial_tenant_{column}_queue', table_name='denial')
    op.drop_index('ix_denial_tenant_queue', table_name='denial')
