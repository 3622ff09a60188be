"""The payer profile a tenant declares (PUT /v1/payers/{payer_id}): one declaration for the gateway and claims."""
from pydantic import BaseModel, Field


class PayerProfile(BaseModel):
    """What billing needs to know of a payer: where claims go, its deadlines and its program (SBR09)."""

    name: str = Field(min_length=1, max_length=100, examples=["MEDICARE PART B JL"])
    x12_payer_id: str = Field(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9-]+$", examples=["12202"])
    timely_filing_days: int = Field(ge=1, le=3650, examples=[365])
    appeal_days: int = Field(ge=1, le=3650, examples=[120])
    expected_days: int = Field(ge=1, le=3650, examples=[30])
    claim_filing_indicator: str = Field(default="CI", min_length=2, max_length=2, examples=["MB"],
                                        description="X12 SBR09: MB Medicare Part B, MC Medicaid, BL Blues, CI commercial, "
                                                    "CH Tricare, WC workers' compensation, ...")


PAYER_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
