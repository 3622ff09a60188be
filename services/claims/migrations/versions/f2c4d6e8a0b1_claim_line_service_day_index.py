"""claim lines indexed by tenant, patient and date of service: the duplicate rule's lookup

Revision ID: f2c4d6e8a0b1
Revises: e8a3f1b5c7d2
Create Date: 2026-12-01 23:20:00
"""
from alembic import op


revision = 'f2c4d6e8a0b1'
down_revision = 'e8a3f1b5c7d2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_claim_line_service_day', 'claim_line', ['tenant_id', 'patient_id', 'date_of_service'])


def downgrade() -> None:
    op.drop_index('ix_claim_line_service_day', table_name='claim_line')
