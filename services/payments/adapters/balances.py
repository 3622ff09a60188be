"""Maintained balances: each claim's open insurance and patient A/R, and each tenant's account totals,
kept by the database as ledger entries are inserted (one statement-level trigger, one upsert per table
per statement), so A/R aging and the dashboard read the open claims, not the ledger's whole history.

The ledger stays the source of truth: `BACKFILL` (two statements) fills both tables from it, `DRIFT`
counts the claims whose maintained balance disagrees with it, and the trigger adds
exactly what each INSERT into ledger_entry adds (entries are never updated or deleted: a correction
is a reversing transaction). The tenant's rows are a point of contention by design: postings of one
tenant commit one after the other (a deadlock between two multi-statement postings is still possible,
and is retried like any transient database error).
"""

TENANT_UPSERT = """
    -- The tenant's rows first, in account order: a second posting of the same tenant waits here,
    -- before it holds any claim's row, so the two cannot wait on each other.
    INSERT INTO tenant_account_balance AS a (tenant_id, account, amount)
    SELECT e.tenant_id, e.account, sum(e.amount) FROM new_entries e
    GROUP BY e.tenant_id, e.account
    ORDER BY e.tenant_id, e.account
    ON CONFLICT (tenant_id, account) DO UPDATE SET amount = a.amount + EXCLUDED.amount;"""
# The claims' rows, in `claim_id` order (without its semicolon: the ledger's trigger reads the claims it wrote
# from its RETURNING). The day a patient's share started is its transaction's: looked up for those entries only
# (a positive patient A/R amount; an aggregate's FILTER is evaluated before its argument), one index probe
# each, instead of a join of every A/R entry with the ledger's transactions.
CLAIM_UPSERT = """
    INSERT INTO claim_balance AS b (claim_id, tenant_id, insurance_ar, patient_ar, patient_since)
    SELECT e.claim_id, e.tenant_id,
           coalesce(sum(e.amount) FILTER (WHERE e.account = 'ar:insurance'), 0),
           coalesce(sum(e.amount) FILTER (WHERE e.account = 'ar:patient'), 0),
           min(coalesce((SELECT t.created_at FROM ledger_transaction t WHERE t.id = e.transaction_id), now()))
               FILTER (WHERE e.account = 'ar:patient' AND e.amount > 0)
    FROM new_entries e
    WHERE e.claim_id IS NOT NULL AND e.account IN ('ar:insurance', 'ar:patient')
    GROUP BY e.claim_id, e.tenant_id
    ORDER BY e.claim_id
    ON CONFLICT (claim_id) DO UPDATE SET
        insurance_ar = b.insurance_ar + EXCLUDED.insurance_ar,
        patient_ar = b.patient_ar + EXCLUDED.patient_ar,
        patient_since = least(b.patient_since, EXCLUDED.patient_since)"""
UPSERTS = f"{TENANT_UPSERT}{CLAIM_UPSERT};"

TRIGGER_FUNCTION = f"""
CREATE OR REPLACE FUNCTION ledger_entry_maintain_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN{UPSERTS}
    RETURN NULL;
END $$
"""

# The earlier version (for a downgrade): each A/R entry joined with its transaction.
TRIGGER_FUNCTION_JOINED = """
CREATE OR REPLACE FUNCTION ledger_entry_maintain_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- The tenant's rows first, in account order: a second posting of the same tenant waits here,
    -- before it holds any claim's row, so the two cannot wait on each other.
    INSERT INTO tenant_account_balance AS a (tenant_id, account, amount)
    SELECT e.tenant_id, e.account, sum(e.amount) FROM new_entries e
    GROUP BY e.tenant_id, e.account
    ORDER BY e.tenant_id, e.account
    ON CONFLICT (tenant_id, account) DO UPDATE SET amount = a.amount + EXCLUDED.amount;
    INSERT INTO claim_balance AS b (claim_id, tenant_id, insurance_ar, patient_ar, patient_since)
    SELECT e.claim_id, e.tenant_id,
           coalesce(sum(e.amount) FILTER (WHERE e.account = 'ar:insurance'), 0),
           coalesce(sum(e.amount) FILTER (WHERE e.account = 'ar:patient'), 0),
           min(coalesce(t.created_at, now())) FILTER (WHERE e.account = 'ar:patient' AND e.amount > 0)
    FROM new_entries e LEFT JOIN ledger_transaction t ON t.id = e.transaction_id
    WHERE e.claim_id IS NOT NULL AND e.account IN ('ar:insurance', 'ar:patient')
    GROUP BY e.claim_id, e.tenant_id
    ORDER BY e.claim_id
    ON CONFLICT (claim_id) DO UPDATE SET
        insurance_ar = b.insurance_ar + EXCLUDED.insurance_ar,
        patient_ar = b.patient_ar + EXCLUDED.patient_ar,
        patient_since = least(b.patient_since, EXCLUDED.patient_since);
    RETURN NULL;
END $$
"""

TRIGGER = """
CREATE TRIGGER ledger_entry_balances AFTER INSERT ON ledger_entry
REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_maintain_balances()
"""

BACKFILL = ("""
INSERT INTO claim_balance (claim_id, tenant_id, insurance_ar, patient_ar, patient_since)
SELECT e.claim_id, e.tenant_id,
       coalesce(sum(e.amount) FILTER (WHERE e.account = 'ar:insurance'), 0),
       coalesce(sum(e.amount) FILTER (WHERE e.account = 'ar:patient'), 0),
       min(t.created_at) FILTER (WHERE e.account = 'ar:patient' AND e.amount > 0)
FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
WHERE e.claim_id IS NOT NULL AND e.account IN ('ar:insurance', 'ar:patient')
GROUP BY e.claim_id, e.tenant_id
""", """
INSERT INTO tenant_account_balance (tenant_id, account, amount)
SELECT tenant_id, account, sum(amount) FROM ledger_entry GROUP BY tenant_id, account
""")

DRIFT = """
SELECT count(*) FROM (
    SELECT claim_id, sum(amount) FILTER (WHERE account = 'ar:insurance') AS insurance,
           sum(amount) FILTER (WHERE account = 'ar:patient') AS patient
    FROM ledger_entry WHERE claim_id IS NOT NULL AND account IN ('ar:insurance', 'ar:patient') GROUP BY claim_id
) AS ledger FULL JOIN claim_balance AS b USING (claim_id)
WHERE coalesce(ledger.insurance, 0) <> coalesce(b.insurance_ar, 0) OR coalesce(ledger.patient, 0) <> coalesce(b.patient_ar, 0)
"""

# The tenant's open balances with their amounts, which the A/R KPIs once summed from this index alone; they
# read the tenant's account totals now. Naming the amounts, it made every update of a claim's balance write
# new index entries (never HOT). Kept for the migration's downgrade and the bench's side by side.
OPEN_BALANCES_INDEX = ("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_claim_balance_open ON claim_balance (tenant_id) "
                       "INCLUDE (insurance_ar, patient_ar) WHERE insurance_ar <> 0 OR patient_ar <> 0")
