"""Control characters are refused at the door in every intake format, named by where they sit."""
import json
from pathlib import Path

import pytest

from services.gateway.entrypoints.hygiene import _nul_fields
from services.gateway.intake import parse_encounter
from services.gateway.intake.errors import IntakeError

pytestmark = pytest.mark.unit
INTAKE = Path(__file__).resolve().parents[2] / "fixtures" / "intake"
HL7 = (INTAKE / "dft_p03.hl7").read_bytes()


def _fields(content_type: str, raw: bytes) -> list[str]:
    with pytest.raises(IntakeError) as refused:
        parse_encounter(content_type, raw)
    assert not any("Rivera" in p["message"] or "Rivera" in p["field"] for p in refused.value.problems)
    return [p["field"] for p in refused.value.problems]


def _json(change) -> bytes:
    body = json.loads((INTAKE / "encounter.json").read_text())
    change(body)
    return json.dumps(body).encode()


@pytest.mark.parametrize("where,raw", [
    ("PV1-19", HL7.replace(b"EHR-2026-000123", b"EHR\x00-2026")),
    ("PID-5", HL7.replace(b"Rivera^Ana", b"Rivera\x00^Ana")),
    ("PID-11", HL7.replace(b"\r", b"\n").replace(b"12 ELM ST", b"12 ELM\x1bST")),
    ("PID-5", HL7.replace(b"Rivera^Ana", b"Rivera^An\xe9")),  # latin-1, not UTF-8
    ("FT1-10", HL7.replace(b"^CPT|||1|", b"^CPT|||one|")),
])
def test_hl7_names_the_segment_field(where, raw):
    assert where in _fields("x-application/hl7-v2+er7", raw)


def test_json_names_the_path_and_lets_the_note_hold_line_breaks():
    fields = _fields("application/json", _json(lambda b: b["patient"].update(last_name="Rivera\x01", first_name="A\t")))
    assert fields == ["body.patient.first_name", "body.patient.last_name"]
    assert _fields("application/json", _json(lambda b: b["procedures"][0].update(code="99\x7f13"))) == ["body.procedures.0.code"]
    encounter, _ = parse_encounter("application/json", _json(lambda b: b.update(note="Line one.\r\n\tLine two.")))
    assert encounter.note == "Line one.\r\n\tLine two."


def test_fhir_names_the_json_path_then_the_mapped_field():
    bundle = json.loads((INTAKE / "bundle_r4.json").read_text())
    bundle["entry"][0]["resource"]["name"][0]["family"] = "Rivera\x07"
    assert _fields("application/fhir+json", json.dumps(bundle).encode()) == ["body.entry.0.resource.name.0.family"]
    bundle["entry"][0]["resource"]["name"][0]["family"] = "Rivera\n"  # legal in a FHIR string, not in a name
    assert _fields("application/fhir+json", json.dumps(bundle).encode()) == ["Bundle.patient.last_name"]


def test_a_bundle_missing_what_the_mapping_needs_is_an_intake_error():
    bundle = json.loads((INTAKE / "bundle_r4.json").read_text())
    bundle["entry"][1]["resource"]["name"] = [{"family": "Chen"}]  # a Practitioner without a given name
    assert _fields("application/fhir+json", json.dumps(bundle).encode()) == ["Bundle"]


def test_the_door_names_each_string_holding_a_nul():
    assert _nul_fields(b'{"patient": {"last_name": "Rivera\\u0000"}, "ids": ["a", "\\u0000"]}') == [
        {"field": "body.patient.last_name", "message": "holds a control character (U+0000); remove it"},
        {"field": "body.ids.1", "message": "holds a control character (U+0000); remove it"}]
    assert _nul_fields(b'{"note": "a literal \\\\u0000 is text"}') == []
    assert _nul_fields(b'{"raw": "\x00"}') is None


def test_json_refuses_a_raw_del_too_which_json_needs_no_escape_for():
    raw = json.dumps(json.loads((INTAKE / "encounter.json").read_text()), ensure_ascii=False).encode()
    raw = raw.replace(b'"99213"', b'"99\x7f213"')
    assert b"\\" not in raw  # no escape anywhere: only the raw byte can give it away
    assert _fields("application/json", raw) == ["body.procedures.0.code"]


def test_fhir_refuses_a_raw_del_too_and_walks_no_body_that_cannot_hold_one(monkeypatch):
    bundle = json.loads((INTAKE / "bundle_r4.json").read_text())
    bundle["entry"][0]["resource"]["name"][0]["family"] = "Rivera\x7f"
    raw = json.dumps(bundle, ensure_ascii=False).encode()
    assert b"\\" not in raw
    assert _fields("application/fhir+json", raw) == ["body.entry.0.resource.name.0.family"]

    import services.gateway.intake.fhir_r4 as fhir_r4

    def walked(*args, **kwargs):
        raise AssertionError("a body without a backslash or DEL was walked")

    monkeypatch.setattr(fhir_r4, "control_problems", walked)
    monkeypatch.setattr(fhir_r4, "encounter_problems", walked)
    encounter, source_format = parse_encounter("application/fhir+json", (INTAKE / "bundle_r4.json").read_bytes())
    assert (encounter.patient.last_name, source_format) == ("Rivera", "fhir")
