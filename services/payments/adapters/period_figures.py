"""Per tenant and UTC day, what A/R KPIs sum over a period: the ledger's flows per account, and the
billed claims' charges counted per billing lag (days from service to submission). Statement-level
triggers keep both exact in the writing transaction, so the KPIs read one row per day and account
(and per lag) of the period instead of every posting and claim in it.

Ledger entries are only ever inserted (a correction is a reversing transaction), so the flows follow
INSERT only; billed claims follow INSERT, UPDATE and DELETE (the change is the new rows less the old).
A day is the UTC date of the posting's transaction or of the claim's submission, so a period starting
at a UTC midnight is a whole number of days. `BACKFILL` rebuilds both from the base tables.
"""
from sqlalchemy import Column, Date, Index, Integer, MetaData, Numeric, String, Table, Uuid

# The statement's entries summed per transaction and account first, and each transaction's day looked up
# once (an index probe), instead of joining every entry with the ledger's transactions: the planner
# hashed the whole transactions table for that join while it was small enough, a cost that grew with
# the ledger.
FLOW_UPSERT = """
    WITH days AS MATERIALIZED (
        SELECT x.id, (coalesce((SELECT t.created_at FROM ledger_transaction t WHERE t.id = x.id), now())
                      AT TIME ZONE 'UTC')::date AS day
        FROM (SELECT DISTINCT transaction_id AS id FROM new_entries) AS x)
    INSERT INTO tenant_daily_flow AS f (tenant_id, day, account, amount)
    SELECT e.tenant_id, d.day, e.account, sum(e.amount)
    FROM (SELECT transaction_id, tenant_id, account, sum(amount) AS amount FROM new_entries GROUP BY 1, 2, 3) AS e
    JOIN days d ON d.id = e.transaction_id
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (tenant_id, day, account) DO UPDATE SET amount = f.amount + EXCLUDED.amount;"""

FLOW_TRIGGER_FUNCTION = f"""
CREATE OR REPLACE FUNCTION ledger_entry_daily_flows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN{FLOW_UPSERT}
    RETURN NULL;
END $$
"""

# The earlier version (for a downgrade): every entry joined with its transaction.
FLOW_TRIGGER_FUNCTION_JOINED = """
CREATE OR REPLACE FUNCTION ledger_entry_daily_flows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tenant_daily_flow AS f (tenant_id, day, account, amount)
    SELECT e.tenant_id, (coalesce(t.created_at, now()) AT TIME ZONE 'UTC')::date, e.account, sum(e.amount)
    FROM new_entries e LEFT JOIN ledger_transaction t ON t.id = e.transaction_id
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (tenant_id, day, account) DO UPDATE SET amount = f.amount + EXCLUDED.amount;
    RETURN NULL;
END $$
"""

# Fires after ledger_entry_balances (triggers run in name order): the tenant's balance rows are taken
# first, as before, so postings of one tenant still queue at the same place.
FLOW_TRIGGER = """
CREATE TRIGGER ledger_entry_daily_flows AFTER INSERT ON ledger_entry
REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_daily_flows()
"""


# A later payer's claim bills the encounter's services again and holds no charge of its own
# (receivable_claim_id names the first claim): charges and billing lag count first claims only.
def _charge_change(rows: str, sign: int) -> str:
    return f"""
        INSERT INTO tenant_daily_charge AS c (tenant_id, day, lag_days, claims, charges)
        SELECT tenant_id, day, lag_days, {sign} * count(*), {sign} * sum(total_charge) FROM (
            SELECT tenant_id, (submitted_at AT TIME ZONE 'UTC')::date AS day,
                   (submitted_at AT TIME ZONE 'UTC')::date - date_of_service AS lag_days, total_charge
            FROM {rows} WHERE submitted_at IS NOT NULL AND receivable_claim_id IS NULL) AS r
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (tenant_id, day, lag_days) DO UPDATE
        SET claims = c.claims + EXCLUDED.claims, charges = c.charges + EXCLUDED.charges;"""


CHARGE_TRIGGER_FUNCTION = f"""
CREATE OR REPLACE FUNCTION billed_claim_daily_charges() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN {_charge_change("old_rows", -1)}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN {_charge_change("new_rows", 1)}
    END IF;
    RETURN NULL;
END $$
"""

CHARGE_TRIGGERS = tuple(
    f"CREATE TRIGGER billed_claim_daily_charges_{op.lower()} AFTER {op} ON billed_claim REFERENCING {refs} "
    f"FOR EACH STATEMENT EXECUTE FUNCTION billed_claim_daily_charges()"
    for op, refs in (("INSERT", "NEW TABLE AS new_rows"), ("DELETE", "OLD TABLE AS old_rows"),
                     ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows")))

BACKFILL = ("""
INSERT INTO tenant_daily_flow (tenant_id, day, account, amount)
SELECT e.tenant_id, (t.created_at AT TIME ZONE 'UTC')::date, e.account, sum(e.amount)
FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id GROUP BY 1, 2, 3
""", """
INSERT INTO tenant_daily_charge (tenant_id, day, lag_days, claims, charges)
SELECT tenant_id, (submitted_at AT TIME ZONE 'UTC')::date,
       (submitted_at AT TIME ZONE 'UTC')::date - date_of_service, count(*), sum(total_charge)
FROM billed_claim WHERE submitted_at IS NOT NULL AND receivable_claim_id IS NULL GROUP BY 1, 2, 3
""")

DRIFT = ("""
SELECT count(*) FROM (
    SELECT e.tenant_id, (t.created_at AT TIME ZONE 'UTC')::date AS day, e.account, sum(e.amount) AS amount
    FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id GROUP BY 1, 2, 3) AS fresh
FULL JOIN (SELECT * FROM tenant_daily_flow WHERE amount <> 0) AS kept USING (tenant_id, day, account)
WHERE coalesce(fresh.amount, 0) <> coalesce(kept.amount, 0)
""", """
SELECT count(*) FROM (
    SELECT tenant_id, (submitted_at AT TIME ZONE 'UTC')::date AS day,
           (submitted_at AT TIME ZONE 'UTC')::date - date_of_service AS lag_days,
           count(*) AS claims, sum(total_charge) AS charges
    FROM billed_claim WHERE submitted_at IS NOT NULL AND receivable_claim_id IS NULL GROUP BY 1, 2, 3) AS fresh
FULL JOIN (SELECT * FROM tenant_daily_charge WHERE claims <> 0) AS kept
    ON kept.tenant_id = fresh.tenant_id AND kept.day = fresh.day AND kept.lag_days IS NOT DISTINCT FROM fresh.lag_days
WHERE coalesce(fresh.claims, 0) <> coalesce(kept.claims, 0) OR coalesce(fresh.charges, 0) <> coalesce(kept.charges, 0)
""")


def tables(metadata: MetaData) -> tuple[Table, Table]:
    flows = Table("tenant_daily_flow", metadata, Column("tenant_id", Uuid, nullable=False),
                  Column("day", Date, nullable=False), Column("account", String(40), nullable=False),
                  Column("amount", Numeric(14, 2), nullable=False),
                  # A/R KPIs read a period of the tenant's flows from this index alone (index-only scan).
                  Index("uq_tenant_daily_flow", "tenant_id", "day", "account", unique=True,
                        postgresql_include=["amount"]))
    charges = Table("tenant_daily_charge", metadata, Column("tenant_id", Uuid, nullable=False),
                    Column("day", Date, nullable=False), Column("lag_days", Integer, nullable=True),
                    Column("claims", Integer, nullable=False), Column("charges", Numeric(14, 2), nullable=False),
                    # A/R KPIs read a period of the tenant's rows from this index alone (index-only scan).
                    Index("uq_tenant_daily_charge", "tenant_id", "day", "lag_days", unique=True,
                          postgresql_nulls_not_distinct=True, postgresql_include=["claims", "charges"]))
    return flows, charges
