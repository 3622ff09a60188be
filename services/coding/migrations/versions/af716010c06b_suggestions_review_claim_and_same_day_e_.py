"""suggestions, review claim and same-day E/M columns

Revision ID: af716010c06b
Revises: 5e3081bb4eae
Create Date: 2026-11-22 20:53:33.913410
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel
from sqlalchemy.dialects import postgresql

revision = 'af716010c06b'
down_revision = '5e3081bb4eae'
branch_labels = None
depends_on = None

def upgrade() -> None:

    op.add_column('coded_encounter', sa.Column('suggestions', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False))
    op.add_column('coded_encounter', sa.Column('assigned_to', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True))
    op.add_column('coded_encounter', sa.Column('patient_ref', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=True))
    op.add_column('coded_encounter', sa.Column('rendering_npi', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True))
    op.add_column('coded_encounter', sa.Column('date_of_service', sa.Date(), nullable=True))
    op.create_index('ix_coded_encounter_same_day', 'coded_encounter', ['tenant_id', 'rendering_npi', 'date_of_service'], unique=False)

def downgrade() -> None:

    op.drop_index('ix_coded_encounter_same_day', table_name='coded_encounter')
    op.drop_column('coded_encounter', 'date_of_service')
    op.drop_column('coded_encounter', 'rendering_npi')
    op.drop_column('coded_encounter', 'patient_ref')
    op.drop_column('coded_encounter', 'assigned_to')
    op.drop_column('coded_encounter', 'suggestions')

