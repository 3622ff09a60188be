"""The compatibility check finds what would break a reader of an event or a client of the API."""
import copy

import pytest

from shared.contracts.compatibility import openapi_changes, schema_changes

pytestmark = pytest.mark.unit

EVENT = {"type": "object", "required": ["claim_id"], "$defs": {"Line": {"type": "object", "properties": {
    "charge": {"type": "string"}, "units": {"type": "integer"}}}},
    "properties": {"claim_id": {"type": "string"}, "status": {"enum": ["paid", "denied"], "type": "string"},
                   "lines": {"type": "array", "items": {"$ref": "#/$defs/Line"}},
                   "note": {"anyOf": [{"type": "string"}, {"type": "null"}]}}}


def changed(mutate) -> list[str]:
    new = copy.deepcopy(EVENT)
    mutate(new)
    return list(schema_changes(EVENT, new))


def test_additions_are_compatible():
    assert changed(lambda s: s["properties"].update(extra={"type": "string"})) == []
    assert changed(lambda s: s["properties"]["status"]["enum"].append("partial")) == []


@pytest.mark.parametrize("mutate, expected", [
    (lambda s: s["properties"].pop("status"), "status: removed"),
    (lambda s: s["properties"].update(claim_id={"type": "integer"}), "claim_id: type"),
    (lambda s: s["required"].append("note"), "note: newly required"),
    (lambda s: s["properties"]["status"]["enum"].remove("denied"), "status: enum values ['denied'] removed"),
    (lambda s: s["$defs"]["Line"]["properties"].pop("charge"), "lines[].charge: removed"),
    (lambda s: s["properties"].update(note={"type": "integer"}), "note: type"),
])
def test_breaking_changes_are_named(mutate, expected):
    found = changed(mutate)
    assert found and found[0].startswith(expected), found


API = {"openapi": "3.1.0", "info": {"version": "1.0.0"}, "paths": {"/v1/claims/{id}": {"get": {
    "parameters": [{"in": "path", "name": "id", "required": True}, {"in": "query", "name": "expand"}],
    "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Claim"}}}}}}},
    "/v1/notes": {"post": {"requestBody": {"content": {"application/json": {"schema": {
        "type": "object", "properties": {"note": {"type": "string"}}, "required": ["note"]}}}}, "responses": {}}}},
    "components": {"schemas": {"Claim": {"type": "object", "properties": {"status": {"type": "string"},
                                                                           "total": {"type": "string"}}}}}}


def api_changed(mutate) -> list[str]:
    new = copy.deepcopy(API)
    mutate(new)
    return openapi_changes(API, new)


def test_api_additions_are_compatible():
    def add(doc):
        doc["paths"]["/v1/payers"] = {"get": {"responses": {}}}
        doc["components"]["schemas"]["Claim"]["properties"]["balance"] = {"type": "string"}
        doc["paths"]["/v1/claims/{id}"]["get"]["parameters"].append({"in": "query", "name": "fields"})
    assert api_changed(add) == []


@pytest.mark.parametrize("mutate, expected", [
    (lambda d: d["paths"].pop("/v1/notes"), "POST /v1/notes: operation removed"),
    (lambda d: d["components"]["schemas"]["Claim"]["properties"].pop("total"), "GET /v1/claims/{id}: response 200 body.total: removed"),
    (lambda d: d["paths"]["/v1/claims/{id}"]["get"]["parameters"].pop(1), "GET /v1/claims/{id}: parameter expand (query) removed"),
    (lambda d: d["paths"]["/v1/claims/{id}"]["get"]["parameters"].append({"in": "query", "name": "x", "required": True}),
     "GET /v1/claims/{id}: parameter x (query) newly required"),
    (lambda d: d["paths"]["/v1/notes"]["post"]["requestBody"]["content"]["application/json"]["schema"]["required"].append("at"),
     "POST /v1/notes: body.at: newly required"),
])
def test_api_breaking_changes_are_named(mutate, expected):
    assert expected in api_changed(mutate)
