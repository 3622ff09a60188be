"""the ledger's transactions indexed by patient payment only where they name one: a claim's charge, payment or
adjustment names none, and `ix_ledger_transaction_patient_payment_id` took an entry (NULL) for each of them. The
index keeps the same name and serves the same lookups (`patient_payment_id = ...` holds only where it is set).

The new index is built under a temporary name and takes the old one's place, CONCURRENTLY, without blocking the
postings.

Revision ID: f0c2e4a6b8d1
Revises: e8b0d2f4a6c1
Create Date: 2026-12-06 13:10:00
"""
from alembic import op

revision = 'f0c2e4a6b8d1'
down_revision = 'e8b0d2f4a6c1'
branch_labels = None
depends_on = None

NAME = "ix_ledger_transaction_patient_payment_id"


def _replace(definition: str) -> None:
    with op.get_context().autocommit_block():
        op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {NAME}_new")
        op.execute(f"CREATE INDEX CONCURRENTLY {NAME}_new ON ledger_transaction {definition}")
        op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {NAME}")
        op.execute(f"ALTER INDEX {NAME}_new RENAME TO {NAME}")


def upgrade() -> None:
    _replace("(patient_payment_id) WHERE patient_payment_id IS NOT NULL")


def downgrade() -> None:
    _replace("(patient_payment_id)")
