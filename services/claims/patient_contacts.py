"""Where a patient's statement is mailed: the name and address on the patient's most recent claim."""
from uuid import UUID

from sqlalchemy import select

from shared.db.unit_of_work import UnitOfWork
from services.claims.adapters.tables import Claim, ClaimLine


async def mailing_address(uow: UnitOfWork, *, tenant_id: UUID, patient_id: str) -> dict | None:
    """The EHR's latest word on the patient (names and addresses change); None for an unknown patient."""
    newest = (select(Claim.coded).join(ClaimLine, ClaimLine.claim_id == Claim.id)
              .where(Claim.tenant_id == tenant_id, ClaimLine.tenant_id == tenant_id, ClaimLine.patient_id == patient_id)
              .order_by(Claim.created_at.desc()).limit(1))
    coded = (await uow.session.execute(newest)).scalar_one_or_none()
    if coded is None:
        return None
    patient = coded["patient"]
    name = " ".join(filter(None, [patient.get("first_name"), patient.get("last_name")]))
    return {"patient_id": patient_id, "name": name, "address": patient.get("address") or {}}
