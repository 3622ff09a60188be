"""Value types shared by several event payloads."""
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from shared.money import Money

Npi = Annotated[str, StringConstraints(pattern=r"^\d{10}$")]
StateCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
ZipCode = Annotated[str, StringConstraints(pattern=r"^\d{5}(\d{4})?$")]
ProcedureCode = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True, min_length=5, max_length=5)]
Modifier = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Z0-9]{2}$")]
DiagnosisCode = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True, min_length=3, max_length=8)]


class Contract(BaseModel):
    """Base of every payload: unknown fields are ignored so additive changes never break a consumer."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class Sex(StrEnum):
    FEMALE = "F"
    MALE = "M"
    UNKNOWN = "U"


class Relationship(StrEnum):
    """Patient's relationship to the subscriber, as X12 SBR02/PAT01 name it."""

    SELF = "self"
    SPOUSE = "spouse"
    CHILD = "child"
    OTHER = "other"


class Address(Contract):
    line1: str = Field(min_length=1, max_length=55)
    line2: str | None = Field(default=None, max_length=55)
    city: str = Field(min_length=1, max_length=30)
    state: StateCode
    zip: ZipCode


class Patient(Contract):
    id: str = Field(min_length=1, max_length=50, description="The practice's patient id (MRN).")
    first_name: str = Field(min_length=1, max_length=35)
    last_name: str = Field(min_length=1, max_length=60)
    birth_date: date
    sex: Sex
    address: Address


class Coverage(Contract):
    payer_id: str = Field(min_length=1, max_length=80)
    member_id: str = Field(min_length=2, max_length=80)
    group_number: str | None = Field(default=None, max_length=50)
    relationship: Relationship = Relationship.SELF


class Provider(Contract):
    npi: Npi
    first_name: str = Field(min_length=1, max_length=35)
    last_name: str = Field(min_length=1, max_length=60)


class ProcedureLine(Contract):
    code: ProcedureCode
    modifiers: list[Modifier] = Field(default_factory=list, max_length=4)
    units: int = Field(default=1, ge=1, le=999)
    diagnosis_pointers: list[int] = Field(default_factory=list, max_length=4)
    charge: Money | None = Field(default=None, description="Optional charge; claims prices from the fee schedule when absent.")


class CodeSource(StrEnum):
    PROVIDER = "provider"
    SUGGESTION = "suggestion"
    CODER = "coder"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class EditResult(Contract):
    """One failed coding edit or scrub rule: stable id, severity and a message naming the code."""

    edit_id: str
    severity: Severity
    message: str
    codes: list[str] = Field(default_factory=list)


class Adjustment(Contract):
    """One CAS adjustment: group code (CO, PR, OA, PI, CR), CARC, amount and quantity."""

    group_code: str = Field(pattern=r"^(CO|PR|OA|PI|CR)$")
    reason_code: str = Field(min_length=1, max_length=5)
    amount: Money
    quantity: str | None = None
