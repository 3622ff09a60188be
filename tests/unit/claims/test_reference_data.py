"""NPI check digits, the fee schedule and the payer list, as shipped and as parsed."""
import io
from decimal import Decimal

import pytest

from services.claims.domain.fee_schedule import parse_fee_schedule
from shared.npi import make_npi, npi_check_digit, npi_is_valid
from services.claims.domain.payers import parse_payers
from tests.unit.claims.builders import FEE_SCHEDULE, PAYERS

pytestmark = pytest.mark.unit


def test_npi_check_digit_follows_luhn_over_80840():
    assert npi_check_digit("123456789") == "3"  # the CMS worked example
    assert npi_is_valid("1234567893") and npi_is_valid("1245319599") and npi_is_valid(make_npi("198765432"))
    assert not npi_is_valid("1234567890") and not npi_is_valid("12345") and not npi_is_valid("12345678 3")
    with pytest.raises(ValueError):
        npi_check_digit("12345678")


def test_every_generated_npi_is_valid_and_a_changed_digit_is_caught():
    for base in ("100000000", "999999999", "130000000", "152368091"):
        npi = make_npi(base)
        assert npi_is_valid(npi)
        assert not npi_is_valid(npi[:9] + str((int(npi[9]) + 1) % 10))


def test_default_schedule_covers_common_codes_at_cent_exact_decimals():
    for code in ("99202", "99205", "99211", "99215", "99381", "99397", "36415", "80053", "85025", "93000", "71046",
                 "20610", "11102", "17110", "90471", "90686", "G0439", "J1100", "97110", "97140"):
        assert code in FEE_SCHEDULE
    assert all(isinstance(a, Decimal) and a == a.quantize(Decimal("0.01")) and a > 0
               for a in FEE_SCHEDULE.amounts.values())


def test_price_multiplies_units_and_a_modifier_row_wins():
    assert FEE_SCHEDULE.price("99213", [], 1) == Decimal("135.00")
    assert FEE_SCHEDULE.price("J1100", [], 8) == Decimal("40.00")
    assert FEE_SCHEDULE.price("97110", [], 3) == Decimal("180.00")
    assert FEE_SCHEDULE.price("73630", ["26"], 1) == Decimal("20.00")
    assert FEE_SCHEDULE.price("73630", ["RT"], 1) == Decimal("60.00")  # no RT row: the base
    assert FEE_SCHEDULE.price("73630", ["RT", "26"], 2) == Decimal("40.00")  # the modifier that has a row
    assert FEE_SCHEDULE.price("71046", ["tc"], 1) == Decimal("50.00")


def test_an_unknown_code_prices_at_zero():
    assert FEE_SCHEDULE.price("99499", [], 1) == Decimal("0.00")


def test_fee_schedule_parsing_refuses_a_bad_file_and_names_the_line():
    good = parse_fee_schedule(io.StringIO("procedure_code,modifier,amount\n99213,,92.03\n99213,25,80\n"))
    assert good.price("99213", ["25"], 1) == Decimal("80.00") and good.price("99213", [], 2) == Decimal("184.06")
    for body, words in (("procedure_code,amount\n99213,1\n", "columns"),
                        ("procedure_code,modifier,amount\n99213,,abc\n", "line 2"),
                        ("procedure_code,modifier,amount\n99213,,-5\n", "line 2"),
                        ("procedure_code,modifier,amount\n9921,,5\n", "line 2"),
                        ("procedure_code,modifier,amount\n99213,,5\n99213,,6\n", "listed twice")):
        with pytest.raises(ValueError, match=words):
            parse_fee_schedule(io.StringIO(body))


def test_payer_list_has_realistic_deadlines():
    assert set(PAYERS) == {"MEDICARE", "AETNA", "BCBS", "UHC", "CIGNA", "MEDICAID-IL"}
    assert PAYERS["MEDICARE"].timely_filing_days == 365 and PAYERS["AETNA"].x12_payer_id == "60054"
    assert all(90 <= p.timely_filing_days <= 365 and p.appeal_days > 0 and p.expected_days > 0 for p in PAYERS.values())


def test_payer_parsing_refuses_bad_days_and_duplicates():
    header = "payer_id,name,x12_payer_id,timely_filing_days,appeal_days,expected_days\n"
    assert parse_payers(io.StringIO(header + "P1,PAYER ONE,12345,90,180,30\n"))[0].appeal_days == 180
    for body in ("P1,PAYER ONE,12345,ninety,180,30\n", "P1,PAYER ONE,12345,0,180,30\n",
                 "P1,A,1,90,180,30\nP1,B,2,90,180,30\n", ",A,1,90,180,30\n"):
        with pytest.raises(ValueError, match="line"):
            parse_payers(io.StringIO(header + body))
