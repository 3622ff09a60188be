"""Payer-specific edits, one rule at a time: each fires for its program only, with its id and severity, and says
what to fix without repeating the member id."""
import dataclasses

import pytest

from shared.contracts.common import Severity
from services.claims.domain.model import Payer
from services.claims.domain.payer_edits import (EDITS_BY_PROGRAM, member_id_format, parse_abn_conflicts,
                                                parse_code_ranges, payer_edits)
from services.claims.domain.payers import program_of
from services.claims.domain.scrub import scrub_claim
from tests.unit.claims.builders import ENCOUNTER, OTHER_RENDERING_NPI, PAYERS, TODAY, claim

pytestmark = pytest.mark.unit
VISIT = {"code": "99213", "diagnosis_pointers": [1]}


def with_member(payer_id: str, member_id: str, **overrides):
    return claim(payer_id, coverage={**ENCOUNTER["coverage"], "member_id": member_id}, **overrides)


def found(c) -> list[tuple[str, Severity]]:
    return [(e.edit_id, e.severity) for e in payer_edits(c)]


def own_payer(indicator: str, payer_id: str = "OWN") -> Payer:
    return Payer(payer_id=payer_id, name="A TENANT'S PAYER", x12_payer_id="99999", timely_filing_days=365,
                 appeal_days=90, expected_days=30, claim_filing_indicator=indicator)


@pytest.mark.parametrize("mbi", ["1EG4TE5MK73", "9AA0AA0AA00", "1A99Y99YY99", "1eg4te5mk73"])
def test_a_medicare_beneficiary_identifier_passes(mbi):
    assert found(with_member("MEDICARE", mbi)) == []


@pytest.mark.parametrize("member_id, why", [
    ("W123456789", "a commercial-style id"),
    ("1EG4-TE5-MK73", "dashes are not part of an MBI"),
    ("0EG4TE5MK73", "position 1 is 1-9"),
    ("1SG4TE5MK73", "S is never used"),
    ("1EG4TB5MK73", "B is never used"),
    ("1EGATE5MK73", "position 4 is a digit"),
    ("1EG4TE5M173", "position 9 is a letter"),
    ("1EG4TE5MK7", "ten characters"),
    ("1EG4TE5MK733", "twelve characters"),
    ("123456789A", "a health insurance claim number (HICN), retired for the MBI"),
])
def test_anything_but_an_mbi_holds_a_medicare_claim(member_id, why):
    [edit] = payer_edits(with_member("MEDICARE", member_id))
    assert (edit.edit_id, edit.severity) == ("PAYER-MEDICARE-MBI", Severity.ERROR), why
    assert "Medicare Beneficiary Identifier" in edit.message and member_id not in edit.message


def test_a_blank_member_id_is_left_to_the_required_fields_rule():
    ids = [e.edit_id for e in scrub_claim(with_member("MEDICARE", "  "), today=TODAY, existing_keys=set())]
    assert ids == ["SCRUB-837P-REQUIRED"]


def test_the_mbi_rule_is_medicare_only():
    assert found(with_member("AETNA", "W123456789")) == []
    assert found(with_member("MEDICARE", "W123456789")) == [("PAYER-MEDICARE-MBI", Severity.ERROR)]


def test_a_tenants_own_medicare_payer_gets_the_medicare_edits():
    c = dataclasses.replace(with_member("AETNA", "W123456789"), payer=own_payer("MB"))
    assert found(c) == [("PAYER-MEDICARE-MBI", Severity.ERROR)]


@pytest.mark.parametrize("code", ["99381", "99387", "99391", "99397"])
def test_a_preventive_visit_billed_to_medicare_warns_with_what_to_bill(code):
    [edit] = payer_edits(claim("MEDICARE", procedures=[{"code": code, "diagnosis_pointers": [1]}]))
    assert (edit.edit_id, edit.severity, edit.codes) == ("PAYER-MEDICARE-PREVENTIVE", Severity.WARNING, [code])
    assert "G0402" in edit.message and "G0439" in edit.message and "GY" in edit.message


def test_a_preventive_visit_with_gy_or_to_another_payer_passes():
    assert payer_edits(claim("MEDICARE", procedures=[{"code": "99397", "modifiers": ["GY"],
                                                      "diagnosis_pointers": [1]}])) == []
    assert payer_edits(claim("AETNA", procedures=[{"code": "99397", "diagnosis_pointers": [1]}])) == []
    assert payer_edits(claim("MEDICARE", procedures=[VISIT, {"code": "99398", "diagnosis_pointers": [1]}])) == []


@pytest.mark.parametrize("modifiers", [["GA", "GZ"], ["GA", "GY"], ["GY", "GZ"], ["GX", "GA"], ["GZ", "GX"]])
def test_contradicting_abn_modifiers_on_one_line_hold_a_medicare_claim(modifiers):
    [edit] = payer_edits(claim("MEDICARE", procedures=[{**VISIT, "modifiers": modifiers}]))
    assert (edit.edit_id, edit.severity, edit.codes) == ("PAYER-MEDICARE-ABN-MODIFIERS", Severity.ERROR, ["99213"])
    assert all(m in edit.message for m in modifiers) and "line 1" in edit.message


@pytest.mark.parametrize("modifiers", [["GA"], ["GZ"], ["GY"], ["GX", "GY"], ["GA", "25"]])
def test_one_abn_statement_or_a_voluntary_notice_with_gy_passes(modifiers):
    assert payer_edits(claim("MEDICARE", procedures=[{**VISIT, "modifiers": modifiers}])) == []


LAB, IMAGING = {"code": "80053", "diagnosis_pointers": [1]}, {"code": "71046", "diagnosis_pointers": [1]}
REFERRING = {"npi": OTHER_RENDERING_NPI, "first_name": "Omar", "last_name": "Haddad"}


@pytest.mark.parametrize("code", ["80047", "80053", "89398", "70010", "71046", "79999", "E0100", "E0601", "E8002",
                                  "K0001", "K0823", "L0112", "L3908", "L9900"])
def test_a_medicare_lab_or_imaging_line_without_the_ordering_provider_holds_the_claim(code):
    [edit] = payer_edits(claim("MEDICARE", procedures=[VISIT, {"code": code, "diagnosis_pointers": [1]}]))
    assert (edit.edit_id, edit.severity, edit.codes) == ("PAYER-MEDICARE-ORDERING-NPI", Severity.ERROR, [code])
    assert f"2 ({code}, " in edit.message and "2310A" in edit.message


def test_one_finding_names_every_lab_and_imaging_line():
    [edit] = payer_edits(claim("MEDICARE", procedures=[LAB, VISIT, IMAGING, LAB]))
    assert edit.codes == ["80053", "71046"]
    assert "1 (80053, lab), 3 (71046, imaging), 4 (80053, lab)" in edit.message


@pytest.mark.parametrize("code", ["70009", "80046", "89399", "99213", "36415", "8004F", "G0439", "E0099", "E8003",
                                  "K0900", "L0111", "L9901", "A4253", "J1100"])
def test_codes_outside_the_lab_and_imaging_ranges_need_no_ordering_provider(code):
    assert payer_edits(claim("MEDICARE", procedures=[{"code": code, "diagnosis_pointers": [1]}])) == []


def test_the_ordering_provider_rule_passes_with_one_and_is_medicare_only():
    assert payer_edits(claim("MEDICARE", procedures=[LAB, IMAGING], referring_provider=REFERRING)) == []
    assert payer_edits(claim("AETNA", procedures=[LAB, IMAGING])) == []


def test_code_ranges_include_both_ends():
    [span] = parse_code_ranges([{"kind": "lab", "first": "80047", "last": "80050"}])
    assert [span.holds(c) for c in ("80046", "80047", "80050", "80051", "8004")] == [False, True, True, False, False]
    [letters] = parse_code_ranges([{"kind": "dme", "first": "E0100", "last": "E0200"}])
    assert [letters.holds(c) for c in ("E0099", "E0100", "E0200", "E0201", "L0150", "80047", "E01A0")] == [
        False, True, True, False, False, False, False]


def test_abn_pairs_read_in_either_order():
    conflicts = parse_abn_conflicts([{"modifier": "GA", "conflicts_with": "GZ", "why": "both"}])
    assert conflicts[frozenset(("GZ", "GA"))] == "both"


def test_medicare_telehealth_at_an_in_person_place_warns_with_the_rule():
    [edit] = payer_edits(claim("MEDICARE", procedures=[{**VISIT, "modifiers": ["95"]}], place_of_service="11"))
    assert (edit.edit_id, edit.severity) == ("PAYER-MEDICARE-TELEHEALTH-POS", Severity.WARNING)
    assert "POS 10" in edit.message and "02" in edit.message


@pytest.mark.parametrize("place, modifiers", [("10", ["95"]), ("02", ["93"]), ("10", []), ("11", [])])
def test_medicare_telehealth_at_a_telehealth_place_passes(place, modifiers):
    assert payer_edits(claim("MEDICARE", procedures=[{**VISIT, "modifiers": modifiers}],
                             place_of_service=place)) == []


def test_commercial_telehealth_without_95_warns_per_line():
    c = claim("AETNA", place_of_service="02", procedures=[VISIT, {"code": "36415", "modifiers": ["95"],
                                                                  "diagnosis_pointers": [1]}])
    [edit] = payer_edits(c)
    assert (edit.edit_id, edit.severity, edit.codes) == ("PAYER-COMMERCIAL-TELEHEALTH-95", Severity.WARNING,
                                                         ["99213"])
    assert payer_edits(claim("AETNA", place_of_service="10", procedures=[{**VISIT, "modifiers": ["93"]}])) == []
    assert payer_edits(claim("AETNA", place_of_service="11")) == []


def test_commercial_telehealth_rule_is_not_applied_to_the_blues():
    assert payer_edits(claim("BCBS", place_of_service="02", procedures=[VISIT])) == []


@pytest.mark.parametrize("member_id", ["XOF123456789", "R12345678", "A2B998877", "xof1234"])
def test_a_blue_plan_member_id_with_its_prefix_passes(member_id):
    assert found(with_member("BCBS", member_id)) == []


@pytest.mark.parametrize("member_id", ["123456789", "XO", "XOF1234567890123456", "XOF-12345"])
def test_a_blue_plan_member_id_without_a_prefix_warns(member_id):
    [edit] = payer_edits(with_member("BCBS", member_id))
    assert (edit.edit_id, edit.severity) == ("PAYER-BLUES-PREFIX", Severity.WARNING)
    assert "prefix" in edit.message and member_id not in edit.message


def test_illinois_medicaid_wants_its_nine_character_recipient_number():
    assert found(with_member("MEDICAID-IL", "987654321")) == []
    [edit] = payer_edits(with_member("MEDICAID-IL", "98765432"))
    assert (edit.edit_id, edit.severity) == ("PAYER-MEDICAID-MEMBER-ID", Severity.ERROR)
    assert "9" in edit.message


def test_a_medicaid_payer_without_a_listed_format_is_not_checked():
    c = dataclasses.replace(with_member("MEDICAID-IL", "W1"), payer=own_payer("MC", "MEDICAID-WI"))
    assert member_id_format(c) == []


@pytest.mark.parametrize("member_id, warns", [("12345678901", False), ("123456789", False), ("123-45-6789", False),
                                              ("W123456789", True), ("1234567890", True)])
def test_tricare_expects_a_dod_benefits_number_or_an_ssn(member_id, warns):
    c = dataclasses.replace(with_member("AETNA", member_id), payer=own_payer("CH"))
    expected = [("PAYER-TRICARE-MEMBER-ID", Severity.WARNING)] if warns else []
    assert found(c) == expected


def test_workers_comp_claims_are_held_for_the_claim_number_and_date_of_injury():
    [edit] = payer_edits(dataclasses.replace(claim(), payer=own_payer("WC")))
    assert (edit.edit_id, edit.severity) == ("PAYER-WORKERS-COMP-INJURY", Severity.ERROR)
    assert edit.message.startswith("workers' compensation claims need the employer's claim number and the date of "
                                   "injury")


def test_edit_ids_name_their_program_and_scrub_runs_them_after_the_shared_rules():
    c = with_member("MEDICARE", "W123456789", frequency_code="7")
    ids = [e.edit_id for e in scrub_claim(c, today=TODAY, existing_keys=set())]
    assert ids == ["SCRUB-837P-REQUIRED", "PAYER-MEDICARE-MBI"]
    for program, rules in EDITS_BY_PROGRAM.items():
        assert rules and len(set(rules)) == len(rules), program


def test_payers_in_the_shipped_list_have_the_programs_the_edits_key_on():
    assert {program_of(PAYERS[p]) for p in ("MEDICARE", "MEDICAID-IL", "BCBS", "AETNA")} == {
        "medicare", "medicaid", "blues", "commercial"}
