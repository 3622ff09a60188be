"""follow-up: eligibility cache, status inquiries, notes, held payer responses

Revision ID: 7ac032623682
Revises: c60e51e16608
Create Date: 2026-11-22 21:37:57.650431
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel
from sqlalchemy.dialects import postgresql

revision = '7ac032623682'
down_revision = 'c60e51e16608'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('claim_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('claim_id', sa.Uuid(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('next_action_on', sa.Date(), nullable=True),
    sa.Column('author', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_claim_note_claim_id'), 'claim_note', ['claim_id'], unique=False)
    op.create_table('eligibility_check',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('payer_id', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('patient_id', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('member_id', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('date_of_service', sa.Date(), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('answer', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('checked_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=True),
    sa.PrimaryKeyConstraint('tenant_id', 'payer_id', 'patient_id', 'member_id', 'date_of_service', 'checked_on')
    )
    op.create_table('held_payer_response',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('trace', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=True),
    sa.Column('x12', sa.Text(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_held_payer_response_tenant_id'), 'held_payer_response', ['tenant_id'], unique=False)
    op.add_column('claim', sa.Column('eligibility', postgresql.JSONB(astext_type=sa.Text()), nullable=True))
    op.add_column('claim', sa.Column('eligibility_requested_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('claim', sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('claim', sa.Column('remit_received_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('claim', sa.Column('status_inquired_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('claim', sa.Column('next_inquiry_on', sa.Date(), nullable=True))
    op.add_column('claim', sa.Column('last_payer_status', postgresql.JSONB(astext_type=sa.Text()), nullable=True))
    op.add_column('claim', sa.Column('next_action_on', sa.Date(), nullable=True))
    op.create_index(op.f('ix_claim_submitted_at'), 'claim', ['submitted_at'], unique=False)
    # Claims sent before this revision: their first submission and first remit come from the timeline.
    op.execute("UPDATE claim SET submitted_at = (SELECT min(e.at) FROM claim_event e WHERE e.claim_id = claim.id "
               "AND e.event = 'submitted')")
    op.execute("UPDATE claim SET remit_received_at = (SELECT min(e.at) FROM claim_event e "
               "WHERE e.claim_id = claim.id AND e.event = 'adjudicated')")


def downgrade() -> None:
    op.drop_index(op.f('ix_claim_submitted_at'), table_name='claim')
    op.drop_column('claim', 'next_action_on')
    op.drop_column('claim', 'last_payer_status')
    op.drop_column('claim', 'next_inquiry_on')
    op.drop_column('claim', 'status_inquired_at')
    op.drop_column('claim', 'remit_received_at')
    op.drop_column('claim', 'submitted_at')
    op.drop_column('claim', 'eligibility_requested_at')
    op.drop_column('claim', 'eligibility')
    op.drop_index(op.f('ix_held_payer_response_tenant_id'), table_name='held_payer_response')
    op.drop_table('held_payer_response')
    op.drop_table('eligibility_check')
    op.drop_index(op.f('ix_claim_note_claim_id'), table_name='claim_note')
    op.drop_table('claim_note')
