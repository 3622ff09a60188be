"""Export the JSON Schema of every event (envelope + payload) to docs/schemas/.

    python -m shared.contracts.schemas docs/schemas

tests/unit/shared/test_schemas.py fails when the committed files drift from the models.
"""
import json
import sys
from pathlib import Path

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


def write(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, schema in event_schemas().items():
        path = directory / filename
        path.write_text(render(schema))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schemas")):
        print(path)
