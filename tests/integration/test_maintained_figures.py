"""The reports read figures the database maintains (claims and denials counts per key, daily ledger flows
and charges): after inserts, updates and deletes, each must equal what the base tables give when
computed the long way, as the reports computed it before, for one tenant and over every tenant.

Rows come from the bench-data generator (claims with timelines, ledger postings, denials) and go in by
COPY with the triggers on, then are changed and deleted the way the services (or an operator) would."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import and_, exists, func, select

from tests.integration.figures_support import copy_rows, execute, generated, units as units_of
from services.claims.adapters.reports import CLAIM_TALLY, CLAIM_TALLY_ROLLUP
from services.claims.adapters.repositories import ClaimsUnitOfWork
from services.claims.adapters.tables import Claim, ClaimEvent
from services.claims.settings import Settings as ClaimsSettings
from services.denials.adapters.reports import DENIAL_TALLY, DENIAL_TALLY_ROLLUP
from services.denials.adapters.repositories import DenialsUnitOfWork
from services.denials.adapters.tables import Denial
from services.denials.settings import Settings as DenialsSettings
from services.payments.application import reports as payment_reports
from services.payments.adapters import aging_figures, ops_figures, period_figures
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import BilledClaim, LedgerEntry, LedgerTransaction, SuspenseItem
from services.payments.domain import aging, ledger
from services.payments.settings import Settings as PaymentsSettings

TODAY = datetime.now(timezone.utc).date()


@pytest.fixture(scope="module")
def seeded(infrastructure):
    """Three tenants' claims, made once for the module; every table of every database filled by COPY."""
    return generated(7, 600)


def _scoped(query, column, tenant_id):
    return query if tenant_id is None else query.where(column == tenant_id)


async def _claims_long_way(session, tenant_id) -> dict:
    by_status = dict((await session.execute(_scoped(
        select(Claim.status, func.count()).group_by(Claim.status), Claim.tenant_id, tenant_id))).all())
    reworked = exists().where(ClaimEvent.claim_id == Claim.id, ClaimEvent.event.in_(("held", "rejected")),
                              ClaimEvent.tenant_id == Claim.tenant_id)
    scrubbed, clean = (await session.execute(_scoped(
        select(func.count(), func.count().filter(~reworked)).where(Claim.status != "built"),
        Claim.tenant_id, tenant_id))).one()
    first = (_scoped(select(ClaimEvent.claim_id, ClaimEvent.status).where(ClaimEvent.event == "adjudicated"),
                     ClaimEvent.tenant_id, tenant_id)
             .distinct(ClaimEvent.claim_id).order_by(ClaimEvent.claim_id, ClaimEvent.id).subquery())
    paid_first = and_(first.c.status == "paid", Claim.frequency_code == "1")
    rows = (await session.execute(_scoped(select(Claim.payer_id, func.count(), func.count().filter(paid_first))
                                          .join(first, first.c.claim_id == Claim.id).group_by(Claim.payer_id),
                                          Claim.tenant_id, tenant_id))).all()
    return {"by_status": by_status, "scrubbed": scrubbed, "clean": clean,
            "adjudication": {p: {"adjudicated": n, "first_pass_paid": paid} for p, n, paid in rows}}


async def _denials_long_way(session, tenant_id) -> dict:
    async def claims_by(column) -> dict:
        query = _scoped(select(column, func.count(func.distinct(Denial.claim_id))).group_by(column),
                        Denial.tenant_id, tenant_id)
        return {str(k): n for k, n in (await session.execute(query)).all()}

    denied = (await session.execute(_scoped(select(func.count(func.distinct(Denial.claim_id))),
                                            Denial.tenant_id, tenant_id))).scalar_one()
    reasons = _scoped(select(func.unnest(Denial.carc_codes).label("carc"), Denial.claim_id),
                      Denial.tenant_id, tenant_id).subquery()
    by_carc = (await session.execute(select(reasons.c.carc, func.count(func.distinct(reasons.c.claim_id)))
                                     .group_by(reasons.c.carc))).all()
    return {"denied_claims": denied, "by_category": await claims_by(Denial.category),
            "by_payer": await claims_by(Denial.payer_id), "by_carc": dict(by_carc),
            "open": (await claims_by(Denial.status)).get("open", 0)}


async def _compare(units, tenant_ids, long_way) -> None:
    for tenant_id in [*tenant_ids, None]:
        async with units() as uow:
            assert await uow.reports.figures(tenant_id) == await long_way(uow.session, tenant_id), tenant_id


async def test_claims_figures_equal_the_claims_and_timelines_after_inserts_updates_and_deletes(infrastructure,
                                                                                                seeded):
    server, (tenant_list, rows) = infrastructure.database_url, seeded
    await copy_rows(server, "claims", rows["claims"])
    engine, units = units_of(server, ClaimsSettings, ClaimsUnitOfWork)
    ids = [t.tenant_id for t in tenant_list]
    claims = [r[0] for r in rows["claims"]["claim"]]
    try:
        await _compare(units, ids, _claims_long_way)
        await execute(server, "claims",
                       ("UPDATE claim SET status = 'paid', payer_id = 'UHC' WHERE id = ANY($1::uuid[])", claims[:40]),
                       ("UPDATE claim SET updated_at = now() WHERE id = ANY($1::uuid[])", claims[40:80]),
                       ("UPDATE claim SET frequency_code = '7' WHERE id = ANY($1::uuid[])", claims[80:90]),
                       ("INSERT INTO claim_event (tenant_id, claim_id, event, status, detail, at) SELECT tenant_id, "
                        "id, 'adjudicated', 'denied', '{}', now() FROM claim WHERE id = ANY($1::uuid[])", claims[:60]),
                       ("INSERT INTO claim_event (tenant_id, claim_id, event, status, detail, at) SELECT tenant_id, "
                        "id, 'rejected', 'rejected', '{}', now() FROM claim WHERE id = ANY($1::uuid[])",
                        claims[100:120]),
                       ("DELETE FROM claim_event WHERE claim_id = ANY($1::uuid[]) AND event = 'adjudicated'",
                        claims[120:140]),
                       ("DELETE FROM claim_event WHERE claim_id = ANY($1::uuid[])", claims[140:150]),
                       ("DELETE FROM claim_line WHERE claim_id = ANY($1::uuid[])", claims[140:150]),
                       ("DELETE FROM claim WHERE id = ANY($1::uuid[])", claims[140:150]))
        await _compare(units, ids, _claims_long_way)
        assert await execute(server, "claims", (CLAIM_TALLY.drift(),), (CLAIM_TALLY_ROLLUP.drift(),)) == [0, 0]
    finally:
        await engine.dispose()


async def test_denials_figures_equal_the_denials_after_inserts_updates_and_deletes(infrastructure, seeded):
    server, (tenant_list, rows) = infrastructure.database_url, seeded
    await copy_rows(server, "denials", rows["denials"])
    engine, units = units_of(server, DenialsSettings, DenialsUnitOfWork)
    ids = [t.tenant_id for t in tenant_list]
    denials = [r[0] for r in rows["denials"]["denial"]]
    assert len(denials) > 20
    try:
        await _compare(units, ids, _denials_long_way)
        await execute(server, "denials",
                       ("UPDATE denial SET status = 'open' WHERE id = ANY($1::uuid[])", denials[:5]),
                       ("UPDATE denial SET status = 'resolved', category = 'coding' WHERE id = ANY($1::uuid[])",
                        denials[5:10]),
                       ("UPDATE denial SET carc_codes = carc_codes || '16'::varchar WHERE id = ANY($1::uuid[])",
                        denials[10:15]),
                       ("UPDATE denial SET priority = priority + 1 WHERE id = ANY($1::uuid[])", denials[15:20]),
                       ("INSERT INTO denial (id, tenant_id, claim_id, remit_id, payer_id, level, procedure_code, "
                        "carc_codes, rarc_codes, category, preventable, recommended_action, explanation, amount, "
                        "billed_amount, status, priority, appeal_deadline, sla_due, opened_at) SELECT gen_random_uuid(), "
                        "tenant_id, claim_id, remit_id, 'CIGNA', 'line', '99213', '{97}', '{}', 'bundling', false, "
                        "'appeal', '[]', 5, 5, 'open', 1, appeal_deadline, sla_due, now() FROM denial "
                        "WHERE id = ANY($1::uuid[])", denials[:3]),
                       ("DELETE FROM denial WHERE id = ANY($1::uuid[])", denials[20:25]))
        await _compare(units, ids, _denials_long_way)
        assert await execute(server, "denials", (DENIAL_TALLY.drift(),), (DENIAL_TALLY_ROLLUP.drift(),)) == [0, 0]
    finally:
        await engine.dispose()


async def _kpis_long_way(session, tenant_id, period_days: int) -> dict:
    """Open A/R from the ledger, the period's charges, lag and flows from the base rows."""
    total_ar = (await session.execute(select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
        LedgerEntry.tenant_id == tenant_id, LedgerEntry.account.in_((ledger.INSURANCE_AR, ledger.PATIENT_AR))))).scalar_one()
    since = datetime.combine(TODAY - timedelta(days=period_days), datetime.min.time(), tzinfo=timezone.utc)
    claims = (await session.execute(select(BilledClaim.total_charge, BilledClaim.date_of_service,
                                           BilledClaim.submitted_at).where(
        BilledClaim.tenant_id == tenant_id, BilledClaim.submitted_at >= since))).all()
    flows = dict((await session.execute(
        select(LedgerEntry.account, func.sum(LedgerEntry.amount))
        .join(LedgerTransaction, LedgerTransaction.id == LedgerEntry.transaction_id)
        .where(LedgerTransaction.tenant_id == tenant_id, LedgerTransaction.created_at >= since)
        .group_by(LedgerEntry.account))).all())
    charges = sum((c.total_charge for c in claims), 0)
    return {"total_ar": total_ar, "charges_in_period": charges,
            "billing_lag": aging.billing_lag([(c.date_of_service, c.submitted_at.date())
                                              for c in claims if c.date_of_service]),
            "collections_in_period": flows.get(ledger.CASH, 0) + flows.get(ledger.PATIENT_CASH, 0),
            "contractual_in_period": flows.get(ledger.CONTRACTUAL, 0)}


async def _compare_kpis(units, tenant_ids) -> None:
    for tenant_id in tenant_ids:
        for days in (30, 90, 730):
            async with units() as uow:
                kpis = await payment_reports.ar_kpis(uow, tenant_id=tenant_id, today=TODAY, period_days=days)
                expected = await _kpis_long_way(uow.session, tenant_id, days)
            assert {key: kpis[key] for key in expected} == expected, (tenant_id, days)


async def _dashboard_long_way(session, tenant_id, since: datetime) -> tuple[dict, object, int]:
    """Balances per account from the ledger, the charges submitted since the moment, the open suspense."""
    balances = dict((await session.execute(_scoped(
        select(LedgerEntry.account, func.sum(LedgerEntry.amount)).group_by(LedgerEntry.account),
        LedgerEntry.tenant_id, tenant_id))).all())
    recent = (await session.execute(_scoped(
        select(func.coalesce(func.sum(BilledClaim.total_charge), 0)).where(BilledClaim.submitted_at >= since),
        BilledClaim.tenant_id, tenant_id))).scalar_one()
    suspense = (await session.execute(_scoped(
        select(func.count()).select_from(SuspenseItem).where(SuspenseItem.status == "open"),
        SuspenseItem.tenant_id, tenant_id))).scalar_one()
    return balances, recent, suspense


async def _compare_dashboards(units, tenant_ids) -> None:
    """Every tenant's (from the rollups) and each tenant's, for moments within a day, at a UTC midnight,
    before every claim and after every one; amounts compared as text, as the report writes them."""
    now = datetime.now(timezone.utc)
    midnight = datetime.combine(TODAY, datetime.min.time(), tzinfo=timezone.utc)
    moments = (now - timedelta(days=90), now - timedelta(days=1, hours=7), midnight - timedelta(days=40),
               now - timedelta(days=4000), now + timedelta(days=2))
    for tenant_id in [None, *tenant_ids]:
        for since in moments:
            async with units() as uow:
                balances, recent, suspense = await uow.reports.dashboard(tenant_id, since)
                expected = await _dashboard_long_way(uow.session, tenant_id, since)
            assert ({k: str(v) for k, v in balances.items()}, str(recent), suspense) == (
                {k: str(v) for k, v in expected[0].items()}, str(expected[1]), expected[2]), (tenant_id, since)


async def test_ar_kpis_equal_the_ledger_and_billed_claims_after_inserts_updates_and_deletes(infrastructure, seeded):
    server, (tenant_list, rows) = infrastructure.database_url, seeded
    payments = rows["payments"]
    await copy_rows(server, "payments", {t: payments[t] for t in ("billed_claim", "remittance", "ledger_transaction")})
    await copy_rows(server, "payments", {"ledger_entry": payments["ledger_entry"]})
    # The generator's rate gives one or two a tenant: ten copies each, for each tenant to close and delete some.
    await copy_rows(server, "payments", {"suspense_item": payments["suspense_item"] * 10})
    engine, units = units_of(server, PaymentsSettings, PaymentsUnitOfWork)
    ids = [t.tenant_id for t in tenant_list]
    recent = sorted(payments["billed_claim"], key=lambda r: r[7])[-30:]
    moved = [r[0] for r in recent[:10]]
    try:
        await _compare_kpis(units, ids)
        await _compare_dashboards(units, ids)
        await execute(server, "payments",
                       ("UPDATE billed_claim SET submitted_at = submitted_at - interval '40 days', "
                        "date_of_service = date_of_service - 3 WHERE claim_id = ANY($1::uuid[])", moved),
                       ("UPDATE billed_claim SET date_of_service = NULL WHERE claim_id = ANY($1::uuid[])",
                        [r[0] for r in recent[10:13]]),
                       ("UPDATE billed_claim SET total_charge = total_charge + 1 WHERE claim_id = ANY($1::uuid[])",
                        [r[0] for r in recent[13:16]]),
                       ("DELETE FROM billed_claim WHERE claim_id = ANY($1::uuid[])", [r[0] for r in recent[16:20]]),
                       *((f"UPDATE suspense_item SET {change} WHERE tenant_id = ANY($1::uuid[]) AND id % {n} = 0",
                          ids) for change, n in (("status = 'closed'", 3), ("status = 'posted', reason = 'matched'", 5),
                                                 ("status = 'open'", 15), ("reason = 'looked at'", 7))),
                       ("DELETE FROM suspense_item WHERE tenant_id = ANY($1::uuid[]) AND id % 11 = 0", ids))
        await _post_today(server, recent[20][1], recent[20][0])  # on the claim's own tenant
        await _compare_kpis(units, ids)
        await _compare_dashboards(units, ids)
        drift = (*period_figures.DRIFT, *ops_figures.DRIFT)
        assert await execute(server, "payments", *((q,) for q in drift)) == [0] * len(drift)
    finally:
        await engine.dispose()


async def _post_today(server: str, tenant_id: uuid.UUID, claim_id: uuid.UUID) -> None:
    """A payment and a contractual adjustment posted now, as one transaction of two statements."""
    txn = uuid.uuid4()
    await execute(server, "payments",
                   ("INSERT INTO ledger_transaction (id, tenant_id, claim_id, kind, created_at) "
                    "VALUES ($1, $2, $3, 'payment', now())", txn, tenant_id, claim_id),
                   ("INSERT INTO ledger_entry (transaction_id, tenant_id, claim_id, account, amount) VALUES "
                    "($1, $2, $3, 'cash:clearing', 40), ($1, $2, $3, 'adj:contractual', 10), "
                    "($1, $2, $3, 'ar:insurance', -50)", txn, tenant_id, claim_id))


@pytest.mark.parametrize("db, function", [("claims", f"{CLAIM_TALLY.name}_refresh"),
                                          ("denials", f"{DENIAL_TALLY.name}_refresh"),
                                          ("payments", f"{aging_figures.NAME}_refresh")])
async def test_the_refresh_functions_plan_their_statements_once_per_connection(infrastructure, db, function):
    (config,) = await execute(infrastructure.database_url, db,
                              ("SELECT proconfig FROM pg_proc WHERE proname = $1", function))
    assert config == ["plan_cache_mode=force_generic_plan"]
