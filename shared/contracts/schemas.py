"""Export the JSON Schema of every event (envelope + payload) to docs/schemas/.

    python -m shared.contracts.schemas docs/schemas

tests/unit/shared/test_schemas.py fails when the committed files drift from the models. A file is the
published contract of its version: a breaking change to it (a field removed, retyped or newly required)
is refused here and needs a new schema_version, i.e. a new file beside the old one.
"""
import json
import sys
from pathlib import Path

from shared.contracts.compatibility import schema_changes

from shared.contracts.envelope import Envelope
from shared.contracts.registry import EVENT_TYPES


def event_schemas() -> dict[str, dict]:
    schemas = {}
    for name, event_type in EVENT_TYPES.items():
        schema = Envelope[event_type.model].model_json_schema()  # type: ignore[name-defined]
        schema["title"] = f"{name} v{event_type.schema_version}"
        schema["x-topic"] = event_type.topic
        schemas[f"{name}.v{event_type.schema_version}.json"] = schema
    return schemas


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


class BreakingChange(Exception):
    """A published schema version would change incompatibly."""


def breaking_changes(directory: Path) -> dict[str, list[str]]:
    """For every committed schema file: how the model now breaks it (empty lists are left out)."""
    found = {}
    for filename, schema in event_schemas().items():
        path = directory / filename
        if path.exists():
            changes = list(schema_changes(json.loads(path.read_text()), schema))
            if changes:
                found[filename] = changes
    return found


def write(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    refused = breaking_changes(directory)
    if refused:
        raise BreakingChange("; ".join(f"{name}: {', '.join(changes)}" for name, changes in refused.items()))
    written = []
    for filename, schema in event_schemas().items():
        path = directory / filename
        path.write_text(render(schema))
        written.append(path)
    return written


if __name__ == "__main__":
    try:
        paths = write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schemas"))
    except BreakingChange as exc:
        sys.exit(f"refused, bump the event's schema_version for: {exc}")
    for path in paths:
        print(path)
