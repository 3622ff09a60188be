"""provider documentation queries

Revision ID: 020bc0e3f517
Revises: af716010c06b
Create Date: 2026-11-22 21:16:18.403836
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel
from sqlalchemy.dialects import postgresql

revision = '020bc0e3f517'
down_revision = 'af716010c06b'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('provider_query',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('encounter_id', sa.Uuid(), nullable=False),
    sa.Column('rendering_npi', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('unclear', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('question', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('options', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('asked_by', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('answer', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('answered_by', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    sa.Column('asked_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_provider_query_encounter_id'), 'provider_query', ['encounter_id'], unique=False)
    op.create_index(op.f('ix_provider_query_rendering_npi'), 'provider_query', ['rendering_npi'], unique=False)
    op.create_index(op.f('ix_provider_query_status'), 'provider_query', ['status'], unique=False)
    op.create_index(op.f('ix_provider_query_tenant_id'), 'provider_query', ['tenant_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_provider_query_tenant_id'), table_name='provider_query')
    op.drop_index(op.f('ix_provider_query_status'), table_name='provider_query')
    op.drop_index(op.f('ix_provider_query_rendering_npi'), table_name='provider_query')
    op.drop_index(op.f('ix_provider_query_encounter_id'), table_name='provider_query')
    op.drop_table('provider_query')
