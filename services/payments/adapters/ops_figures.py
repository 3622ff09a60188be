"""The ops dashboard's payments figures over every tenant, maintained so the read is a few rows:

- `tenant_account_balance_all`: every tenant's balance per account in one row (shared/db/rollup.py);
- `submitted_charge_day`: per UTC day of submission, every tenant's billed claims and their charges
  (statement triggers on `billed_claim`, the change being the new rows less the old). The charges
  submitted since a moment are the moment's own day read from `billed_claim` (from the moment to the
  next midnight) plus the whole days after it from these rows: the same sum as over every claim.

`BACKFILL` rebuilds both, `DRIFT` compares them with the base tables.
"""
from sqlalchemy import BigInteger, Column, Date, MetaData, Numeric, Table

from shared.db.figures import Figures, create_maintained, drop_maintained
from shared.db.rollup import Rollup

BALANCES = Rollup("tenant_account_balance", ("account",), ("amount",))
CHARGES = Figures("submitted_charge_day", ("day",), ("claims", "charges"))


def _signed(op: str) -> str:
    rows = "SELECT (submitted_at AT TIME ZONE 'UTC')::date AS day, {sign} AS claims, {sign} * total_charge AS charges " \
           "FROM {table} WHERE submitted_at IS NOT NULL"
    new, old = rows.format(sign=1, table="new_rows"), rows.format(sign=-1, table="old_rows")
    return {"INSERT": new, "DELETE": old, "UPDATE": f"{new} UNION ALL {old}"}[op]


def _change(op: str) -> str:
    return CHARGES.add(f"SELECT day, sum(claims) AS claims, sum(charges) AS charges FROM ({_signed(op)}) AS r GROUP BY day")


TRIGGER_FUNCTION = f"""
CREATE OR REPLACE FUNCTION submitted_charge_day_add() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    emptied submitted_charge_day[];
BEGIN
    IF TG_OP = 'INSERT' THEN {_change("INSERT")}
    ELSIF TG_OP = 'DELETE' THEN {_change("DELETE")}
    ELSE {_change("UPDATE")}
    END IF;
    RETURN NULL;
END $$"""

TRIGGERS = tuple(
    f"CREATE TRIGGER submitted_charge_day_{op.lower()} AFTER {op} ON billed_claim REFERENCING {refs} "
    f"FOR EACH STATEMENT EXECUTE FUNCTION submitted_charge_day_add()"
    for op, refs in (("INSERT", "NEW TABLE AS new_rows"), ("DELETE", "OLD TABLE AS old_rows"),
                     ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows")))

_FRESH_CHARGES = ("SELECT (submitted_at AT TIME ZONE 'UTC')::date AS day, count(*) AS claims, sum(total_charge) AS charges "
                  "FROM billed_claim WHERE submitted_at IS NOT NULL GROUP BY 1")
BACKFILL = (*BALANCES.backfill(), "TRUNCATE submitted_charge_day",
            f"INSERT INTO submitted_charge_day (day, claims, charges) {_FRESH_CHARGES}")
DRIFT = (BALANCES.drift(),
         f"SELECT count(*) FROM ({_FRESH_CHARGES}) AS fresh FULL JOIN submitted_charge_day AS kept USING (day) "
         f"WHERE fresh.claims IS DISTINCT FROM kept.claims OR fresh.charges IS DISTINCT FROM kept.charges")


def tables(metadata: MetaData, balances: Table) -> tuple[Table, Table]:
    return (BALANCES.table(metadata, balances),
            Table("submitted_charge_day", metadata, Column("day", Date, primary_key=True),
                  Column("claims", BigInteger, nullable=False), Column("charges", Numeric(16, 2), nullable=False)))


def upgrade(op, balances: Table) -> None:
    """For a migration: the tables, then (the writers locked out) the triggers and the backfill."""
    create_maintained(op, tables(MetaData(), balances), "tenant_account_balance, billed_claim",
                      (*BALANCES.install(), TRIGGER_FUNCTION, *TRIGGERS, *BACKFILL))


def downgrade(op, balances: Table) -> None:
    drop_maintained(op, tables(MetaData(), balances),
                    (*BALANCES.uninstall(), *(f"DROP TRIGGER IF EXISTS submitted_charge_day_{op_.lower()} ON billed_claim"
                                              for op_ in ("INSERT", "DELETE", "UPDATE")),
                     "DROP FUNCTION IF EXISTS submitted_charge_day_add()"))
