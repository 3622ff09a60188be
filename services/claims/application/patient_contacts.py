"""Where a patient's statement is mailed: the name and address on the patient's most recent claim."""
from uuid import UUID


async def mailing_address(uow, *, tenant_id: UUID, patient_id: str) -> dict | None:
    """The EHR's latest word on the patient (names and addresses change); None for an unknown patient."""
    coded = await uow.claims.newest_coded_of_patient(tenant_id, patient_id)
    if coded is None:
        return None
    patient = coded["patient"]
    name = " ".join(filter(None, [patient.get("first_name"), patient.get("last_name")]))
    return {"patient_id": patient_id, "name": name, "address": patient.get("address") or {}}
