"""FHIR R4 Bundles and HL7 v2 DFT^P03 messages enter the same pipeline as JSON."""
import json
import uuid

import pytest

from tests.e2e.support import FIXTURES, wait_for


def _fhir() -> bytes:
    bundle = json.loads((FIXTURES / "intake" / "bundle_r4.json").read_text())
    for entry in bundle["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] == "Encounter":
            resource["identifier"][0]["value"] = f"FHIR-{uuid.uuid4().hex[:10]}"
        if resource["resourceType"] == "Patient":
            resource["identifier"][0]["value"] = f"MRN-{uuid.uuid4().hex[:10]}"
        if resource["resourceType"] == "Coverage":
            resource["subscriberId"] = f"W{uuid.uuid4().int % 10**9:09d}"
    return json.dumps(bundle).encode()


def _hl7() -> bytes:
    text = (FIXTURES / "intake" / "dft_p03.hl7").read_bytes().decode()
    return (text.replace("EHR-2026-000123", f"HL7-{uuid.uuid4().hex[:10]}")
            .replace("MRN-88123", f"MRN-{uuid.uuid4().hex[:10]}")
            .replace("W123456789", f"W{uuid.uuid4().int % 10**9:09d}")).encode()


def _fhir_with_references() -> bytes:
    from tests.unit.gateway.test_intake_fhir import _with_uuid_references

    return json.dumps(_with_uuid_references(json.loads(_fhir()))).encode()


def _hl7_with_cwe_modifiers() -> bytes:
    lines = _hl7().decode().split("\r")
    for number, line in enumerate(lines):
        if line.startswith("FT1|1|"):
            fields = line.split("|") + [""] * 30
            fields[26] = "25^Significant, separately identifiable E/M^CPT4"
            lines[number] = "|".join(fields[:27])
    return "\r".join(lines).encode()


@pytest.mark.parametrize("content_type,body", [("application/fhir+json", _fhir), ("x-application/hl7-v2+er7", _hl7),
                                               ("application/fhir+json", _fhir_with_references),
                                               ("x-application/hl7-v2+er7", _hl7_with_cwe_modifiers)])
def test_format_is_accepted_and_coded(api, content_type, body):
    response = api.post("/v1/encounters", content=body(), headers={"content-type": content_type})
    assert response.status_code == 202, response.text
    encounter = wait_for(lambda: api.get(f"/v1/encounters/{response.json()['encounter_id']}").json(),
                         lambda e: e.get("claim_id"), what="coding")
    assert [d["code"] for d in encounter["diagnoses"]] == ["E11.9", "I10"]


def test_unsupported_media_type_is_415(api):
    response = api.post("/v1/encounters", content=b"%PDF", headers={"content-type": "application/pdf"})
    assert response.status_code == 415 and response.headers["content-type"].startswith("application/problem+json")


def test_hl7_error_names_the_field(api):
    raw = _hl7().decode().replace("19710412", "19711345").encode()
    response = api.post("/v1/encounters", content=raw, headers={"content-type": "x-application/hl7-v2+er7"})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "PID-7"
