"""The ordering provider through the public API: a Medicare lab encounter without one is held naming the payer
edit, and the biller adds it in the fix queue; the same service with the referring doctor sent in HL7 PV1-8 or
as a FHIR ServiceRequest's requester is submitted and its 837P carries loop 2310A."""
import json
import uuid

from tests.e2e.support import FIXTURES, claim_sent_or_held, encounter_body, medicare_beneficiary_id, wait_for

LAB = {"code": "80053", "diagnosis_pointers": [1]}  # comprehensive metabolic panel
REFERRER_NPI = "1234567893"


def test_a_medicare_lab_claim_without_an_ordering_provider_is_held_naming_the_edit(api):
    body = encounter_body(procedures=[{"code": "99213", "diagnosis_pointers": [1, 2]}, LAB])
    body["coverage"].update(payer_id="MEDICARE", member_id=medicare_beneficiary_id())
    held = claim_sent_or_held(api, body)
    assert held["status"] == "held"
    [edit] = [e for e in held["edits"] if e["edit_id"] == "PAYER-MEDICARE-ORDERING-NPI"]
    assert edit["severity"] == "error" and edit["codes"] == ["80053"]

    # The biller adds the ordering doctor in the fix queue; the claim is scrubbed again and sent with 2310A.
    fixed = api.patch(f"/v1/claims/{held['claim_id']}",
                      json={"referring_provider": {"npi": REFERRER_NPI, "last_name": "ORDERS", "first_name": "ANNA"}})
    assert fixed.status_code == 200, fixed.text
    assert "PAYER-MEDICARE-ORDERING-NPI" not in [e["edit_id"] for e in fixed.json()["edits"]]
    sent = wait_for(lambda: api.get(f"/v1/claims/{held['claim_id']}").json(),
                    lambda c: "submitted" in [t["event"] for t in c.get("timeline", [])], timeout=120,
                    what="the fixed claim to be sent")
    assert f"NM1*DN*1*ORDERS*ANNA****XX*{REFERRER_NPI}~" in api.get(f"/v1/claims/{sent['claim_id']}/837").text


def _hl7_medicare_lab(pv1_8: str) -> bytes:
    text = (FIXTURES / "intake" / "dft_p03.hl7").read_bytes().decode()
    text = (text.replace("EHR-2026-000123", f"HL7-{uuid.uuid4().hex[:10]}")
            .replace("MRN-88123", f"MRN-{uuid.uuid4().hex[:10]}")
            .replace("IN1|1|PLAN01|AETNA|AETNA", "IN1|1|PLAN01|MEDICARE|MEDICARE")
            .replace("W123456789", medicare_beneficiary_id())
            .replace("36415^Venipuncture^CPT", "80053^Comprehensive metabolic panel^CPT"))
    lines = text.split("\r")
    for number, line in enumerate(lines):
        if line.startswith("PV1|"):
            fields = line.split("|")
            fields[8] = pv1_8
            lines[number] = "|".join(fields)
    return "\r".join(lines).encode()


def test_with_the_referring_doctor_in_pv1_8_it_is_submitted_with_nm1_dn(api):
    raw = _hl7_medicare_lab(f"{REFERRER_NPI}^Haddad^Omar^^^^^^NPI")
    accepted = api.post("/v1/encounters", content=raw, headers={"content-type": "x-application/hl7-v2+er7"})
    assert accepted.status_code == 202, accepted.text
    encounter = wait_for(lambda: api.get(f"/v1/encounters/{accepted.json()['encounter_id']}").json(),
                         lambda e: e.get("claim_id") or e["status"] == "needs_review", what="coding")
    assert encounter["status"] == "coded", encounter["edits"]
    claim = wait_for(lambda: api.get(f"/v1/claims/{encounter['claim_id']}").json(),
                     lambda c: "submitted" in [t["event"] for t in c.get("timeline", [])] or c.get("status") == "held",
                     timeout=90, what="the claim to be sent")
    assert claim["status"] != "held", claim["edits"]
    x12 = api.get(f"/v1/claims/{claim['claim_id']}/837")
    assert x12.status_code == 200
    segments = x12.text.rstrip("~").split("~")
    assert f"NM1*DN*1*HADDAD*OMAR****XX*{REFERRER_NPI}" in segments
    assert segments.index(f"NM1*DN*1*HADDAD*OMAR****XX*{REFERRER_NPI}") < \
        next(i for i, s in enumerate(segments) if s.startswith("NM1*82*"))


def test_a_referring_doctor_marked_npi_with_a_bad_id_is_refused_naming_pv1_8(api):
    response = api.post("/v1/encounters", content=_hl7_medicare_lab("L1234^Haddad^Omar^^^^^^NPI"),
                        headers={"content-type": "x-application/hl7-v2+er7"})
    assert response.status_code == 422 and [e["field"] for e in response.json()["errors"]] == ["PV1-8"]


def test_a_fhir_service_requests_requester_is_sent_as_the_ordering_provider(api):
    from tests.e2e.test_intake_formats import _fhir

    bundle = json.loads(_fhir())
    resources = {e["resource"]["resourceType"] + "/" + e["resource"]["id"]: e["resource"] for e in bundle["entry"]}
    resources["Coverage/cov1"].update(subscriberId=medicare_beneficiary_id(),
                                      payor=[{"identifier": {"value": "MEDICARE"}, "display": "Medicare"}])
    resources["Procedure/p2"]["code"]["coding"][0]["code"] = "80053"
    resources["Encounter/enc1"]["basedOn"] = [{"reference": "ServiceRequest/sr1"}]
    bundle["entry"] += [
        {"resource": {"resourceType": "Practitioner", "id": "prac2", "name": [{"family": "Haddad", "given": ["Omar"]}],
                      "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": REFERRER_NPI}]}},
        {"resource": {"resourceType": "ServiceRequest", "id": "sr1", "status": "completed", "intent": "order",
                      "subject": {"reference": "Patient/pat1"}, "requester": {"reference": "Practitioner/prac2"}}}]

    accepted = api.post("/v1/encounters", content=json.dumps(bundle), headers={"content-type": "application/fhir+json"})

    assert accepted.status_code == 202, accepted.text
    encounter = wait_for(lambda: api.get(f"/v1/encounters/{accepted.json()['encounter_id']}").json(),
                         lambda e: e.get("claim_id") or e["status"] == "needs_review", what="coding")
    claim = wait_for(lambda: api.get(f"/v1/claims/{encounter['claim_id']}").json(),
                     lambda c: "submitted" in [t["event"] for t in c.get("timeline", [])] or c.get("status") == "held",
                     timeout=90, what="the claim to be sent")
    assert claim["status"] != "held", claim["edits"]
    assert f"NM1*DN*1*HADDAD*OMAR****XX*{REFERRER_NPI}~" in api.get(f"/v1/claims/{claim['claim_id']}/837").text
