"""Psychotherapy and lab claims are priced by the default fee schedule (CMS PFS and CLFS files) and sent,
instead of being held for a missing charge."""
from decimal import Decimal

from tests.e2e.support import claim_sent_or_held, encounter_body


def _claim_for(api, diagnoses: list[str], codes: list[str], place_of_service: str = "11", modifiers=(),
               note: str | None = None) -> dict:
    procedures = [{"code": code, "modifiers": list(modifiers), "units": 1, "diagnosis_pointers": [1]} for code in codes]
    body = encounter_body(diagnoses=diagnoses, procedures=procedures, place_of_service=place_of_service, note=note)
    return claim_sent_or_held(api, body)


def test_a_psychotherapy_claim_is_priced_and_sent(api):
    claim = _claim_for(api, ["F33.1"], ["90837"], note="Psychotherapy 55 minutes.")
    assert claim["status"] != "held", claim
    assert [line["charge"] for line in claim["lines"]] == ["139.28"]  # non-facility (office)


def test_telehealth_outside_the_home_is_priced_at_the_facility_rate(api):
    claim = _claim_for(api, ["F33.1"], ["90837"], place_of_service="02", modifiers=["95"],
                       note="Video visit. Psychotherapy 55 minutes.")
    assert claim["status"] != "held", claim
    assert [line["charge"] for line in claim["lines"]] == ["133.58"]


def test_lab_codes_are_priced_from_the_clinical_lab_fee_schedule(api):
    claim = _claim_for(api, ["J02.0"], ["87880", "80048"])
    assert claim["status"] != "held", claim
    assert [Decimal(line["charge"]) for line in claim["lines"]] == [Decimal("16.53"), Decimal("8.46")]
