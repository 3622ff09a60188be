"""Table rows <-> domain objects of the claims service."""
from services.claims.adapters.tables import TenantPayer
from services.claims.domain.model import Payer
from services.claims.domain.payers import FILING_INDICATORS, program_of


# A payer's columns as the batches' reads select them (`payer_`-labelled beside a claim's or a tenant's), in the
# order `payer_from_values` takes them.
PAYER_FIELDS = ("payer_id", "name", "x12_payer_id", "timely_filing_days", "appeal_days", "expected_days",
                "claim_filing_indicator")


def payer_from_values(values) -> Payer:
    """A payer from its `PAYER_FIELDS` values, in that order."""
    return Payer(**dict(zip(PAYER_FIELDS, values)))


def payer_from_row(row: TenantPayer) -> Payer:
    return Payer(payer_id=row.payer_id, name=row.name, x12_payer_id=row.x12_payer_id,
                 timely_filing_days=row.timely_filing_days, appeal_days=row.appeal_days,
                 expected_days=row.expected_days, claim_filing_indicator=row.claim_filing_indicator)


def payer_public(row: TenantPayer) -> dict:
    payer = payer_from_row(row)
    return {"payer_id": row.payer_id, "name": row.name, "x12_payer_id": row.x12_payer_id,
            "timely_filing_days": row.timely_filing_days, "appeal_days": row.appeal_days,
            "expected_days": row.expected_days, "claim_filing_indicator": row.claim_filing_indicator,
            "program": program_of(payer), "filing_indicator_name": FILING_INDICATORS[payer.claim_filing_indicator].description
            if payer.claim_filing_indicator in FILING_INDICATORS else None}
