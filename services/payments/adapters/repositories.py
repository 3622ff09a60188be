"""The payments service's repositories, hung on its unit of work: named, set-based queries over one session.

Receivables are locked in a stable order (by claim id) so that two batches touching the same claims
queue behind each other instead of deadlocking.
"""
from uuid import UUID

from sqlalchemy import column, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.clock import Clock, system_clock
from shared.db.bulk import any_bound, in_array, insert_rows
from shared.db.driver_reads import select_rows
from shared.db.unit_of_work import UnitOfWork
from services.payments.adapters.ledger_repository import LedgerRepository
from services.payments.adapters.reconciliation_store import ReconciliationStore
from services.payments.adapters.report_store import PaymentReports
from services.payments.adapters.tables import BilledClaim, PatientPayment, PatientRefund, Remittance, SuspenseItem

WAITING_KINDS = ("payment", "write_off")  # suspense items that post when their claim comes

_BILLED = BilledClaim.__table__
_NAMED = _BILLED.alias()
# The claims named and the first claims the later payers' among them post against, in one locked read: the
# link never changes once written, so the subquery reads it without a lock. The table's columns, not entities:
# run on the transaction's driver (the session's SQL, character for character).
_LOCK_WITH_RECEIVABLES = select(*_BILLED.c).where(or_(
    _BILLED.c.claim_id == any_bound("ids"),
    _BILLED.c.claim_id.in_(select(_NAMED.c.receivable_claim_id).where(_NAMED.c.claim_id == any_bound("ids")))
)).order_by(_BILLED.c.claim_id).with_for_update(of=_BILLED)
_PAYER_PLACES = select(_BILLED.c.claim_id, _BILLED.c.payer_sequence).where(_BILLED.c.claim_id == any_bound("ids"))
# The billed claims among a claim.submitted batch's, locked in claim id order, and those with open items
# waiting in suspense: the claims the batch cannot post as plain new ones. Run on the transaction's driver.
_LOCK_KNOWN = text("""
WITH billed AS (SELECT claim_id FROM billed_claim WHERE claim_id = ANY(CAST(:ids AS uuid[]))
                ORDER BY claim_id FOR UPDATE)
SELECT claim_id FROM billed
UNION SELECT claim_id FROM suspense_item WHERE claim_id = ANY(CAST(:ids AS uuid[])) AND status = 'open'""").columns(
    column("claim_id"))


class BilledClaimRepository:
    """The receivables claims submitted, which remittances post against."""

    def __init__(self, session: AsyncSession):
        self.session = session

    async def lock(self, claim_id: UUID) -> BilledClaim | None:
        """The claim's receivable, row-locked: postings to one claim run one after the other."""
        return await self.session.get(BilledClaim, claim_id, with_for_update=True)

    async def lock_known(self, claim_ids: set[UUID]) -> set[UUID]:
        """Which of these claims are billed already (their receivables locked, in claim id order, so two
        batches queue instead of deadlocking) or have payments waiting for them: one statement."""
        if not claim_ids:
            return set()
        return {claim_id for (claim_id,) in await select_rows(self.session, _LOCK_KNOWN, {"ids": list(claim_ids)})}

    async def lock_receivables(self, claim_ids: set[UUID]) -> dict[UUID, BilledClaim]:
        return (await self.lock_receivables_placed(claim_ids))[0]

    async def lock_receivables_placed(self, claim_ids: set[UUID]) -> tuple[dict[UUID, BilledClaim], dict[UUID, str]]:
        """What each of these claims posts against, locked in claim id order: its own receivable, or for a later
        payer's claim the first claim's; and each claim's own place in the payer order (P, S, T), read from the
        same rows, in one statement. The receivables are rows read as a `BilledClaim` reads (its columns by
        attribute), not ORM objects: the posting paths only read them, and a change to one would not be written
        (`lock` answers the entity a resubmission changes)."""
        if not claim_ids:
            return {}, {}
        locked = {row.claim_id: row for row in await select_rows(
            self.session, _LOCK_WITH_RECEIVABLES, {"ids": list(claim_ids)})}
        named = {claim_id: locked[claim_id] for claim_id in claim_ids if claim_id in locked}
        receivables = {claim_id: row if row.receivable_claim_id is None else locked[row.receivable_claim_id]
                       for claim_id, row in named.items()
                       if row.receivable_claim_id is None or row.receivable_claim_id in locked}
        return receivables, {claim_id: row.payer_sequence for claim_id, row in named.items()}

    async def payer_places(self, claim_ids: set[UUID]) -> dict[UUID, str]:
        """Each claim's place in the payer order (P, S, T): a later payer answers in the place it was billed in."""
        if not claim_ids:
            return {}
        return dict(await select_rows(self.session, _PAYER_PLACES, {"ids": list(claim_ids)}))

    async def lock_receivable(self, claim_id: UUID) -> BilledClaim | None:
        return (await self.lock_receivables({claim_id})).get(claim_id)

    async def later_payer_claims(self, tenant_id: UUID, first_claim_id: UUID) -> list[BilledClaim]:
        """The later payers' claims that post against this first claim's receivable."""
        return list((await self.session.execute(select(BilledClaim).where(
            BilledClaim.tenant_id == tenant_id, BilledClaim.receivable_claim_id == first_claim_id)
            .order_by(BilledClaim.claim_id))).scalars())

    async def add_many(self, rows: list[dict]) -> None:
        """New receivables, one insert of arrays."""
        await insert_rows(self.session, BilledClaim.__table__, rows)

    async def named_by(self, tenant_id: UUID, *, claim_id: UUID | None, patient_control_number: str
                       ) -> BilledClaim | None:
        """The tenant's claim with this id when one is given, else with this patient control number; locked."""
        query = select(BilledClaim).where(BilledClaim.tenant_id == tenant_id)
        query = query.where(BilledClaim.claim_id == claim_id) if claim_id else query.where(
            BilledClaim.patient_control_number == patient_control_number[:20])
        return (await self.session.execute(query.limit(1).with_for_update())).scalar_one_or_none()

    async def of_patient(self, tenant_id: UUID, patient_id: str, *, lock: bool = False) -> list[BilledClaim]:
        """The patient's claims by date of service; locked, two payments for one patient never spend one balance."""
        query = select(BilledClaim).where(BilledClaim.tenant_id == tenant_id, BilledClaim.patient_id == patient_id) \
            .order_by(BilledClaim.date_of_service, BilledClaim.claim_id)
        if lock:
            query = query.with_for_update()
        return list((await self.session.execute(query)).scalars())


def open_suspense_row(kind: str, tenant_id: UUID, *, remit_id: UUID, claim_id: UUID | None,
                      patient_control_number: str, payment: dict, reason: str) -> dict:
    """A new open item of the suspense queue, as `SuspenseRepository.add_many` takes it; `remit_id` names what
    opened it (the remittance, or the correcting claim)."""
    return {"kind": kind, "tenant_id": tenant_id, "remit_id": remit_id, "claim_id": claim_id,
            "patient_control_number": patient_control_number, "payment": payment, "reason": reason,
            "status": "open"}


class SuspenseRepository:
    """Payments and write-offs that wait for a claim, or for a person."""

    def __init__(self, session: AsyncSession):
        self.session = session

    def add(self, item: SuspenseItem) -> None:
        self.session.add(item)

    async def add_many(self, rows: list[dict]) -> None:
        await insert_rows(self.session, SuspenseItem.__table__, rows)

    async def open_for_claim(self, tenant_id: UUID, claim_id: UUID) -> list[SuspenseItem]:
        """The payments and write-offs waiting for this claim (work items for a person are not among them)."""
        rows = await self.session.execute(select(SuspenseItem).where(
            SuspenseItem.tenant_id == tenant_id, SuspenseItem.claim_id == claim_id, SuspenseItem.status == "open",
            in_array(SuspenseItem.kind, WAITING_KINDS)).order_by(SuspenseItem.id))
        return list(rows.scalars())

    async def open_of_kind(self, tenant_id: UUID, claim_id: UUID, *, kind: str) -> list[SuspenseItem]:
        """The open items of a kind about this claim, oldest first, locked: two postings never close one twice."""
        rows = await self.session.execute(select(SuspenseItem).where(
            SuspenseItem.tenant_id == tenant_id, SuspenseItem.claim_id == claim_id, SuspenseItem.status == "open",
            SuspenseItem.kind == kind).order_by(SuspenseItem.id).with_for_update())
        return list(rows.scalars())

    async def of_source(self, tenant_id: UUID, source_id: UUID, *, kind: str) -> list[SuspenseItem]:
        """The items of a kind one remittance, denial or correcting claim opened, whatever their status."""
        rows = await self.session.execute(select(SuspenseItem).where(
            SuspenseItem.tenant_id == tenant_id, SuspenseItem.remit_id == source_id, SuspenseItem.kind == kind))
        return list(rows.scalars())

    async def lock(self, item_id: int) -> SuspenseItem | None:
        return await self.session.get(SuspenseItem, item_id, with_for_update=True)

    async def claim_of(self, item_id: int) -> tuple[UUID, UUID | None] | None:
        """(tenant, claim) of an item, unlocked and loading no item: what to lock before the item itself."""
        return (await self.session.execute(select(SuspenseItem.tenant_id, SuspenseItem.claim_id).where(
            SuspenseItem.id == item_id))).tuples().first()

    async def page(self, tenant_id: UUID, *, status: str, after: int | None, limit: int) -> list[SuspenseItem]:
        """Up to `limit` of the tenant's items in a status after the id `after`, by id."""
        query = select(SuspenseItem).where(SuspenseItem.tenant_id == tenant_id, SuspenseItem.status == status)
        if after is not None:
            query = query.where(SuspenseItem.id > after)
        return list((await self.session.execute(query.order_by(SuspenseItem.id).limit(limit))).scalars())


class RemittanceRepository:
    """The 835 files as received."""

    def __init__(self, session: AsyncSession):
        self.session = session

    def add(self, row: Remittance) -> None:
        self.session.add(row)

    async def flush(self) -> None:
        await self.session.flush()

    async def of_tenant(self, tenant_id: UUID, remit_id: UUID) -> Remittance | None:
        """The tenant's remittance; another tenant's is not found."""
        row = await self.session.get(Remittance, remit_id)
        return row if row is not None and row.tenant_id == tenant_id else None

    async def accepted_with_key(self, tenant_id: UUID, duplicate_key: str) -> bool:
        found = await self.session.execute(select(Remittance.id).where(
            Remittance.tenant_id == tenant_id, Remittance.duplicate_key == duplicate_key,
            Remittance.status == "accepted"))
        return found.first() is not None


class PatientPaymentRepository:
    """Patient payments and refunds, each once per reference."""

    def __init__(self, session: AsyncSession):
        self.session = session

    def add(self, row: PatientPayment | PatientRefund) -> None:
        self.session.add(row)

    async def payment(self, tenant_id: UUID, patient_id: str, reference: str) -> PatientPayment | None:
        return (await self.session.execute(select(PatientPayment).where(
            PatientPayment.tenant_id == tenant_id, PatientPayment.patient_id == patient_id,
            PatientPayment.reference == reference))).scalar_one_or_none()

    async def refund(self, tenant_id: UUID, patient_id: str, reference: str) -> PatientRefund | None:
        return (await self.session.execute(select(PatientRefund).where(
            PatientRefund.tenant_id == tenant_id, PatientRefund.patient_id == patient_id,
            PatientRefund.reference == reference))).scalar_one_or_none()


class PaymentsUnitOfWork(UnitOfWork):
    def __init__(self, session: AsyncSession, clock: Clock = system_clock):
        super().__init__(session, clock)
        self.billed_claims = BilledClaimRepository(session)
        self.ledger = LedgerRepository(session)
        self.suspense = SuspenseRepository(session)
        self.remittances = RemittanceRepository(session)
        self.patient_payments = PatientPaymentRepository(session)
        self.reports = PaymentReports(session)
        self.reconciliation = ReconciliationStore(session)
