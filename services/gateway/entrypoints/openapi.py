"""The OpenAPI document, completed: bearer auth, the problem+json answers each operation can give (with
examples), so a client sees the 400/401/403/404/409/413/415/422/429/503 it must handle, and the bodies of
routes that read their request body themselves (several formats, or forwarded as they came)."""
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel

from services.gateway.entrypoints.auth import require_operator

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details. Fields are named; input values are never echoed (they may be PHI).",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string", "example": "about:blank"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object", "properties": {
            "field": {"type": "string"}, "message": {"type": "string"}}}},
    },
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before retrying", "schema": {"type": "integer"}}}
ANSWERS = {
    "400": ("A malformed request the gateway cannot read (an invalid Content-Length)",
            {"title": "Invalid Content-Length", "status": 400}, None),
    "401": ("Missing, unknown or revoked API key", {"title": "Invalid API key", "status": 401}, None),
    "403": ("The key lacks the scope this operation needs", {"title": "Forbidden", "status": 403,
                                                            "detail": "this key lacks the billing:write scope"}, None),
    "404": ("Not found, or owned by another tenant (the same answer)", {"title": "Claim not found", "status": 404}, None),
    "409": ("The object's state refuses the action, or a request with this Idempotency-Key is still running "
            "(then with Retry-After)", {"title": "request in progress", "status": 409,
                                        "detail": "a request with this Idempotency-Key is still running"}, RETRY_AFTER),
    "413": ("Request body over the size limit", {"title": "Request body is too large", "status": 413}, None),
    "415": ("A body in a format the operation does not read", {
        "title": "Unsupported media type", "status": 415, "detail": "send application/json"}, None),
    "422": ("Invalid input; `errors` names each field", {
        "title": "Request body is invalid", "status": 422, "detail": "invalid fields: body.patient.birth_date",
        "errors": [{"field": "body.patient.birth_date", "message": "Input should be a valid date"}]}, None),
    "429": ("This tenant's rate limit is spent", {"title": "Too many requests", "status": 429}, RETRY_AFTER),
    "503": ("A service behind the gateway is down or its circuit is open", {
        "title": "The claims service is unavailable", "status": 503, "detail": "retry later"}, RETRY_AFTER),
}


def operation_id(route: APIRoute) -> str:
    """The route function's name (`get_claim`): generated clients name their methods and modules after it,
    where FastAPI's default appends path and method (`get_claim_v1_claims__claim_id__get`)."""
    return route.name


def name_operations(app: FastAPI) -> None:
    """Operations named by `operation_id`; call before the routers are included (they take it then)."""
    app.router.generate_unique_id_function = operation_id


# Models named by schema_ref(); their schemas join components.schemas, so every $ref resolves.
_BODY_MODELS: dict[str, type[BaseModel]] = {}


def schema_ref(model: type[BaseModel]) -> dict:
    """A $ref to the model's schema, which the document then carries."""
    _BODY_MODELS[model.__name__] = model
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def request_body(content: dict[str, dict]) -> dict:
    """`openapi_extra` declaring the body a route reads itself: media type -> schema."""
    return {"requestBody": {"required": True, "content": {media: {"schema": schema} for media, schema in content.items()}}}


def json_body(*models: type[BaseModel]) -> dict:
    """`openapi_extra` for a JSON body forwarded as it came; several models: one of them."""
    refs = [schema_ref(model) for model in models]
    return request_body({"application/json": refs[0] if len(refs) == 1 else {"oneOf": refs}})


def _add_body_schemas(schemas: dict) -> None:
    for name, model in _BODY_MODELS.items():
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for inner, definition in schema.pop("$defs", {}).items():
            schemas.setdefault(inner, definition)
        schemas.setdefault(name, schema)


TEXT_MEDIA = ("text/", "application/edi-x12")


def _type_text_answers(operation: dict) -> None:
    """A text answer declared without a schema (an X12 file, an HTML page) is a string, which clients then
    read as text rather than as an untyped body."""
    for answer in operation.get("responses", {}).values():
        for media, content in answer.get("content", {}).items():
            if media.startswith(TEXT_MEDIA) and not content.get("schema"):
                content["schema"] = {"type": "string"}


def _problem(description: str, example: dict, headers: dict | None) -> dict:
    answer = {"description": description, "content": {"application/problem+json": {
        "schema": {"$ref": "#/components/schemas/Problem"}, "example": {"type": "about:blank", **example}}}}
    if headers:
        answer["headers"] = headers
    return answer


# Beyond what every operation of its kind answers: a PATCH of a claim its state refuses, intake formats.
MORE_ANSWERS = {("patch", "/v1/claims/{claim_id}"): ("409",), ("post", "/v1/encounters"): ("415",)}


def _codes(path: str, method: str, *, operator: bool) -> list[str]:
    # The operator's key has no scopes to lack and no tenant rate to spend.
    codes = ["401", "422", "503"] if operator else ["401", "403", "422", "429", "503"]
    if "{" in path:
        codes.append("404")
    if method in ("post", "put", "patch"):
        codes += ["400", "413"]
    if method == "post":  # the Idempotency-Key's twin still running; the actions' refusals
        codes.append("409")
    return sorted(codes + list(MORE_ANSWERS.get((method, path), ())))


def _needs_operator(dependant: Dependant) -> bool:
    return any(d.call is require_operator or _needs_operator(d) for d in dependant.dependencies)


def _operator_operations(app: FastAPI) -> set[tuple[str, str]]:
    return {(method.lower(), route.path) for route in iter_route_contexts(app.routes)
            if isinstance(route.original_route, APIRoute) and _needs_operator(route.original_route.dependant)
            for method in route.methods or ()}


def document_errors(app: FastAPI) -> None:
    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = schema.setdefault("components", {})
        components.setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        _add_body_schemas(components["schemas"])
        components["securitySchemes"] = {"apiKey": {"type": "http", "scheme": "bearer",
                                                    "description": "A tenant API key (or the operator's admin key)"}}
        schema["security"] = [{"apiKey": []}]
        operator = _operator_operations(app)
        for path, operations in schema.get("paths", {}).items():
            for method, operation in operations.items():
                _type_text_answers(operation)
                responses = operation.setdefault("responses", {})
                for code in _codes(path, method, operator=(method, path) in operator):
                    responses[code] = _problem(*ANSWERS[code])
        app.openapi_schema = schema
        return schema

    app.openapi = openapi
