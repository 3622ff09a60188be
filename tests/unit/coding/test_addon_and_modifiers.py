"""NCCI add-on code edits (CMS AOC file layout, types 1/2/3) and modifiers checked against the HCPCS modifier list."""
from datetime import date

import pytest

from services.coding.adapters.reference_files import SAMPLES, load_reference_data
from services.coding.domain.aoc import aoc_edits, parse_aoc, parse_aoc_date
from services.coding.domain.coder import code_encounter
from services.coding.load_reference import main
from shared.contracts.common import ProcedureLine
from tests.unit.coding.conftest import errors, line, make_encounter

pytestmark = pytest.mark.unit

HEADER = ("Add-on Code\tAOC_DEL_DT (Julian)\tPrimary Code\tPrimary Code_DEL_DT (Julian)\tAOC Edit Type\t"
          "AOC_EDIT_EFF_DT (Julian)\tAOC_EDIT_DEL_DT (Julian)\tSpecial Instruction Notes\n")
# 22614 (each additional spinal segment, posterior arthrodesis) with its primaries, written as a Type 3 edit here to
# exercise that path; 11045 with a primary deleted in 2020 and an edit deleted at the start of 2026 for 11046.
AOC_TEXT = ("CPT only copyright American Medical Association.\n" + HEADER
            + "22614\t\t22612\t\t3\t2012001\t\t\n"
              "22614\t\t22630\t\t3\t2012001\t\t\n"
              "11045\t\t11042\t\t1\t2011001\t\t\n"
              "11045\t\t11040\t2020001\t1\t2011001\t\t\n"
              "11046\t\t11043\t\t1\t2011001\t2026001\t\n"
              "95940\t\tCCCCC\t\t2\t2013001\t\tCCCCC\n"
              "11045\t\t11042\t\t4\t2011001\t\t\n"
              "11045\t\t11042\t\t1\t2011400\t\t\n")


def lines(*codes: str) -> list[ProcedureLine]:
    return [ProcedureLine.model_validate(line(code)) for code in codes]


def ids(edits) -> list[str]:
    return [e.edit_id for e in edits]


def test_julian_and_calendar_dates():
    assert parse_aoc_date("2026001") == date(2026, 1, 1) and parse_aoc_date("2024060") == date(2024, 2, 29)
    assert parse_aoc_date("20260115") == date(2026, 1, 15)
    assert parse_aoc_date("") is None and parse_aoc_date("9999999") is None
    with pytest.raises(ValueError):
        parse_aoc_date("2026400")


def test_aoc_file_layout_is_read_and_bad_rows_are_reported_with_their_line():
    table = parse_aoc(AOC_TEXT)
    assert {e.primary for e in table.edits["22614"]} == {"22612", "22630"}
    assert table.edits["95940"][0].primary is None and table.edits["95940"][0].edit_type == "2"
    assert [p.split(":")[0] for p in table.problems] == ["line 9", "line 10"]
    assert parse_aoc("code,primary\n11045,11042\n").problems[0].startswith("no header")


def test_type_1_needs_a_listed_primary_and_any_add_on_needs_some_primary():
    table, on = parse_aoc(AOC_TEXT), date(2026, 3, 2)
    assert aoc_edits(lines("11042", "11045"), on, table) == []
    assert ids(aoc_edits(lines("11045"), on, table)) == ["NCCI-AOC-ALONE"]
    assert ids(aoc_edits(lines("99213", "11045"), on, table)) == ["NCCI-AOC-PRIMARY"]
    # a primary CMS deleted no longer counts; an add-on code does not serve as another's primary
    assert ids(aoc_edits(lines("11040", "11045"), on, table)) == ["NCCI-AOC-PRIMARY"]
    assert ids(aoc_edits(lines("11045", "95940"), on, table)) == ["NCCI-AOC-ALONE", "NCCI-AOC-ALONE"]


def test_type_2_accepts_any_primary_and_type_3_warns_on_an_unlisted_one():
    table, on = parse_aoc(AOC_TEXT), date(2026, 3, 2)
    assert aoc_edits(lines("61510", "95940"), on, table) == []
    unlisted = aoc_edits(lines("22633", "22614"), on, table)
    assert ids(unlisted) == ["NCCI-AOC-PRIMARY-UNLISTED"] and unlisted[0].severity == "warning"
    assert aoc_edits(lines("22630", "22614"), on, table) == []


def test_a_deleted_aoc_edit_no_longer_applies():
    table = parse_aoc(AOC_TEXT)
    assert ids(aoc_edits(lines("11046"), date(2025, 12, 31), table)) == ["NCCI-AOC-ALONE"]
    assert aoc_edits(lines("11046"), date(2026, 1, 1), table) == []


def test_bundled_sample_holds_an_encounter_billing_an_add_on_without_its_primary(reference):
    alone = code_encounter(make_encounter(procedures=[line("99213"), line("17003", units=3)]), reference)
    assert "NCCI-AOC-PRIMARY" in errors(alone) and alone.status == "needs_review"
    with_primary = code_encounter(make_encounter(procedures=[line("17000"), line("17003", units=3)]), reference)
    assert not [e for e in errors(with_primary) if e.startswith("NCCI-AOC")]


def test_load_reference_places_a_full_aoc_file(tmp_path):
    source = tmp_path / "AOC_V2026Q1-MCR.txt"
    source.write_text(AOC_TEXT.replace("11045\t\t11042\t\t4\t2011001\t\t\n", "").replace(
        "11045\t\t11042\t\t1\t2011400\t\t\n", ""))
    assert main(["aoc", str(source), "--reference-dir", str(tmp_path / "ref")]) == 0
    reference = load_reference_data(tmp_path / "ref")
    assert "22614" in reference.aoc.edits and "17003" not in reference.aoc.edits  # the full file replaces the sample
    broken = tmp_path / "broken.txt"
    broken.write_text(AOC_TEXT)
    assert main(["aoc", str(broken), "--reference-dir", str(tmp_path / "ref2")]) == 1


def test_modifiers_are_checked_against_the_hcpcs_modifier_list(tmp_path):
    sample = (SAMPLES / "hcpcs_anweb_sample.csv").read_text()
    terminated = 'QQ,00100,7,"Test modifier ended in 2020","Ended modifier",,,,,19920101,,20201231,N\n'
    (tmp_path / "full.csv").write_text(sample.rstrip("\n") + "\n" + terminated)
    assert main(["hcpcs", str(tmp_path / "full.csv"), "--reference-dir", str(tmp_path / "ref")]) == 0
    full = load_reference_data(tmp_path / "ref")
    outcome = code_encounter(make_encounter(procedures=[line("99213", "25"), line("20610", "RT", "ZZ"),
                                                        line("36415", "QQ")]), full)
    assert "MOD-UNKNOWN" in errors(outcome) and "MOD-INACTIVE" in errors(outcome)
    unknown = [e for e in outcome.edits if e.edit_id == "MOD-UNKNOWN"]
    assert len(unknown) == 1 and unknown[0].codes == ["20610", "ZZ"]


def test_with_the_sample_hcpcs_file_an_unlisted_modifier_is_not_an_error(reference):
    outcome = code_encounter(make_encounter(procedures=[line("99213"), line("20610", "ZZ")]), reference)
    assert "MOD-UNKNOWN" not in errors(outcome)
