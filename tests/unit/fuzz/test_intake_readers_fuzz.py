"""Whatever bytes arrive, the intake readers raise only IntakeError, naming where and never quoting a
value; and what they accept can be stored (no NUL, no control character outside the note) and serialised."""
import json
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from services.gateway.intake import parse_json_encounter
from services.gateway.intake.control_chars import CONTROL
from services.gateway.intake.errors import IntakeError
from services.gateway.intake.fhir_r4 import parse_fhir_bundle
from services.gateway.intake.hl7v2 import parse_dft_p03
from tests.unit.fuzz.mutations import damaged_bytes, damaged_document, damaged_text

pytestmark = pytest.mark.unit
INTAKE = Path(__file__).resolve().parents[2] / "fixtures" / "intake"
HL7 = (INTAKE / "dft_p03.hl7").read_text()
BUNDLE = json.loads((INTAKE / "bundle_r4.json").read_text())
ENCOUNTER = json.loads((INTAKE / "encounter.json").read_text())
PHI = ("Rivera", "W123456789", "19710412", "1971-04-12", "12 ELM ST")
FUZZ = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _check_refusal(exc: IntakeError) -> None:
    assert exc.problems, "an IntakeError names at least one problem"
    for problem in exc.problems:
        assert problem["field"] and not CONTROL.search(problem["field"])
        assert not any(marker in problem["field"] + problem["message"] for marker in PHI), problem


def _check_storable(encounter) -> None:
    body = encounter.model_dump(mode="json")
    orjson.dumps(body)
    note = body.pop("note", None) or ""
    assert "\x00" not in note and not CONTROL.search(json.dumps(body, ensure_ascii=False)), "a control character got in"


def _read(parse, raw) -> None:
    try:
        encounter = parse(raw)
    except IntakeError as exc:
        _check_refusal(exc)
    else:
        _check_storable(encounter)


@FUZZ
@given(damaged_text(HL7, "\r|^~\\&\n"))
def test_hl7_reader_on_damaged_messages(text):
    _read(parse_dft_p03, text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(damaged_bytes(HL7.encode(), b"\r|^~\\&\n\x00"))
def test_hl7_reader_on_damaged_bytes(raw):
    _read(parse_dft_p03, raw)


@FUZZ
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: ("MSH|^~\\&|" + t).encode(errors="surrogatepass")))
def test_hl7_reader_on_random_input(raw):
    _read(parse_dft_p03, raw)


@FUZZ
@given(damaged_document(BUNDLE))
def test_fhir_reader_on_damaged_bundles(bundle):
    _read(parse_fhir_bundle, json.dumps(bundle).encode())


@FUZZ
@given(damaged_bytes(json.dumps(BUNDLE).encode(), b'{}[]",:\\\x00'))
def test_fhir_reader_on_damaged_bytes(raw):
    _read(parse_fhir_bundle, raw)


@FUZZ
@given(damaged_document(ENCOUNTER))
def test_json_reader_on_damaged_bodies(body):
    try:
        _read(parse_json_encounter, json.dumps(body).encode())
    except ValidationError as exc:  # the JSON body's own documented error: pydantic's, by field
        assert all(e["loc"] or e["type"] == "json_invalid" for e in exc.errors(include_input=False))
