"""The committed docs/openapi.json is the public contract: the gateway must match it, and no change may
break it without a new major version."""
import json

import pytest

from services.gateway.openapi_contract import DEFAULT_PATH, current_document, refused_changes, render

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def documents() -> tuple[dict, dict]:
    return json.loads(DEFAULT_PATH.read_text()), current_document()


def test_the_api_breaks_no_client(documents):
    published, current = documents
    assert refused_changes(published, current) == []


def test_the_committed_document_is_current(documents):
    published, current = documents
    assert render(published) == render(current), "run `make openapi` and commit docs/openapi.json"


def test_removing_an_operation_is_refused_without_a_new_major_version(documents):
    published, _ = documents
    broken = json.loads(json.dumps(published))
    broken["paths"].pop("/v1/payers")
    assert any("/v1/payers" in change for change in refused_changes(published, broken))
    broken["info"]["version"] = "2.0.0"
    assert refused_changes(published, broken) == []
