"""The committed JSON Schemas under docs/schemas are exactly what the payload models produce."""
from pathlib import Path

import pytest

from shared.contracts.schemas import event_schemas, render

pytestmark = pytest.mark.unit
SCHEMA_DIR = Path(__file__).resolve().parents[3] / "docs" / "schemas"


@pytest.mark.parametrize("filename,schema", sorted(event_schemas().items()))
def test_committed_schema_matches_the_model(filename, schema):
    path = SCHEMA_DIR / filename
    assert path.exists(), f"run `make schemas`: {filename} is missing"
    assert path.read_text() == render(schema), f"run `make schemas`: {filename} drifted from its model"


def test_no_stale_schema_files():
    assert {p.name for p in SCHEMA_DIR.glob("*.json")} == set(event_schemas())


def test_no_model_breaks_its_published_schema():
    from shared.contracts.schemas import breaking_changes

    assert breaking_changes(SCHEMA_DIR) == {}
