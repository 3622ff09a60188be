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


_FIRST = ("ANA", "JAMES", "MARIA", "ROBERT", "LINDA", "WEI", "FATIMA", "DAVID", "SOFIA", "OMAR", "GRACE", "LUIS")
_LAST = ("RIVERA", "SMITH", "NGUYEN", "JOHNSON", "GARCIA", "OKAFOR", "MULLER", "PATEL", "KOWALSKI", "BROWN")
_STREETS = ("12 ELM ST", "400 OAK AVE", "9 LAKE SHORE DR", "1750 W MAIN ST", "33 PINE CT APT 4")
_CITIES = (("SPRINGFIELD", "IL", "62704"), ("CHICAGO", "IL", "60614"), ("PEORIA", "IL", "61602"),
           ("ST LOUIS", "MO", "63101"), ("MADISON", "WI", "53703"))
_DIAGNOSES = ("E11.9", "I10", "J06.9", "M54.50", "E78.5", "K21.9", "F41.1", "N39.0", "R51.9", "Z00.00")
_VISITS = ("99212", "99213", "99214", "99203", "99204")
_ADDED = ("36415", "80053", "85025", "93000", "83036", "97110", "71046")
_RENDERING = (ENCOUNTER["rendering_provider"],
              {"npi": OTHER_RENDERING_NPI, "first_name": "Omar", "last_name": "Haddad"})


def varied_claim(i: int) -> Claim:
    """The i-th of a deterministic series of claims that differ the way a day's claims do: patient, address,
    payer, member, relationship, date of service, diagnoses, procedures, units and rendering provider."""
    first, last = _FIRST[i % len(_FIRST)], _LAST[(i * 7) % len(_LAST)]
    city, state, zip_code = _CITIES[(i * 3) % len(_CITIES)]
    payer = ("AETNA", "BCBS", "UHC", "CIGNA", "MEDICARE")[i % 5]
    member = MEMBER_IDS.get(payer) or f"W{100000000 + i * 7919:09d}"
    codes = [_DIAGNOSES[(i + k * 3) % len(_DIAGNOSES)] for k in range(1 + i % 3)]
    lines = [{"code": _VISITS[i % len(_VISITS)], "modifiers": ["25"] if i % 4 == 0 else [], "units": 1,
              "diagnosis_pointers": list(range(1, len(codes) + 1))}]
    lines += [{"code": _ADDED[(i + k) % len(_ADDED)], "modifiers": [], "units": 1 + (i + k) % 2,
               "diagnosis_pointers": [1]} for k in range(i % 3)]
    patient = {**ENCOUNTER["patient"], "id": f"MRN-{80000 + i}", "first_name": first, "last_name": last,
               "birth_date": f"{1940 + i % 60}-{1 + i % 12:02d}-{1 + i % 28:02d}", "sex": "MF"[i % 2],
               "address": {"line1": _STREETS[i % len(_STREETS)], "city": city, "state": state, "zip": zip_code}}
    coverage = {**ENCOUNTER["coverage"], "payer_id": payer, "member_id": member,
                "group_number": f"GRP-{100 + i % 40}",
                "relationship": "child" if i % 6 == 5 and payer != "MEDICARE" else "self"}
    return claim(payer_id=payer, external_id=f"EHR-{i}", patient=patient, coverage=coverage,
                 date_of_service=f"2026-{10 + i % 2}-{1 + i % 28:02d}", rendering_provider=_RENDERING[i % 2],
                 diagnoses=[{"code": c} for c in codes], procedures=lines)
