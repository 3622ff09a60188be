"""The batch reads of the ledger's entries, of the open denials and of the A/R KPIs' figures bind their keys as one array (`= ANY`): each
must still find its rows through its index, in a generic plan too (asyncpg prepares statements, and Postgres
switches a prepared statement to a generic plan after a few runs), and answer the rows an IN list answered."""
from datetime import date
from decimal import Decimal
from hashlib import md5
from uuid import UUID

import pytest

from shared.db.engine import make_engine
from services.denials.adapters.repositories import DenialsUnitOfWork
from services.denials.settings import Settings as DenialsSettings
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.settings import Settings as PaymentsSettings
from tests.integration.plan_support import seeded_and_planned

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

# The A/R KPIs' maintained figures: 2,000 tenants' totals of five accounts, and 100 tenants' daily flows of
# five accounts over 400 days (the measured tenant among them).
ACCOUNTS = "(ARRAY['revenue:charges', 'cash:clearing', 'cash:patient', 'ar:insurance', 'ar:patient'])[a]"
FIGURES = (f"""
INSERT INTO tenant_account_balance (tenant_id, account, amount)
SELECT CASE WHEN t = 0 THEN '{TENANT}' ELSE md5('tenant' || t)::uuid END, {ACCOUNTS}, t + a
FROM generate_series(0, 1999) AS t, generate_series(1, 5) AS a""", f"""
INSERT INTO tenant_daily_flow (tenant_id, day, account, amount)
SELECT CASE WHEN t = 0 THEN '{TENANT}' ELSE md5('tenant' || t)::uuid END, DATE '2026-12-01' - d, {ACCOUNTS}, a
FROM generate_series(0, 99) AS t, generate_series(0, 399) AS d, generate_series(1, 5) AS a""",
           "ANALYZE tenant_account_balance", "ANALYZE tenant_daily_flow")


@pytest.fixture(scope="module")
async def engines(infrastructure):
    engines = {"payments": make_engine(PaymentsSettings(database_url=infrastructure.database_url)),
               "denials": make_engine(DenialsSettings(database_url=infrastructure.database_url))}
    yield engines
    for engine in engines.values():
        await engine.dispose()


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

    (reversals, found, patient), statements, plans = await seeded_and_planned(
        engines["payments"], LEDGER, lambda session: read(PaymentsUnitOfWork(session)))

    assert reversals == []
    assert sorted(found) == sorted([key("transaction", 5), key("transaction", 6)])
    assert [[(e.account, e.amount, e.memo) for e in found[key("transaction", n)].entries] for n in (5, 6)] == [
        [("ar:insurance", Decimal("-5.00"), "entry 10"), ("ar:patient", Decimal("5.00"), "entry 11")],
        [("ar:insurance", Decimal("-5.00"), "entry 12"), ("ar:patient", Decimal("5.00"), "entry 13")]]
    assert [(entry.memo, kind) for entry, kind, _ in patient] == [
        ("entry 13", "payment"), ("entry 15", "reversal"), ("entry 17", "payment"), ("entry 19", "reversal")]
    assert all(" IN (" not in statement for statement, _ in statements)
    entries_scans = [_scans(plan, "ledger_entry") for plan in plans[1:]]
    assert entries_scans[0] and {index for _, index in entries_scans[0]} == {"ledger_entry_pkey"}
    assert entries_scans[1] and {index for _, index in entries_scans[1]} == {"ix_ledger_entry_claim_id"}


async def test_a_remits_claims_open_denials_are_read_by_the_claims_index(engines):
    async def read(uow):
        return await uow.denials.open_on_claims([key("claim", 7), key("claim", 8), key("claim", 99999)])

    found, statements, plans = await seeded_and_planned(engines["denials"], DENIALS,
                                                       lambda session: read(DenialsUnitOfWork(session)))

    assert sorted((d.remit_id, d.claim_id) for d in found) == sorted(
        [("R21", key("claim", 7)), ("R22", key("claim", 7)), ("R24", key("claim", 8)), ("R25", key("claim", 8))])
    assert [d.id for d in found] == sorted(d.id for d in found)
    assert all(" IN (" not in statement for statement, _ in statements)
    scans = _scans(plans[-1], "denial")
    assert scans and {index for _, index in scans} == {"ix_denial_claim_id"}


async def test_the_ar_kpis_read_the_tenants_figures_from_their_indexes(engines):
    async def read(uow):
        return (await uow.reports.open_totals(TENANT),
                await uow.reports.period_flows(TENANT, date(2026, 11, 2), ["revenue:charges", "ar:patient", "adj:contractual"]))

    (totals, flows), statements, plans = await seeded_and_planned(
        engines["payments"], FIGURES, lambda session: read(PaymentsUnitOfWork(session)))

    assert totals == (Decimal("4.00"), Decimal("5.00"))
    assert flows == {"revenue:charges": Decimal("30.00"), "ar:patient": Decimal("150.00")}
    assert all(" IN (" not in statement for statement, _ in statements)
    assert {index for _, index in _scans(plans[0], "tenant_account_balance")} == {"tenant_account_balance_pkey"}
    assert {index for _, index in _scans(plans[1], "tenant_daily_flow")} == {"uq_tenant_daily_flow"}
