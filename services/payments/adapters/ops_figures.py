"""The ops dashboard's payments figures over every tenant, maintained so the read is a few rows
(shared/db/rollup.py, statement triggers in the writing transaction):

- `tenant_account_balance_all`: every tenant's balance per account in one row;
- `submitted_charge_day`: per UTC day of submission, every tenant's billed claims (`source_rows`) and
  their charges. The charges submitted since a moment are the moment's own day read from
  `billed_claim` (from the moment to the next midnight) plus the whole days after it from these rows:
  the same sum as over every claim.

`BACKFILL` rebuilds both, `DRIFT` compares them with the base tables.
"""
from sqlalchemy import Date, MetaData, Table

from shared.db.rollup import Rollup

BALANCES = Rollup("tenant_account_balance", ("account",), ("amount",))
CHARGES = Rollup("billed_claim", ("day",), ("total_charge",), table_name="submitted_charge_day",
                 computed=(("day", "(submitted_at AT TIME ZONE 'UTC')::date", Date()),),
                 rows_filter="submitted_at IS NOT NULL")
BACKFILL = (*BALANCES.backfill(), *CHARGES.backfill())
DRIFT = (BALANCES.drift(), CHARGES.drift())


def tables(metadata: MetaData, balances: Table, billed_claims: Table) -> tuple[Table, Table]:
    return BALANCES.table(metadata, balances), CHARGES.table(metadata, billed_claims)


def upgrade(op, balances: Table, billed_claims: Table) -> None:
    """For a migration: each rollup's table, then (its source's writers locked out) triggers and backfill."""
    BALANCES.upgrade(op, balances)
    CHARGES.upgrade(op, billed_claims)


def downgrade(op) -> None:
    CHARGES.downgrade(op)
    BALANCES.downgrade(op)
