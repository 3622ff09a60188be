"""Build the claim from claim.coded: parties from the tenant and encounter, lines priced."""
from shared.contracts.claim import ClaimCoded, CodedProcedure
from shared.contracts.tenant import BillingProvider
from services.claims.domain.fee_schedule import FeeSchedule
from services.claims.domain.model import Claim, ClaimLine, Payer


def build_claim(coded: ClaimCoded, *, tenant_id: str, billing_provider: BillingProvider, fee_schedule: FeeSchedule,
                payer: Payer, patient_control_number: str) -> Claim:
    """Never fails on an unpriced code: it gets charge 0 and the scrubber holds the claim with a reason,
    so the encounter is not lost."""
    lines = tuple(_line(number, procedure, coded, fee_schedule)
                  for number, procedure in enumerate(coded.procedures, start=1))
    return Claim(
        claim_id=coded.claim_id, tenant_id=tenant_id, encounter_id=coded.encounter_id,
        patient_control_number=patient_control_number, frequency_code=coded.frequency_code,
        original_payer_claim_number=coded.original_payer_claim_number, billing_provider=billing_provider,
        rendering_provider=coded.rendering_provider, referring_provider=coded.referring_provider, patient=coded.patient, coverage=coded.coverage, payer=payer,
        place_of_service=coded.place_of_service, date_of_service=coded.date_of_service,
        diagnoses=tuple(d.code for d in coded.diagnoses), lines=lines, prior_authorization=coded.prior_authorization,
    )


def _line(number: int, procedure: CodedProcedure, coded: ClaimCoded, fee_schedule: FeeSchedule) -> ClaimLine:
    """The coder's own charge wins (a practice may bill a negotiated or self-pay amount); else the schedule."""
    charge = procedure.charge if procedure.charge is not None else \
        fee_schedule.price(procedure.code, procedure.modifiers, procedure.units)
    return ClaimLine(line_number=number, procedure_code=procedure.code, modifiers=tuple(procedure.modifiers),
                     units=procedure.units, charge=charge, diagnosis_pointers=tuple(procedure.diagnosis_pointers),
                     date_of_service=coded.date_of_service)
