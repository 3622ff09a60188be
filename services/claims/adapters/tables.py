"""The claims service's tables: tenants' billing providers, payers, claims, lines, timeline, files."""
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import (Column, DateTime, Index, Numeric, PrimaryKeyConstraint, Sequence, SmallInteger, Text,
                        UniqueConstraint, Uuid, func, text)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel, String

from shared.denial_patterns import DenialPatternColumns
from services.claims.domain.follow_up import AWAITING_STATUSES


class ClaimsTable(SQLModel, registry=registry()):
    pass


metadata = ClaimsTable.metadata
isa_control_sequence = Sequence("isa_control_seq", start=1, maxvalue=999999999, cycle=True, metadata=metadata)


def _ts(**kwargs) -> Column:
    return Column(DateTime(timezone=True), server_default=func.now(), **kwargs)


class BillingTenant(ClaimsTable, table=True):
    __tablename__ = "billing_tenant"
    tenant_id: UUID = Field(primary_key=True)
    name: str = Field(max_length=200)
    billing_provider: dict = Field(sa_column=Column(JSONB, nullable=False))


class TenantPayer(ClaimsTable, table=True):
    __tablename__ = "tenant_payer"
    tenant_id: UUID = Field(primary_key=True)
    payer_id: str = Field(primary_key=True, max_length=80)
    name: str = Field(max_length=100)
    x12_payer_id: str = Field(max_length=80)
    timely_filing_days: int
    appeal_days: int
    expected_days: int
    claim_filing_indicator: str = Field(default="CI", max_length=2)


def _newest_first(name: str, *columns: str, **kwargs) -> Index:
    """The tenant's claims list (and its cursor) reads these in order: WHERE tenant [AND column =]
    ORDER BY created_at DESC, id DESC."""
    return Index(name, "tenant_id", *columns, text("created_at DESC"), text("id DESC"), **kwargs)


# The partial indexes of the loops that look at every tenant's claims: ready claims (eligibility, batching)
# and sent claims still owed an answer (status inquiry). The loops' queries repeat these predicates inline.
READY_SQL = "status = 'ready'"
AWAITING_INQUIRY_SQL = ("status IN ('submitted', 'accepted') AND remit_received_at IS NULL "
                        "AND submitted_at IS NOT NULL")
# The day a sent claim may next be asked about: its next inquiry day; never asked, any day (-infinity); asked
# with no next day, never (NULL). One expression, so the status inquiry reads the due claims as one range of
# its index, not every claim still owed an answer.
INQUIRY_DAY_SQL = "coalesce(next_inquiry_on, CASE WHEN status_inquired_at IS NULL THEN '-infinity'::date END)"
# The follow-up queue's claims: still owed a remittance (a rejected claim is not, however long ago sent).
AWAITING_ANSWER_SQL = (f"status IN ({', '.join(repr(s) for s in AWAITING_STATUSES)}) "
                       "AND remit_received_at IS NULL AND submitted_at IS NOT NULL")


class Claim(ClaimsTable, table=True):
    __table_args__ = (
        UniqueConstraint("tenant_id", "patient_control_number"),
        _newest_first("ix_claim_tenant_created"),
        _newest_first("ix_claim_tenant_status_created", "status"),
        _newest_first("ix_claim_tenant_payer_created", "payer_id"),
        _newest_first("ix_claim_tenant_frequency_created", "frequency_code",
                      postgresql_where=text("frequency_code <> '1'")),
        # The follow-up queue seeks each payer's claims past its expected days.
        Index("ix_claim_owed_answer", "tenant_id", "payer_id", "submitted_at",
              postgresql_where=text(AWAITING_ANSWER_SQL)),
        # One claim per earlier claim and payer place: a redelivered 835 never bills the next payer twice.
        # Its replacements and voids name the same place and are unique by their own claim number.
        Index("ux_claim_prior_claim_sequence", "prior_claim_id", "payer_sequence", unique=True,
              postgresql_where=text("prior_claim_id IS NOT NULL AND frequency_code = '1'")),
        Index("ix_claim_ready_created", "created_at", postgresql_where=text(READY_SQL)),
        # A claim's replacements and voids, counted before a correction and closed by a reversal. Partial: a
        # first bill names no original claim, so nearly every claim takes no entry at any of its steps.
        Index("ix_claim_corrections_of", "tenant_id", "original_claim_id",
              postgresql_where=text("original_claim_id IS NOT NULL")),
        # The status inquiry's claims by the day they may next be asked about: the ones asked and waiting, most
        # of a large book, stay out of its read.
        Index("ix_claim_inquiry_next", text(INQUIRY_DAY_SQL), "submitted_at", postgresql_where=text(AWAITING_INQUIRY_SQL)),
        # The lag report: a tenant's submitted claims, since a day. Partial, so that the steps before
        # submission, which rewrite the row (never HOT: status is indexed), add no entry to it.
        Index("ix_claim_tenant_submitted", "tenant_id", "submitted_at",
              postgresql_where=text("submitted_at IS NOT NULL")),
    )
    id: UUID = Field(primary_key=True)
    tenant_id: UUID
    encounter_id: UUID = Field(index=True)
    patient_control_number: str = Field(max_length=20)
    status: str = Field(max_length=20)
    payer_id: str = Field(max_length=80)
    frequency_code: str = Field(max_length=1, default="1")
    original_claim_id: UUID | None = None
    payer_claim_number: str | None = Field(default=None, max_length=50)
    total_charge: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False))
    coded: dict = Field(sa_column=Column(JSONB, nullable=False), description="The claim.coded payload; source of truth.")
    edits: list = Field(sa_column=Column(JSONB, nullable=False))
    interchange_id: int | None = None
    trace_context: str | None = Field(default=None, max_length=200,
                                      description="W3C traceparent of the encounter's trace, so submission joins it.")
    created_at: datetime | None = Field(default=None, sa_column=_ts())
    updated_at: datetime | None = Field(default=None, sa_column=_ts(onupdate=func.now()))
    # Follow-up: eligibility before submission, status of silent claims, the work queue.
    eligibility: dict | None = Field(default=None, sa_column=Column(JSONB(none_as_null=True)),
                                     description="The 271 answer the claim was verified with (plan, copay, ...).")
    eligibility_requested_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    submitted_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)),
                                          description="First submission: the start of the payer's expected days.")
    remit_received_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    status_inquired_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    next_inquiry_on: date | None = None
    last_payer_status: dict | None = Field(default=None, sa_column=Column(JSONB(none_as_null=True)))
    next_action_on: date | None = Field(default=None, description="A biller's next follow-up date.")
    # Coordination of benefits: the claim's place in the encounter's payer order and what came before it.
    payer_sequence: str = Field(default="P", sa_column=Column(String(1), nullable=False, server_default="P"),
                                description="SBR01: P primary, S secondary, T tertiary.")
    payers_after: int = Field(default=0, sa_column=Column(SmallInteger, nullable=False, server_default="0"),
                              description="How many of the encounter's coverages come after this claim's payer.")
    prior_claim_id: UUID | None = Field(default=None, description="The claim billed to the payer before this one.")
    prior_payers: list | None = Field(default=None, sa_column=Column(JSONB(none_as_null=True)),
                                      description="The earlier payers' adjudications (837P 2320/2430).")


class ClaimLine(ClaimsTable, table=True):
    __tablename__ = "claim_line"
    # The duplicate rule looks up a patient's billed services of a day.
    __table_args__ = (Index("ix_claim_line_service_day", "tenant_id", "patient_id", "date_of_service"),)
    claim_id: UUID = Field(primary_key=True)
    line_number: int = Field(primary_key=True)
    tenant_id: UUID
    patient_id: str = Field(max_length=50)
    rendering_npi: str = Field(max_length=10)
    date_of_service: date
    procedure_code: str = Field(max_length=5)
    modifiers: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    units: int
    charge: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False))


class ClaimEvent(ClaimsTable, table=True):
    """The claim's timeline: every state transition and acknowledgment, in order."""

    __tablename__ = "claim_event"
    # Every read of the timeline goes by claim (a claim's events in order, its first adjudication, its
    # reworks); none by the event's id alone. The key leads with the claim, so an event takes one entry
    # for the reads by claim and its key, not one in each (the id stays unique by its sequence).
    __table_args__ = (
        PrimaryKeyConstraint("claim_id", "id", name="claim_event_pkey"),
        Index("ix_claim_event_reworked", "tenant_id", "claim_id",
              postgresql_where=text("event IN ('held', 'rejected')")),
        Index("ix_claim_event_adjudicated", "tenant_id", "claim_id", "id", postgresql_include=["status"],
              postgresql_where=text("event = 'adjudicated'")),
    )
    id: int | None = Field(default=None, primary_key=True, sa_column_kwargs={"autoincrement": True})
    tenant_id: UUID
    claim_id: UUID = Field(primary_key=True)
    event: str = Field(max_length=40)
    status: str = Field(max_length=20)
    detail: dict = Field(sa_column=Column(JSONB, nullable=False))
    # The moment the step was written, not its transaction's start: a submission that waited on the
    # clearinghouse writes after the payer's answers, and its timeline must say so.
    at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True),
                                                               server_default=func.clock_timestamp()))


class Interchange(ClaimsTable, table=True):
    """One 837P file as sent: the exact X12 text is kept for GET /v1/claims/{id}/837."""

    id: int = Field(primary_key=True, description="ISA13")
    tenant_id: UUID = Field(index=True)
    payer_id: str = Field(max_length=80)
    x12: str = Field(sa_column=Column(Text, nullable=False))
    claim_count: int
    # Sending reads the file's claims by key: no index on claim.interchange_id is worth an entry at every
    # step of every claim, and without one the send scanned the whole claim table for each file.
    claim_ids: list[UUID] | None = Field(default=None, sa_column=Column(ARRAY(Uuid)),
                                         description="The claims written into the file.")
    ack_status: str | None = Field(default=None, max_length=20)
    created_at: datetime | None = Field(default=None, sa_column=_ts())


class EligibilityCheck(ClaimsTable, table=True):
    """A 271 answer cached per patient, member, payer and day, so a day's claims ask once."""

    __tablename__ = "eligibility_check"
    tenant_id: UUID = Field(primary_key=True)
    payer_id: str = Field(primary_key=True, max_length=80)
    patient_id: str = Field(primary_key=True, max_length=50)
    member_id: str = Field(primary_key=True, max_length=80)
    date_of_service: date = Field(primary_key=True)
    checked_on: date = Field(primary_key=True)
    status: str = Field(max_length=20)
    answer: dict = Field(sa_column=Column(JSONB, nullable=False))
    checked_at: datetime | None = Field(default=None, sa_column=_ts())


class ClaimNote(ClaimsTable, table=True):
    """A biller's follow-up note on a claim, with the date of the next action."""

    __tablename__ = "claim_note"
    id: int | None = Field(default=None, primary_key=True)
    tenant_id: UUID
    claim_id: UUID = Field(index=True)
    note: str = Field(sa_column=Column(Text, nullable=False))
    next_action_on: date | None = None
    author: str = Field(max_length=80)
    at: datetime | None = Field(default=None, sa_column=_ts())


class HeldPayerResponse(ClaimsTable, table=True):
    """A payer answer (271, 277, 277CA) that could not be applied: kept with the reason, never dropped."""

    __tablename__ = "held_payer_response"
    id: int | None = Field(default=None, primary_key=True)
    tenant_id: UUID = Field(index=True)
    kind: str = Field(max_length=10)
    reason: str = Field(max_length=300)
    trace: str | None = Field(default=None, max_length=50)
    x12: str = Field(sa_column=Column(Text, nullable=False))
    received_at: datetime | None = Field(default=None, sa_column=_ts())


class DenialPattern(ClaimsTable, DenialPatternColumns, table=True):
    """What this tenant's payers denied, per payer, procedure and category (from denial.opened): the
    scrubber warns before the same claim is sent again."""

    __tablename__ = "denial_pattern"
