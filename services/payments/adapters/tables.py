"""The payments service's tables: remittance files, claim payments, billed claims, the ledger, suspense."""
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import (Column, Date, DateTime, Index, Numeric, PrimaryKeyConstraint, SmallInteger, String, Text,
                        UniqueConstraint, func, text)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from services.payments.domain import ledger


class PaymentsTable(SQLModel, registry=registry()):
    pass


metadata = PaymentsTable.metadata


def _money(nullable: bool = False) -> Column:
    return Column(Numeric(12, 2), nullable=nullable)


def _ts(nullable: bool = False) -> Column:
    return Column(DateTime(timezone=True), server_default=None if nullable else func.now(), nullable=nullable)


class Remittance(PaymentsTable, table=True):
    """One 835 file as received; the original text is kept. A duplicate key posts nothing."""

    __table_args__ = (Index("ux_remittance_accepted_key", "tenant_id", "duplicate_key", unique=True,
                            postgresql_where=text("status = 'accepted'")),)
    id: UUID = Field(primary_key=True)
    tenant_id: UUID = Field(index=True)
    source: str = Field(max_length=20, description="api | clearinghouse")
    status: str = Field(max_length=20, description="accepted | duplicate | rejected")
    duplicate_key: str | None = Field(default=None, max_length=200)
    payer_id: str | None = Field(default=None, max_length=80)
    trace_number: str | None = Field(default=None, max_length=80)
    total_paid: Decimal | None = Field(default=None, sa_column=_money(nullable=True))
    claim_count: int = 0
    problems: list = Field(sa_column=Column(JSONB, nullable=False))
    x12: str = Field(sa_column=Column(Text, nullable=False))
    received_at: datetime | None = Field(default=None, sa_column=_ts())


class BilledClaim(PaymentsTable, table=True):
    """What claims submitted (from claim.submitted): the receivable that remittances are posted against."""

    __tablename__ = "billed_claim"
    __table_args__ = (Index("ix_billed_claim_tenant_submitted", "tenant_id", "submitted_at",
                            postgresql_include=["total_charge"]),
                      Index("ix_billed_claim_submitted", "submitted_at", postgresql_include=["total_charge"]))
    claim_id: UUID = Field(primary_key=True)
    tenant_id: UUID
    patient_id: str = Field(max_length=50, index=True)
    payer_id: str = Field(max_length=80)
    patient_control_number: str = Field(max_length=20)
    total_charge: Decimal = Field(sa_column=_money())
    lines: list = Field(sa_column=Column(JSONB, nullable=False))
    submitted_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    rendering_npi: str | None = Field(default=None, max_length=10, index=True)
    date_of_service: date | None = Field(default=None, sa_column=Column(Date, nullable=True),
                                         description="The first line's date of service (billing lag).")
    payer_sequence: str = Field(default="P", sa_column=Column(String(1), nullable=False, server_default="P"),
                                description="SBR01 of the claim: P primary, S secondary, T tertiary.")
    payers_after: int = Field(default=0, sa_column=Column(SmallInteger, nullable=False, server_default="0"),
                              description="Coverages after this claim's payer: until the last has answered, the "
                                          "patient's share stays in insurance A/R.")
    receivable_claim_id: UUID | None = Field(
        default=None, description="A later payer's claim: the encounter's first claim, whose receivable its "
                                  "payments post against (it carries no charge of its own).")


class LedgerTransaction(PaymentsTable, table=True):
    """A claim payment or reversal carries its posting key; the partial unique index posts it once."""

    __tablename__ = "ledger_transaction"
    __table_args__ = (Index("ux_ledger_transaction_posting_key", "tenant_id", "posting_key", unique=True,
                            postgresql_where=text("posting_key IS NOT NULL")),
                      Index("ix_ledger_transaction_tenant_created", "tenant_id", "created_at"),
                      Index("ix_ledger_transaction_claim_created", "claim_id", "created_at"),
                      # Only a patient payment's postings name it: the claims' postings take no entry.
                      Index("ix_ledger_transaction_patient_payment_id", "patient_payment_id",
                            postgresql_where=text("patient_payment_id IS NOT NULL")))
    id: UUID = Field(primary_key=True)
    tenant_id: UUID
    claim_id: UUID | None = None
    kind: str = Field(max_length=20, description="charge | payment | reversal | write_off | patient_payment | "
                                                  "patient_credit | credit_applied | patient_refund")
    remit_id: UUID | None = None
    payer_claim_number: str | None = Field(default=None, max_length=50)
    reversed_by: UUID | None = None
    posting_key: str | None = Field(default=None, max_length=200)
    patient_payment_id: UUID | None = None
    memo: str | None = Field(default=None, max_length=200)
    created_at: datetime | None = Field(default=None, sa_column=_ts())


class LedgerEntry(PaymentsTable, table=True):
    """Double entry: the entries of one transaction sum to zero (enforced by the domain and a test)."""

    __tablename__ = "ledger_entry"
    # A patient's entries are read only for the credit the patient holds; nearly every entry names its patient,
    # so an index of them all took an entry per posted line for a read that wants a few credit entries.
    # Entries are read by transaction, by claim or for a patient's credit, never by their id alone: the key leads
    # with the transaction, so an entry takes one entry for the reads by transaction and its key, not one in each
    # (the id stays unique by its sequence).
    __table_args__ = (PrimaryKeyConstraint("transaction_id", "id", name="ledger_entry_pkey"),
                      Index("ix_ledger_entry_patient_credit", "tenant_id", "patient_id", postgresql_include=["amount"],
                            postgresql_where=text(f"account = '{ledger.PATIENT_CREDIT}'")))
    id: int | None = Field(default=None, primary_key=True, sa_column_kwargs={"autoincrement": True})
    transaction_id: UUID = Field(primary_key=True)
    tenant_id: UUID
    claim_id: UUID | None = Field(default=None, index=True)
    patient_id: str | None = Field(default=None, max_length=50)
    account: str = Field(max_length=40)
    amount: Decimal = Field(sa_column=_money())
    line_number: int | None = None
    memo: str | None = Field(default=None, max_length=100)
    category: str | None = Field(default=None, max_length=20, description="PR: deductible | coinsurance | copay | other")


CLAIM_BALANCE_FILLFACTOR = 70


class ClaimBalance(PaymentsTable, table=True):
    """A claim's open insurance and patient A/R, maintained from its ledger entries (adapters/balances.py)."""

    __tablename__ = "claim_balance"
    # A claim's row is rewritten by each posting on the claim, often within seconds of its insert; no index
    # names its amounts, so the rewrite stays on its page (HOT) when the page has room, which pages filled to
    # the brim by the claims inserted after it would not have.
    __table_args__ = {"postgresql_with": {"fillfactor": CLAIM_BALANCE_FILLFACTOR}}
    claim_id: UUID = Field(primary_key=True)
    tenant_id: UUID
    insurance_ar: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False, server_default="0"))
    patient_ar: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False, server_default="0"))
    patient_since: datetime | None = Field(default=None, sa_column=_ts(nullable=True),
                                           description="When the patient first owed on this claim (aging starts).")


class TenantAccountBalance(PaymentsTable, table=True):
    """Each tenant's total per ledger account, maintained from its ledger entries (adapters/balances.py)."""

    __tablename__ = "tenant_account_balance"
    tenant_id: UUID = Field(primary_key=True)
    account: str = Field(primary_key=True, max_length=40)
    amount: Decimal = Field(sa_column=Column(Numeric(14, 2), nullable=False))


class SuspenseItem(PaymentsTable, table=True):
    """A claim payment that matched no claim: it waits here, with the reason, until it is worked."""

    __tablename__ = "suspense_item"
    # The dashboards read the open items' counts from maintained rows (adapters/ops_figures.py).
    __table_args__ = (Index("ix_suspense_item_tenant_status_id", "tenant_id", "status", "id"),)
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(default="payment", max_length=20, description="payment (remit.received) | write_off (denial.resolved)"
                                                                   " | correction (a later payer after its primary's)"
                                                                   " | overpayment (paid after its claim was voided)")
    tenant_id: UUID
    remit_id: UUID = Field(description="The remittance, the denial for a write-off, or the correcting claim.")
    claim_id: UUID | None = Field(default=None, index=True)
    patient_control_number: str = Field(max_length=40)
    payment: dict = Field(sa_column=Column(JSONB, nullable=False), description="The event payload waiting.")
    reason: str = Field(max_length=200)
    status: str = Field(max_length=20, default="open", description="open | posted | closed")
    resolution: str | None = Field(default=None, max_length=200, description="How a person worked it.")
    created_at: datetime | None = Field(default=None, sa_column=_ts())
    resolved_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class Deposit(PaymentsTable, table=True):
    """Money that reached the bank (EFT or check), recorded so it can be matched to its remittance."""

    __table_args__ = (UniqueConstraint("tenant_id", "method", "trace_key", name="ux_deposit_trace"),)
    id: UUID = Field(primary_key=True)
    tenant_id: UUID = Field(index=True)
    method: str = Field(max_length=3, description="EFT | CHK")
    trace_number: str = Field(max_length=80)
    trace_key: str = Field(max_length=80, description="The trace number normalised for matching.")
    amount: Decimal = Field(sa_column=_money())
    deposited_on: date = Field(sa_column=Column(Date, nullable=False))
    created_at: datetime | None = Field(default=None, sa_column=_ts())


class PatientPayment(PaymentsTable, table=True):
    """A payment a patient made; its reference makes a resend the same payment, never a second one."""

    __tablename__ = "patient_payment"
    __table_args__ = (UniqueConstraint("tenant_id", "patient_id", "reference", name="ux_patient_payment_reference"),)
    id: UUID = Field(primary_key=True)
    tenant_id: UUID = Field(index=True)
    patient_id: str = Field(max_length=50)
    reference: str = Field(max_length=80)
    amount: Decimal = Field(sa_column=_money())
    method: str = Field(max_length=20)
    received_on: date = Field(sa_column=Column(Date, nullable=False))
    allocations: list = Field(sa_column=Column(JSONB, nullable=False))
    created_at: datetime | None = Field(default=None, sa_column=_ts())


class PatientRefund(PaymentsTable, table=True):
    """Held patient credit paid back; its reference makes a resend the same refund, never a second one."""

    __tablename__ = "patient_refund"
    __table_args__ = (UniqueConstraint("tenant_id", "patient_id", "reference", name="ux_patient_refund_reference"),)
    id: UUID = Field(primary_key=True)
    tenant_id: UUID = Field(index=True)
    patient_id: str = Field(max_length=50)
    reference: str = Field(max_length=80)
    amount: Decimal = Field(sa_column=_money())
    method: str = Field(max_length=20)
    refunded_on: date = Field(sa_column=Column(Date, nullable=False))
    created_at: datetime | None = Field(default=None, sa_column=_ts())
