"""The committed Python client is what the generator makes of the committed docs/openapi.json, and the
example still runs against it (its imports name modules and classes the generator derives from the document)."""
import importlib
import importlib.util
import pkgutil
from pathlib import Path

import pytest

from tools.python_client import PACKAGE, ROOT, generate

pytestmark = pytest.mark.unit


def _files(package: Path) -> dict[str, str]:
    return {str(path.relative_to(package)): path.read_text() for path in sorted(package.rglob("*.py"))
            if "__pycache__" not in path.parts}


def test_the_committed_client_is_generated_from_the_committed_document(tmp_path):
    result = generate(tmp_path / PACKAGE.name)
    assert result.returncode == 0, result.stdout + result.stderr

    generated, committed = _files(tmp_path / PACKAGE.name), _files(PACKAGE)

    stale = sorted(name for name in generated.keys() | committed.keys() if generated.get(name) != committed.get(name))
    assert not stale, f"run `make client` and commit clients/python; out of date: {', '.join(stale[:10])}"


def test_every_module_of_the_client_imports():
    """The generator can write code that does not import (a name used in an annotation, never imported)."""
    import billing_platform_client

    names = [m.name for m in pkgutil.walk_packages(billing_platform_client.__path__, "billing_platform_client.")]
    assert "billing_platform_client.api.encounters.post_encounter" in names
    for name in names:
        importlib.import_module(name)


def test_the_example_imports_what_the_client_provides():
    spec = importlib.util.spec_from_file_location("push_encounter", ROOT / "examples" / "push_encounter.py")
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    assert example.EncounterIn.from_dict  # a class of the generated package, not a stand-in
