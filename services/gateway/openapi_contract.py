"""The public API's contract, committed as docs/openapi.json and refused when it would break clients.

    python -m services.gateway.openapi_contract docs/openapi.json      (make openapi)

A breaking change (an operation or parameter removed, a field removed or retyped, a parameter or
body field newly required) is refused unless the document's major version changes with it.
"""
import asyncio
import json
import sys
from pathlib import Path

from shared.contracts.compatibility import openapi_changes

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def current_document() -> dict:
    """The gateway's OpenAPI document, built in-process (no broker or database is contacted)."""
    async def build() -> dict:
        from services.gateway.app import main
        return main().openapi()
    return asyncio.run(build())


def render(document: dict) -> str:
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def major(document: dict) -> str:
    return str(document.get("info", {}).get("version", "0")).split(".")[0]


def refused_changes(published: dict, current: dict) -> list[str]:
    return [] if major(published) != major(current) else openapi_changes(published, current)


def main(path: Path) -> int:
    current = current_document()
    if path.exists():
        refused = refused_changes(json.loads(path.read_text()), current)
        if refused:
            print("refused: breaking changes to the public API without a new major version:", *refused, sep="\n  ")
            return 1
    path.write_text(render(current))
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH))
