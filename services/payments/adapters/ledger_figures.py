"""The ledger's one trigger: every figure an INSERT into ledger_entry changes, kept by one statement
trigger that runs the balances' upserts and then the daily flows' (services/payments/adapters/balances.py,
period_figures.py). Two triggers ran the same statements in the same order, each with its own firing and
PL/pgSQL call over the same `new_entries`; one trigger pays that fixed cost once per posting statement.

The order is the two triggers' (they fired in name order): the tenant's balance rows, the claims' balances
(and the A/R aging refresh they fire), then the tenant's daily flows. So postings of one tenant still queue
at the tenant's balance rows, before they hold any claim's row or flow row.
"""
from services.payments.adapters import balances, period_figures

TRIGGER_FUNCTION = f"""
CREATE OR REPLACE FUNCTION ledger_entry_maintain_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN{balances.UPSERTS}{period_figures.FLOW_UPSERT}
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
