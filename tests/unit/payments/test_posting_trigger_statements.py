"""The SQL that keeps the posting's maintained figures: how often each trigger reads what it needs, and the
earlier versions kept for a downgrade."""
import pytest

from services.payments.adapters import aging_figures, balances, ledger_figures, period_figures
from shared.db.figures import Figures

pytestmark = pytest.mark.unit


def test_the_aging_refresh_reads_the_items_view_once_and_can_be_put_back():
    current = aging_figures.refresh_function()
    assert current.count("FROM ar_aging_item") == 1 and "force_generic_plan" in current
    assert current in aging_figures.install()
    earlier = aging_figures.refresh_function(one_statement=False)
    assert earlier.count("FROM ar_aging_item") == 3 and "force_generic_plan" in earlier
    assert "plan_cache_mode" not in aging_figures.refresh_function(generic_plans=False, one_statement=False)


def test_the_aging_refresh_rewrites_only_the_members_whose_figures_changed():
    current = aging_figures.refresh_function()
    assert "ON CONFLICT (claim_id)" not in current
    moved = current[current.index("moved AS"):current.index("arrived AS")]
    assert "IS DISTINCT FROM" in moved
    for column in aging_figures.MEMBER_VALUES:
        assert f"f.{column}" in moved and f"o.{column}" in moved


def test_figures_added_after_other_writes_share_their_statement_and_are_unchanged_without_them():
    figures = Figures("t_figure", ("tenant_id", "day"), ("amount",))
    alone = figures.add("SELECT 1, 2, 3")
    assert "WITH changed AS (" in alone
    shared = figures.add("SELECT * FROM fresh", before="fresh AS (SELECT 1, 2, 3)")
    assert "WITH fresh AS (SELECT 1, 2, 3),\n    changed AS (" in shared
    assert shared.replace("fresh AS (SELECT 1, 2, 3),\n    ", "").replace("SELECT * FROM fresh", "SELECT 1, 2, 3") == alone


def test_the_ledger_triggers_look_transactions_up_by_key_instead_of_joining_every_entry():
    for current, earlier in ((balances.TRIGGER_FUNCTION, balances.TRIGGER_FUNCTION_JOINED),
                             (period_figures.FLOW_TRIGGER_FUNCTION, period_figures.FLOW_TRIGGER_FUNCTION_JOINED)):
        assert "JOIN ledger_transaction" not in current
        assert "WHERE t.id = " in current
        assert "LEFT JOIN ledger_transaction t ON t.id = e.transaction_id" in earlier
    # The patient's share's day is looked up only for the entries that open it.
    assert "FILTER (WHERE e.account = 'ar:patient' AND e.amount > 0)" in balances.TRIGGER_FUNCTION
    # Each transaction's day once, not once per entry or per account.
    assert "SELECT DISTINCT transaction_id AS id FROM new_entries" in period_figures.FLOW_TRIGGER_FUNCTION
    assert "AS MATERIALIZED" in period_figures.FLOW_TRIGGER_FUNCTION


def test_one_ledger_trigger_runs_the_balances_then_the_flows_as_the_two_did():
    one = ledger_figures.TRIGGER_FUNCTION
    assert one.index(balances.UPSERTS) < one.index(period_figures.FLOW_UPSERT)
    # The two triggers' functions are those statements alone, so the one runs exactly what they ran.
    assert balances.UPSERTS in balances.TRIGGER_FUNCTION
    assert period_figures.FLOW_UPSERT in period_figures.FLOW_TRIGGER_FUNCTION
    # The tenant's balance rows are still taken first.
    assert one.index("INSERT INTO tenant_account_balance") < one.index("INSERT INTO claim_balance") < one.index(
        "INSERT INTO tenant_daily_flow")


def test_the_one_ledger_trigger_replaces_the_two_and_can_be_put_back():
    installed = ledger_figures.install()
    assert installed[:2] == [ledger_figures.TRIGGER_FUNCTION, ledger_figures.TRIGGER]
    for trigger, function, _, _ in ledger_figures.SEPARATE:
        assert f"DROP TRIGGER {trigger} ON ledger_entry" in installed and f"DROP FUNCTION {function}()" in installed
    restored = ledger_figures.uninstall()
    assert restored[:4] == [balances.TRIGGER_FUNCTION, balances.TRIGGER, period_figures.FLOW_TRIGGER_FUNCTION,
                            period_figures.FLOW_TRIGGER]
    assert restored[-2:] == ["DROP TRIGGER ledger_entry_figures ON ledger_entry",
                             "DROP FUNCTION ledger_entry_maintain_figures()"]


def test_the_ledger_trigger_feeds_the_aging_refresh_the_claims_its_balances_upsert_wrote():
    fed = ledger_figures.TRIGGER_FUNCTION_FEEDING_AGING
    # The same statements in the same order, the claims' upsert unchanged but for its RETURNING.
    assert balances.UPSERTS == f"{balances.TENANT_UPSERT}{balances.CLAIM_UPSERT};"
    assert balances.TENANT_UPSERT in fed and balances.CLAIM_UPSERT in fed and period_figures.FLOW_UPSERT in fed
    assert "ORDER BY e.claim_id" in balances.CLAIM_UPSERT
    assert (fed.index(balances.TENANT_UPSERT) < fed.index(balances.CLAIM_UPSERT) < fed.index("RETURNING b.claim_id")
            < fed.index("PERFORM ar_aging_refresh(balanced_claims)") < fed.index(period_figures.FLOW_UPSERT))


def test_the_balances_triggers_follow_direct_writes_only_when_the_ledger_feeds_the_refresh():
    fed, followed = ledger_figures.feed_aging_refresh(), ledger_figures.follow_aging_refresh()
    assert fed[0] == ledger_figures.TRIGGER_FUNCTION_FEEDING_AGING
    assert followed[-1] == ledger_figures.TRIGGER_FUNCTION
    fed_triggers = [s for s in fed if s.startswith("CREATE TRIGGER ar_aging_")]
    followed_triggers = [s for s in followed if s.startswith("CREATE TRIGGER ar_aging_")]
    assert len(fed_triggers) == len(followed_triggers) == 3
    assert all(" ON claim_balance " in s and "WHEN (pg_trigger_depth() = 0)" in s for s in fed_triggers)
    assert [s.replace(" WHEN (pg_trigger_depth() = 0)", "") for s in fed_triggers] == followed_triggers
    # Both replace what is there, so the migration runs again on an upgraded database; the billed claims'
    # triggers, and the ones the aging figures' first migration installs, are untouched.
    assert all(f"DROP TRIGGER IF EXISTS ar_aging_{op} ON claim_balance" in fed for op in ("insert", "update", "delete"))
    assert followed_triggers == [s for s in aging_figures.install() if s.startswith("CREATE TRIGGER ar_aging_")
                                 and " ON claim_balance " in s]
    assert not any("billed_claim" in s for s in fed + followed)
