"""denial patterns

Revision ID: 128b8d41ae05
Revises: 020bc0e3f517
Create Date: 2026-11-22 21:27:16.202463
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '128b8d41ae05'
down_revision = '020bc0e3f517'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('denial_pattern',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('payer_id', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('procedure_code', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('carc_codes', sa.ARRAY(sa.String()), nullable=False),
    sa.Column('denials', sa.Integer(), nullable=False),
    sa.Column('first_denied_on', sa.Date(), nullable=False),
    sa.Column('last_denied_on', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('tenant_id', 'payer_id', 'procedure_code', 'category')
    )


def downgrade() -> None:
    op.drop_table('denial_pattern')
