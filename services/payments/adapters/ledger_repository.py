"""The ledger in Postgres: double-entry transactions written in sets, balances read back in sets.

Hot paths write many postings in one statement (adapters/ledger_writes.py) and read a batch's keys as
bound arrays; the partial unique index on (tenant_id, posting_key) is what posts a claim payment once,
whatever a prior read said.
"""
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from uuid import UUID

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.bulk import in_array
from shared.db.driver_reads import select_rows
from shared.money import ZERO, to_money
from services.payments.adapters import ledger_reads
from services.payments.adapters.ledger_reads import LedgerState
from services.payments.adapters.ledger_writes import POSTINGS, posting_columns
from services.payments.adapters.tables import BilledClaim, LedgerEntry, LedgerTransaction, Remittance
from services.payments.domain import corrected_primary, ledger, withdrawn_share

TRANSACTIONS, ENTRIES = LedgerTransaction.__table__, LedgerEntry.__table__
# Transactions grouped with their entries, in the order they were posted: a batch's transactions share one
# instant, so their first entry's id orders them; one without entries (a denial) sorts last (NULLs last).
POSTING_ORDER = (TRANSACTIONS.c.created_at, func.min(ENTRIES.c.id))


class AlreadyPosted(Exception):
    """This claim payment (remit, claim, payment or reversal, payer claim number) is in the ledger already."""


@dataclass(frozen=True)
class Posting:
    """One ledger transaction to write, with what it belongs to: a claim and its patient, a remittance, or both."""

    tenant_id: UUID
    transaction: ledger.Transaction
    claim_id: UUID | None = None
    patient_id: str | None = None
    remit_id: UUID | None = None
    payer_claim_number: str | None = None
    patient_payment_id: UUID | None = None
    posting_key: str | None = None
    memo: str | None = None
    id: UUID = field(default_factory=uuid.uuid4)

    @classmethod
    def for_claim(cls, billed: BilledClaim, transaction: ledger.Transaction, **keys) -> "Posting":
        """A transaction of this claim, for its tenant and patient."""
        return cls(tenant_id=billed.tenant_id, claim_id=billed.claim_id, patient_id=billed.patient_id,
                   transaction=transaction, **keys)


@dataclass(frozen=True)
class PostedPaymentRow:
    """An unreversed payment of a claim, as a reversal chooses among them."""

    id: UUID
    payer_claim_number: str | None
    paid: Decimal
    payer_id: str | None
    held_for_payer: bool = False


class LedgerRepository:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def add_many(self, postings: list[Posting]) -> None:
        """Writes the postings; AlreadyPosted (nothing of them written) when another holds a posting key."""
        if not postings:
            return
        keyed = sum(1 for p in postings if p.posting_key is not None)
        inserted = await select_rows(self.session, POSTINGS, posting_columns(postings))
        if sum(1 for (key,) in inserted if key is not None) != keyed:
            raise AlreadyPosted("a posting key of this batch is in the ledger already")

    async def add(self, posting: Posting) -> Posting:
        await self.add_many([posting])
        return posting

    async def state(self, *, claim_ids=(), tenant_keys=(), patients=()) -> LedgerState:
        """Balances of these claims, which of these (tenant, posting key) pairs are taken, the credit these
        (tenant, patient) hold: one statement for a batch (adapters/ledger_reads.py)."""
        found = ledger_reads.statement(claim_ids, tenant_keys, patients)
        if found is None:
            return LedgerState()
        return ledger_reads.ledger_state(await select_rows(self.session, *found))

    async def posted_keys(self, tenant_keys: list[tuple[UUID, str]]) -> set[tuple[UUID, str]]:
        """Which of these (tenant, posting key) pairs the ledger holds already."""
        return (await self.state(tenant_keys=tenant_keys)).posted

    async def patient_credits(self, patients: set[tuple[UUID, str]]) -> dict[tuple[UUID, str], Decimal]:
        """Held credit of each of these (tenant, patient) that has any: liability:patient_credit's credit balance."""
        return (await self.state(patients=patients)).credits

    async def patient_credit(self, tenant_id: UUID, patient_id: str) -> Decimal:
        return (await self.patient_credits({(tenant_id, patient_id)})).get((tenant_id, patient_id), ZERO)

    async def account_balance(self, claim_id: UUID, account: str) -> Decimal:
        total = await self.session.scalar(select(func.coalesce(func.sum(ENTRIES.c.amount), 0)).where(
            ENTRIES.c.claim_id == claim_id, ENTRIES.c.account == account))
        return to_money(Decimal(total))

    async def insurance_balance(self, claim_id: UUID) -> Decimal:
        return await self.account_balance(claim_id, ledger.INSURANCE_AR)

    async def has_posting_key(self, tenant_id: UUID, key: str) -> bool:
        return bool(await self.posted_keys([(tenant_id, key)]))

    async def has_transaction(self, claim_id: UUID, kind: str) -> bool:
        found = await self.session.execute(select(TRANSACTIONS.c.id).where(
            TRANSACTIONS.c.claim_id == claim_id, TRANSACTIONS.c.kind == kind).limit(1))
        return found.first() is not None

    async def remittance_cash(self, tenant_id: UUID, remit_id: UUID) -> Decimal:
        """Cash the ledger holds for one remittance: its claim payments and provider-level adjustments."""
        total = await self.session.scalar(
            select(func.coalesce(func.sum(ENTRIES.c.amount), 0))
            .join(TRANSACTIONS, TRANSACTIONS.c.id == ENTRIES.c.transaction_id)
            .where(TRANSACTIONS.c.tenant_id == tenant_id, TRANSACTIONS.c.remit_id == remit_id,
                   ENTRIES.c.account == ledger.CASH))
        return to_money(Decimal(total))

    async def claim_of_payer_claim_number(self, tenant_id: UUID, payer_claim_number: str) -> UUID | None:
        return (await self.session.execute(select(TRANSACTIONS.c.claim_id).where(
            TRANSACTIONS.c.tenant_id == tenant_id, TRANSACTIONS.c.payer_claim_number == payer_claim_number,
            TRANSACTIONS.c.claim_id.is_not(None)).limit(1))).scalar_one_or_none()

    async def unreversed_payments(self, tenant_id: UUID, claim_id: UUID) -> list[PostedPaymentRow]:
        """The claim's payments no reversal took back yet, oldest first, with their cash, payer and whether they are
        held as owed back to the payer."""
        rows = await self.session.execute(
            select(TRANSACTIONS.c.id, TRANSACTIONS.c.payer_claim_number, _sum_where(ENTRIES.c.account == ledger.CASH),
                   Remittance.payer_id, func.bool_or(ENTRIES.c.account == ledger.PAYER_OVERPAYMENT))
            .outerjoin(ENTRIES, ENTRIES.c.transaction_id == TRANSACTIONS.c.id)  # a denial may post no entry
            .outerjoin(Remittance, Remittance.id == TRANSACTIONS.c.remit_id)
            .where(TRANSACTIONS.c.claim_id == claim_id, TRANSACTIONS.c.tenant_id == tenant_id,
                   TRANSACTIONS.c.kind == "payment", TRANSACTIONS.c.reversed_by.is_(None))
            .group_by(TRANSACTIONS.c.id, Remittance.payer_id)
            .order_by(*POSTING_ORDER))
        return [PostedPaymentRow(txn_id, number, Decimal(paid), payer, bool(held))
                for txn_id, number, paid, payer, held in rows]

    async def payer_answers(self, tenant_id: UUID, claim_id: UUID) -> list[corrected_primary.PayerAnswer]:
        """Every payment posted on the claim, reversed or not, oldest first, with the payer that sent it."""
        rows = await self.session.execute(
            select(Remittance.payer_id, TRANSACTIONS.c.payer_claim_number, TRANSACTIONS.c.reversed_by)
            .select_from(TRANSACTIONS)
            .outerjoin(ENTRIES, ENTRIES.c.transaction_id == TRANSACTIONS.c.id)
            .outerjoin(Remittance, Remittance.id == TRANSACTIONS.c.remit_id)
            .where(TRANSACTIONS.c.tenant_id == tenant_id, TRANSACTIONS.c.claim_id == claim_id,
                   TRANSACTIONS.c.kind == "payment")
            .group_by(TRANSACTIONS.c.id, Remittance.payer_id)
            .order_by(*POSTING_ORDER))
        return [corrected_primary.PayerAnswer(payer, number, reversed_by is not None)
                for payer, number, reversed_by in rows]

    async def transaction(self, transaction_id: UUID, kind: str) -> ledger.Transaction:
        return (await self._transactions([transaction_id], kind)).get(transaction_id, ledger.Transaction.empty(kind))

    async def reversals_named(self, tenant_id: UUID, claim_id: UUID, payer_claim_number: str
                              ) -> list[tuple[UUID, ledger.Transaction]]:
        """The claim's reversals of the payer's claim number, oldest first, with their entries."""
        ids = (await self.session.execute(select(TRANSACTIONS.c.id).where(
            TRANSACTIONS.c.tenant_id == tenant_id, TRANSACTIONS.c.claim_id == claim_id,
            TRANSACTIONS.c.kind == "reversal", TRANSACTIONS.c.payer_claim_number == payer_claim_number)
            .order_by(TRANSACTIONS.c.created_at, TRANSACTIONS.c.id))).scalars().all()
        found = await self._transactions(list(ids), "reversal")
        return [(i, found.get(i, ledger.Transaction.empty("reversal"))) for i in ids]

    async def claim_history(self, tenant_id: UUID, claim_id: UUID) -> list[withdrawn_share.Posted]:
        """Every transaction of the claim in posting order (a batch's share one time: its entries' order), with
        its entries and whether a reversal took it back."""
        rows = (await self.session.execute(
            select(TRANSACTIONS.c.id, TRANSACTIONS.c.kind, TRANSACTIONS.c.reversed_by)
            .outerjoin(ENTRIES, ENTRIES.c.transaction_id == TRANSACTIONS.c.id)
            .where(TRANSACTIONS.c.tenant_id == tenant_id, TRANSACTIONS.c.claim_id == claim_id)
            .group_by(TRANSACTIONS.c.id)
            .order_by(*POSTING_ORDER))).all()
        found = await self._transactions([row.id for row in rows], "")
        return [withdrawn_share.Posted(ledger.Transaction(row.kind, found[row.id].entries if row.id in found else ()),
                                       row.reversed_by is not None) for row in rows]

    async def _transactions(self, ids: list[UUID], kind: str) -> dict[UUID, ledger.Transaction]:
        if not ids:
            return {}
        rows = (await self.session.execute(select(
            ENTRIES.c.transaction_id, ENTRIES.c.account, ENTRIES.c.amount, ENTRIES.c.claim_id, ENTRIES.c.line_number,
            ENTRIES.c.memo, ENTRIES.c.category).where(in_array(ENTRIES.c.transaction_id, ids)).order_by(ENTRIES.c.id))).all()
        entries: dict[UUID, list[ledger.Entry]] = {}
        for e in rows:
            entries.setdefault(e.transaction_id, []).append(ledger.Entry(
                e.account, e.amount, str(e.claim_id) if e.claim_id else None, e.line_number, e.memo, e.category))
        return {i: ledger.Transaction.of(kind, found) for i, found in entries.items()}

    async def mark_reversed(self, transaction_id: UUID, reversed_by: UUID) -> None:
        await self.session.execute(TRANSACTIONS.update().where(TRANSACTIONS.c.id == transaction_id)
                                   .values(reversed_by=reversed_by))

    async def patient_entries(self, tenant_id: UUID, claim_ids: list[UUID]) -> list[tuple]:
        """(entry, transaction kind, posted date) for every ar:patient entry of these claims, in posting order."""
        rows = await self.session.execute(
            select(LedgerEntry, LedgerTransaction.kind, LedgerTransaction.created_at)
            .join(LedgerTransaction, LedgerTransaction.id == LedgerEntry.transaction_id)
            .where(LedgerEntry.tenant_id == tenant_id, in_array(LedgerEntry.claim_id, claim_ids),
                   LedgerEntry.account == ledger.PATIENT_AR)
            .order_by(LedgerTransaction.created_at, LedgerEntry.id))
        return [(entry, kind, created.date()) for entry, kind, created in rows]



def _sum_where(condition):
    return func.coalesce(func.sum(case((condition, ENTRIES.c.amount), else_=0)), 0)
