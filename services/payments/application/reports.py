"""A/R aging, KPIs, deposits and reconciliation of one tenant: figures from the unit of work's stores, rules in the
domain."""
import uuid
from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID

from shared.money import ZERO
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import Deposit
from services.payments.domain import aging, ledger, reconciliation


class DepositConflict(ValueError):
    """The same trace number was recorded with another amount or date."""


async def aging_report(uow: PaymentsUnitOfWork, *, tenant_id: UUID, today: date, basis: str) -> dict:
    """Open A/R in buckets as of `today`, from the figures maintained per day it started to age; a claim
    not yet submitted ages from the current day."""
    figures = await uow.reports.aging_figures(tenant_id, basis=basis, undated=uow.today(),
                                              read_days=aging.bucket_days(today))
    return aging.aging_from_figures(figures, today, undated=uow.today())


async def ar_kpis(uow: PaymentsUnitOfWork, *, tenant_id: UUID, today: date, period_days: int) -> dict:
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


async def _period_flows(uow: PaymentsUnitOfWork, tenant_id: UUID, since: date) -> dict[str, Decimal]:
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


async def dashboard_figures(uow: PaymentsUnitOfWork, *, tenant_id: UUID | None, since) -> dict:
    """The ledger's balances for the dashboard, with what was collected by the same definition as the A/R
    report's net collection rate (payer and patient cash, less money held as owed back to a payer)."""
    balances, recent, suspense = await uow.reports.dashboard(tenant_id, since)
    return {"account_balances": {k: str(v) for k, v in balances.items()},
            "collected": str(collected(lambda account: balances.get(account, ZERO))),
            "charges_in_period": str(recent), "suspense_open": suspense}


async def record_deposit(uow: PaymentsUnitOfWork, *, tenant_id: UUID, method: str, trace_number: str, amount: Decimal,
                         deposited_on: date) -> tuple[Deposit, bool]:
    """Record once per (method, trace); the same deposit again is returned (True), another figure refused."""
    key = reconciliation.trace_key(trace_number)
    existing = await uow.reconciliation.deposit(tenant_id, method, key)
    if existing is not None:
        if (existing.amount, existing.deposited_on) != (amount, deposited_on):
            raise DepositConflict("a deposit with this trace number was recorded with another amount or date")
        return existing, True
    row = Deposit(id=uuid.uuid4(), tenant_id=tenant_id, method=method, trace_number=trace_number.strip(),
                  trace_key=key, amount=amount, deposited_on=deposited_on)
    uow.reconciliation.add_deposit(row)
    return row, False


def deposit_view(row: Deposit) -> dict:
    return {"deposit_id": str(row.id), "method": row.method, "trace_number": row.trace_number,
            "amount": str(row.amount), "deposited_on": row.deposited_on.isoformat()}


async def reconcile(uow: PaymentsUnitOfWork, *, tenant_id: UUID) -> dict:
    deposits = await uow.reconciliation.deposits(tenant_id)
    remits = await uow.reconciliation.accepted_remittances(tenant_id)
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


def check_view(claim_id: UUID, check: reconciliation.ClaimBalanceCheck) -> dict:
    return {"claim_id": str(claim_id), "charge": check.charge, "paid": check.paid, "adjustments": check.adjustments,
            "patient_responsibility": check.patient_responsibility, "balance": check.balance,
            "ledger_balance": check.ledger_balance, "consistent": check.consistent, "closed": check.closed}


async def claim_checks(uow: PaymentsUnitOfWork, tenant_id: UUID) -> dict:
    """Counts of closed and open claims, and every claim whose figures disagree with its ledger balance."""
    charges = await uow.reconciliation.first_claim_charges(tenant_id)
    totals, balances = await uow.reconciliation.payer_totals_and_balances(tenant_id)
    checks = [(claim_id, reconciliation.claim_balance_check(charge, totals.get(claim_id, {}),
                                                            balances.get(claim_id, ZERO)))
              for claim_id, charge in charges.items()]
    return {"closed": sum(1 for _, c in checks if c.closed),
            "open": sum(1 for _, c in checks if c.consistent and not c.closed),
            "inconsistent": [check_view(claim_id, c) for claim_id, c in checks if not c.consistent][:200]}


async def claim_check(uow: PaymentsUnitOfWork, *, tenant_id: UUID, claim_id: UUID) -> dict | None:
    charge = await uow.reconciliation.claim_charge(tenant_id, claim_id)
    if charge is None:
        return None
    totals, balances = await uow.reconciliation.payer_totals_and_balances(tenant_id, claim_id)
    return check_view(claim_id, reconciliation.claim_balance_check(
        charge, totals.get(claim_id, {}), balances.get(claim_id, ZERO)))
