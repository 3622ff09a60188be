"""A/R aging from maintained figures: each tenant's open A/R summed per basis (submission or date of
service), dimension (payer, the patient counted as one, or rendering provider), key and the day it
started to age, with the number of open items. The report buckets these day rows at read time (an
item's age grows daily, the day it started to age does not), so it reads a few hundred rows per
tenant however many claims are open.

An item's figures come from two tables, its claim's maintained balance (`claim_balance`) and its
billed claim (payer, provider, submission, date of service), which a transaction may write in either
order. As with the counts of shared/db/tally.py, `ar_aging_member` remembers what each claim was last
counted as, statement triggers on both tables hand the claims a statement touched to
`ar_aging_refresh(ids)` (the ledger's trigger hands it the claims whose balances it wrote itself), and
that adds the claim's figures as they are now and takes away the ones it was counted under, under a
transaction advisory lock per claim. Figure rows that fall to nothing are deleted, so the tenant's rows
stay the open days only. `BACKFILL` rebuilds, `DRIFT` compares.
"""
from dataclasses import replace

from sqlalchemy import Column, Date, Index, Integer, MetaData, Numeric, Table, Text, Uuid

from shared.db.figures import Figures, create_maintained, drop_maintained
from shared.db.tally import Source, drop_refresh_triggers, item_locks, refresh_triggers
from services.payments.domain.aging import PATIENT, PAYER, PROVIDER, UNKNOWN_PROVIDER

NAME = "ar_aging"
SUBMISSION, DATE_OF_SERVICE = "submission", "date_of_service"
COLUMNS = "claim_id, tenant_id, payer_id, rendering_npi, insurance_ar, patient_ar, submitted_on, served_on, patient_since"

# Each open claim as it should be counted now (the report's join of balances and billed claims).
ITEMS_VIEW = """
CREATE OR REPLACE VIEW ar_aging_item AS
SELECT b.claim_id, b.tenant_id, c.payer_id::text AS payer_id, c.rendering_npi::text AS rendering_npi,
       b.insurance_ar, b.patient_ar, (c.submitted_at AT TIME ZONE 'UTC')::date AS submitted_on,
       c.date_of_service AS served_on, (b.patient_since AT TIME ZONE 'UTC')::date AS patient_since
FROM claim_balance b JOIN billed_claim c ON c.claim_id = b.claim_id AND c.tenant_id = b.tenant_id
WHERE b.insurance_ar <> 0 OR b.patient_ar <> 0"""

# The figures of claims rows `r` (with a sign `r.sign`): per open party (the payer's insurance A/R,
# the patient's), basis and dimension, the day it started to age (NULL: not submitted yet).
FIGURES_OF = f"""
    CROSS JOIN LATERAL (VALUES (r.payer_id, r.insurance_ar, NULL::date),
                               ('{PATIENT}', r.patient_ar, r.patient_since)) AS p(payer_key, amount, party_since)
    CROSS JOIN LATERAL (VALUES ('{SUBMISSION}', r.submitted_on),
                               ('{DATE_OF_SERVICE}', coalesce(r.served_on, r.submitted_on))) AS b(basis, basis_since)
    CROSS JOIN LATERAL (VALUES ('{PAYER}', p.payer_key),
                               ('{PROVIDER}', coalesce(nullif(r.rendering_npi, ''), '{UNKNOWN_PROVIDER}'))) AS d(dimension, key)
    WHERE p.amount <> 0"""

FIGURE_ROWS = (f"SELECT r.tenant_id, b.basis, d.dimension, d.key, coalesce(p.party_since, b.basis_since) AS since, "
               f"sum(r.sign * p.amount) AS amount, sum(r.sign)::int AS items FROM {{rows}} AS r {FIGURES_OF} "
               f"GROUP BY 1, 2, 3, 4, 5")

FIGURES = Figures("ar_aging_figure", ("tenant_id", "basis", "dimension", "key", "since"), ("amount", "items"),
                  nullable_keys=("since",))

# What the claims `ids` add: their figures as they are now, less the ones they were counted under.
CHANGE = FIGURE_ROWS.format(rows=f"""(
            SELECT {COLUMNS}, 1 AS sign FROM ar_aging_item WHERE claim_id = ANY(ids)
            UNION ALL SELECT {COLUMNS}, -1 FROM ar_aging_member WHERE claim_id = ANY(ids))""")


MEMBER_VALUES = tuple(c.strip() for c in COLUMNS.split(",")[1:])

# The claims `ids` as they should be counted now, and as they were counted (read once each, before any
# write of the statement): members leave, change or arrive, and the figures take the difference.
ONE_STATEMENT_CTES = f"""fresh AS MATERIALIZED (SELECT {COLUMNS} FROM ar_aging_item WHERE claim_id = ANY(ids)),
    old AS MATERIALIZED (SELECT {COLUMNS} FROM ar_aging_member WHERE claim_id = ANY(ids)),
    gone AS (DELETE FROM ar_aging_member m WHERE m.claim_id IN (
        SELECT o.claim_id FROM old o WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.claim_id = o.claim_id))),
    moved AS (UPDATE ar_aging_member m SET {", ".join(f"{c} = f.{c}" for c in MEMBER_VALUES)}
        FROM fresh f JOIN old o ON o.claim_id = f.claim_id
        WHERE m.claim_id = f.claim_id
          AND ({", ".join(f"f.{c}" for c in MEMBER_VALUES)}) IS DISTINCT FROM ({", ".join(f"o.{c}" for c in MEMBER_VALUES)})),
    arrived AS (INSERT INTO ar_aging_member ({COLUMNS}) SELECT {COLUMNS} FROM fresh f
        WHERE NOT EXISTS (SELECT 1 FROM old o WHERE o.claim_id = f.claim_id))"""
ONE_STATEMENT_CHANGE = FIGURE_ROWS.format(rows=f"""(
            SELECT {COLUMNS}, 1 AS sign FROM fresh UNION ALL SELECT {COLUMNS}, -1 FROM old)""")


def refresh_function(*, generic_plans: bool = True, one_statement: bool = True) -> str:
    """The refresh function. Its statements read the items view, and with custom plans (Postgres's choice
    for the first calls on every connection, and for some statements at every call) each call planned them
    again: about a millisecond of backend CPU for a batch of two claims, more than running them. Generic
    plans are made once per connection and run a batch of 40 or 200 claims as fast. The view is read once
    per call, by one statement that writes the members and adds the figures; a member whose figures did not
    change is not rewritten (`one_statement=False`, `generic_plans=False`: the earlier versions, for a
    downgrade)."""
    plans = " SET plan_cache_mode = force_generic_plan" if generic_plans else ""
    body = FIGURES.add(ONE_STATEMENT_CHANGE, before=ONE_STATEMENT_CTES) if one_statement else _three_statements()
    return f"""
CREATE OR REPLACE FUNCTION ar_aging_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql{plans} AS $$
DECLARE
    emptied ar_aging_figure[];
BEGIN
    IF cardinality(ids) = 0 THEN RETURN; END IF;
    {item_locks(NAME, guarded="ar_aging_member")}
    {body}
END $$"""


def _three_statements() -> str:
    return f"""{FIGURES.add(CHANGE)}
    DELETE FROM ar_aging_member m WHERE m.claim_id = ANY(ids)
        AND NOT EXISTS (SELECT 1 FROM ar_aging_item i WHERE i.claim_id = m.claim_id);
    INSERT INTO ar_aging_member AS m ({COLUMNS})
    SELECT {COLUMNS} FROM ar_aging_item WHERE claim_id = ANY(ids)
    ON CONFLICT (claim_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, payer_id = EXCLUDED.payer_id,
        rendering_npi = EXCLUDED.rendering_npi, insurance_ar = EXCLUDED.insurance_ar,
        patient_ar = EXCLUDED.patient_ar, submitted_on = EXCLUDED.submitted_on, served_on = EXCLUDED.served_on,
        patient_since = EXCLUDED.patient_since;"""


SOURCES = (Source("claim_balance", "claim_id", ("tenant_id", "insurance_ar", "patient_ar", "patient_since"),
                  row_key="claim_id"),
           Source("billed_claim", "claim_id", ("tenant_id", "payer_id", "rendering_npi", "submitted_at",
                                               "date_of_service"), row_key="claim_id"))

# The claims' balances when the ledger's trigger, which writes them, refreshes the claims it wrote: their own
# triggers then follow only the statements run directly (tests, a backfill, an operator's fix).
BALANCES_FED = replace(SOURCES[0], direct_writes_only=True)


def balance_triggers(*, fed: bool) -> list[str]:
    """The balances' refresh triggers and their function, replaced: fed by the ledger's trigger, or following
    every write (as `install` made them)."""
    source = BALANCES_FED if fed else SOURCES[0]
    return [*drop_refresh_triggers(NAME, source), *refresh_triggers(NAME, source)]


BACKFILL = ("TRUNCATE ar_aging_figure, ar_aging_member",
            f"INSERT INTO ar_aging_member ({COLUMNS}) SELECT {COLUMNS} FROM ar_aging_item",
            f"INSERT INTO ar_aging_figure SELECT * FROM ("
            f"{FIGURE_ROWS.format(rows=f'(SELECT {COLUMNS}, 1 AS sign FROM ar_aging_member)')}) AS fresh")

DRIFT = f"""
SELECT count(*) FROM ({FIGURE_ROWS.format(rows=f'(SELECT {COLUMNS}, 1 AS sign FROM ar_aging_item)')}) AS fresh
FULL JOIN ar_aging_figure AS kept ON kept.tenant_id = fresh.tenant_id AND kept.basis = fresh.basis
    AND kept.dimension = fresh.dimension AND kept.key = fresh.key AND kept.since IS NOT DISTINCT FROM fresh.since
WHERE coalesce(fresh.amount, 0) <> coalesce(kept.amount, 0) OR coalesce(fresh.items, 0) <> coalesce(kept.items, 0)
"""


# A claim's member row is rewritten by the refresh at each posting on the claim, soon after its insert; its
# one index (the claim's id) never changes, so the rewrite is HOT when its page has room.
MEMBER_FILLFACTOR = 70


def tables(metadata: MetaData) -> tuple[Table, Table]:
    figures = Table(
        "ar_aging_figure", metadata, Column("tenant_id", Uuid, nullable=False), Column("basis", Text, nullable=False),
        Column("dimension", Text, nullable=False), Column("key", Text, nullable=False),
        Column("since", Date, nullable=True), Column("amount", Numeric(14, 2), nullable=False),
        Column("items", Integer, nullable=False),
        # The report's read is an index-only scan of the tenant's rows for one basis.
        Index("uq_ar_aging_figure", "tenant_id", "basis", "dimension", "key", "since", unique=True,
              postgresql_nulls_not_distinct=True, postgresql_include=["amount", "items"]))
    members = Table(
        "ar_aging_member", metadata, Column("claim_id", Uuid, primary_key=True), Column("tenant_id", Uuid, nullable=False),
        Column("payer_id", Text, nullable=False), Column("rendering_npi", Text, nullable=True),
        Column("insurance_ar", Numeric(12, 2), nullable=False), Column("patient_ar", Numeric(12, 2), nullable=False),
        Column("submitted_on", Date, nullable=True), Column("served_on", Date, nullable=True),
        Column("patient_since", Date, nullable=True), postgresql_with={"fillfactor": MEMBER_FILLFACTOR})
    return figures, members


def install() -> list[str]:
    """The view, the refresh function and the triggers (the tables come first)."""
    return [ITEMS_VIEW, refresh_function(), *(s for source in SOURCES for s in refresh_triggers(NAME, source))]


def uninstall() -> list[str]:
    return [*(s for source in SOURCES for s in drop_refresh_triggers(NAME, source)),
            "DROP FUNCTION IF EXISTS ar_aging_refresh(uuid[])", "DROP VIEW IF EXISTS ar_aging_item"]



def upgrade(op) -> None:
    """For a migration: the tables, the functions and triggers, the backfill."""
    create_maintained(op, tables(MetaData()), "claim_balance, billed_claim", (*install(), *BACKFILL))


def downgrade(op) -> None:
    drop_maintained(op, tables(MetaData()), uninstall())
