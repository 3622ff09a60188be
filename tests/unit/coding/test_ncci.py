"""NCCI PTP pairs and MUE limits, on the CMS file layouts and the bundled sample of real pairs."""
from datetime import date

import pytest

from services.coding.domain.coder import code_encounter
from services.coding.domain.ncci import parse_mue, parse_ptp
from tests.unit.coding.conftest import errors, line, make_encounter, warnings

pytestmark = pytest.mark.unit

PTP_TEXT = ("CPT codes ... copyright American Medical Association.\n\n"
            "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\t"
            "Modifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale\n"
            "45380\t45378\t*\t19960101\t*\t1\tStandards of medical / surgical services\n"
            "93000\t93005\t\t20000101\t20200101\t0\tMutually exclusive procedures\n"
            "93000\t93010\t\t20000101\t*\t9\tMisuse of column two code with column one code\n"
            "45380\tXYZ\t\t20000101\t*\t1\tbroken\n")


def test_ptp_file_layout_is_read_with_dates_and_indicators():
    table = parse_ptp(PTP_TEXT)
    assert table.active("45380", "45378", date(2026, 1, 5)).modifier_indicator == "1"
    assert table.active("93000", "93005", date(2019, 12, 31)) is not None
    assert table.active("93000", "93005", date(2020, 1, 1)) is None  # deleted on that date
    assert table.active("45378", "45380", date(2026, 1, 5)) is None  # pairs are ordered
    assert len(table.problems) == 1 and "line 7" in table.problems[0]


def test_ptp_csv_export_is_read_too():
    table = parse_ptp('"Column 1","Column 2","*","Effective Date","Deletion Date","Modifier","Rationale"\n'
                      '"43239","43235","*","19960101","*","1","Standards of medical / surgical services"\n')
    assert table.active("43239", "43235", date(2026, 1, 1)) is not None


def test_mue_file_with_multiline_header_and_indicator_text():
    table = parse_mue('"CPT codes copyright AMA",,,\n"HCPCS/\nCPT Code","Practitioner Services MUE Values",'
                      '"MUE Adjudication Indicator","MUE Rationale"\n45380,1,"2 Date of Service Edit: Policy","x"\n'
                      '29881,1,"1 Line Edit","Anatomic Consideration"\n99999,many,"3 Date","x"\n')
    assert table.limits["45380"].adjudication_indicator == 2 and table.limits["29881"].units == 1
    assert len(table.problems) == 1 and "99999" in table.problems[0]


def test_column_two_code_without_modifier_is_held(reference):
    outcome = code_encounter(make_encounter(procedures=[line("45380"), line("45378")]), reference)
    assert "NCCI-PTP" in errors(outcome) and outcome.status == "needs_review"
    assert "45378 is bundled into 45380" in outcome.edits[0].message


def test_distinct_service_modifier_bypasses_indicator_1(reference):
    for modifier in ("59", "XS", "XU"):
        outcome = code_encounter(make_encounter(procedures=[line("45380"), line("45378", modifier)]), reference)
        assert errors(outcome) == [] and "NCCI-PTP-BYPASSED" in warnings(outcome)


def test_modifier_25_on_the_em_bypasses_the_em_bundled_into_a_procedure(reference):
    held = code_encounter(make_encounter(procedures=[line("99213"), line("20610")]), reference)
    assert "NCCI-PTP" in errors(held)
    passed = code_encounter(make_encounter(procedures=[line("99213", "25"), line("20610")]), reference)
    assert passed.status == "coded" and "NCCI-PTP-BYPASSED" in warnings(passed)


def test_59_cannot_unbundle_an_em(reference):
    outcome = code_encounter(make_encounter(procedures=[line("99213", "59"), line("20610")]), reference)
    assert "NCCI-PTP" in errors(outcome)


def test_different_sides_bypass_an_anatomic_pair(reference):
    outcome = code_encounter(make_encounter(procedures=[line("29881", "RT"), line("29877", "LT")]), reference)
    assert "NCCI-PTP" not in errors(outcome)
    same_side = code_encounter(make_encounter(procedures=[line("29881", "RT"), line("29877", "RT")]), reference)
    assert "NCCI-PTP" in errors(same_side)


def test_pair_before_its_effective_date_does_not_apply(reference):
    outcome = code_encounter(make_encounter(date_of_service="2026-09-14",
                                            procedures=[line("99213"), line("20610")]), reference)
    assert "NCCI-PTP" in errors(outcome)
    from services.coding.domain.ncci_edits import ptp_edits
    from shared.contracts.common import ProcedureLine
    lines = [ProcedureLine(code="99213"), ProcedureLine(code="20610")]
    assert ptp_edits(lines, date(2012, 6, 1), reference.ptp, reference.ptp_modifiers) == []


def test_mue_date_of_service_limit_sums_the_lines(reference):
    outcome = code_encounter(make_encounter(procedures=[line("45380"), line("45380", "XS")]), reference)
    assert "MUE-DATE-OF-SERVICE" in errors(outcome)
    assert "MUE-DATE-OF-SERVICE" not in errors(code_encounter(make_encounter(procedures=[line("45380")]), reference))


def test_mue_line_limit_applies_per_line(reference):
    two_units = code_encounter(make_encounter(procedures=[line("29881", "RT", units=2)]), reference)
    assert "MUE-LINE" in errors(two_units)
    two_lines = code_encounter(make_encounter(procedures=[line("29881", "RT"), line("29881", "LT")]), reference)
    assert "MUE-LINE" not in errors(two_lines)
