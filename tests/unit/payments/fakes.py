"""An in-memory payments unit of work: the repositories' contracts over lists, for use-case unit tests."""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from shared.money import ZERO
from shared.testing.fake_unit_of_work import FakeUnitOfWork
from services.payments.adapters.ledger_reads import ClaimBalances, LedgerState
from services.payments.adapters.ledger_repository import AlreadyPosted, Posting, PostedPaymentRow
from services.payments.adapters.reconciliation_store import PAYER_KINDS
from services.payments.adapters.repositories import WAITING_KINDS
from services.payments.adapters.tables import (BilledClaim, Deposit, PatientPayment, PatientRefund, Remittance,
                                              SuspenseItem)
from services.payments.domain import corrected_primary, ledger, withdrawn_share


@dataclass(frozen=True)
class FakeEntry:
    """An entry as the ledger stores it, with what patient_entries reads of it."""

    claim_id: UUID | None
    amount: Decimal
    category: str | None


class FakeBilledClaims:
    def __init__(self, suspense: "FakeSuspense"):
        self.rows: dict[UUID, BilledClaim] = {}
        self._suspense = suspense

    async def lock(self, claim_id: UUID) -> BilledClaim | None:
        return self.rows.get(claim_id)

    async def lock_known(self, claim_ids: set[UUID]) -> set[UUID]:
        waiting = {i.claim_id for i in self._suspense.items if i.status == "open"}
        return {claim_id for claim_id in claim_ids if claim_id in self.rows or claim_id in waiting}

    async def lock_receivables(self, claim_ids: set[UUID]) -> dict[UUID, BilledClaim]:
        found = {}
        for claim_id in claim_ids:
            row = self.rows.get(claim_id)
            target = self.rows.get(row.receivable_claim_id) if row is not None and row.receivable_claim_id else row
            if target is not None:
                found[claim_id] = target
        return found

    async def lock_receivables_placed(self, claim_ids: set[UUID]):
        return await self.lock_receivables(claim_ids), await self.payer_places(claim_ids)

    async def payer_places(self, claim_ids: set[UUID]) -> dict[UUID, str]:
        return {claim_id: self.rows[claim_id].payer_sequence for claim_id in claim_ids if claim_id in self.rows}

    async def lock_receivable(self, claim_id: UUID) -> BilledClaim | None:
        return (await self.lock_receivables({claim_id})).get(claim_id)

    async def later_payer_claims(self, tenant_id: UUID, first_claim_id: UUID) -> list[BilledClaim]:
        return sorted((b for b in self.rows.values() if (b.tenant_id, b.receivable_claim_id) == (tenant_id, first_claim_id)),
                      key=lambda b: b.claim_id)

    async def add_many(self, rows: list[dict]) -> None:
        for row in rows:
            assert row["claim_id"] not in self.rows, "a receivable is inserted once"
            self.rows[row["claim_id"]] = BilledClaim(**row)

    async def named_by(self, tenant_id: UUID, *, claim_id: UUID | None, patient_control_number: str):
        return next((b for b in self.rows.values() if b.tenant_id == tenant_id and (
            b.claim_id == claim_id if claim_id else b.patient_control_number == patient_control_number[:20])), None)

    async def of_patient(self, tenant_id: UUID, patient_id: str, *, lock: bool = False) -> list[BilledClaim]:
        return sorted((b for b in self.rows.values() if b.tenant_id == tenant_id and b.patient_id == patient_id),
                      key=lambda b: (b.date_of_service or date.min, b.claim_id))


class FakeLedger:
    def __init__(self, remittances: "FakeRemittances"):
        self.postings: list[Posting] = []
        self.reversed_by: dict[UUID, UUID] = {}
        self._remittances = remittances

    def entries(self, **where) -> list[tuple[Posting, ledger.Entry]]:
        return [(p, e) for p in self.postings for e in p.transaction.entries
                if all(getattr(p, k) == v for k, v in where.items())]

    def total(self, account: str, **where) -> Decimal:
        return sum((e.amount for _, e in self.entries(**where) if e.account == account), ZERO)

    async def add_many(self, postings: list[Posting]) -> None:
        keys = {(p.tenant_id, p.posting_key) for p in self.postings if p.posting_key}
        if any((p.tenant_id, p.posting_key) in keys for p in postings if p.posting_key):
            raise AlreadyPosted("a posting key of this batch is in the ledger already")
        self.postings += postings

    async def add(self, posting: Posting) -> Posting:
        await self.add_many([posting])
        return posting

    async def posted_keys(self, tenant_keys: list[tuple[UUID, str]]) -> set[tuple[UUID, str]]:
        return {(p.tenant_id, p.posting_key) for p in self.postings} & set(tenant_keys)

    async def state(self, *, claim_ids=(), tenant_keys=(), patients=()) -> LedgerState:
        balances = {claim_id: ClaimBalances(self.total(ledger.INSURANCE_AR, claim_id=claim_id),
                                            self.total(ledger.PATIENT_AR, claim_id=claim_id),
                                            await self.has_transaction(claim_id, ledger.VOIDED))
                    for claim_id in claim_ids if any(p.claim_id == claim_id for p in self.postings)}
        return LedgerState(balances, await self.posted_keys(list(tenant_keys)), await self.patient_credits(set(patients)))

    async def patient_credits(self, patients: set[tuple[UUID, str]]) -> dict[tuple[UUID, str], Decimal]:
        credits = {(t, p): -self.total(ledger.PATIENT_CREDIT, tenant_id=t, patient_id=p) for t, p in patients}
        return {patient: credit for patient, credit in credits.items() if credit}

    async def patient_credit(self, tenant_id: UUID, patient_id: str) -> Decimal:
        return (await self.patient_credits({(tenant_id, patient_id)})).get((tenant_id, patient_id), ZERO)

    async def account_balance(self, claim_id: UUID, account: str) -> Decimal:
        return self.total(account, claim_id=claim_id)

    async def insurance_balance(self, claim_id: UUID) -> Decimal:
        return self.total(ledger.INSURANCE_AR, claim_id=claim_id)

    async def has_posting_key(self, tenant_id: UUID, key: str) -> bool:
        return bool(await self.posted_keys([(tenant_id, key)]))

    async def has_transaction(self, claim_id: UUID, kind: str) -> bool:
        return any(p.claim_id == claim_id and p.transaction.kind == kind for p in self.postings)

    async def remittance_cash(self, tenant_id: UUID, remit_id: UUID) -> Decimal:
        return self.total(ledger.CASH, tenant_id=tenant_id, remit_id=remit_id)

    async def claim_of_payer_claim_number(self, tenant_id: UUID, payer_claim_number: str) -> UUID | None:
        return next((p.claim_id for p in self.postings if p.tenant_id == tenant_id and p.claim_id
                     and p.payer_claim_number == payer_claim_number), None)

    async def unreversed_payments(self, tenant_id: UUID, claim_id: UUID) -> list[PostedPaymentRow]:
        return [PostedPaymentRow(p.id, p.payer_claim_number,
                                 ledger.claim_balance(list(p.transaction.entries), ledger.CASH),
                                 self._remittances.payer_of(p.remit_id),
                                 any(e.account == ledger.PAYER_OVERPAYMENT for e in p.transaction.entries))
                for p in self.postings if p.tenant_id == tenant_id and p.claim_id == claim_id
                and p.transaction.kind == "payment" and p.id not in self.reversed_by]

    async def payer_answers(self, tenant_id: UUID, claim_id: UUID) -> list[corrected_primary.PayerAnswer]:
        return [corrected_primary.PayerAnswer(self._remittances.payer_of(p.remit_id), p.payer_claim_number,
                                              p.id in self.reversed_by)
                for p in self.postings if (p.tenant_id, p.claim_id) == (tenant_id, claim_id)
                and p.transaction.kind == "payment"]

    async def transaction(self, transaction_id: UUID, kind: str) -> ledger.Transaction:
        return next(p.transaction for p in self.postings if p.id == transaction_id)

    async def reversals_named(self, tenant_id: UUID, claim_id: UUID, payer_claim_number: str):
        return [(p.id, p.transaction) for p in self.postings if (p.tenant_id, p.claim_id, p.payer_claim_number) ==
                (tenant_id, claim_id, payer_claim_number) and p.transaction.kind == "reversal"]

    async def claim_history(self, tenant_id: UUID, claim_id: UUID) -> list[withdrawn_share.Posted]:
        return [withdrawn_share.Posted(p.transaction, p.id in self.reversed_by) for p in self.postings
                if (p.tenant_id, p.claim_id) == (tenant_id, claim_id)]

    async def mark_reversed(self, transaction_id: UUID, reversed_by: UUID) -> None:
        self.reversed_by[transaction_id] = reversed_by

    async def patient_entries(self, tenant_id: UUID, claim_ids: list[UUID]) -> list[tuple]:
        return [(FakeEntry(p.claim_id, e.amount, e.category), p.transaction.kind, date(2026, 11, 2))
                for p, e in self.entries(tenant_id=tenant_id)
                if p.claim_id in claim_ids and e.account == ledger.PATIENT_AR]


class FakeSuspense:
    def __init__(self):
        self.items: list[SuspenseItem] = []

    def add(self, item: SuspenseItem) -> None:
        item.id = len(self.items) + 1
        self.items.append(item)

    async def add_many(self, rows: list[dict]) -> None:
        for row in rows:
            self.add(SuspenseItem(**row))

    async def open_for_claim(self, tenant_id: UUID, claim_id: UUID) -> list[SuspenseItem]:
        return [i for i in self.items if (i.tenant_id, i.claim_id, i.status) == (tenant_id, claim_id, "open")
                and i.kind in WAITING_KINDS]

    async def open_of_kind(self, tenant_id: UUID, claim_id: UUID, *, kind: str) -> list[SuspenseItem]:
        return [i for i in self.items if (i.tenant_id, i.claim_id, i.status, i.kind) == (tenant_id, claim_id, "open", kind)]

    async def of_source(self, tenant_id: UUID, source_id: UUID, *, kind: str) -> list[SuspenseItem]:
        return [i for i in self.items if (i.tenant_id, i.remit_id, i.kind) == (tenant_id, source_id, kind)]

    async def lock(self, item_id: int) -> SuspenseItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    async def claim_of(self, item_id: int) -> tuple[UUID, UUID | None] | None:
        item = await self.lock(item_id)
        return (item.tenant_id, item.claim_id) if item is not None else None

    async def page(self, tenant_id: UUID, *, status: str, after: int | None, limit: int) -> list[SuspenseItem]:
        return [i for i in self.items if i.tenant_id == tenant_id and i.status == status
                and (after is None or i.id > after)][:limit]


class FakeRemittances:
    def __init__(self):
        self.rows: list[Remittance] = []

    def add(self, row: Remittance) -> None:
        self.rows.append(row)

    async def flush(self) -> None:
        pass

    async def of_tenant(self, tenant_id: UUID, remit_id: UUID) -> Remittance | None:
        return next((r for r in self.rows if (r.tenant_id, r.id) == (tenant_id, remit_id)), None)

    async def accepted_with_key(self, tenant_id: UUID, duplicate_key: str) -> bool:
        return any((r.tenant_id, r.duplicate_key, r.status) == (tenant_id, duplicate_key, "accepted")
                   for r in self.rows)

    def payer_of(self, remit_id: UUID | None) -> str | None:
        return next((r.payer_id for r in self.rows if r.id == remit_id), None)


class FakePatientPayments:
    def __init__(self):
        self.rows: list[PatientPayment | PatientRefund] = []

    def add(self, row: PatientPayment | PatientRefund) -> None:
        self.rows.append(row)

    async def payment(self, tenant_id: UUID, patient_id: str, reference: str) -> PatientPayment | None:
        return self._find(PatientPayment, tenant_id, patient_id, reference)

    async def refund(self, tenant_id: UUID, patient_id: str, reference: str) -> PatientRefund | None:
        return self._find(PatientRefund, tenant_id, patient_id, reference)

    def _find(self, kind: type, tenant_id: UUID, patient_id: str, reference: str):
        return next((r for r in self.rows if isinstance(r, kind)
                     and (r.tenant_id, r.patient_id, r.reference) == (tenant_id, patient_id, reference)), None)


class FakeReconciliation:
    """Reads the other fakes' rows as the store reads the tables."""

    def __init__(self, billed_claims: FakeBilledClaims, ledger_: FakeLedger, remittances: FakeRemittances):
        self.deposit_rows: list[Deposit] = []
        self._billed, self._ledger, self._remittances = billed_claims, ledger_, remittances

    async def deposit(self, tenant_id: UUID, method: str, trace_key: str) -> Deposit | None:
        return next((d for d in self.deposit_rows if (d.tenant_id, d.method, d.trace_key) == (tenant_id, method,
                                                                                                trace_key)), None)

    def add_deposit(self, row: Deposit) -> None:
        self.deposit_rows.append(row)

    async def deposits(self, tenant_id: UUID) -> list[Deposit]:
        return [d for d in self.deposit_rows if d.tenant_id == tenant_id]

    async def accepted_remittances(self, tenant_id: UUID) -> list[Remittance]:
        return [r for r in self._remittances.rows if r.tenant_id == tenant_id and r.status == "accepted"]

    async def first_claim_charges(self, tenant_id: UUID) -> dict[UUID, Decimal]:
        return {b.claim_id: b.total_charge for b in self._billed.rows.values()
                if b.tenant_id == tenant_id and b.receivable_claim_id is None}

    async def claim_charge(self, tenant_id: UUID, claim_id: UUID) -> Decimal | None:
        billed = self._billed.rows.get(claim_id)
        return billed.total_charge if billed is not None and billed.tenant_id == tenant_id else None

    async def payer_totals_and_balances(self, tenant_id: UUID, claim_id: UUID | None = None):
        totals: dict = {}
        balances: dict = {}
        for posting, entry in self._ledger.entries(tenant_id=tenant_id):
            if claim_id is not None and posting.claim_id != claim_id:
                continue
            if posting.transaction.kind in PAYER_KINDS:
                account_totals = totals.setdefault(posting.claim_id, {})
                account_totals[entry.account] = account_totals.get(entry.account, ZERO) + entry.amount
            if entry.account == ledger.INSURANCE_AR:
                balances[posting.claim_id] = balances.get(posting.claim_id, ZERO) + entry.amount
        return totals, balances


class FakePaymentsUnitOfWork(FakeUnitOfWork):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.suspense = FakeSuspense()
        self.billed_claims = FakeBilledClaims(self.suspense)
        self.remittances = FakeRemittances()
        self.ledger = FakeLedger(self.remittances)
        self.patient_payments = FakePatientPayments()
        self.reconciliation = FakeReconciliation(self.billed_claims, self.ledger, self.remittances)
