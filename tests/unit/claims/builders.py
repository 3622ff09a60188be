"""Claims built from the intake fixture, for the claims and simulator unit tests.

Reference data comes straight from the shipped files through the domain loaders, so these tests need
no service wiring.
"""
import json
from datetime import date
from pathlib import Path

from shared.contracts.claim import ClaimCoded
from shared.contracts.identifiers import claim_id_for, new_patient_control_number
from shared.contracts.tenant import BillingProvider
from services.claims.domain.build import build_claim
from services.claims.domain.fee_schedule import load_fee_schedule
from services.claims.domain.model import Claim
from shared.npi import make_npi
from services.claims.domain.payers import load_payers

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "services" / "claims" / "data"
FEE_SCHEDULE = load_fee_schedule(DATA / "fee_schedules" / "default.csv")
PAYERS = {p.payer_id: p for p in load_payers(DATA / "payers.csv")}
ENCOUNTER = json.loads((ROOT / "tests" / "fixtures" / "intake" / "encounter.json").read_text())
DEMO_TENANT = json.loads((ROOT / "deploy" / "seed" / "demo_tenant.json").read_text())
BILLING = BillingProvider.model_validate(DEMO_TENANT["billing_provider"])
TODAY = date(2026, 11, 22)
OTHER_RENDERING_NPI = make_npi("198765432")
# Member ids in the form the payer's own edits expect (the fixture's fits the commercial payers and the Blues).
MEMBER_IDS = {"MEDICARE": "1EG4TE5MK73", "MEDICAID-IL": "123456789"}


def coded(**overrides) -> ClaimCoded:
    pcn = new_patient_control_number()
    body = {
        "claim_id": str(claim_id_for("tenant", pcn)), "patient_control_number": pcn, "encounter_id": "enc-1",
        "external_id": "ext-1", "date_of_service": ENCOUNTER["date_of_service"], "place_of_service": "11",
        "patient": ENCOUNTER["patient"], "coverage": ENCOUNTER["coverage"],
        "rendering_provider": ENCOUNTER["rendering_provider"],
        "diagnoses": [{"code": c} for c in ENCOUNTER["diagnoses"]], "procedures": ENCOUNTER["procedures"],
    }
    body.update(overrides)
    return ClaimCoded.model_validate(body)


def claim(payer_id: str = "AETNA", billing: BillingProvider = BILLING, **overrides) -> Claim:
    if payer_id in MEMBER_IDS and "coverage" not in overrides:
        overrides["coverage"] = {**ENCOUNTER["coverage"], "member_id": MEMBER_IDS[payer_id]}
    c = coded(**overrides)
    return build_claim(c, tenant_id="tenant", billing_provider=billing, fee_schedule=FEE_SCHEDULE,
                       payer=PAYERS[payer_id], patient_control_number=c.patient_control_number)
