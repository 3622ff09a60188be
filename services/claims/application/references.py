"""A loop's claims whose tenant or payer is not known (any more): held or put off with the reason, so that
a round never fails on them again and again and never stops the other tenants' claims."""
from shared.contracts.common import EditResult
from services.claims.application.build_claims import UNKNOWN_TENANT
from services.claims.domain.scrub import unknown_payer_edit


def missing_reference(tenant, payer, payer_id: str) -> EditResult | None:
    """The edit that holds a claim whose tenant or payer is missing; None when both are there."""
    if tenant is None:
        return UNKNOWN_TENANT
    if payer is None:
        return unknown_payer_edit(payer_id)
    return None
