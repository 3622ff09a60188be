"""Build the claim from claim.coded: parties from the tenant and encounter, lines priced."""
from shared.contracts.claim import ClaimCoded
from shared.contracts.tenant import BillingProvider
from services.claims.domain.fee_schedule import FeeSchedule
from services.claims.domain.model import Claim, ClaimLine, Payer


def build_claim(coded: ClaimCoded, *, tenant_id: str, billing_provider: BillingProvider, fee_schedule: FeeSchedule,
                payer: Payer, patient_control_number: str) -> Claim:
    lines = tuple(
        ClaimLine(line_number=n, procedure_code=p.code, modifiers=tuple(p.modifiers), units=p.units,
                  charge=p.charge if p.charge is not None else fee_schedule.price(p.code, p.modifiers, p.units),
                  diagnosis_pointers=tuple(p.diagnosis_pointers), date_of_service=coded.date_of_service)
        for n, p in enumerate(coded.procedures, start=1)
    )
    return Claim(
        claim_id=coded.claim_id, tenant_id=tenant_id, encounter_id=coded.encounter_id,
        patient_control_number=patient_control_number, frequency_code=coded.frequency_code,
        original_payer_claim_number=coded.original_payer_claim_number, billing_provider=billing_provider,
        rendering_provider=coded.rendering_provider, patient=coded.patient, coverage=coded.coverage, payer=payer,
        place_of_service=coded.place_of_service, date_of_service=coded.date_of_service,
        diagnoses=tuple(d.code for d in coded.diagnoses), lines=lines, prior_authorization=coded.prior_authorization,
    )
