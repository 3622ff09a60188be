"""Table rows <-> domain objects of the claims service."""
from services.claims.adapters.tables import TenantPayer
from services.claims.domain.model import Payer
from services.claims.domain.payers import FILING_INDICATORS, program_of


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
