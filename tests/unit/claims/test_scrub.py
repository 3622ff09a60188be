from datetime import date
from decimal import Decimal

import pytest

from services.claims.domain.npi import npi_is_valid
from services.claims.domain.scrub import scrub_claim, unknown_payer_edit
from tests.unit.claims.builders import BILLING, CATALOG, ENCOUNTER, TODAY, claim

pytestmark = pytest.mark.unit


def ids(c, today=TODAY, existing=frozenset()) -> list[str]:
    return [e.edit_id for e in scrub_claim(c, today=today, existing_keys=set(existing))]


def test_a_clean_claim_passes_every_rule():
    assert ids(claim()) == []


def test_npi_check_digit():
    assert npi_is_valid("1234567893") and npi_is_valid("1245319599")
    assert not npi_is_valid("1234567890") and not npi_is_valid("12345")
    bad = dict(ENCOUNTER["rendering_provider"], npi="1245319598")
    assert ids(claim(rendering_provider=bad)) == ["SCRUB-NPI-CHECK-DIGIT"]


def test_tax_id_format():
    assert ids(claim(billing=BILLING.model_copy(update={"tax_id": "00-0000000"}))) == ["SCRUB-TAX-ID"]


def test_future_date_and_timely_filing():
    assert ids(claim(), today=date(2026, 11, 1)) == ["SCRUB-DOS-FUTURE"]
    assert ids(claim(payer_id="AETNA"), today=date(2027, 3, 1)) == ["SCRUB-TIMELY-FILING"]  # Aetna: 90 days
    assert ids(claim(payer_id="MEDICARE"), today=date(2027, 3, 1)) == []  # Medicare: 365 days


def test_unpriced_code_has_no_charge_and_is_held():
    procedures = [{"code": "99499", "diagnosis_pointers": [1]}]
    assert ids(claim(procedures=procedures)) == ["SCRUB-CHARGE-ZERO"]


def test_pointers_must_resolve():
    procedures = [{"code": "99213", "diagnosis_pointers": [3]}]
    assert ids(claim(procedures=procedures)) == ["SCRUB-POINTER"]


def test_duplicate_service_on_another_claim():
    c = claim()
    key = (c.patient.id, c.date_of_service, "99213", c.rendering_provider.npi)
    assert ids(c, existing={key}) == ["SCRUB-DUPLICATE"]


def test_replacement_needs_the_original_payer_claim_number():
    assert ids(claim(frequency_code="7")) == ["SCRUB-837P-REQUIRED"]
    assert ids(claim(frequency_code="7", original_payer_claim_number="627676228882")) == []


def test_unknown_payer_edit_names_the_payer():
    assert unknown_payer_edit("ACME").edit_id == "SCRUB-PAYER-UNKNOWN"


def test_fee_schedule_prices_units_and_modifier_rows():
    assert CATALOG.fee_schedule.price("99213", [], 1) == Decimal("135.00")
    assert CATALOG.fee_schedule.price("36415", [], 3) == Decimal("36.00")
    assert CATALOG.fee_schedule.price("73630", ["26"], 1) == Decimal("20.00")
    assert CATALOG.fee_schedule.price("73630", ["RT"], 1) == Decimal("60.00")
    assert claim().total_charge == Decimal("147.00")
