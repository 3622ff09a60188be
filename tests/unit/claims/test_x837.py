"""837P output: single and multi-line, two payers, a dependent, a replacement; every file passes pyx12."""
import dataclasses
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from services.claims.adapters.x12_validation import validate_x12
from services.claims.domain.x837 import line_control_number, write_837p
from tests.unit.claims.builders import BILLING, ENCOUNTER, OTHER_RENDERING_NPI, PAYERS, claim

pytestmark = pytest.mark.unit
AT = datetime(2026, 11, 22, 10, 30, tzinfo=timezone.utc)


def write(claims, control=1, receiver="60054", **options) -> str:
    text = write_837p(claims, sender_id="BILLINGPLATFORM", receiver_id=receiver, interchange_control_number=control,
                      group_control_number=control, created_at=AT, **options)
    assert validate_x12(text) == []
    return text


def segments(text: str) -> list[list[str]]:
    assert text.endswith("~") and "\n" not in text and "\r" not in text
    return [s.split("*") for s in text[:-1].split("~")]


def find(text: str, tag: str, *qualifiers: str) -> list[list[str]]:
    return [s for s in segments(text) if s[0] == tag and s[1:1 + len(qualifiers)] == list(qualifiers)]


def test_single_line_claim():
    one = claim(procedures=[{"code": "99213", "diagnosis_pointers": [1, 2]}])
    text = write([one])
    assert text.startswith("ISA*00*          *00*          *ZZ*BILLINGPLATFORM*ZZ*60054          *261122*1030*^*00501*")
    assert "GS*HC*BILLINGPLATFORM*60054*20261122*1030*1*X*005010X222A1~" in text
    assert find(text, "CLM") == [["CLM", one.patient_control_number, "135", "", "", "11:B:1", "Y", "A", "Y", "Y"]]
    assert find(text, "HI") == [["HI", "ABK:E119", "ABF:I10"]]
    assert find(text, "SV1") == [["SV1", "HC:99213", "135", "UN", "1", "", "", "1:2"]]
    assert find(text, "DTP", "472") == [["DTP", "472", "D8", "20261102"]]
    assert find(text, "NM1", "82") == [["NM1", "82", "1", "CHEN", "MAYA", "", "", "", "XX", "1245319599"]]
    assert find(text, "REF", "6R") == [["REF", "6R", line_control_number(one, one.lines[0])]]
    assert find(text, "NM1", "IL")[0][3:5] == ["RIVERA", "ANA"]  # names upper-cased
    assert find(text, "HL") == [["HL", "1", "", "20", "1"], ["HL", "2", "1", "22", "0"]]


def test_multi_line_claim_with_modifiers_units_and_four_diagnoses():
    c = claim(rendering_provider=dict(ENCOUNTER["rendering_provider"], npi=OTHER_RENDERING_NPI),
              diagnoses=[{"code": d} for d in ("E11.9", "I10", "J06.9", "Z00.00")],
              procedures=[{"code": "99214", "modifiers": ["25"], "diagnosis_pointers": [1, 2, 3]},
                          {"code": "20610", "modifiers": ["RT"], "diagnosis_pointers": [1]},
                          {"code": "J1100", "units": 10, "diagnosis_pointers": [1]},
                          {"code": "73630", "modifiers": ["26", "LT"], "diagnosis_pointers": [4]},
                          {"code": "36415", "diagnosis_pointers": [1], "charge": "18.25"}])
    text = write([c])
    assert find(text, "HI") == [["HI", "ABK:E119", "ABF:I10", "ABF:J069", "ABF:Z0000"]]
    assert [s[1:5] for s in find(text, "SV1")] == [
        ["HC:99214:25", "190", "UN", "1"], ["HC:20610:RT", "120", "UN", "1"], ["HC:J1100", "50", "UN", "10"],
        ["HC:73630:26:LT", "20", "UN", "1"], ["HC:36415", "18.25", "UN", "1"]]
    assert [s[1] for s in find(text, "LX")] == ["1", "2", "3", "4", "5"]
    assert find(text, "CLM")[0][2] == "398.25" and c.total_charge == Decimal("398.25")
    refs = [s[2] for s in find(text, "REF", "6R")]
    assert len(set(refs)) == 5 and all(len(r) <= 50 and r.endswith(f"-{n}") for n, r in enumerate(refs, 1))


def test_many_claims_in_one_interchange_have_unique_control_numbers():
    claims = [claim(), claim(), claim()]
    text = write(claims, control=42)
    assert [s[2] for s in find(text, "ST")] == ["0001", "0002", "0003"]
    assert [s[2] for s in find(text, "SE")] == ["0001", "0002", "0003"]
    assert find(text, "ISA")[0][13] == "000000042" and find(text, "IEA") == [["IEA", "1", "000000042"]]
    assert find(text, "GS")[0][6] == "42" and find(text, "GE") == [["GE", "3", "42"]]
    assert len(find(text, "SV1")) == 6 and len({s[1] for s in find(text, "CLM")}) == 3


def test_two_payers_are_two_calls_each_naming_its_payer():
    medicare_id = PAYERS["MEDICARE"].x12_payer_id
    aetna = write([claim("AETNA")], 1)
    medicare = write([claim("MEDICARE")], 2, receiver=medicare_id, usage="P")
    assert find(aetna, "NM1", "PR") == [["NM1", "PR", "2", "AETNA", "", "", "", "", "PI", "60054"]]
    assert find(medicare, "NM1", "PR") == [["NM1", "PR", "2", "MEDICARE PART B", "", "", "", "", "PI", medicare_id]]
    assert find(medicare, "NM1", "40")[0][3] == "MEDICARE PART B" and find(medicare, "NM1", "40")[0][9] == medicare_id
    assert find(aetna, "ISA")[0][13] != find(medicare, "ISA")[0][13]
    assert find(aetna, "ISA")[0][15] == "T" and find(medicare, "ISA")[0][15] == "P"


def test_each_claim_names_its_own_provider_and_payer_in_a_file_that_mixes_them():
    other = BILLING.model_copy(update={"name": "Lakeside Clinic", "contact": None})
    claims = [claim(), claim(billing=other), claim(billing=other), claim("BCBS"), claim()]
    text = write(claims)
    assert [s[3] for s in find(text, "NM1", "85")] == [
        "RIVERSIDE FAMILY MEDICINE", "LAKESIDE CLINIC", "LAKESIDE CLINIC", "RIVERSIDE FAMILY MEDICINE",
        "RIVERSIDE FAMILY MEDICINE"]
    assert [s[2] for s in find(text, "PER", "IC")] == [
        "RIVERSIDE BILLING OFFICE", "BILLING OFFICE", "BILLING OFFICE", "RIVERSIDE BILLING OFFICE",
        "RIVERSIDE BILLING OFFICE"]
    assert [s[3] for s in find(text, "NM1", "PR")] == ["AETNA", "AETNA", "AETNA", PAYERS["BCBS"].name.upper(), "AETNA"]
    assert [s[3] for s in find(text, "NM1", "40")] == ["AETNA", "AETNA", "AETNA", "60054", "AETNA"]


@pytest.mark.parametrize("relationship, code", [("child", "19"), ("spouse", "01"), ("other", "G8")])
def test_dependent_patient_gets_hl_23(relationship, code):
    text = write([claim(coverage=dict(ENCOUNTER["coverage"], relationship=relationship))])
    assert find(text, "HL") == [["HL", "1", "", "20", "1"], ["HL", "2", "1", "22", "1"], ["HL", "3", "2", "23", "0"]]
    assert find(text, "SBR")[0][2] == "" and find(text, "PAT") == [["PAT", code]]
    assert find(text, "NM1", "QC")[0][3:5] == ["RIVERA", "ANA"] and find(text, "DMG")[0][2] == "19710412"
    assert find(text, "NM1", "IL")[0][9] == "W123456789"


def test_replacement_claim_carries_frequency_7_ref_f8_and_prior_authorization():
    text = write([claim(frequency_code="7", original_payer_claim_number="627676228882", prior_authorization="AUTH1")])
    assert find(text, "CLM")[0][5] == "11:B:7"
    refs = [s[1:] for s in segments(text) if s[0] == "REF" and s[1] in ("G1", "F8")]
    assert refs == [["G1", "AUTH1"], ["F8", "627676228882"]]  # the implementation guide's order


def test_void_claim_carries_frequency_8():
    text = write([claim(frequency_code="8", original_payer_claim_number="627676228882")])
    assert find(text, "CLM")[0][5] == "11:B:8" and find(text, "REF", "F8")


def test_original_claim_has_no_ref_f8_or_g1():
    text = write([claim(original_payer_claim_number="627676228882")])
    assert not find(text, "REF", "F8") and not find(text, "REF", "G1")


def test_names_are_folded_to_upper_case_ascii_without_delimiters():
    patient = dict(ENCOUNTER["patient"], first_name="José", last_name="Muñoz*O'Brien:Smith~Jr^")
    c = claim(patient=patient)
    text = write([c])
    name = find(text, "NM1", "IL")[0]
    assert (name[3], name[4]) == ("MUNOZ O'BRIEN SMITH JR", "JOSE")
    assert text.isascii()


def test_truncation_leaves_no_trailing_space():
    c = claim()
    billing = c.billing_provider.model_copy(update={"name": "A" * 59 + " SUFFIX"})
    text = write([dataclasses.replace(c, billing_provider=billing)])
    assert find(text, "NM1", "85")[0][3] == "A" * 59


@pytest.mark.parametrize("options, words", [
    ({"claims": []}, "at least one claim"), ({"usage": "X"}, "usage"),
    ({"interchange_control_number": 0}, "interchange"), ({"group_control_number": 10 ** 9}, "group"),
])
def test_envelope_arguments_are_checked(options, words):
    arguments = {"claims": [claim()], "sender_id": "BILLINGPLATFORM", "receiver_id": "60054",
                 "interchange_control_number": 1, "group_control_number": 1, "created_at": AT, **options}
    with pytest.raises(ValueError, match=words):
        write_837p(**arguments)


REFERRING = {"npi": OTHER_RENDERING_NPI, "first_name": "Omar", "last_name": "Haddad"}


def test_a_referring_provider_is_loop_2310a_before_the_rendering_provider():
    text = write([claim(referring_provider=REFERRING)])
    names = [s[:2] for s in segments(text) if s[0] == "NM1" and s[1] in ("DN", "82")]
    assert names == [["NM1", "DN"], ["NM1", "82"]]
    assert find(text, "NM1", "DN") == [["NM1", "DN", "1", "HADDAD", "OMAR", "", "", "", "XX", OTHER_RENDERING_NPI]]


def test_without_a_referring_provider_there_is_no_2310a():
    assert find(write([claim()]), "NM1", "DN") == []
