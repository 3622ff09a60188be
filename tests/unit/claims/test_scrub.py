"""Every scrub rule, one failing and one passing case each; messages carry no patient data."""
import dataclasses
from datetime import date, timedelta

import pytest

from shared.contracts.common import Severity
from shared.npi import make_npi
from services.claims.domain.scrub import RULES, scrub_claim, unknown_payer_edit
from tests.unit.claims.builders import BILLING, ENCOUNTER, OTHER_RENDERING_NPI, PAYERS, TODAY, claim

pytestmark = pytest.mark.unit
DOS = date.fromisoformat(ENCOUNTER["date_of_service"])


def edits(c, today=TODAY, existing=frozenset()):
    return scrub_claim(c, today=today, existing_keys=set(existing))


def ids(c, today=TODAY, existing=frozenset()) -> list[str]:
    return [e.edit_id for e in edits(c, today, existing)]


def with_line(c, **changes):
    return dataclasses.replace(c, lines=(dataclasses.replace(c.lines[0], **changes), *c.lines[1:]))


def test_a_clean_claim_passes_every_rule():
    assert ids(claim()) == []


def test_billing_and_rendering_npi_check_digits():
    bad_rendering = dict(ENCOUNTER["rendering_provider"], npi="1245319598")
    assert ids(claim(rendering_provider=bad_rendering)) == ["SCRUB-NPI-CHECK-DIGIT"]
    found = edits(claim(billing=BILLING.model_copy(update={"npi": "1234567890"}), rendering_provider=bad_rendering))
    assert [e.message for e in found] == ["the billing provider NPI fails its check digit",
                                          "the rendering provider NPI fails its check digit"]
    assert ids(claim(rendering_provider=dict(bad_rendering, npi=OTHER_RENDERING_NPI))) == []


def test_a_referring_provider_npi_is_checked_like_the_rendering_one():
    referring = dict(ENCOUNTER["rendering_provider"], npi=OTHER_RENDERING_NPI)
    assert ids(claim(referring_provider=referring)) == []
    [edit] = edits(claim(referring_provider=dict(referring, npi="1245319598")))
    assert (edit.edit_id, edit.message) == ("SCRUB-NPI-CHECK-DIGIT", "the referring provider NPI fails its check digit")


def test_tax_id_must_be_an_ein_and_an_unassigned_prefix_warns():
    assert ids(claim(billing=BILLING.model_copy(update={"tax_id": "00-0000000"}))) == ["SCRUB-TAX-ID"]
    assert ids(claim(billing=BILLING.model_copy(update={"tax_id": "12345678"}))) == ["SCRUB-TAX-ID"]
    [warning] = edits(claim(billing=BILLING.model_copy(update={"tax_id": "07-1234567"})))
    assert (warning.edit_id, warning.severity) == ("SCRUB-TAX-ID-PREFIX", Severity.WARNING)
    assert ids(claim(billing=BILLING.model_copy(update={"tax_id": "361234567"}))) == []


@pytest.mark.parametrize("change, field", [
    (lambda c: dataclasses.replace(c, coverage=c.coverage.model_copy(update={"member_id": "  "})), "member id"),
    (lambda c: dataclasses.replace(c, patient=c.patient.model_copy(update={
        "address": c.patient.address.model_copy(update={"line1": " "})})), "patient address"),
    (lambda c: dataclasses.replace(c, diagnoses=()), "diagnosis"),
    (lambda c: dataclasses.replace(c, lines=()), "service line"),
    (lambda c: dataclasses.replace(c, payer=dataclasses.replace(c.payer, x12_payer_id="")), "payer id"),
    (lambda c: dataclasses.replace(c, billing_provider=c.billing_provider.model_copy(update={
        "address": c.billing_provider.address.model_copy(update={"zip": "62701"})})), "nine-digit ZIP"),
])
def test_required_837p_fields(change, field):
    found = [e for e in edits(change(claim())) if e.edit_id == "SCRUB-837P-REQUIRED"]
    assert len(found) == 1 and field in found[0].message and found[0].severity == Severity.ERROR


def test_replacement_and_void_need_the_original_payer_claim_number():
    assert ids(claim(frequency_code="7")) == ["SCRUB-837P-REQUIRED"]
    assert ids(claim(frequency_code="8")) == ["SCRUB-837P-REQUIRED"]
    assert ids(claim(frequency_code="7", original_payer_claim_number="627676228882")) == []


def test_date_of_service_may_not_be_in_the_future():
    assert ids(claim(), today=DOS - timedelta(days=1)) == ["SCRUB-DOS-FUTURE"]
    assert ids(claim(), today=DOS) == []


@pytest.mark.parametrize("payer_id", ["AETNA", "BCBS", "MEDICARE"])
def test_timely_filing_uses_the_payers_own_limit(payer_id):
    limit = PAYERS[payer_id].timely_filing_days
    assert ids(claim(payer_id), today=DOS + timedelta(days=limit)) == []
    found = edits(claim(payer_id), today=DOS + timedelta(days=limit + 1))
    assert [e.edit_id for e in found] == ["SCRUB-TIMELY-FILING"] and str(limit) in found[0].message


def test_charges_must_be_positive():
    assert ids(claim(procedures=[{"code": "99499", "diagnosis_pointers": [1]}])) == ["SCRUB-CHARGE-ZERO"]
    assert ids(claim(procedures=[{"code": "99213", "diagnosis_pointers": [1], "charge": "0"}])) == ["SCRUB-CHARGE-ZERO"]
    [edit] = edits(claim(procedures=[{"code": "99499", "diagnosis_pointers": [1]}]))
    assert edit.codes == ["99499"]


def test_units_must_be_at_least_one():
    assert ids(with_line(claim(), units=0)) == ["SCRUB-UNITS"]


@pytest.mark.parametrize("pointers", [(3,), (0,), (), (1, 2, 13)])
def test_diagnosis_pointers_must_resolve(pointers):
    assert ids(with_line(claim(), diagnosis_pointers=pointers)) == ["SCRUB-POINTER"]


def test_pointers_up_to_the_last_diagnosis_resolve():
    c = claim(diagnoses=[{"code": d} for d in ("E11.9", "I10", "J06.9", "Z00.00")],
              procedures=[{"code": "99214", "diagnosis_pointers": [4, 3, 2, 1]}])
    assert ids(c) == []


def test_duplicate_service_on_another_claim():
    c = claim()
    key = (c.patient.id, c.date_of_service, "99213", c.rendering_provider.npi)
    [edit] = edits(c, existing={key})
    assert (edit.edit_id, edit.codes) == ("SCRUB-DUPLICATE", ["99213"])
    other_provider = (c.patient.id, c.date_of_service, "99213", make_npi("111111111"))
    other_day = (c.patient.id, c.date_of_service - timedelta(days=1), "99213", c.rendering_provider.npi)
    assert ids(c, existing={other_provider, other_day}) == []


def test_unknown_payer_edit_for_the_caller():
    edit = unknown_payer_edit("ACME")
    assert (edit.edit_id, edit.severity) == ("SCRUB-PAYER-UNKNOWN", Severity.ERROR) and "ACME" in edit.message


def test_rules_are_pure_and_messages_carry_no_phi():
    c = with_line(claim(frequency_code="7", billing=BILLING.model_copy(update={"npi": "1234567890"}),
                        procedures=[{"code": "99499", "diagnosis_pointers": [3]}]), units=0)
    first, second = edits(c, today=DOS + timedelta(days=400)), edits(c, today=DOS + timedelta(days=400))
    assert first == second and len({e.edit_id for e in first}) == 6
    patient = c.patient
    phi = (patient.first_name, patient.last_name, patient.id, c.coverage.member_id, patient.address.line1,
           str(patient.birth_date), patient.birth_date.strftime("%Y%m%d"))
    assert not [e for e in first for value in phi if value.upper() in e.message.upper()]
    assert len(RULES) == len({rule.__name__ for rule in RULES}) == 9
