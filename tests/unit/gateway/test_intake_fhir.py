import json
import uuid
from pathlib import Path

import pytest

from services.gateway.intake import parse_encounter
from services.gateway.intake.errors import IntakeError

pytestmark = pytest.mark.unit
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "intake"
FHIR = "application/fhir+json"


def test_bundle_maps_to_the_same_encounter_as_the_json_body():
    encounter, source = parse_encounter(FHIR, (FIXTURES / "bundle_r4.json").read_bytes())
    expected, _ = parse_encounter("application/json", (FIXTURES / "encounter.json").read_bytes())
    assert source == "fhir"
    assert encounter.model_dump(exclude={"note"}) == expected.model_dump(exclude={"note"})


def test_missing_patient_is_named():
    bundle = json.loads((FIXTURES / "bundle_r4.json").read_text())
    bundle["entry"] = [e for e in bundle["entry"] if e["resource"]["resourceType"] != "Patient"]
    with pytest.raises(IntakeError) as error:
        parse_encounter(FHIR, json.dumps(bundle).encode())
    assert error.value.problems[0]["field"] == "Patient"


def test_invalid_bundle_is_an_intake_error_without_values():
    with pytest.raises(IntakeError) as error:
        parse_encounter(FHIR, b'{"resourceType": "Bundle", "type": "nonsense-Rivera"}')
    assert "Rivera" not in json.dumps(error.value.problems)


def _with_uuid_references(bundle: dict) -> dict:
    """The same Bundle as EHRs often send it: entries named by urn:uuid fullUrls and referenced by them,
    the payer an Organization the Coverage points at, and a secondary Coverage listed first."""
    ids = {f"{e['resource']['resourceType']}/{e['resource']['id']}": f"urn:uuid:{uuid.uuid4()}" for e in bundle["entry"]}
    text = json.dumps(bundle)
    for local, urn in ids.items():
        text = text.replace(f'"{local}"', f'"{urn}"')
    bundle = json.loads(text)
    for entry in bundle["entry"]:
        entry["fullUrl"] = ids[f"{entry['resource']['resourceType']}/{entry['resource']['id']}"]
        entry["resource"].pop("id")
    organization = f"urn:uuid:{uuid.uuid4()}"
    bundle["entry"].append({"fullUrl": organization, "resource": {
        "resourceType": "Organization", "identifier": [{"value": "AETNA"}], "name": "Aetna"}})
    coverage = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Coverage")
    coverage["payor"], coverage["order"] = [{"reference": organization}], 1
    secondary = json.loads(json.dumps(coverage))
    secondary["payor"], secondary["order"], secondary["subscriberId"] = [{"identifier": {"value": "BCBS"}}], 2, "X1"
    bundle["entry"].insert(0, {"fullUrl": f"urn:uuid:{uuid.uuid4()}", "resource": secondary})
    return bundle


def test_references_inside_the_bundle_are_resolved_like_their_json_twin():
    bundle = _with_uuid_references(json.loads((FIXTURES / "bundle_r4.json").read_text()))
    encounter, _ = parse_encounter(FHIR, json.dumps(bundle).encode())
    expected, _ = parse_encounter(FHIR, (FIXTURES / "bundle_r4.json").read_bytes())
    assert encounter.coverage.payer_id == "AETNA"  # the primary (order 1), its payer by reference
    assert [(c.payer_id, c.member_id) for c in encounter.other_coverages] == [("BCBS", "X1")]  # the secondary
    assert encounter.model_dump(mode="json", exclude={"external_id", "other_coverages"}) == expected.model_dump(
        mode="json", exclude={"external_id", "other_coverages"})


REF_TYPE = [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "REF"}]}]
REFERRER_NPI = "1234567893"


def _referrer(identifier_system: str = "http://hl7.org/fhir/sid/us-npi", id_: str = "prac2") -> dict:
    return {"resource": {"resourceType": "Practitioner", "id": id_,
                         "identifier": [{"system": identifier_system, "value": REFERRER_NPI}],
                         "name": [{"family": "Haddad", "given": ["Omar"]}]}}


def _bundle(*entries: dict, participants: list | None = None, based_on: list | None = None) -> bytes:
    bundle = json.loads((FIXTURES / "bundle_r4.json").read_text())
    bundle["entry"] += list(entries)
    encounter = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Encounter")
    encounter["participant"] = (participants or []) + encounter["participant"]
    if based_on:
        encounter["basedOn"] = based_on
    return json.dumps(bundle).encode()


def _names(provider) -> tuple:
    return (provider.npi, provider.last_name, provider.first_name)


def test_the_referring_provider_is_the_participant_typed_ref():
    raw = _bundle(_referrer(), participants=[{"type": REF_TYPE, "individual": {"reference": "Practitioner/prac2"}}])
    encounter, _ = parse_encounter(FHIR, raw)
    assert _names(encounter.referring_provider) == (REFERRER_NPI, "Haddad", "Omar")
    assert _names(encounter.rendering_provider) == ("1245319599", "Chen", "Maya")  # listed after the referrer


@pytest.mark.parametrize("requester", ["Practitioner/prac2", "PractitionerRole/role2"])
def test_the_referring_provider_is_the_requester_of_the_service_request_the_encounter_is_based_on(requester):
    request = {"resource": {"resourceType": "ServiceRequest", "id": "req1", "status": "active", "intent": "order",
                            "subject": {"reference": "Patient/pat1"}, "requester": {"reference": requester}}}
    role = {"resource": {"resourceType": "PractitionerRole", "id": "role2",
                         "practitioner": {"reference": "Practitioner/prac2"}}}
    encounter, _ = parse_encounter(FHIR, _bundle(request, role, _referrer(),
                                                 based_on=[{"reference": "ServiceRequest/req1"}]))
    assert _names(encounter.referring_provider) == (REFERRER_NPI, "Haddad", "Omar")


def test_without_a_ref_participant_or_service_request_there_is_no_referring_provider():
    other_type = [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "ATND"}]}]
    raw = _bundle(_referrer(), participants=[{"type": other_type, "individual": {"reference": "Practitioner/prac2"}}])
    encounter, _ = parse_encounter(FHIR, raw)
    assert encounter.referring_provider is None
    assert parse_encounter(FHIR, (FIXTURES / "bundle_r4.json").read_bytes())[0].referring_provider is None


def test_a_referrer_without_an_npi_is_left_out():
    raw = _bundle(_referrer("urn:riverside:staff"),
                  participants=[{"type": REF_TYPE, "individual": {"reference": "Practitioner/prac2"}}])
    assert parse_encounter(FHIR, raw)[0].referring_provider is None


def test_a_referrer_whose_npi_is_not_ten_digits_is_named_without_the_value():
    referrer = _referrer()
    referrer["resource"]["identifier"][0]["value"] = "98765"
    raw = _bundle(referrer, participants=[{"type": REF_TYPE, "individual": {"reference": "Practitioner/prac2"}}])
    with pytest.raises(IntakeError) as error:
        parse_encounter(FHIR, raw)
    assert [p["field"] for p in error.value.problems] == ["Bundle.referring_provider.npi"]
    assert "98765" not in json.dumps(error.value.problems)
