"""Claims built from the intake fixture, for the claims and simulator unit tests."""
import json
from datetime import date
from pathlib import Path

from shared.contracts.claim import ClaimCoded
from shared.contracts.identifiers import claim_id_for, new_patient_control_number
from shared.contracts.tenant import BillingProvider
from services.claims.catalog import Catalog
from services.claims.domain.build import build_claim

ROOT = Path(__file__).resolve().parents[3]
CATALOG = Catalog.load()
ENCOUNTER = json.loads((ROOT / "tests" / "fixtures" / "intake" / "encounter.json").read_text())
BILLING = BillingProvider.model_validate(json.loads((ROOT / "deploy" / "seed" / "demo_tenant.json").read_text())["billing_provider"])
PAYERS = {p.payer_id: p for p in CATALOG.payers}


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


def claim(payer_id: str = "AETNA", billing: BillingProvider = BILLING, **overrides):
    c = coded(**overrides)
    return build_claim(c, tenant_id="tenant", billing_provider=billing, fee_schedule=CATALOG.fee_schedule,
                       payer=PAYERS[payer_id], patient_control_number=c.patient_control_number)


TODAY = date(2026, 11, 22)
