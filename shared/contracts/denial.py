"""denial.opened and denial.resolved."""
from pydantic import Field

from shared.contracts.common import Contract
from shared.money import Money


class DenialOpened(Contract):
    denial_id: str
    claim_id: str
    remit_id: str
    payer_id: str
    level: str = Field(pattern=r"^(claim|line)$")
    procedure_code: str | None = None
    carc_codes: list[str]
    rarc_codes: list[str] = Field(default_factory=list)
    category: str
    amount: Money
    preventable: bool


class DenialResolved(Contract):
    denial_id: str
    claim_id: str
    resolution: str = Field(pattern=r"^(paid|appealed_won|corrected|written_off)$")
    amount: Money
    reason: str | None = None
