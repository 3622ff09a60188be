"""Patient balances, statements, patient payments, credits and refunds.

Reads the ledger's ar:patient entries for one tenant's patient and hands them to the pure
collections rules; a patient payment is posted to the ledger (cash:patient against ar:patient), and
what it pays beyond the balance is held in liability:patient_credit: applied to the patient's next
patient responsibility as soon as a payer assesses it, or refunded.
"""
import uuid
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from uuid import UUID

from shared.money import ZERO
from services.payments.adapters.ledger_repository import Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import BilledClaim, PatientPayment, PatientRefund
from services.payments.domain import collections, ledger


class PatientNotFound(LookupError):
    """No claim of this tenant names the patient (a foreign patient id looks exactly like this)."""


class ReferenceReused(ValueError):
    """The payment reference was already used for a different amount."""


async def _claims(uow: PaymentsUnitOfWork, tenant_id: UUID, patient_id: str, *, lock: bool = False
                  ) -> list[BilledClaim]:
    claims = await uow.billed_claims.of_patient(tenant_id, patient_id, lock=lock)
    if not claims:
        raise PatientNotFound(patient_id)
    # A later payer's claim holds no balance of its own: the encounter's balance is on its first claim.
    return [c for c in claims if c.receivable_claim_id is None]


async def _patient_entries(uow: PaymentsUnitOfWork, tenant_id: UUID, claim_ids: list[UUID]) -> list[tuple]:
    return await uow.ledger.patient_entries(tenant_id, claim_ids)


def _history(entries: list[tuple]) -> list[collections.BalanceChange]:
    return [collections.BalanceChange(on, entry.amount, str(entry.claim_id)) for entry, _, on in entries]


def _open_by_claim(entries: list[tuple]) -> list[collections.OpenAmount]:
    """Each claim the patient still owes on, dated by its first patient responsibility."""
    first: dict[UUID, date] = {}
    owed: dict[UUID, Decimal] = {}
    for entry, _, on in entries:
        first.setdefault(entry.claim_id, on)
        owed[entry.claim_id] = owed.get(entry.claim_id, ZERO) + entry.amount
    return [collections.OpenAmount(first[claim], amount, str(claim)) for claim, amount in owed.items() if amount > 0]


def _claim_rows(claims: list[BilledClaim], entries: list[tuple]) -> list[dict]:
    rows = {c.claim_id: {"claim_id": str(c.claim_id), "date_of_service": c.date_of_service, "payer_id": c.payer_id,
                         "charge": c.total_charge, "deductible": ZERO, "coinsurance": ZERO, "copay": ZERO,
                         "other": ZERO, "other_payers_paid": ZERO, "patient_paid": ZERO, "balance": ZERO}
            for c in claims}
    for entry, kind, _ in entries:
        row = rows[entry.claim_id]
        row["balance"] += entry.amount
        if kind in ("patient_payment", "credit_applied"):
            row["patient_paid"] -= entry.amount
        elif entry.category:  # a payer's patient responsibility (or its reversal), by PR category
            row[entry.category] += entry.amount
        else:  # a secondary or tertiary payer paid or adjusted part of the patient's share
            row["other_payers_paid"] -= entry.amount
    return list(rows.values())


async def patient_account(uow: PaymentsUnitOfWork, *, tenant_id: UUID, patient_id: str, today: date) -> dict:
    """Balance by claim and PR category, aging buckets and the statement cycle as of `today`."""
    claims = await _claims(uow, tenant_id, patient_id)
    entries = await _patient_entries(uow, tenant_id, [c.claim_id for c in claims])
    history = _history(entries)
    rows = _claim_rows(claims, entries)
    credit = await uow.ledger.patient_credit(tenant_id, patient_id)
    cycle = collections.statement_cycle(history, today, held_credit=credit)
    totals = {key: sum((r[key] for r in rows), ZERO) for key in ("deductible", "coinsurance", "copay", "other",
                                                                   "other_payers_paid", "patient_paid", "balance")}
    balance = totals.pop("balance")
    return {"patient_id": patient_id, "as_of": today, "balance": balance, "credit": credit,
            "amount_due": max(balance - credit, ZERO), "totals": totals, "claims": rows,
            "aging": collections.patient_aging(history, today), "statement_cycle": asdict(cycle)}


async def post_patient_payment(uow: PaymentsUnitOfWork, *, tenant_id: UUID, patient_id: str, amount: Decimal,
                               reference: str, method: str, received_on: date) -> tuple[PatientPayment, bool]:
    """Post once per reference: a resend returns the first payment (True = it was already posted)."""
    claims = await _claims(uow, tenant_id, patient_id, lock=True)
    existing = await uow.patient_payments.payment(tenant_id, patient_id, reference)
    if existing is not None:
        if existing.amount != amount:
            raise ReferenceReused(f"reference already posted for {existing.amount}")
        return existing, True
    entries = await _patient_entries(uow, tenant_id, [c.claim_id for c in claims])
    allocations, excess = collections.split_payment(amount, _open_by_claim(entries))
    payment = PatientPayment(id=uuid.uuid4(), tenant_id=tenant_id, patient_id=patient_id, reference=reference,
                             amount=amount, method=method, received_on=received_on,
                             allocations=[{"claim_id": c, "amount": str(a)} for c, a in allocations]
                             + ([{"claim_id": None, "credit": str(excess)}] if excess else []))
    uow.patient_payments.add(payment)
    by_id = {str(c.claim_id): c for c in claims}
    postings = [Posting.for_claim(by_id[claim_id], ledger.patient_payment_transaction(
        claim_id, applied, f"patient payment {method}"), patient_payment_id=payment.id)
        for claim_id, applied in allocations]
    if excess:
        postings.append(Posting(tenant_id=tenant_id, patient_id=patient_id, patient_payment_id=payment.id,
                                transaction=ledger.patient_credit_transaction(excess, f"overpayment {method}")))
    await uow.ledger.add_many(postings)
    return payment, False


async def apply_held_credit(uow: PaymentsUnitOfWork, *, tenant_id: UUID, patient_id: str) -> Decimal:
    """Settle the patient's open responsibility from held credit (oldest first); returns what was applied."""
    if await uow.ledger.patient_credit(tenant_id, patient_id) <= 0:
        return ZERO
    claims = await _claims(uow, tenant_id, patient_id, lock=True)
    credit = await uow.ledger.patient_credit(tenant_id, patient_id)  # read again under the lock
    entries = await _patient_entries(uow, tenant_id, [c.claim_id for c in claims])
    by_id = {str(c.claim_id): c for c in claims}
    allocations = collections.apply_credit(credit, _open_by_claim(entries))
    await uow.ledger.add_many([Posting.for_claim(by_id[claim_id], ledger.credit_applied_transaction(claim_id, applied))
                               for claim_id, applied in allocations])
    return sum((a for _, a in allocations), ZERO)


async def refund_credit(uow: PaymentsUnitOfWork, *, tenant_id: UUID, patient_id: str, amount: Decimal, reference: str,
                        method: str, refunded_on: date) -> tuple[PatientRefund, bool]:
    """Pay held credit back once per reference (True = already refunded); never more than the credit."""
    await _claims(uow, tenant_id, patient_id, lock=True)
    existing = await uow.patient_payments.refund(tenant_id, patient_id, reference)
    if existing is not None:
        if existing.amount != amount:
            raise ReferenceReused(f"reference already refunded for {existing.amount}")
        return existing, True
    collections.check_refund(amount, await uow.ledger.patient_credit(tenant_id, patient_id))
    refund = PatientRefund(id=uuid.uuid4(), tenant_id=tenant_id, patient_id=patient_id, reference=reference,
                           amount=amount, method=method, refunded_on=refunded_on)
    uow.patient_payments.add(refund)
    await uow.ledger.add(Posting(tenant_id=tenant_id, patient_id=patient_id, memo=f"refund {refund.id}",
                                 transaction=ledger.refund_transaction(amount, f"refund {method}")))
    return refund, False


def refund_view(refund: PatientRefund, replayed: bool) -> dict:
    return {"refund_id": str(refund.id), "patient_id": refund.patient_id, "reference": refund.reference,
            "amount": str(refund.amount), "method": refund.method, "refunded_on": refund.refunded_on.isoformat(),
            "replayed": replayed}


def payment_view(payment: PatientPayment, replayed: bool) -> dict:
    return {"payment_id": str(payment.id), "patient_id": payment.patient_id, "reference": payment.reference,
            "amount": str(payment.amount), "method": payment.method, "received_on": payment.received_on.isoformat(),
            "allocations": payment.allocations, "replayed": replayed}
