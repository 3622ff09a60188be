"""A/R aging and denial analytics read figures the database maintains per tenant and day: after inserts,
updates and deletes of every table they follow, each report must equal what its base tables give
computed the long way (the open claims from the ledger; the period's adjudications and denials with
each claim's rendering provider), for every tenant, basis, day asked and period.

Rows come from the bench-data generator and go in by COPY with the triggers on (an adjudication before
its submitted claim, as a remittance can overtake claim.submitted), then are changed the way the
services, or an operator, would."""
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from tests.integration.figures_support import copy_rows, execute, generated, units as units_of
from services.denials.adapters import analytics_figures
from services.denials.adapters.repositories import DenialsUnitOfWork
from services.denials.adapters.tables import AdjudicatedClaim, Denial, SubmittedClaim
from services.denials.application.analytics import denial_analytics
from services.denials.domain import analytics, queue
from services.denials.settings import Settings as DenialsSettings
from services.payments.application import reports as payment_reports
from services.payments.adapters import aging_figures
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import BilledClaim, LedgerEntry, LedgerTransaction
from services.payments.domain import aging, ledger
from services.payments.settings import Settings as PaymentsSettings

TODAY = datetime.now(timezone.utc).date()


@pytest.fixture(scope="module")
def seeded(infrastructure):
    """Three tenants' claims (another seed than the other figures' module: other ids), made once."""
    tenant_list, rows = generated(11, 900)
    return [t.tenant_id for t in tenant_list], rows


def _some(rows: dict, *tables: str) -> dict:
    return {table: rows[table] for table in tables}


async def _open_items_long_way(session, tenant_id, basis: str) -> list[aging.OpenItem]:
    """Each claim's open A/R summed from its ledger entries, aged as the report has always aged it."""
    balances = (select(LedgerEntry.claim_id,
                       func.sum(LedgerEntry.amount).filter(LedgerEntry.account == ledger.INSURANCE_AR).label("ins"),
                       func.sum(LedgerEntry.amount).filter(LedgerEntry.account == ledger.PATIENT_AR).label("pat"),
                       func.min(LedgerTransaction.created_at).filter(LedgerEntry.account == ledger.PATIENT_AR,
                                                                     LedgerEntry.amount > 0).label("since"))
                .join(LedgerTransaction, LedgerTransaction.id == LedgerEntry.transaction_id)
                .where(LedgerEntry.tenant_id == tenant_id).group_by(LedgerEntry.claim_id).subquery())
    rows = (await session.execute(select(BilledClaim, balances.c.ins, balances.c.pat, balances.c.since).join(
        balances, balances.c.claim_id == BilledClaim.claim_id).where(BilledClaim.tenant_id == tenant_id))).all()
    items = []
    for claim, insurance, patient, patient_since in rows:
        submitted = (claim.submitted_at or datetime.now(timezone.utc)).date()
        since = claim.date_of_service if basis == "date_of_service" and claim.date_of_service else submitted
        if insurance:
            items.append(aging.OpenItem(str(claim.claim_id), claim.payer_id, claim.rendering_npi, insurance, since))
        if patient:
            items.append(aging.OpenItem(str(claim.claim_id), aging.PATIENT, claim.rendering_npi, patient,
                                        patient_since.date() if patient_since else since))
    return items


async def _compare_aging(units, tenant_ids) -> None:
    counted = 0
    for tenant_id in tenant_ids:
        for basis in ("submission", "date_of_service"):
            for day in (TODAY, TODAY + timedelta(days=45), TODAY - timedelta(days=400)):
                async with units() as uow:
                    report = await payment_reports.aging_report(uow, tenant_id=tenant_id, today=day, basis=basis)
                    items = await _open_items_long_way(uow.session, tenant_id, basis)
                assert report == aging.aging_report(items, day), (tenant_id, basis, day)
                counted += report["tenant"]["count"]
    assert counted > 0


async def test_ar_aging_equals_the_open_claims_from_the_ledger_after_inserts_updates_and_deletes(infrastructure,
                                                                                                 seeded):
    server, (tenant_ids, rows) = infrastructure.database_url, seeded
    payments = rows["payments"]
    await copy_rows(server, "payments", _some(payments, "billed_claim", "remittance", "ledger_transaction"))
    await copy_rows(server, "payments", _some(payments, "ledger_entry"))
    engine, units = units_of(server, PaymentsSettings, PaymentsUnitOfWork)
    latest = datetime.max.replace(tzinfo=timezone.utc)
    claims = [r[0] for r in sorted(payments["billed_claim"], key=lambda r: r[7] or latest)[-60:]]
    try:
        await _compare_aging(units, tenant_ids)
        await execute(server, "payments",
                       ("UPDATE billed_claim SET submitted_at = submitted_at - interval '70 days', payer_id = 'UHC', "
                        "date_of_service = date_of_service - 9 WHERE claim_id = ANY($1::uuid[])", claims[:10]),
                       ("UPDATE billed_claim SET submitted_at = NULL, rendering_npi = NULL "
                        "WHERE claim_id = ANY($1::uuid[])", claims[10:14]),
                       ("UPDATE billed_claim SET date_of_service = NULL WHERE claim_id = ANY($1::uuid[])", claims[14:18]),
                       ("UPDATE billed_claim SET total_charge = total_charge + 1 WHERE claim_id = ANY($1::uuid[])",
                        claims[18:22]),
                       ("DELETE FROM billed_claim WHERE claim_id = ANY($1::uuid[])", claims[22:26]))
        for claim_id in claims[26:34]:
            await _settle(server, claim_id)
        await _compare_aging(units, tenant_ids)
        assert await execute(server, "payments", (aging_figures.DRIFT,),
                              ("SELECT count(*) FROM ar_aging_figure WHERE items = 0 AND amount = 0",)) == [0, 0]
    finally:
        await engine.dispose()


async def _settle(server: str, claim_id) -> None:
    """The payer pays the claim's open insurance A/R less 10, which becomes the patient's, in one transaction
    of two statements (the patient's part first owed now)."""
    await execute(server, "payments", ("""
        WITH due AS (SELECT b.tenant_id, b.insurance_ar FROM claim_balance b WHERE b.claim_id = $1 AND b.insurance_ar > 10),
        txn AS (INSERT INTO ledger_transaction (id, tenant_id, claim_id, kind, created_at)
                SELECT gen_random_uuid(), tenant_id, $1, 'payment', now() FROM due RETURNING id, tenant_id)
        INSERT INTO ledger_entry (transaction_id, tenant_id, claim_id, account, amount)
        SELECT txn.id, txn.tenant_id, $1, e.account, e.amount FROM txn, due, LATERAL (VALUES
            ('cash:clearing', due.insurance_ar - 10), ('ar:patient', 10::numeric), ('ar:insurance', -due.insurance_ar))
            AS e(account, amount)""", claim_id))


async def _analytics_long_way(session, tenant_id, start: date, end: date, top: int) -> dict:
    """The period's adjudications and denials with each claim's rendering provider, as the analytics read
    them before the figures, through the same pure rules."""
    adjudicated = (await session.execute(
        select(AdjudicatedClaim, SubmittedClaim.rendering_npi)
        .outerjoin(SubmittedClaim, SubmittedClaim.claim_id == AdjudicatedClaim.claim_id)
        .where(AdjudicatedClaim.tenant_id == tenant_id, AdjudicatedClaim.adjudicated_on >= start,
               AdjudicatedClaim.adjudicated_on <= end))).all()
    denials = (await session.execute(select(Denial).where(
        Denial.tenant_id == tenant_id, Denial.opened_at >= datetime.combine(start, datetime.min.time(), timezone.utc),
        Denial.opened_at < datetime.combine(end + timedelta(days=1), datetime.min.time(), timezone.utc)))).scalars().all()
    figures = analytics.denial_analytics(
        [analytics.Adjudication(a.payer_id, npi, tuple(a.procedure_codes), tuple(a.denied_procedure_codes), a.denied,
                                a.adjudicated_on) for a, npi in adjudicated],
        [analytics.DenialFact(d.payer_id, tuple(d.carc_codes), d.category, d.procedure_code, None, d.amount,
                              d.preventable, d.recommended_action, d.opened_at.date()) for d in denials], top=top)
    acted = [(d.sla_due, d.acted_at.date() if d.acted_at else None, 1) for d in denials]
    waiting = [(d.sla_due, 1) for d in denials if d.acted_at is None and d.status in queue.WORKABLE]
    return {**figures, "sla": queue.sla_summary(acted, waiting, TODAY)}


_MONTH_START = TODAY.replace(day=1)
_FIVE_MONTHS_BACK = (_MONTH_START - timedelta(days=140)).replace(day=1)
# Periods across whole months and partial ones: the day rows of the partial months, the month rows between.
PERIODS = ((TODAY - timedelta(days=365), TODAY, 5), (TODAY - timedelta(days=1200), TODAY, 50),
           (TODAY - timedelta(days=365), TODAY, 1),  # the statement sends the top cause (and its ties) only
           (TODAY - timedelta(days=200), TODAY - timedelta(days=30), 3),
           (_FIVE_MONTHS_BACK, _MONTH_START - timedelta(days=1), 5),  # whole months only
           (_MONTH_START, TODAY, 5), (_FIVE_MONTHS_BACK + timedelta(days=2), _FIVE_MONTHS_BACK + timedelta(days=19), 5),
           (_FIVE_MONTHS_BACK - timedelta(days=1), _MONTH_START, 5),  # a day either side of whole months
           # partial months mostly inside: their month rows less the days outside
           (_FIVE_MONTHS_BACK + timedelta(days=3), (_FIVE_MONTHS_BACK + timedelta(days=70)).replace(day=27), 5))


async def _only_the_top_cause_is_sent(units, tenant_id, start: date, end: date) -> None:
    """Of the root causes, the statement sends those that can rank first: the first and its ties."""
    async with units() as uow:
        figures = await uow.analytics.figures(tenant_id=tenant_id, start=start, end=end, today=uow.today(), top=1)
    causes = [f for f in figures.denials if f.dimension == "cause"]
    assert causes and all((f.amount, f.denials) == (causes[0].amount, causes[0].denials) for f in causes), causes


async def _compare_analytics(units, tenant_ids) -> None:
    counted = 0
    for tenant_id in tenant_ids:
        for start, end, top in PERIODS:
            async with units() as uow:
                report = await denial_analytics(uow, tenant_id=tenant_id, start=start, end=end, top=top)
                expected = await _analytics_long_way(uow.session, tenant_id, start, end, top)
            assert report == expected, (tenant_id, start, end)
            counted += report["adjudicated_claims"] + report["preventable"]["denials"]
            if top == 1 and report["top_root_causes"]:
                await _only_the_top_cause_is_sent(units, tenant_id, start, end)
    assert counted > 0


async def test_denial_analytics_equal_the_adjudications_and_denials_after_inserts_updates_and_deletes(
        infrastructure, seeded):
    server, (tenant_ids, rows) = infrastructure.database_url, seeded
    denials_rows = rows["denials"]
    await copy_rows(server, "denials", _some(denials_rows, "adjudicated_claim", "denial"))
    await copy_rows(server, "denials", _some(denials_rows, "submitted_claim"))
    engine, units = units_of(server, DenialsSettings, DenialsUnitOfWork)
    claims = [r[0] for r in denials_rows["submitted_claim"]]
    denials = [r[0] for r in denials_rows["denial"]]
    assert len(denials) > 30
    try:
        await _compare_analytics(units, tenant_ids)
        await execute(server, "denials",
                       ("UPDATE submitted_claim SET rendering_npi = '1234567893' WHERE claim_id = ANY($1::uuid[])",
                        claims[:40]),
                       ("DELETE FROM submitted_claim WHERE claim_id = ANY($1::uuid[])", claims[40:50]),
                       ("UPDATE adjudicated_claim SET denied = NOT denied, denied_procedure_codes = procedure_codes "
                        "WHERE claim_id = ANY($1::uuid[])", claims[50:70]),
                       ("UPDATE adjudicated_claim SET adjudicated_on = adjudicated_on - 40, payer_id = 'CIGNA' "
                        "WHERE claim_id = ANY($1::uuid[])", claims[70:80]),
                       ("DELETE FROM adjudicated_claim WHERE claim_id = ANY($1::uuid[])", claims[80:90]),
                       ("INSERT INTO adjudicated_claim (remit_id, patient_control_number, tenant_id, claim_id, "
                        "payer_id, denied, denied_amount, procedure_codes, denied_procedure_codes, adjudicated_on) "
                        "SELECT DISTINCT ON (claim_id) 'R-late', patient_control_number, tenant_id, claim_id, 'UHC', true, 5, "
                        "procedure_codes, procedure_codes[1:1], current_date FROM adjudicated_claim "
                        "WHERE claim_id = ANY($1::uuid[])", claims[100:130]),
                       ("UPDATE denial SET acted_at = now(), status = 'appealed' WHERE id = ANY($1::uuid[])",
                        denials[:8]),
                       ("UPDATE denial SET status = 'resolved', category = 'coding', recommended_action = 'correct' "
                        "WHERE id = ANY($1::uuid[])", denials[8:14]),
                       ("UPDATE denial SET carc_codes = carc_codes || '16'::varchar, amount = amount + 3, "
                        "opened_at = opened_at - interval '45 days' WHERE id = ANY($1::uuid[])", denials[14:20]),
                       ("UPDATE denial SET priority = priority + 1 WHERE id = ANY($1::uuid[])", denials[20:24]),
                       # due days: ahead (still waiting, at risk or not), behind an action (missed), unacted again
                       ("UPDATE denial SET acted_at = NULL, status = 'open', sla_due = current_date + (id::text < '8')::int * 5 "
                        "WHERE id = ANY($1::uuid[])", denials[30:36]),
                       ("UPDATE denial SET acted_at = opened_at + interval '20 days' WHERE id = ANY($1::uuid[])",
                        denials[36:40]),
                       ("UPDATE denial SET acted_at = NULL WHERE id = ANY($1::uuid[])", denials[40:42]),
                       ("DELETE FROM denial WHERE id = ANY($1::uuid[])", denials[24:30]))
        await _compare_analytics(units, tenant_ids)
        assert await execute(server, "denials", *((q,) for q in analytics_figures.DRIFT),
                             *((months.drift(),) for months in analytics_figures.MONTHS)) == [0, 0, 0, 0]
        assert await execute(server, "denials", ("SELECT count(*) FROM denial_figure WHERE denials = 0",)) == [0]
        assert (await execute(server, "denials", ("SELECT count(*) FROM denial_figure WHERE dimension = 'waiting_due' "
                                                  "AND key >= to_char(current_date, 'YYYY-MM-DD')",)))[0] > 0
    finally:
        await engine.dispose()

