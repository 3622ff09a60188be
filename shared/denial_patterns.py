"""Denial patterns as pre-submission warnings: a payer that denied a procedure for a reason
before will likely deny it again, so coders and billers see it before the claim leaves.

Each service that shows the warnings (coding, claims) keeps its own table of this shape, fed by
denial.opened; the columns, the upsert and the warning rule live here once.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from sqlalchemy import ARRAY, String, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import Field, SQLModel

from shared.contracts.common import EditResult, Severity
from shared.contracts.denial import DenialOpened

EDIT_ID = "DENIAL-PATTERN"
MIN_DENIALS = 2
WINDOW = timedelta(days=180)
ADVICE = {
    "authorization": "make sure the prior authorization number is on the claim",
    "coding": "check the codes and modifiers this payer expects",
    "bundling_ncci": "check NCCI bundling and whether a distinct-service modifier applies",
    "medical_necessity": "check that the diagnoses support the service under the payer's policy",
    "missing_information": "check the fields the payer reported missing",
    "eligibility_registration": "verify the member's coverage and registration",
    "non_covered": "check coverage; an ABN may be needed to bill the patient",
    "timely_filing": "send it promptly",
    "duplicate": "make sure this service was not billed already",
    "coordination_of_benefits": "check the order of coverage",
}


class DenialPatternColumns(SQLModel):
    """Mix into a service's table: `class DenialPattern(ServiceTable, DenialPatternColumns, table=True)`."""

    tenant_id: UUID = Field(primary_key=True)
    payer_id: str = Field(primary_key=True, max_length=80)
    procedure_code: str = Field(primary_key=True, max_length=5)
    category: str = Field(primary_key=True, max_length=40)
    carc_codes: list[str] = Field(sa_type=ARRAY(String))
    denials: int
    first_denied_on: date
    last_denied_on: date


@dataclass(frozen=True)
class DenialHistory:
    payer_id: str
    procedure_code: str
    category: str
    carc_codes: tuple[str, ...]
    denials: int
    first_denied_on: date
    last_denied_on: date


def pattern_warnings(*, payer_id: str, payer_name: str, procedure_codes: Iterable[str],
                     history: Iterable[DenialHistory], today: date, edit_id: str = EDIT_ID) -> list[EditResult]:
    """Pure: a warning per procedure this payer denied at least twice in the last 180 days, per reason."""
    codes = set(procedure_codes)
    warnings = []
    for seen in sorted(history, key=lambda h: (h.procedure_code, -h.denials, h.category)):
        if (seen.payer_id != payer_id or seen.procedure_code not in codes or seen.denials < MIN_DENIALS
                or today - seen.last_denied_on > WINDOW):
            continue
        advice = ADVICE.get(seen.category, "review the earlier denials before sending")
        warnings.append(EditResult(
            edit_id=edit_id, severity=Severity.WARNING, codes=[seen.procedure_code],
            message=(f"{payer_name} denied {seen.procedure_code} {seen.denials} times since "
                     f"{seen.first_denied_on.isoformat()} for {seen.category.replace('_', ' ')} "
                     f"(CARC {', '.join(seen.carc_codes)}): {advice}")))
    return warnings


def covered_codes(denial: DenialOpened) -> list[str]:
    return list(dict.fromkeys(denial.procedure_codes or ([denial.procedure_code] if denial.procedure_code else [])))


def learn(table, *, tenant_id: UUID, denial: DenialOpened, today: date) -> list:
    """The upserts that count one denial.opened, one per procedure it covers."""
    columns = table.__table__.c
    statements = []
    for code in covered_codes(denial):
        carcs = sorted(denial.carc_codes)
        statements.append(insert(table).values(
            tenant_id=tenant_id, payer_id=denial.payer_id, procedure_code=code, category=denial.category,
            carc_codes=carcs, denials=1, first_denied_on=today, last_denied_on=today,
        ).on_conflict_do_update(
            index_elements=["tenant_id", "payer_id", "procedure_code", "category"],
            set_={"denials": columns.denials + 1, "last_denied_on": today,
                  "carc_codes": func.array(select(func.unnest(columns.carc_codes.concat(carcs))).distinct()
                                           .scalar_subquery())}))
    return statements


def history_of(rows) -> list[DenialHistory]:
    return [DenialHistory(r.payer_id, r.procedure_code, r.category, tuple(r.carc_codes), r.denials, r.first_denied_on,
                          r.last_denied_on) for r in rows]
