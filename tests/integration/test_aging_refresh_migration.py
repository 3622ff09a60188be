"""The migration that has the ledger's trigger call the A/R aging refresh with the claims whose balances it
wrote: after it, a posting refreshes its claims once, from the ledger's function, and `claim_balance`'s own
triggers stay for the statements run directly; the downgrade puts the triggers' calls back; upgrading again,
or running the upgrade's statements once more, lands in the same place. At every step the aging figures equal
their recomputation from the balances."""
import asyncio
import uuid

import asyncpg
from alembic import command

from services.payments.adapters import aging_figures, ledger_figures
from tests.integration.figures_support import execute, migrated
from tools.bench.stages import database_url

BEFORE = "d2f4a6c8e0b1"
DB = "aging_refresh_migration"  # billing_aging_refresh_migration: a database of its own, migrated back and forth
TENANT = uuid.UUID("00000000-0000-0000-0000-000000000002")
DEPTH_GUARDED = ("SELECT count(*)::int FROM pg_trigger WHERE tgrelid = 'claim_balance'::regclass "
                 "AND tgname LIKE 'ar_aging_%' AND pg_get_triggerdef(oid) LIKE '%pg_trigger_depth() = 0%'")
CALLS = ("SELECT coalesce(sum(pg_stat_get_xact_function_calls(p.oid)), 0)::int FROM pg_proc p "
         "WHERE p.proname = $1")


async def _refreshes(server: str, sql: str, *args) -> dict[str, int]:
    """One statement in a transaction of its own: how often it called the refresh and the triggers' function."""
    conn = await asyncpg.connect(database_url(server, DB))
    try:
        await conn.execute("SET track_functions = 'pl'")
        async with conn.transaction():
            await conn.execute(sql, *args)
            return {name: await conn.fetchval(CALLS, name)
                    for name in ("ar_aging_refresh", "ar_aging_from_claim_balance")}
    finally:
        await conn.close()


async def _claim(server: str) -> uuid.UUID:
    claim_id = uuid.uuid4()
    await execute(server, DB, (
        ("INSERT INTO billed_claim (claim_id, tenant_id, patient_id, payer_id, patient_control_number, total_charge,"
         " lines, submitted_at) VALUES ($1, $2, 'P1', 'PAYER1', 'PCN1', 150, '[]', now())"), claim_id, TENANT))
    return claim_id


async def _posted(server: str, claim_id: uuid.UUID, insurance: int, patient: int) -> dict[str, int]:
    """A posting moving amounts between the claim's insurance and patient A/R and cash, as one statement."""
    return await _refreshes(server, """
        WITH t AS (INSERT INTO ledger_transaction (id, tenant_id, claim_id, kind)
                   VALUES (gen_random_uuid(), $2, $1, 'payment') RETURNING id)
        INSERT INTO ledger_entry (transaction_id, tenant_id, claim_id, account, amount)
        SELECT t.id, $2, $1, a.account, a.amount FROM t, (VALUES ('ar:insurance', $3::numeric),
            ('ar:patient', $4::numeric), ('cash:clearing', -($3::numeric + $4::numeric))) AS a(account, amount)""",
                                 claim_id, TENANT, insurance, patient)


async def _steps(server: str) -> list:
    """A charge, a payment moving part to the patient, an operator's direct fix of the balance; then the
    drift of the figures and the triggers guarded by depth."""
    claim_id = await _claim(server)
    charge = await _posted(server, claim_id, 150, 0)
    payment = await _posted(server, claim_id, -120, 20)
    fix = await _refreshes(server, "UPDATE claim_balance SET patient_ar = patient_ar - 5 WHERE claim_id = $1", claim_id)
    drift_and_guards = await execute(server, DB, (aging_figures.DRIFT,), (DEPTH_GUARDED,))
    return [charge, payment, fix, *drift_and_guards]


FED = [{"ar_aging_refresh": 1, "ar_aging_from_claim_balance": 0}] * 2 + [
    {"ar_aging_refresh": 1, "ar_aging_from_claim_balance": 1}, 0, 3]
# The balances' INSERT ... ON CONFLICT fires their INSERT and UPDATE triggers, each calling the refresh.
FOLLOWED = [{"ar_aging_refresh": 2, "ar_aging_from_claim_balance": 2}] * 2 + [
    {"ar_aging_refresh": 1, "ar_aging_from_claim_balance": 1}, 0, 0]


async def test_the_aging_refresh_migration_goes_down_and_up_with_the_figures_kept(infrastructure):
    server = infrastructure.database_url
    config = await migrated(server, "payments", DB, BEFORE)
    assert await _steps(server) == FOLLOWED

    await asyncio.to_thread(command.upgrade, config, "head")
    assert await _steps(server) == FED

    await asyncio.to_thread(command.downgrade, config, BEFORE)
    assert await _steps(server) == FOLLOWED

    await asyncio.to_thread(command.upgrade, config, "head")
    assert await _steps(server) == FED

    # The upgrade's statements run again on the upgraded database leave it as it was.
    await execute(server, DB, *((s,) for s in ledger_figures.feed_aging_refresh()))
    assert await _steps(server) == FED
