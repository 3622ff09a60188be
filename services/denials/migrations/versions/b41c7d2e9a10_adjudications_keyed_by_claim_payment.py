"""adjudications keyed by claim payment: one 835 (remit_id) pays many claims

Revision ID: b41c7d2e9a10
Revises: fb607315cd13
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

revision = 'b41c7d2e9a10'
down_revision = 'fb607315cd13'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('adjudicated_claim', sa.Column('patient_control_number', sqlmodel.sql.sqltypes.AutoString(length=38),
                                                 nullable=False, server_default=''))
    op.alter_column('adjudicated_claim', 'patient_control_number', server_default=None)
    op.drop_constraint('adjudicated_claim_pkey', 'adjudicated_claim', type_='primary')
    op.create_primary_key('adjudicated_claim_pkey', 'adjudicated_claim', ['remit_id', 'patient_control_number'])


def downgrade() -> None:
    op.drop_constraint('adjudicated_claim_pkey', 'adjudicated_claim', type_='primary')
    op.create_primary_key('adjudicated_claim_pkey', 'adjudicated_claim', ['remit_id'])
    op.drop_column('adjudicated_claim', 'patient_control_number')
