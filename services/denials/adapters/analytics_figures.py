"""Denial analytics from maintained figures per tenant and UTC day, kept by statement triggers in the
writing transaction, so the analytics of a period read the period's day rows, not its adjudications
and denials with each claim's rendering provider.

- `adjudication_figure`: per day of adjudication, claim payments adjudicated and denied under
  `all`, each `payer`, `provider` (the rendering NPI of the submitted claim) and `procedure` (a
  procedure counts as denied when the payer denied that code).
- `denial_figure`: per day a denial was opened, denials and their amount under `all`, each `carc`,
  `category`, `preventable`, each root `cause` (payer, category, procedure as a JSON array) with its
  `cause_preventable`, `cause_carc` and `cause_action` counts, `sla` (`met`: acted on by the row's due
  day, `sla_due`; `missed`: after it; `unacted`), `waiting` (no action yet, still workable), and
  `unacted_due` and `waiting_due` keyed by the due day (YYYY-MM-DD).

A denial's figures come from its own row, so the change is the new rows less the old ones. An
adjudication's provider comes from `submitted_claim`, which can arrive before or after it: both tables'
triggers lock the claims they touch (transaction advisory locks in id order) before reading the other
table, so each adjudication is counted under the provider its claim has when the last of the two commits.
`BACKFILL` rebuilds both, `DRIFT` compares them with the base tables.

Both are summed per month too (`adjudication_month_figure`, `denial_month_figure`: statement triggers on
the day tables, shared/db/rollup.py), but for the dimensions read by their own index, never over a
period's months (`DAYS_ONLY`): a period reads the day rows of its partial first and last months
(`ix_denial_figure_totals`, without those) and the month rows between them. An unacted denial's SLA
verdict waits on the calendar only until its due day, so of `unacted_due` and `waiting_due` the analytics
read the rows due today or later (`ix_denial_figure_due`); of the root causes' CARCs, actions and
preventable counts, the day rows of the period's top causes (`ix_denial_figure_cause`, by the cause the
key starts with).
"""
from dataclasses import replace

from sqlalchemy import Column, Date, Index, Integer, MetaData, Numeric, Table, Text, Uuid

from shared.db.figures import Figures, create_maintained, drop_maintained
from shared.db.rollup import Rollup
from shared.db.tally import item_locks
from services.denials.domain.queue import WORKABLE

NAME = "denial_analytics"
DATED = ("unacted_due", "waiting_due")  # keyed by due day, read only when due today or later
DETAILS = ("cause_action", "cause_carc", "cause_preventable")  # read only for the period's top causes
DAYS_ONLY = DATED + DETAILS  # never summed per month: read by their own index, not over a period's months


def sql_list(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


_MONTH = (("month", "date_trunc('month', day)::date", Date()),)
ADJUDICATION_MONTHS = Rollup("adjudication_figure", ("tenant_id", "month", "dimension", "key"),
                             ("adjudicated", "denied"), table_name="adjudication_month_figure", computed=_MONTH)
DENIAL_MONTHS = Rollup("denial_figure", ("tenant_id", "month", "dimension", "key"), ("denials", "amount"),
                       table_name="denial_month_figure", computed=_MONTH,
                       rows_filter=f"dimension NOT IN {sql_list(DAYS_ONLY)}")
MONTHS = (ADJUDICATION_MONTHS, DENIAL_MONTHS)
ADJUDICATIONS = Figures("adjudication_figure", ("tenant_id", "day", "dimension", "key"), ("adjudicated", "denied"))
DENIALS = Figures("denial_figure", ("tenant_id", "day", "dimension", "key"), ("denials", "amount"))
ADJUDICATION_COLUMNS = "tenant_id, claim_id, payer_id, denied, procedure_codes, denied_procedure_codes, adjudicated_on"

# Adjudication rows `r` (with `r.sign` and the claim's `r.npi`) as figures.
ADJUDICATION_FIGURES = """SELECT r.tenant_id, r.adjudicated_on AS day, k.dimension, k.key,
        sum(r.sign)::int AS adjudicated, sum(r.sign * k.denied)::int AS denied
    FROM {rows} AS r CROSS JOIN LATERAL (
        SELECT 'all', '', r.denied::int UNION ALL SELECT 'payer', r.payer_id, r.denied::int
        UNION ALL SELECT 'provider', r.npi, r.denied::int WHERE r.npi IS NOT NULL
        UNION ALL SELECT DISTINCT 'procedure', code, (code = ANY(r.denied_procedure_codes))::int
            FROM unnest(r.procedure_codes) AS code WHERE code IS NOT NULL) AS k(dimension, key, denied)
    GROUP BY 1, 2, 3, 4"""

WAITING_SQL = f"r.acted_at IS NULL AND r.status IN {sql_list(WORKABLE)}"
# The SLA dimensions of a denial row `r`: its verdict when acted on, and its due day while not.
SLA_BY_DUE = f"""
        UNION ALL SELECT 'sla', CASE WHEN r.acted_at IS NULL THEN 'unacted'
            WHEN (r.acted_at AT TIME ZONE 'UTC')::date <= r.sla_due THEN 'met' ELSE 'missed' END, 0
        UNION ALL SELECT 'unacted_due', to_char(r.sla_due, 'YYYY-MM-DD'), 0 WHERE r.acted_at IS NULL
        UNION ALL SELECT 'waiting', '', 0 WHERE {WAITING_SQL}
        UNION ALL SELECT 'waiting_due', to_char(r.sla_due, 'YYYY-MM-DD'), 0 WHERE {WAITING_SQL}"""
# Before the due days: the day of the first action ('' while none) per day opened, read per day.
SLA_BY_DAY = f"""
        UNION ALL SELECT 'sla', coalesce(to_char(r.acted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), ''), 0
        UNION ALL SELECT 'waiting', '', 0 WHERE {WAITING_SQL}"""
DATED_BY_DAY = ("sla", "waiting")


def denial_figures_sql(sla: str = SLA_BY_DUE) -> str:
    """Denial rows `{rows}` (with `r.sign`) as figures."""
    return f"""SELECT r.tenant_id, (r.opened_at AT TIME ZONE 'UTC')::date AS day, k.dimension, k.key,
        sum(r.sign)::int AS denials, sum(r.sign * k.amount) AS amount
    FROM {{rows}} AS r CROSS JOIN LATERAL (SELECT jsonb_build_array(r.payer_id, r.category, r.procedure_code) AS cause)
        AS c CROSS JOIN LATERAL (
        SELECT 'all', '', r.amount UNION ALL SELECT 'category', r.category, r.amount
        UNION ALL SELECT DISTINCT 'carc', code, r.amount FROM unnest(r.carc_codes) AS code WHERE code IS NOT NULL
        UNION ALL SELECT 'preventable', '', r.amount WHERE r.preventable
        UNION ALL SELECT 'cause', c.cause::text, r.amount
        UNION ALL SELECT 'cause_preventable', c.cause::text, 0 WHERE r.preventable
        UNION ALL SELECT DISTINCT 'cause_carc', (c.cause || to_jsonb(code))::text, 0
            FROM unnest(r.carc_codes) AS code WHERE code IS NOT NULL
        UNION ALL SELECT 'cause_action', (c.cause || to_jsonb(r.recommended_action))::text, 0{sla}
    ) AS k(dimension, key, amount)
    WHERE r.opened_at IS NOT NULL
    GROUP BY 1, 2, 3, 4"""


DENIAL_FIGURES = denial_figures_sql()


DENIAL_COLUMNS = ("tenant_id, payer_id, category, procedure_code, carc_codes, preventable, recommended_action, "
                  "amount, opened_at, acted_at, status, sla_due")


def _signed(columns: str, op: str) -> str:
    """The rows a statement wrote, with their sign: the new ones add, the old ones take away."""
    new, old = f"SELECT {columns}, 1 AS sign FROM new_rows", f"SELECT {columns}, -1 AS sign FROM old_rows"
    return {"INSERT": new, "DELETE": old, "UPDATE": f"{new} UNION ALL {old}"}[op]


def _with_npi(adjudications: str) -> str:
    return (f"(SELECT a.*, s.rendering_npi::text AS npi FROM ({adjudications}) AS a "
            f"LEFT JOIN submitted_claim s ON s.claim_id = a.claim_id)")


def _lock_claims(op: str) -> str:
    return f"""claims := ARRAY(SELECT DISTINCT claim_id FROM ({_signed("claim_id", op)}) AS c WHERE claim_id IS NOT NULL);
    {item_locks(NAME, "claims", guarded="adjudication_figure")}"""


def _denial_change(op: str, figures: str = DENIAL_FIGURES) -> str:
    return DENIALS.add(figures.format(rows=f"({_signed(DENIAL_COLUMNS, op)})"))


def _adjudication_change(op: str) -> str:
    rows = _with_npi(_signed(ADJUDICATION_COLUMNS, op))
    return f"""{_lock_claims(op)}
    {ADJUDICATIONS.add(ADJUDICATION_FIGURES.format(rows=rows))}"""


def _provider_change(op: str) -> str:
    """A claim's rendering provider came or changed: its adjudications move from the old one to the new."""
    moved = f"""SELECT a.tenant_id, a.adjudicated_on, 'provider', n.rendering_npi::text,
        sum(n.sign)::int AS adjudicated, sum(n.sign * a.denied::int)::int AS denied
    FROM ({_signed("claim_id, rendering_npi", op)}) AS n JOIN adjudicated_claim a ON a.claim_id = n.claim_id
    WHERE n.rendering_npi IS NOT NULL GROUP BY 1, 2, 3, 4"""
    return f"""{_lock_claims(op)}
    {ADJUDICATIONS.add(moved)}"""


# (table, trigger function, its variables, the change a statement of each kind makes)
TRIGGERS = (("denial", "denial_figures_from_denial", "emptied denial_figure[];", _denial_change),
            ("adjudicated_claim", "adjudication_figures_from_adjudicated_claim",
             "emptied adjudication_figure[]; claims uuid[];", _adjudication_change),
            ("submitted_claim", "adjudication_figures_from_submitted_claim",
             "emptied adjudication_figure[]; claims uuid[];", _provider_change))
OPERATIONS = (("INSERT", "NEW TABLE AS new_rows"), ("DELETE", "OLD TABLE AS old_rows"),
              ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"))


def _function(name: str, variables: str, change) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    {variables}
BEGIN
    IF TG_OP = 'INSERT' THEN {change("INSERT")}
    ELSIF TG_OP = 'DELETE' THEN {change("DELETE")}
    ELSE {change("UPDATE")}
    END IF;
    RETURN NULL;
END $$"""


def install() -> list[str]:
    """The trigger functions and statement triggers (the tables come first)."""
    return [statement for table, name, variables, change in TRIGGERS for statement in (
        _function(name, variables, change),
        *(f"CREATE TRIGGER {name}_{op.lower()} AFTER {op} ON {table} REFERENCING {refs} "
          f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()" for op, refs in OPERATIONS))]


def uninstall() -> list[str]:
    return [statement for table, name, _, _ in TRIGGERS for statement in (
        *(f"DROP TRIGGER IF EXISTS {name}_{op.lower()} ON {table}" for op, _ in OPERATIONS),
        f"DROP FUNCTION IF EXISTS {name}()")]


_ALL_ADJUDICATIONS = _with_npi(f"SELECT {ADJUDICATION_COLUMNS}, 1 AS sign FROM adjudicated_claim")
_ALL_DENIALS = ("(SELECT *, 1 AS sign FROM denial)")
BACKFILL = ("TRUNCATE adjudication_figure, denial_figure",
            f"INSERT INTO adjudication_figure {ADJUDICATION_FIGURES.format(rows=_ALL_ADJUDICATIONS)}",
            f"INSERT INTO denial_figure {DENIAL_FIGURES.format(rows=_ALL_DENIALS)}")


def _drift(table: str, figures: str, values: tuple[str, str]) -> str:
    differs = " OR ".join(f"coalesce(fresh.{v}, 0) <> coalesce(kept.{v}, 0)" for v in values)
    return (f"SELECT count(*) FROM ({figures}) AS fresh FULL JOIN {table} AS kept "
            f"USING (tenant_id, day, dimension, key) WHERE {differs}")


DRIFT = (_drift("adjudication_figure", ADJUDICATION_FIGURES.format(rows=_ALL_ADJUDICATIONS), ADJUDICATIONS.values),
         _drift("denial_figure", DENIAL_FIGURES.format(rows=_ALL_DENIALS), DENIALS.values))


def tables(metadata: MetaData) -> tuple[Table, Table]:
    def figure_table(figures: Figures, *values: Column) -> Table:
        # The analytics read a period of the tenant's rows as an index-only scan.
        return Table(figures.table, metadata, Column("tenant_id", Uuid, nullable=False),
                     Column("day", Date, nullable=False), Column("dimension", Text, nullable=False),
                     Column("key", Text, nullable=False), *values,
                     Index(f"uq_{figures.table}", *figures.keys, unique=True, postgresql_include=list(figures.values)))

    return (figure_table(ADJUDICATIONS, Column("adjudicated", Integer, nullable=False),
                         Column("denied", Integer, nullable=False)),
            figure_table(DENIALS, Column("denials", Integer, nullable=False),
                         Column("amount", Numeric(14, 2), nullable=False)))


DATED_INDEX = "ix_denial_figure_dated"  # the SLA dimensions read per day opened, before the due days


def month_tables(metadata: MetaData, days: tuple[Table, Table]) -> tuple[Table, Table]:
    return tuple(months.table(metadata, table) for months, table in zip(MONTHS, days))


def upgrade_months(op) -> None:
    """For a migration: the month tables, their triggers and backfill, and the per-day dimensions' index."""
    days = tables(MetaData())
    for months, table in zip(MONTHS, days):
        months.upgrade(op, table)
    _create_dated_index(op)


def _create_dated_index(op) -> None:
    op.execute(f"CREATE INDEX IF NOT EXISTS {DATED_INDEX} ON denial_figure (tenant_id, dimension, day) "
               f"INCLUDE (key, denials, amount) WHERE dimension IN {sql_list(DATED_BY_DAY)}")


def downgrade_months(op) -> None:
    op.execute(f"DROP INDEX IF EXISTS {DATED_INDEX}")
    for months in reversed(MONTHS):
        months.downgrade(op)


CAUSE_OF_KEY = "((key::jsonb - 3)::text)"  # a `cause*` key's cause: the key itself, or all but the CARC or action
# name -> (columns, included columns, the rows it holds), on denial_figure
READ_INDEXES = {
    "ix_denial_figure_due": ("tenant_id, dimension, key, day", "denials, amount", f"dimension IN {sql_list(DATED)}"),
    "ix_denial_figure_totals": ("tenant_id, day, dimension, key", "denials, amount",
                                f"dimension NOT IN {sql_list(DAYS_ONLY)}"),
    "ix_denial_figure_cause": (f"tenant_id, {CAUSE_OF_KEY}, day", "dimension, key, denials",
                               f"dimension IN {sql_list(DETAILS)}"),
}


def _denial_figures_again(op, figures: str, months: Rollup) -> None:
    """The denial trigger and month rollup functions replaced, and both tables rebuilt from the denials."""
    table, name, variables, _ = TRIGGERS[0]
    op.execute(f"LOCK TABLE {table} IN SHARE MODE")
    for statement in (_function(name, variables, lambda operation: _denial_change(operation, figures)),
                      months.function(), "TRUNCATE denial_figure",
                      f"INSERT INTO denial_figure {figures.format(rows=_ALL_DENIALS)}", *months.backfill()):
        op.execute(statement)


def upgrade_due_days(op) -> None:
    """For a migration (the denials' `sla_due` agreeing with their day opened): the SLA figures by due
    day, the rows rebuilt, and the indexes the analytics read."""
    _denial_figures_again(op, DENIAL_FIGURES, DENIAL_MONTHS)
    op.execute(f"DROP INDEX IF EXISTS {DATED_INDEX}")
    for name, (columns, included, rows) in READ_INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON denial_figure ({columns}) INCLUDE ({included}) WHERE {rows}")


def downgrade_due_days(op) -> None:
    for name in READ_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    _denial_figures_again(op, denial_figures_sql(SLA_BY_DAY),
                          replace(DENIAL_MONTHS, rows_filter=f"dimension NOT IN {sql_list(DATED_BY_DAY)}"))
    _create_dated_index(op)


def upgrade(op) -> None:
    """For a migration: the tables, the functions and triggers, the backfill."""
    create_maintained(op, tables(MetaData()), "adjudicated_claim, submitted_claim, denial", (*install(), *BACKFILL))


def downgrade(op) -> None:
    drop_maintained(op, tables(MetaData()), uninstall())
