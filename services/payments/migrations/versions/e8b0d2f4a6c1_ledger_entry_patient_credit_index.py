"""the ledger's entries indexed by patient only where they hold a patient's credit: the one read of entries
by patient sums `liability:patient_credit` per tenant and patient, and nearly every entry names its patient,
so `ix_ledger_entry_patient_id` took an entry for every posted line (about 13 an encounter) to serve a read
that wants the few credit entries. `ix_ledger_entry_patient_credit` holds those alone (tenant, patient, and
the amount, so the read sums from the index).

Both indexes are built and dropped CONCURRENTLY, without blocking the postings.

Revision ID: e8b0d2f4a6c1
Revises: c6e8a0b2d4f7
Create Date: 2026-12-06 12:45:00
"""
from alembic import op

revision = 'e8b0d2f4a6c1'
down_revision = 'c6e8a0b2d4f7'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_ledger_entry_patient_credit ON ledger_entry "
                   "(tenant_id, patient_id) INCLUDE (amount) WHERE account = 'liability:patient_credit'")
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_ledger_entry_patient_id")


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_ledger_entry_patient_id ON ledger_entry (patient_id)")
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_ledger_entry_patient_credit")
