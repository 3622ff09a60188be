import json
from pathlib import Path

import pytest

from services.gateway.intake import parse_encounter
from services.gateway.intake.errors import IntakeError

pytestmark = pytest.mark.unit
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "intake"
HL7 = "x-application/hl7-v2+er7"


def test_dft_p03_maps_to_the_same_encounter_as_the_json_body():
    encounter, source = parse_encounter(HL7, (FIXTURES / "dft_p03.hl7").read_bytes())
    expected, _ = parse_encounter("application/json", (FIXTURES / "encounter.json").read_bytes())
    assert source == "hl7v2"
    comparable = lambda e: e.model_dump(exclude={"note"}, mode="json")  # noqa: E731
    assert comparable(encounter) == comparable(expected)


def test_lf_line_endings_are_normalised():
    cr, _ = parse_encounter(HL7, (FIXTURES / "dft_p03.hl7").read_bytes())
    lf, _ = parse_encounter(HL7, (FIXTURES / "dft_p03_lf.hl7").read_bytes())
    assert cr == lf


def test_bad_birth_date_names_pid_7_without_the_value():
    raw = (FIXTURES / "dft_p03.hl7").read_bytes().decode().replace("19710412", "19711345")
    with pytest.raises(IntakeError) as error:
        parse_encounter(HL7, raw.encode())
    assert error.value.problems[0]["field"] == "PID-7" and "19711345" not in json.dumps(error.value.problems)


def test_missing_segments_are_named():
    raw = "\r".join(l for l in (FIXTURES / "dft_p03.hl7").read_bytes().decode().split("\r") if not l.startswith(("IN1", "FT1")))
    with pytest.raises(IntakeError) as error:
        parse_encounter(HL7, raw.encode())
    assert {p["field"] for p in error.value.problems} == {"IN1", "FT1"}


def _with_fields(raw: str, segment: str, index: int, value: str) -> str:
    lines = raw.split("\r")
    for number, line in enumerate(lines):
        if line.startswith(segment + "|"):
            fields = line.split("|")
            fields += [""] * (index + 1 - len(fields))
            fields[index] = value
            lines[number] = "|".join(fields)
    return "\r".join(lines)


def test_cwe_modifiers_are_read_by_their_code_component():
    raw = (FIXTURES / "dft_p03.hl7").read_bytes().decode()
    raw = _with_fields(raw, "FT1", 26, "25^Significant, separately identifiable E/M^CPT4~59^Distinct procedural service^CPT4")
    encounter, _ = parse_encounter(HL7, raw.encode())
    assert [p.modifiers for p in encounter.procedures] == [["25", "59"], ["25", "59"]]


def test_member_id_from_in1_49_when_in1_36_is_empty():
    raw = (FIXTURES / "dft_p03.hl7").read_bytes().decode()
    raw = _with_fields(_with_fields(raw, "IN1", 36, ""), "IN1", 49, "W123456789^^^AETNA^MB")
    encounter, _ = parse_encounter(HL7, raw.encode())
    assert encounter.coverage.member_id == "W123456789"


def test_several_in1_segments_are_the_coverages_in_set_id_order():
    lines = [line for line in (FIXTURES / "dft_p03.hl7").read_bytes().decode().split("\r") if line.strip()]
    primary = next(line for line in lines if line.startswith("IN1"))
    secondary = primary.replace("IN1|1|PLAN01|AETNA|AETNA", "IN1|2|PLAN02|BCBS|BLUE CROSS").replace("W123456789", "XBC998877")
    tertiary = primary.replace("IN1|1|PLAN01|AETNA|AETNA", "IN1|3|PLAN03|MEDICAID|MEDICAID").replace("W123456789", "MCD1")
    raw = "\r".join([line for line in lines if not line.startswith("IN1")] + [tertiary, secondary, primary])
    encounter, _ = parse_encounter(HL7, raw.encode())
    assert (encounter.coverage.payer_id, encounter.coverage.member_id) == ("AETNA", "W123456789")
    assert [(c.payer_id, c.member_id) for c in encounter.other_coverages] == [("BCBS", "XBC998877"), ("MEDICAID", "MCD1")]


def test_a_bad_secondary_member_id_names_in1_36():
    lines = [line for line in (FIXTURES / "dft_p03.hl7").read_bytes().decode().split("\r") if line.strip()]
    primary = next(line for line in lines if line.startswith("IN1"))
    secondary = primary.replace("IN1|1|PLAN01", "IN1|2|PLAN02").replace("W123456789", "X")
    with pytest.raises(IntakeError) as error:
        parse_encounter(HL7, "\r".join(lines + [secondary]).encode())
    assert [p["field"] for p in error.value.problems] == ["IN1-36"]


REFERRER = "1245319599"  # a valid NPI (check digit 9)


def _with_referring(value: str) -> bytes:
    return _with_fields((FIXTURES / "dft_p03.hl7").read_bytes().decode(), "PV1", 8, value).encode()


@pytest.mark.parametrize("pv1_8", [
    "L1234^Haddad^Omar~1234567893^Haddad^Omar^^^^^^NPI",  # assigning authority (XCN.9) says NPI
    "1234567893^Haddad^Omar^^^^^^CMS&2.16.840.1.113883.4.6&ISO",  # the NPI registry by its OID
    "1234567893^Haddad^Omar^^^^^^^^^^NPI",  # identifier type (XCN.13)
    "1234567893^Haddad^Omar",  # no authority, but ten digits with a valid check digit
])
def test_the_referring_doctor_is_read_from_pv1_8_by_npi(pv1_8):
    encounter, _ = parse_encounter(HL7, _with_referring(pv1_8))
    referring = encounter.referring_provider
    assert (referring.npi, referring.last_name, referring.first_name) == ("1234567893", "Haddad", "Omar")


@pytest.mark.parametrize("pv1_8", ["", "L1234^Haddad^Omar", "1234567890^Haddad^Omar", "^^"])
def test_no_referring_doctor_without_an_npi_in_pv1_8(pv1_8):
    encounter, _ = parse_encounter(HL7, _with_referring(pv1_8))
    assert encounter.referring_provider is None and encounter.rendering_provider.npi == REFERRER


@pytest.mark.parametrize("pv1_8", ["L1234^Haddad^Omar^^^^^^NPI", "1234567893^^Omar^^^^^^NPI"])
def test_a_bad_referring_doctor_names_pv1_8_without_the_value(pv1_8):
    with pytest.raises(IntakeError) as error:
        parse_encounter(HL7, _with_referring(pv1_8))
    assert [p["field"] for p in error.value.problems] == ["PV1-8"]
    assert "L1234" not in json.dumps(error.value.problems) and "Omar" not in json.dumps(error.value.problems)
