"""The batch reads of the ledger's entries and of the open denials bind their keys as one array (`= ANY`): each
must still find its rows through its index, in a generic plan too (asyncpg prepares statements, and Postgres
switches a prepared statement to a generic plan after a few runs), and answer the rows an IN list answered.

The rows are seeded, read, planned and rolled back in one transaction: no running service ever sees them."""
from decimal import Decimal
from hashlib import md5
from uuid import UUID

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.engine import make_engine
from services.denials.adapters.repositories import DenialsUnitOfWork
from services.denials.settings import Settings as DenialsSettings
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.settings import Settings as PaymentsSettings

TENANT = UUID(md5(b"tenant").hexdigest())


def key(kind: str, n: int) -> UUID:
    return UUID(md5(f"{kind}{n}".encode()).hexdigest())


# 40,000 transactions of 20,000 claims, each with two entries (insurance, then patient A/R).
LEDGER = (f"""
INSERT INTO ledger_transaction (id, tenant_id, claim_id, kind, created_at)
SELECT md5('transaction' || i)::uuid, '{TENANT}', md5('claim' || (i / 2))::uuid,
       CASE WHEN i % 2 = 0 THEN 'payment' ELSE 'reversal' END, now() + i * interval '1 s'
FROM generate_series(0, 39999) AS i""", f"""
INSERT INTO ledger_entry (transaction_id, tenant_id, claim_id, account, amount, memo)
SELECT md5('transaction' || (i / 2))::uuid, '{TENANT}', md5('claim' || (i / 4))::uuid,
       CASE WHEN i % 2 = 0 THEN 'ar:insurance' ELSE 'ar:patient' END, (i % 2 * 2 - 1) * 5.00, 'entry ' || i
FROM generate_series(0, 79999) AS i""", "ANALYZE ledger_entry", "ANALYZE ledger_transaction")

# 30,000 denials of 10,000 claims: of each claim's three, one open, one appealed, one resolved.
DENIALS = (f"""
INSERT INTO denial (id, tenant_id, claim_id, remit_id, payer_id, level, carc_codes, rarc_codes, category,
                    preventable, recommended_action, explanation, amount, partial, status, priority,
                    appeal_deadline, sla_due)
SELECT md5('denial' || i)::uuid, '{TENANT}', md5('claim' || (i / 3))::uuid, 'R' || i, 'AETNA', 'claim',
       '{{CO-16}}', '{{}}', 'missing_info', true, 'correct', '[]', 10.00, false,
       (ARRAY['open', 'appealed', 'resolved'])[i % 3 + 1], 1, current_date + 30, current_date + 7
FROM generate_series(0, 29999) AS i""", "ANALYZE denial")


@pytest.fixture(scope="module")
async def engines(infrastructure):
    engines = {"payments": make_engine(PaymentsSettings(database_url=infrastructure.database_url)),
               "denials": make_engine(DenialsSettings(database_url=infrastructure.database_url))}
    yield engines
    for engine in engines.values():
        await engine.dispose()


async def _read_and_plan(engine, unit_of_work, seeds, read):
    """What `read(uow)` answers over the seeded rows, and the generic plan of every statement it sends."""
    statements = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):
        statements.append((statement, parameters))

    async with engine.connect() as conn:
        transaction = await conn.begin()
        try:
            for seed in (*seeds, "SET LOCAL plan_cache_mode = force_generic_plan"):
                await conn.execute(text(seed))
            event.listen(conn.sync_connection, "before_cursor_execute", keep)
            answer = await read(unit_of_work(AsyncSession(bind=conn)))
            event.remove(conn.sync_connection, "before_cursor_execute", keep)
            plans = [(await conn.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {statement}", parameters)).scalar()[0]["Plan"]
                     for statement, parameters in statements]
            return answer, statements, plans
        finally:
            await transaction.rollback()


def _scans(plan: dict, table: str) -> list[tuple[str, str | None]]:
    """Every read of `table` in the plan: (node, index)."""
    own = [(plan["Node Type"], plan.get("Index Name"))] if plan.get("Relation Name") == table else []
    if plan["Node Type"] == "Bitmap Heap Scan" and own:
        own = [(plan["Node Type"], name) for child in plan["Plans"] for name in [child.get("Index Name")]]
    return own + [scan for child in plan.get("Plans", []) for scan in _scans(child, table)]


async def test_a_claims_reversals_and_patient_entries_read_their_entries_by_index(engines):
    async def read(uow):
        reversals = await uow.ledger.reversals_named(TENANT, key("claim", 1), "")  # no such number: no entries read
        found = await uow.ledger._transactions([key("transaction", 5), key("transaction", 6), key("transaction", 5)],
                                               "reversal")
        patient = await uow.ledger.patient_entries(TENANT, [key("claim", 3), key("claim", 4), key("claim", 99999)])
        return reversals, found, patient

    (reversals, found, patient), statements, plans = await _read_and_plan(
        engines["payments"], PaymentsUnitOfWork, LEDGER, read)

    assert reversals == []
    assert sorted(found) == sorted([key("transaction", 5), key("transaction", 6)])
    assert [[(e.account, e.amount, e.memo) for e in found[key("transaction", n)].entries] for n in (5, 6)] == [
        [("ar:insurance", Decimal("-5.00"), "entry 10"), ("ar:patient", Decimal("5.00"), "entry 11")],
        [("ar:insurance", Decimal("-5.00"), "entry 12"), ("ar:patient", Decimal("5.00"), "entry 13")]]
    assert [(entry.memo, kind) for entry, kind, _ in patient] == [
        ("entry 13", "payment"), ("entry 15", "reversal"), ("entry 17", "payment"), ("entry 19", "reversal")]
    assert all(" IN (" not in statement for statement, _ in statements)
    entries_scans = [_scans(plan, "ledger_entry") for plan in plans[1:]]
    assert entries_scans[0] and {index for _, index in entries_scans[0]} == {"ix_ledger_entry_transaction_id"}
    assert entries_scans[1] and {index for _, index in entries_scans[1]} == {"ix_ledger_entry_claim_id"}


async def test_a_remits_claims_open_denials_are_read_by_the_claims_index(engines):
    async def read(uow):
        return await uow.denials.open_on_claims([key("claim", 7), key("claim", 8), key("claim", 99999)])

    found, statements, plans = await _read_and_plan(engines["denials"], DenialsUnitOfWork, DENIALS, read)

    assert sorted((d.remit_id, d.claim_id) for d in found) == sorted(
        [("R21", key("claim", 7)), ("R22", key("claim", 7)), ("R24", key("claim", 8)), ("R25", key("claim", 8))])
    assert [d.id for d in found] == sorted(d.id for d in found)
    assert all(" IN (" not in statement for statement, _ in statements)
    scans = _scans(plans[-1], "denial")
    assert scans and {index for _, index in scans} == {"ix_denial_claim_id"}
