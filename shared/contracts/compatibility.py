"""Is a new contract backward compatible with the published one? For event schemas and the OpenAPI document.

Breaking, for the readers of a contract: a field removed or retyped, a field newly required, an enum
value dropped; for clients of the API also an operation removed, a parameter removed or newly
required. Additions are not breaking (readers ignore what they do not know). A breaking change needs
a new version: a new `schema_version` for an event, a new major `info.version` for the API.
"""
from collections.abc import Iterator

MAX_DEPTH = 12
METHODS = ("get", "put", "post", "delete", "patch")


class _Resolver:
    def __init__(self, document: dict):
        self._document = document

    def __call__(self, schema: dict | None) -> dict:
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema and seen < MAX_DEPTH:
            target: object = self._document
            for part in schema["$ref"].lstrip("#/").split("/"):
                target = target.get(part, {}) if isinstance(target, dict) else {}
            schema, seen = target, seen + 1  # type: ignore[assignment]
        return schema if isinstance(schema, dict) else {}


def _types(schema: dict, resolve: _Resolver) -> frozenset[str]:
    """The JSON types a schema admits (anyOf/oneOf unions flattened; a missing type admits anything)."""
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return frozenset("number" if k == "integer" else k for k in kinds)
    union = schema.get("anyOf") or schema.get("oneOf")
    if union:
        return frozenset().union(*(_types(resolve(s), resolve) for s in union))
    return frozenset({"any"})


def _object_part(schema: dict, resolve: _Resolver) -> dict:
    if "properties" in schema:
        return schema
    for member in schema.get("anyOf") or schema.get("oneOf") or schema.get("allOf") or ():
        found = resolve(member)
        if "properties" in found:
            return found
    return {}


def schema_changes(old: dict, new: dict, *, old_doc: dict | None = None, new_doc: dict | None = None,
                   where: str = "", depth: int = 0) -> Iterator[str]:
    """Breaking differences of `new` against `old`, each naming where (a dotted field path)."""
    old_resolve, new_resolve = _Resolver(old_doc or old), _Resolver(new_doc or new)
    old, new = old_resolve(old), new_resolve(new)
    if depth > MAX_DEPTH:
        return
    old_types, new_types = _types(old, old_resolve), _types(new, new_resolve)
    if "any" not in new_types and not (old_types - {"null"} <= new_types):
        yield f"{where or 'the document'}: type {sorted(old_types)} became {sorted(new_types)}"
        return
    dropped = set(old.get("enum", ())) - set(new.get("enum", old.get("enum", ())))
    if dropped:
        yield f"{where}: enum values {sorted(map(str, dropped))} removed"
    old_obj, new_obj = _object_part(old, old_resolve), _object_part(new, new_resolve)
    for name, old_field in old_obj.get("properties", {}).items():
        path = f"{where}.{name}" if where else name
        if name not in new_obj.get("properties", {}):
            yield f"{path}: removed"
            continue
        yield from schema_changes(old_field, new_obj["properties"][name], old_doc=old_doc or old,
                                  new_doc=new_doc or new, where=path, depth=depth + 1)
    for name in set(new_obj.get("required", ())) - set(old_obj.get("required", ())):
        yield f"{where + '.' if where else ''}{name}: newly required"
    if old.get("items") and new.get("items"):
        yield from schema_changes(old["items"], new["items"], old_doc=old_doc or old, new_doc=new_doc or new,
                                  where=f"{where}[]", depth=depth + 1)


def openapi_changes(old: dict, new: dict) -> list[str]:
    """Breaking differences between two OpenAPI documents, operation by operation."""
    changes = []
    for path, old_item in old.get("paths", {}).items():
        for method in METHODS:
            if method not in old_item:
                continue
            new_operation = new.get("paths", {}).get(path, {}).get(method)
            where = f"{method.upper()} {path}"
            if new_operation is None:
                changes.append(f"{where}: operation removed")
                continue
            changes += [f"{where}: {c}" for c in _operation_changes(old_item[method], new_operation, old, new)]
    return changes


def _operation_changes(old: dict, new: dict, old_doc: dict, new_doc: dict) -> Iterator[str]:
    old_params = {(p.get("in"), p.get("name")): p for p in old.get("parameters", [])}
    new_params = {(p.get("in"), p.get("name")): p for p in new.get("parameters", [])}
    for key in old_params.keys() - new_params.keys():
        yield f"parameter {key[1]} ({key[0]}) removed"
    for key, param in new_params.items():
        if param.get("required") and not old_params.get(key, {}).get("required"):
            yield f"parameter {key[1]} ({key[0]}) newly required"
    old_body = old.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    new_body = new.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    if old_body and new_body:  # a request may gain optional fields; it must keep accepting the old ones
        yield from schema_changes(old_body, new_body, old_doc=old_doc, new_doc=new_doc, where="body")
    for status, response in old.get("responses", {}).items():
        if not str(status).startswith("2"):
            continue
        old_schema = response.get("content", {}).get("application/json", {}).get("schema")
        new_response = new.get("responses", {}).get(status, {})
        new_schema = new_response.get("content", {}).get("application/json", {}).get("schema")
        if old_schema and new_schema is None:
            yield f"response {status}: JSON body removed"
        elif old_schema:
            yield from (f"response {status} {c}" for c in schema_changes(
                old_schema, new_schema, old_doc=old_doc, new_doc=new_doc, where="body")
                if not c.endswith("newly required"))  # a response may promise more than before
