"""The ledger's one trigger: every figure an INSERT into ledger_entry changes, kept by one statement
trigger that runs the balances' upserts and then the daily flows' (services/payments/adapters/balances.py,
period_figures.py). Two triggers ran the same statements in the same order, each with its own firing and
PL/pgSQL call over the same `new_entries`; one trigger pays that fixed cost once per posting statement.

The order is the two triggers' (they fired in name order): the tenant's balance rows, the claims' balances
(and the A/R aging refresh of those claims), then the tenant's daily flows. So postings of one tenant still queue
at the tenant's balance rows, before they hold any claim's row or flow row.
"""
from services.payments.adapters import aging_figures, balances, period_figures

TRIGGER_FUNCTION = f"""
CREATE OR REPLACE FUNCTION ledger_entry_maintain_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN{balances.UPSERTS}{period_figures.FLOW_UPSERT}
    RETURN NULL;
END $$
"""

# The same statements in the same order, the A/R aging refresh called by this function with the claims whose
# balances it wrote (their RETURNING), where `claim_balance`'s triggers called it with the claims of the
# upsert's transition tables: no join of their old rows with the new, no empty refresh for the INSERT trigger,
# two trigger functions' calls fewer.
TRIGGER_FUNCTION_FEEDING_AGING = f"""
CREATE OR REPLACE FUNCTION ledger_entry_maintain_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    balanced_claims uuid[];
BEGIN{balances.TENANT_UPSERT}
    WITH written AS ({balances.CLAIM_UPSERT}
        RETURNING b.claim_id)
    SELECT coalesce(array_agg(claim_id), '{{}}') INTO balanced_claims FROM written;
    PERFORM ar_aging_refresh(balanced_claims);{period_figures.FLOW_UPSERT}
    RETURN NULL;
END $$
"""

TRIGGER = """
CREATE TRIGGER ledger_entry_figures AFTER INSERT ON ledger_entry
REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_maintain_figures()
"""

# The two triggers it replaces, and their functions (as the earlier migrations left them).
SEPARATE = (("ledger_entry_balances", "ledger_entry_maintain_balances", balances.TRIGGER_FUNCTION, balances.TRIGGER),
            ("ledger_entry_daily_flows", "ledger_entry_daily_flows", period_figures.FLOW_TRIGGER_FUNCTION,
             period_figures.FLOW_TRIGGER))


def install() -> list[str]:
    """The one trigger in place of the two (in a migration's transaction: no posting sees neither)."""
    return [TRIGGER_FUNCTION, TRIGGER,
            *(s for trigger, function, _, _ in SEPARATE
              for s in (f"DROP TRIGGER {trigger} ON ledger_entry", f"DROP FUNCTION {function}()"))]


def separate_triggers() -> list[str]:
    """The two triggers and their functions (CREATE statements; the triggers must not exist)."""
    return [s for _, _, function, trigger in SEPARATE for s in (function, trigger)]


def uninstall() -> list[str]:
    """The two triggers back, then the one dropped."""
    return [*separate_triggers(), "DROP TRIGGER ledger_entry_figures ON ledger_entry", "DROP FUNCTION ledger_entry_maintain_figures()"]


# For a migration swapping the versions below: a posting already in the ledger's trigger must not meet the
# other version's balance triggers, so the swap waits for the postings under way and holds the next ones back.
POSTINGS_HELD = "LOCK TABLE ledger_entry IN SHARE MODE"


def feed_aging_refresh() -> list[str]:
    """The ledger's function refreshing the claims it wrote; the balances' triggers for direct writes only."""
    return [TRIGGER_FUNCTION_FEEDING_AGING, *aging_figures.balance_triggers(fed=True)]


def follow_aging_refresh() -> list[str]:
    """Back: the balances' triggers refreshing after every write, the ledger's function without the call."""
    return [*aging_figures.balance_triggers(fed=False), TRIGGER_FUNCTION]
