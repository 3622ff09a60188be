"""What reconciliation reads and records: deposits, accepted remittances, and each claim's charge beside the
payer's postings and its receivable, read for one tenant."""
from decimal import Decimal
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.bulk import in_array
from services.payments.adapters.tables import BilledClaim, Deposit, LedgerEntry, LedgerTransaction, Remittance
from services.payments.domain import ledger, payer_overpayment, withdrawn_share

# The postings a claim check reads: the payers' answers, their reversals, write-offs, a withdrawn payer's share
# handed to the patient, a payer's overpayment refunded, and the close-outs of a replaced or voided claim (which
# take its charge back).
PAYER_KINDS = ("payment", "reversal", "write_off", withdrawn_share.SHARE_TO_PATIENT, ledger.REPLACED, ledger.VOIDED,
               payer_overpayment.REFUND)
# A later payer's claim bills the same service again and holds no balance of its own: claim checks count the
# encounter's first claim only.
FIRST_CLAIMS = BilledClaim.receivable_claim_id.is_(None)


class ReconciliationStore:
    def __init__(self, session: AsyncSession):
        self.session = session

    async def deposit(self, tenant_id: UUID, method: str, trace_key: str) -> Deposit | None:
        return (await self.session.execute(select(Deposit).where(
            Deposit.tenant_id == tenant_id, Deposit.method == method, Deposit.trace_key == trace_key))
        ).scalar_one_or_none()

    def add_deposit(self, row: Deposit) -> None:
        self.session.add(row)

    async def deposits(self, tenant_id: UUID) -> list[Deposit]:
        return list((await self.session.execute(select(Deposit).where(Deposit.tenant_id == tenant_id))).scalars())

    async def accepted_remittances(self, tenant_id: UUID) -> list[Remittance]:
        return list((await self.session.execute(select(Remittance).where(
            Remittance.tenant_id == tenant_id, Remittance.status == "accepted"))).scalars())

    async def first_claim_charges(self, tenant_id: UUID) -> dict[UUID, Decimal]:
        """Each first claim's total charge, by claim id."""
        return dict((await self.session.execute(select(BilledClaim.claim_id, BilledClaim.total_charge).where(
            BilledClaim.tenant_id == tenant_id, FIRST_CLAIMS))).tuples().all())

    async def claim_charge(self, tenant_id: UUID, claim_id: UUID) -> Decimal | None:
        """The tenant's claim's total charge; None for a claim it does not have."""
        return (await self.session.execute(select(BilledClaim.total_charge).where(
            BilledClaim.tenant_id == tenant_id, BilledClaim.claim_id == claim_id))).scalar_one_or_none()

    async def payer_totals_and_balances(self, tenant_id: UUID, claim_id: UUID | None = None
                                        ) -> tuple[dict[UUID, dict[str, Decimal]], dict[UUID, Decimal]]:
        """{claim_id: {account: total}} over the payer's postings (patient payments are not the payer's), and
        {claim_id: insurance A/R} over every posting: one statement, so both come from one snapshot of the
        ledger (two statements could each see a posting committed between them, and report a sound claim
        inconsistent)."""
        payer = func.sum(LedgerEntry.amount).filter(in_array(LedgerTransaction.kind, PAYER_KINDS))
        receivable = func.sum(LedgerEntry.amount).filter(LedgerEntry.account == ledger.INSURANCE_AR)
        query = (select(LedgerEntry.claim_id, LedgerEntry.account, payer, receivable)
                 .join(LedgerTransaction, LedgerTransaction.id == LedgerEntry.transaction_id)
                 .where(LedgerEntry.tenant_id == tenant_id)
                 .group_by(LedgerEntry.claim_id, LedgerEntry.account))
        if claim_id is not None:
            query = query.where(LedgerEntry.claim_id == claim_id)
        totals: dict = {}
        balances: dict = {}
        for claim, account, paid, owed in await self.session.execute(query):
            if paid is not None:
                totals.setdefault(claim, {})[account] = Decimal(paid)
            if owed is not None:
                balances[claim] = Decimal(owed)
        return totals, balances
