"""Payer profiles: SBR09 by program, the tenant's billing contact in PER, payer rows refused by field."""
import io

import pytest

from services.claims.domain.payers import FILING_INDICATORS, parse_payers, payer_problems, program_of
from shared.contracts.tenant import BillingProvider
from tests.unit.claims.builders import DEMO_TENANT, PAYERS, claim
from tests.unit.claims.test_x837 import find, write

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("payer_id, sbr09, program", [
    ("MEDICARE", "MB", "medicare"), ("MEDICAID-IL", "MC", "medicaid"), ("BCBS", "BL", "blues"),
    ("AETNA", "CI", "commercial")])
def test_837p_names_the_payers_program_in_sbr09(payer_id, sbr09, program):
    c = claim(payer_id=payer_id)
    text = write([c], receiver=PAYERS[payer_id].x12_payer_id)
    assert find(text, "SBR")[0][9] == sbr09
    assert program_of(PAYERS[payer_id]) == program


def test_submitter_contact_is_the_practices_billing_contact():
    text = write([claim()])
    assert find(text, "PER", "IC") == [["PER", "IC", "RIVERSIDE BILLING OFFICE", "TE", "2175550143", "EM",
                                         "BILLING@RIVERSIDE.EXAMPLE"]]


def test_a_tenant_without_a_contact_still_writes_a_valid_per():
    legacy = BillingProvider.model_validate({k: v for k, v in DEMO_TENANT["billing_provider"].items() if k != "contact"})
    text = write([claim(billing=legacy)])
    assert find(text, "PER", "IC")[0][3] == "TE"


def test_every_filing_indicator_belongs_to_a_program():
    assert {"MB", "MC", "BL", "CI", "CH", "WC"} <= set(FILING_INDICATORS)
    assert FILING_INDICATORS["CH"].program == "tricare" and FILING_INDICATORS["WC"].program == "workers_comp"


def test_payer_profile_problems_name_the_field():
    good = {"payer_id": "P1", "name": "P", "x12_payer_id": "1", "timely_filing_days": "90", "appeal_days": "60",
            "expected_days": "30", "claim_filing_indicator": "MB"}
    assert payer_problems(good) == []
    assert payer_problems({**good, "claim_filing_indicator": "XX"}) == [
        ("claim_filing_indicator", "not an X12 claim filing indicator code (SBR09)")]
    assert [f for f, _ in payer_problems({**good, "appeal_days": "0", "name": ""})] == ["name", "appeal_days"]


def test_payer_list_refuses_an_unknown_filing_indicator_naming_the_line():
    header = "payer_id,name,x12_payer_id,timely_filing_days,appeal_days,expected_days,claim_filing_indicator\n"
    assert parse_payers(io.StringIO(header + "P1,PAYER ONE,12345,90,180,30,MC\n"))[0].claim_filing_indicator == "MC"
    with pytest.raises(ValueError, match="line 2: claim_filing_indicator"):
        parse_payers(io.StringIO(header + "P1,PAYER ONE,12345,90,180,30,Q1\n"))


def test_a_list_without_the_column_bills_commercial():
    header = "payer_id,name,x12_payer_id,timely_filing_days,appeal_days,expected_days\n"
    assert parse_payers(io.StringIO(header + "P1,PAYER ONE,12345,90,180,30\n"))[0].claim_filing_indicator == "CI"
