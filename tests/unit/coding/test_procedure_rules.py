"""Modifier rules, diagnosis pointers, one E/M per provider per day, and the CPT/HCPCS code books."""
from datetime import date

import pytest

from services.coding.adapters.reference_files import SAMPLES
from services.coding.domain.coder import code_encounter
from services.coding.domain.cpt import parse_cpt
from services.coding.domain.hcpcs import read_hcpcs
from services.coding.domain.procedures import CodeBook, code_book_edits
from shared.contracts.common import ProcedureLine
from tests.unit.coding.conftest import errors, line, make_encounter

pytestmark = pytest.mark.unit


def test_25_only_on_an_em(reference):
    outcome = code_encounter(make_encounter(procedures=[line("99213"), line("36415", "25")]), reference)
    assert "MOD-25-NOT-EM" in errors(outcome)


def test_25_needs_another_procedure_that_day(reference):
    assert "MOD-25-ALONE" in errors(code_encounter(make_encounter(procedures=[line("99213", "25")]), reference))
    assert "MOD-25-ALONE" not in errors(code_encounter(
        make_encounter(procedures=[line("99213", "25"), line("36415")]), reference))


def test_lt_with_rt_and_50_with_a_side_conflict(reference):
    assert "MOD-LT-RT" in errors(code_encounter(make_encounter(procedures=[line("20610", "LT", "RT")]), reference))
    assert "MOD-50-SIDE" in errors(code_encounter(make_encounter(procedures=[line("20610", "50", "LT")]), reference))
    repeated = code_encounter(make_encounter(procedures=[line("20610", "50"), line("20610", "RT")]), reference)
    assert "MOD-50-REPEATED" in errors(repeated)
    assert errors(code_encounter(make_encounter(procedures=[line("20610", "RT"), line("20610", "LT")]), reference)) == []


def test_pointers_one_to_twelve_each_once(reference):
    assert "POINTER-RANGE" in errors(code_encounter(make_encounter(procedures=[line("99213", pointers=[3])]), reference))
    assert "POINTER-RANGE" in errors(code_encounter(make_encounter(procedures=[line("99213", pointers=[0])]), reference))
    assert "POINTER-DUPLICATE" in errors(code_encounter(
        make_encounter(procedures=[line("99213", pointers=[1, 1])]), reference))
    assert "POINTER-MISSING" in errors(code_encounter(make_encounter(procedures=[line("99213", pointers=[])]), reference))
    single = code_encounter(make_encounter(diagnoses=["I10"], procedures=[line("99213", pointers=[])]), reference)
    assert errors(single) == [] and single.procedures[0].diagnosis_pointers == [1]


def test_one_em_visit_per_day(reference):
    two = code_encounter(make_encounter(procedures=[line("99213"), line("99214")]), reference)
    assert "EM-MULTIPLE" in errors(two)
    preventive_and_problem = make_encounter(procedures=[line("99396"), line("99213", "25")])
    assert "EM-MULTIPLE" not in errors(code_encounter(preventive_and_problem, reference))
    without_25 = make_encounter(procedures=[line("99396"), line("99213")])
    assert "EM-MULTIPLE" in errors(code_encounter(without_25, reference))


def test_em_already_billed_that_day_by_the_provider(reference):
    outcome = code_encounter(make_encounter(), reference, em_billed_same_day=("99214",))
    assert "EM-SAME-DAY" in errors(outcome) and "99214" in outcome.edits[-1].message


def test_procedure_format(reference):
    for bad in ("ABCDE", "9921A", "1234X"):
        assert "PROC-FORMAT" in errors(code_encounter(make_encounter(procedures=[line(bad)]), reference))
    for good in ("0001U", "3074F", "0042T", "G0439"):
        assert "PROC-FORMAT" not in errors(code_encounter(make_encounter(procedures=[line(good)]), reference))


def test_cpt_file_layouts_and_format_checks(tmp_path):
    headed = parse_cpt("code,description,effective_date,termination_date\n99213,visit,2021-01-01,\n"
                       "G0439,not cpt,,\n99213,again,,\n0001U,,,\n36415,draw,20200101,20251231\n")
    assert set(headed.codes) == {"99213", "36415"} and len(headed.problems) == 3
    assert not headed.codes["36415"].active_on(date(2026, 1, 1))
    ama = parse_cpt("99213\tOffice or other outpatient visit\n0042T\tCerebral perfusion analysis\n")
    assert set(ama.codes) == {"99213", "0042T"} and ama.problems == []
    assert parse_cpt("foo,bar\n1,2\n").problems == ["the header names no code or no description column"]
    sample = parse_cpt((SAMPLES / "cpt_sample.csv").read_text())
    assert sample.problems == [] and "99213" in sample.codes


def test_hcpcs_annual_file_with_continuations_and_modifiers():
    hcpcs = read_hcpcs(SAMPLES / "hcpcs_anweb_sample.csv")
    assert hcpcs.problems == []
    assert hcpcs.codes["E0114"].long_description.endswith("tips and handgrips")
    assert {"LT", "RT", "XE", "XS", "XP", "XU"} <= set(hcpcs.modifiers)
    assert not hcpcs.codes["G0202"].active_on(date(2026, 1, 1)) and hcpcs.codes["G0439"].active_on(date(2026, 1, 1))


def test_hcpcs_file_problems_name_the_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,ADD DT,ACT EFF DT,TERM DT\n"
                    "99213,00100,3,x,y,20200101,,\nG0439,00200,4,more,,,,\nJ1100,00100,3,d,e,2020-13-45,,\n")
    problems = read_hcpcs(path).problems
    assert any("line 2" in p and "99213" in p for p in problems)
    assert any("line 3" in p for p in problems) and any("line 4" in p for p in problems)


def test_a_full_code_book_rejects_unknown_and_inactive_codes():
    hcpcs = CodeBook("HCPCS Level II", read_hcpcs(SAMPLES / "hcpcs_anweb_sample.csv").codes, complete=True)
    cpt = CodeBook("CPT", parse_cpt((SAMPLES / "cpt_sample.csv").read_text()).codes, complete=False)
    on = date(2026, 3, 1)
    assert [e.edit_id for e in code_book_edits(ProcedureLine(code="G9999"), on, cpt=cpt, hcpcs=hcpcs)] == ["HCPCS-UNKNOWN"]
    assert [e.edit_id for e in code_book_edits(ProcedureLine(code="G0202"), on, cpt=cpt, hcpcs=hcpcs)] == ["HCPCS-INACTIVE"]
    assert code_book_edits(ProcedureLine(code="99499"), on, cpt=cpt, hcpcs=hcpcs) == []  # sample: not complete


def test_sample_hcpcs_code_past_its_termination_is_held(reference):
    outcome = code_encounter(make_encounter(procedures=[line("G0202")]), reference)
    assert "HCPCS-INACTIVE" in errors(outcome)
