"""Persisting the domain's double-entry transactions, and reading balances back."""
import uuid
from datetime import date
from decimal import Decimal
from uuid import UUID

from sqlalchemy import case, func, select, text
from sqlalchemy.dialects.postgresql import insert

from shared.contracts.remit import RemitReceived
from shared.db.unit_of_work import UnitOfWork
from shared.money import ZERO, to_money
from services.payments.adapters.tables import BilledClaim, LedgerEntry, LedgerTransaction, Remittance
from services.payments.domain import ledger, reversals

INSURANCE_AR = "ar:insurance"


class AlreadyPosted(Exception):
    """This claim payment (remit, claim, payment or reversal, payer claim number) is in the ledger already."""


async def save(uow: UnitOfWork, billed: BilledClaim, transaction: "ledger.Transaction", *, remit_id: UUID | None = None,
               payer_claim_number: str | None = None, patient_payment_id: UUID | None = None,
               posting_key: str | None = None) -> LedgerTransaction:
    """Writes the transaction and its entries; AlreadyPosted when another posting holds its posting key."""
    row = LedgerTransaction(id=uuid.uuid4(), tenant_id=billed.tenant_id, claim_id=billed.claim_id,
                            kind=transaction.kind, remit_id=remit_id, payer_claim_number=payer_claim_number,
                            patient_payment_id=patient_payment_id, posting_key=posting_key)
    if posting_key is None:
        uow.session.add(row)
    elif not await _claim_posting_key(uow, row):
        raise AlreadyPosted(str(billed.claim_id))
    for entry in transaction.entries:
        uow.session.add(LedgerEntry(transaction_id=row.id, tenant_id=billed.tenant_id, claim_id=billed.claim_id,
                                    patient_id=billed.patient_id, account=entry.account, amount=entry.amount,
                                    line_number=entry.line_number, memo=entry.memo, category=entry.category))
    return row


async def _claim_posting_key(uow: UnitOfWork, row: LedgerTransaction) -> bool:
    """Inserts the transaction unless its posting key is taken. A twin posting from another replica waits for
    the first to commit, then inserts nothing: the database, not a prior read, decides who posts."""
    values = {column: getattr(row, column) for column in
              ("id", "tenant_id", "claim_id", "kind", "remit_id", "payer_claim_number", "patient_payment_id",
               "posting_key")}
    inserted = await uow.session.execute(
        insert(LedgerTransaction).values(values)
        .on_conflict_do_nothing(index_elements=["tenant_id", "posting_key"],
                                index_where=text("posting_key IS NOT NULL"))
        .returning(LedgerTransaction.id))
    return inserted.scalar_one_or_none() is not None


async def save_remittance_level(uow: UnitOfWork, *, tenant_id: UUID, remit_id: UUID, transaction: "ledger.Transaction",
                                posting_key: str) -> LedgerTransaction:
    """A posting of the remittance itself (a provider-level adjustment) that belongs to no claim."""
    row = LedgerTransaction(id=uuid.uuid4(), tenant_id=tenant_id, claim_id=None, kind=transaction.kind,
                            remit_id=remit_id, posting_key=posting_key)
    if not await _claim_posting_key(uow, row):
        raise AlreadyPosted(posting_key)
    for entry in transaction.entries:
        uow.session.add(LedgerEntry(transaction_id=row.id, tenant_id=tenant_id, account=entry.account,
                                    amount=entry.amount, memo=entry.memo))
    return row


async def remittance_cash(uow: UnitOfWork, tenant_id: UUID, remit_id: UUID) -> Decimal:
    """Cash the ledger holds for one remittance: its claim payments and provider-level adjustments."""
    total = await uow.session.scalar(
        select(func.coalesce(func.sum(LedgerEntry.amount), 0))
        .join(LedgerTransaction, LedgerTransaction.id == LedgerEntry.transaction_id)
        .where(LedgerTransaction.tenant_id == tenant_id, LedgerTransaction.remit_id == remit_id,
               LedgerEntry.account == ledger.CASH))
    return to_money(Decimal(total))


async def claim_named_by(uow: UnitOfWork, tenant_id: UUID, reference: str) -> BilledClaim | None:
    """The billed claim a payer's reference names: its payer claim number (ICN) or our patient control number."""
    by_icn = select(LedgerTransaction.claim_id).where(
        LedgerTransaction.tenant_id == tenant_id, LedgerTransaction.payer_claim_number == reference,
        LedgerTransaction.claim_id.is_not(None)).limit(1)
    claim_id = (await uow.session.execute(by_icn)).scalar_one_or_none()
    query = select(BilledClaim).where(BilledClaim.tenant_id == tenant_id)
    query = query.where(BilledClaim.claim_id == claim_id) if claim_id else query.where(
        BilledClaim.patient_control_number == reference[:20])
    return (await uow.session.execute(query.limit(1).with_for_update())).scalar_one_or_none()


async def save_for_patient(uow: UnitOfWork, *, tenant_id: UUID, patient_id: str, transaction: "ledger.Transaction",
                           patient_payment_id: UUID | None = None, memo: str | None = None) -> LedgerTransaction:
    """A transaction of the patient's account that belongs to no claim (held credit, a refund)."""
    row = LedgerTransaction(id=uuid.uuid4(), tenant_id=tenant_id, claim_id=None, kind=transaction.kind,
                            patient_payment_id=patient_payment_id, memo=memo)
    uow.session.add(row)
    for entry in transaction.entries:
        uow.session.add(LedgerEntry(transaction_id=row.id, tenant_id=tenant_id, claim_id=None, patient_id=patient_id,
                                    account=entry.account, amount=entry.amount, memo=entry.memo))
    return row


async def patient_credit(uow: UnitOfWork, tenant_id: UUID, patient_id: str) -> Decimal:
    """The credit the patient holds: what liability:patient_credit owes them (its credit balance)."""
    total = await uow.session.scalar(select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
        LedgerEntry.tenant_id == tenant_id, LedgerEntry.patient_id == patient_id,
        LedgerEntry.account == ledger.PATIENT_CREDIT))
    return -Decimal(total).quantize(Decimal("0.01"))


def _claim_lines(billed: BilledClaim) -> list:
    return [ledger.ChargedLine(line_number=l["line_number"], procedure_code=l["procedure_code"],
                               modifiers=tuple(l["modifiers"]), date_of_service=date.fromisoformat(l["date_of_service"]),
                               charge=Decimal(l["charge"]), units=l["units"]) for l in billed.lines]


async def post_charge(uow: UnitOfWork, billed: BilledClaim) -> None:
    await save(uow, billed, ledger.charge_transaction(str(billed.claim_id), _claim_lines(billed)))


async def post_charge_change(uow: UnitOfWork, billed: BilledClaim, delta: Decimal) -> None:
    """A corrected claim billed for a different total: only the difference moves."""
    if delta:
        line = ledger.ChargedLine(0, "ADJUST", (), date.today(), delta)
        await save(uow, billed, ledger.charge_transaction(str(billed.claim_id), [line]))


class NothingToReverse(LookupError):
    """A CLP02=22 names no unreversed payment of the claim (not posted yet, or already reversed)."""


async def already_posted(uow: UnitOfWork, billed: BilledClaim, remit: RemitReceived) -> bool:
    """The claim payment's posting key (domain.ledger.posting_key) is in the ledger already (a cheap early
    answer; the unique index is what guarantees it)."""
    found = await uow.session.execute(select(LedgerTransaction.id).where(
        LedgerTransaction.tenant_id == billed.tenant_id, LedgerTransaction.posting_key == ledger.posting_key(remit))
        .limit(1))
    return found.first() is not None


async def lock_billed_claim(uow: UnitOfWork, claim_id: UUID) -> BilledClaim | None:
    """The claim's receivable, row-locked: postings to one claim run one after the other."""
    return await uow.session.get(BilledClaim, claim_id, with_for_update=True)


async def post_remit(uow: UnitOfWork, billed: BilledClaim, remit: RemitReceived) -> dict:
    """Posts a payment, or reverses the payment a CLP02=22 takes back; returns the payment.posted figures."""
    original = None
    if ledger.posting_kind(remit.status_code) == "reversal":
        original, transaction = await _reversal(uow, billed, remit)
    else:
        share = await account_balance(uow, billed.claim_id, ledger.PATIENT_AR)
        transaction = ledger.post_claim_payment(str(billed.claim_id), remit, _claim_lines(billed),
                                                patient_share=share).transaction
    row = await save(uow, billed, transaction, remit_id=UUID(remit.remit_id),
                     payer_claim_number=remit.payer_claim_control_number or None,
                     posting_key=ledger.posting_key(remit))
    if original is not None:
        original.reversed_by = row.id
    await uow.session.flush()
    return {**summarize(transaction), "claim_balance": await insurance_balance(uow, billed.claim_id),
            "reversal": row.kind == "reversal"}


async def _reversal(uow: UnitOfWork, billed: BilledClaim, remit: RemitReceived):
    """A CLP02=22 takes back exactly the payment it names (domain.reversals), entry by entry."""
    cash = func.coalesce(func.sum(case((LedgerEntry.account == ledger.CASH, LedgerEntry.amount), else_=0)), 0)
    rows = (await uow.session.execute(
        select(LedgerTransaction, Remittance.payer_id, cash)
        .join(LedgerEntry, LedgerEntry.transaction_id == LedgerTransaction.id)
        .outerjoin(Remittance, Remittance.id == LedgerTransaction.remit_id)
        .where(LedgerTransaction.claim_id == billed.claim_id, LedgerTransaction.tenant_id == billed.tenant_id,
               LedgerTransaction.kind == "payment", LedgerTransaction.reversed_by.is_(None))
        .group_by(LedgerTransaction.id, Remittance.payer_id)
        .order_by(LedgerTransaction.created_at, func.min(LedgerEntry.id)))).all()
    by_id = {str(txn.id): txn for txn, _, _ in rows}
    chosen = reversals.payment_to_reverse(
        [reversals.PostedPayment(str(txn.id), txn.payer_claim_number, Decimal(paid), payer) for txn, payer, paid in rows],
        payer_claim_number=remit.payer_claim_control_number, paid=remit.paid, payer_id=remit.payer_id)
    if chosen is None:
        raise NothingToReverse(str(billed.claim_id))
    original = by_id[chosen.id]
    entries = (await uow.session.execute(
        select(LedgerEntry).where(LedgerEntry.transaction_id == original.id))).scalars().all()
    reversal = ledger.reverse_transaction(ledger.Transaction.of(
        "payment", [ledger.Entry(e.account, e.amount, str(billed.claim_id), e.line_number, e.memo, e.category)
                    for e in entries]))
    return original, reversal


def summarize(transaction: "ledger.Transaction") -> dict:
    """The payment.posted figures, from the accounts the entries credited or debited."""
    totals: dict[str, Decimal] = {}
    for entry in transaction.entries:
        totals[entry.account] = totals.get(entry.account, ZERO) + entry.amount
        if entry.account == ledger.PATIENT_AR and entry.category:
            totals[entry.category] = totals.get(entry.category, ZERO) + entry.amount
    return {
        "deductible": totals.get("deductible", ZERO), "coinsurance": totals.get("coinsurance", ZERO),
        "copay": totals.get("copay", ZERO),
        "paid": totals.get("cash:clearing", ZERO),
        "contractual_adjustment": totals.get("adj:contractual", ZERO),
        "patient_responsibility": totals.get("ar:patient", ZERO),
        "other_adjustment": totals.get("adj:other", ZERO),
    }


async def account_balance(uow: UnitOfWork, claim_id: UUID, account: str) -> Decimal:
    total = await uow.session.scalar(select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
        LedgerEntry.claim_id == claim_id, LedgerEntry.account == account))
    return Decimal(total).quantize(Decimal("0.01"))


async def has_transaction(uow: UnitOfWork, claim_id: UUID, kind: str) -> bool:
    found = await uow.session.execute(select(LedgerTransaction.id).where(
        LedgerTransaction.claim_id == claim_id, LedgerTransaction.kind == kind).limit(1))
    return found.first() is not None


async def insurance_balance(uow: UnitOfWork, claim_id: UUID) -> Decimal:
    return await account_balance(uow, claim_id, INSURANCE_AR)


def claim_view(transactions: list[LedgerTransaction], entries: list[LedgerEntry]) -> dict:
    """What the gateway merges into GET /v1/claims/{id}: payments, adjustments, balance, timeline."""
    balance = sum((e.amount for e in entries if e.account == ledger.INSURANCE_AR), ZERO)
    by_txn: dict[UUID, list[LedgerEntry]] = {}
    for entry in entries:
        by_txn.setdefault(entry.transaction_id, []).append(entry)
    payments, adjustments, timeline = [], [], []
    for txn in transactions:
        mine = by_txn.get(txn.id, [])
        cash = sum((e.amount for e in mine if e.account == "cash:clearing"), ZERO)
        if txn.kind in ("payment", "reversal"):
            payments.append({"remit_id": str(txn.remit_id) if txn.remit_id else None, "amount": str(cash),
                             "kind": txn.kind, "payer_claim_number": txn.payer_claim_number,
                             "posted_at": txn.created_at.isoformat()})
        if txn.kind not in ("patient_payment", "credit_applied"):
            adjustments += [{"account": e.account, "amount": str(e.amount), "line_number": e.line_number,
                             "memo": e.memo, "category": e.category}
                            for e in mine if e.account.startswith("adj:") or e.account == "ar:patient"]
        timeline.append({"at": txn.created_at.isoformat(), "service": "payments",
                         "event": {"charge": "charge_posted", "payment": "payment_posted",
                                   "reversal": "payment_reversed", "write_off": "written_off",
                                   "patient_payment": "patient_payment_posted",
                                   "credit_applied": "patient_credit_applied"}.get(txn.kind, txn.kind),
                         "detail": {"cash": str(cash or sum((e.amount for e in mine
                                                             if e.account == ledger.PATIENT_CASH), ZERO)
                                               or sum((e.amount for e in mine if e.account == ledger.PATIENT_CREDIT), ZERO))}})
    return {"payments": payments, "adjustments": adjustments, "balance": str(to_money(balance)), "timeline": timeline}
