"""The ops dashboard's payments figures over every tenant, maintained so the read is a few rows
(shared/db/rollup.py, statement triggers in the writing transaction):

- `tenant_account_balance_all`: every tenant's balance per account in one row;
- `submitted_charge_day`: per UTC day of submission, every tenant's billed claims (`source_rows`) and
  their charges. The charges submitted since a moment are the moment's own day read from
  `billed_claim` (from the moment to the next midnight) plus the whole days after it from these rows:
  the same sum as over every claim;
- `open_suspense` and `open_suspense_all`: the open suspense items counted per tenant and over every tenant
  (`source_rows`), so the dashboards read one row instead of counting a backlog that grows with the book.

`BACKFILL` rebuilds them all, `DRIFT` compares them with the base tables.
"""
from sqlalchemy import Date, MetaData, Table

from shared.db.rollup import Rollup

BALANCES = Rollup("tenant_account_balance", ("account",), ("amount",))
CHARGES = Rollup("billed_claim", ("day",), ("total_charge",), table_name="submitted_charge_day",
                 computed=(("day", "(submitted_at AT TIME ZONE 'UTC')::date", Date()),),
                 rows_filter="submitted_at IS NOT NULL")
OPEN = "status = 'open'"
OPEN_SUSPENSE = Rollup("suspense_item", ("tenant_id",), (), table_name="open_suspense", rows_filter=OPEN)
OPEN_SUSPENSE_ALL = Rollup("suspense_item", ("status",), (), table_name="open_suspense_all", rows_filter=OPEN)
SUSPENSE_COUNTS = (OPEN_SUSPENSE, OPEN_SUSPENSE_ALL)
ROLLUPS = (BALANCES, CHARGES, *SUSPENSE_COUNTS)
BACKFILL = tuple(statement for rollup in ROLLUPS for statement in rollup.backfill())
DRIFT = tuple(rollup.drift() for rollup in ROLLUPS)


def tables(metadata: MetaData, balances: Table, billed_claims: Table) -> tuple[Table, Table]:
    return BALANCES.table(metadata, balances), CHARGES.table(metadata, billed_claims)


def suspense_count_tables(metadata: MetaData, suspense_items: Table) -> tuple[Table, Table]:
    return tuple(rollup.table(metadata, suspense_items) for rollup in SUSPENSE_COUNTS)


def upgrade(op, balances: Table, billed_claims: Table) -> None:
    """For a migration: each rollup's table, then (its source's writers locked out) triggers and backfill."""
    BALANCES.upgrade(op, balances)
    CHARGES.upgrade(op, billed_claims)


def downgrade(op) -> None:
    CHARGES.downgrade(op)
    BALANCES.downgrade(op)


def upgrade_suspense_counts(op, suspense_items: Table) -> None:
    for rollup in SUSPENSE_COUNTS:
        rollup.upgrade(op, suspense_items)


def downgrade_suspense_counts(op) -> None:
    for rollup in reversed(SUSPENSE_COUNTS):
        rollup.downgrade(op)
