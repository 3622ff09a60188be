"""Table rows <-> domain objects of the claims service."""
from services.claims.adapters.tables import TenantPayer
from services.claims.domain.model import Payer


def payer_from_row(row: TenantPayer) -> Payer:
    return Payer(payer_id=row.payer_id, name=row.name, x12_payer_id=row.x12_payer_id,
                 timely_filing_days=row.timely_filing_days, appeal_days=row.appeal_days,
                 expected_days=row.expected_days)


def payer_public(row: TenantPayer) -> dict:
    return {"payer_id": row.payer_id, "name": row.name, "x12_payer_id": row.x12_payer_id,
            "timely_filing_days": row.timely_filing_days, "appeal_days": row.appeal_days,
            "expected_days": row.expected_days}
