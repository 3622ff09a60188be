"""payment.posted: what one claim payment did to the ledger."""
from pydantic import Field

from shared.contracts.common import Contract
from shared.money import ZERO, Money


class PaymentPosted(Contract):
    claim_id: str
    remit_id: str
    status_code: str
    paid: Money
    contractual_adjustment: Money
    patient_responsibility: Money
    other_adjustment: Money
    deductible: Money = Field(default=ZERO, description="Patient responsibility PR-1.")
    coinsurance: Money = Field(default=ZERO, description="Patient responsibility PR-2.")
    copay: Money = Field(default=ZERO, description="Patient responsibility PR-3.")
    claim_balance: Money = Field(description="Charge less everything posted so far; zero when the claim is closed.")
    reversal: bool = False

