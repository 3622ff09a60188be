import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from services.gateway.intake import parse_encounter
from services.gateway.intake.errors import UnsupportedFormat

pytestmark = pytest.mark.unit
RAW = (Path(__file__).resolve().parents[2] / "fixtures" / "intake" / "encounter.json").read_bytes()


def test_json_body_parses():
    encounter, source = parse_encounter("application/json; charset=utf-8", RAW)
    assert source == "json" and encounter.diagnoses == ["E11.9", "I10"]


def test_unknown_fields_are_rejected_by_name():
    body = json.loads(RAW) | {"pateint": {}}
    with pytest.raises(ValidationError) as error:
        parse_encounter("application/json", json.dumps(body).encode())
    assert error.value.errors()[0]["loc"] == ("pateint",)


def test_unsupported_media_type():
    with pytest.raises(UnsupportedFormat):
        parse_encounter("application/pdf", b"%PDF")
