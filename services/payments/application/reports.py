"""A/R aging, KPIs, deposits and reconciliation: queries scoped by tenant, rules in the domain."""
import uuid
from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID

from sqlalchemy import func, select

from shared.db.unit_of_work import UnitOfWork
from shared.money import ZERO
from services.payments.adapters.tables import BilledClaim, Deposit, LedgerEntry, LedgerTransaction, Remittance
from services.payments.domain import aging, ledger, payer_overpayment, reconciliation, withdrawn_share

# The postings a claim check reads: the payers' answers, their reversals, write-offs, a withdrawn payer's share
# handed to the patient, a payer's overpayment refunded, and the close-outs of a replaced or voided claim (which
# take its charge back).
PAYER_KINDS = ("payment", "reversal", "write_off", withdrawn_share.SHARE_TO_PATIENT, ledger.REPLACED, ledger.VOIDED,
               payer_overpayment.REFUND)


class DepositConflict(ValueError):
    """The same trace number was recorded with another amount or date."""


async def aging_report(uow: UnitOfWork, *, tenant_id: UUID, today: date, basis: str) -> dict:
    """Open A/R in buckets as of `today`, from the figures maintained per day it started to age; a claim
    not yet submitted ages from the current day."""
    figures = await uow.reports.aging_figures(tenant_id, basis=basis, undated=uow.today(),
                                              read_days=aging.bucket_days(today))
    return aging.aging_from_figures(figures, today, undated=uow.today())


# A later payer's claim bills the same service again and holds no balance of its own: charges, billing lag
# and claim checks count the encounter's first claim only.
FIRST_CLAIMS = BilledClaim.receivable_claim_id.is_(None)


async def ar_kpis(uow: UnitOfWork, *, tenant_id: UUID, today: date, period_days: int) -> dict:
    """Days in A/R over the period's average daily charges, and the lag from service to submission: from
    the maintained open balances and the maintained daily figures of the period (UTC days)."""
    insurance, patient = await uow.reports.open_totals(tenant_id)
    since = today - timedelta(days=period_days)
    charges, lags = await uow.reports.period_charges(tenant_id, since)
    lag = aging.lag_summary([days for days, count in sorted(lags.items()) for _ in range(count)])
    flows = await _period_flows(uow, tenant_id, since)
    return {"as_of": today, "period_days": period_days, "total_ar": insurance + patient, "insurance_ar": insurance,
            "patient_ar": patient, "charges_in_period": charges,
            "days_in_ar": aging.days_in_ar(insurance + patient, charges, period_days), "billing_lag": lag,
            "collections_in_period": flows["payments"], "contractual_in_period": flows["contractual"],
            "net_collection_rate_percent": aging.net_collection_rate(flows["payments"], flows["charges"],
                                                                     flows["contractual"])}


async def _period_flows(uow: UnitOfWork, tenant_id: UUID, since: date) -> dict[str, Decimal]:
    """Charges, payments (payer and patient cash, less what is held as owed back to a payer) and contractual
    adjustments posted since a UTC day."""
    rows = await uow.reports.period_flows(
        tenant_id, since, [ledger.REVENUE, ledger.CASH, ledger.PATIENT_CASH, ledger.PAYER_OVERPAYMENT,
                           ledger.CONTRACTUAL])
    amount = lambda account: rows.get(account, ZERO)  # noqa: E731
    return {"charges": -amount(ledger.REVENUE), "payments": collected(amount),
            "contractual": amount(ledger.CONTRACTUAL)}


def collected(amount) -> Decimal:
    """Cash received, payer's and patient's, less a payer's payment held for it (liability:payer_overpayment is
    credited as the cash comes in, debited as it is refunded or reversed): money owed back was never collected."""
    return amount(ledger.CASH) + amount(ledger.PATIENT_CASH) + amount(ledger.PAYER_OVERPAYMENT)


async def dashboard_figures(uow: UnitOfWork, *, tenant_id: UUID | None, since) -> dict:
    """The ledger's balances for the dashboard, with what was collected by the same definition as the A/R
    report's net collection rate (payer and patient cash, less money held as owed back to a payer)."""
    balances, recent, suspense = await uow.reports.dashboard(tenant_id, since)
    return {"account_balances": {k: str(v) for k, v in balances.items()},
            "collected": str(collected(lambda account: balances.get(account, ZERO))),
            "charges_in_period": str(recent), "suspense_open": suspense}


async def record_deposit(uow: UnitOfWork, *, tenant_id: UUID, method: str, trace_number: str, amount: Decimal,
                         deposited_on: date) -> tuple[Deposit, bool]:
    """Record once per (method, trace); the same deposit again is returned (True), another figure refused."""
    key = reconciliation.trace_key(trace_number)
    existing = (await uow.session.execute(select(Deposit).where(
        Deposit.tenant_id == tenant_id, Deposit.method == method, Deposit.trace_key == key))).scalar_one_or_none()
    if existing is not None:
        if (existing.amount, existing.deposited_on) != (amount, deposited_on):
            raise DepositConflict("a deposit with this trace number was recorded with another amount or date")
        return existing, True
    row = Deposit(id=uuid.uuid4(), tenant_id=tenant_id, method=method, trace_number=trace_number.strip(),
                  trace_key=key, amount=amount, deposited_on=deposited_on)
    uow.session.add(row)
    return row, False


def deposit_view(row: Deposit) -> dict:
    return {"deposit_id": str(row.id), "method": row.method, "trace_number": row.trace_number,
            "amount": str(row.amount), "deposited_on": row.deposited_on.isoformat()}


async def reconcile(uow: UnitOfWork, *, tenant_id: UUID) -> dict:
    deposits = (await uow.session.execute(select(Deposit).where(Deposit.tenant_id == tenant_id))).scalars().all()
    remits = (await uow.session.execute(select(Remittance).where(
        Remittance.tenant_id == tenant_id, Remittance.status == "accepted"))).scalars().all()
    result = reconciliation.reconcile(
        [reconciliation.Deposit(str(d.id), d.method, d.trace_number, d.amount, d.deposited_on) for d in deposits],
        [reconciliation.RemittancePayment(str(r.id), r.trace_number or "", r.payer_id or "", r.total_paid or ZERO,
                                          r.received_at.date() if r.received_at else None) for r in remits])
    pair = lambda d, r: {"deposit": _dep(d), "remittance": _remit(r)}  # noqa: E731
    return {"matched": [pair(d, r) for d, r in result.matched],
            "amount_mismatches": [pair(d, r) for d, r in result.amount_mismatches],
            "unmatched_deposits": [_dep(d) for d in result.unmatched_deposits],
            "unmatched_remittances": [_remit(r) for r in result.unmatched_remittances],
            "claims": await claim_checks(uow, tenant_id)}


def _dep(d: reconciliation.Deposit) -> dict:
    return {"deposit_id": d.id, "method": d.method, "trace_number": d.trace_number, "amount": str(d.amount),
            "deposited_on": d.deposited_on.isoformat()}


def _remit(r: reconciliation.RemittancePayment) -> dict:
    return {"remit_id": r.remit_id, "trace_number": r.trace_number, "payer_id": r.payer_id, "amount": str(r.amount)}


async def _payer_totals_and_balances(uow: UnitOfWork, tenant_id: UUID,
                                     claim_id: UUID | None = None) -> tuple[dict, dict]:
    """{claim_id: {account: total}} over the payer's postings (patient payments are not the payer's), and
    {claim_id: insurance A/R} over every posting: one statement, so both come from one snapshot of the ledger
    (two statements could each see a posting committed between them, and report a sound claim inconsistent)."""
    payer = func.sum(LedgerEntry.amount).filter(LedgerTransaction.kind.in_(PAYER_KINDS))
    receivable = func.sum(LedgerEntry.amount).filter(LedgerEntry.account == ledger.INSURANCE_AR)
    query = (select(LedgerEntry.claim_id, LedgerEntry.account, payer, receivable)
             .join(LedgerTransaction, LedgerTransaction.id == LedgerEntry.transaction_id)
             .where(LedgerEntry.tenant_id == tenant_id)
             .group_by(LedgerEntry.claim_id, LedgerEntry.account))
    if claim_id is not None:
        query = query.where(LedgerEntry.claim_id == claim_id)
    totals: dict = {}
    balances: dict = {}
    for claim, account, paid, owed in await uow.session.execute(query):
        if paid is not None:
            totals.setdefault(claim, {})[account] = Decimal(paid)
        if owed is not None:
            balances[claim] = Decimal(owed)
    return totals, balances


def check_view(claim_id: UUID, check: reconciliation.ClaimBalanceCheck) -> dict:
    return {"claim_id": str(claim_id), "charge": check.charge, "paid": check.paid, "adjustments": check.adjustments,
            "patient_responsibility": check.patient_responsibility, "balance": check.balance,
            "ledger_balance": check.ledger_balance, "consistent": check.consistent, "closed": check.closed}


async def claim_checks(uow: UnitOfWork, tenant_id: UUID) -> dict:
    """Counts of closed and open claims, and every claim whose figures disagree with its ledger balance."""
    claims = (await uow.session.execute(select(BilledClaim.claim_id, BilledClaim.total_charge).where(
        BilledClaim.tenant_id == tenant_id, FIRST_CLAIMS))).all()
    totals, balances = await _payer_totals_and_balances(uow, tenant_id)
    checks = [(c.claim_id, reconciliation.claim_balance_check(c.total_charge, totals.get(c.claim_id, {}),
                                                              balances.get(c.claim_id, ZERO))) for c in claims]
    return {"closed": sum(1 for _, c in checks if c.closed),
            "open": sum(1 for _, c in checks if c.consistent and not c.closed),
            "inconsistent": [check_view(claim_id, c) for claim_id, c in checks if not c.consistent][:200]}


async def claim_check(uow: UnitOfWork, *, tenant_id: UUID, claim_id: UUID) -> dict | None:
    claim = await uow.session.get(BilledClaim, claim_id)
    if claim is None or claim.tenant_id != tenant_id:
        return None
    totals, balances = await _payer_totals_and_balances(uow, tenant_id, claim_id)
    return check_view(claim_id, reconciliation.claim_balance_check(
        claim.total_charge, totals.get(claim_id, {}), balances.get(claim_id, ZERO)))
