"""`python -m tools.python_client [DIR]` (make client): the Python client generated from docs/openapi.json.

The generator (openapi-python-client) and its formatter (ruff) are pinned dev dependencies run from this
virtualenv; nothing is downloaded. The same document and settings give the same files, which the unit
suite checks against the committed client.
"""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "docs" / "openapi.json"
CONFIG = ROOT / "clients" / "python" / "openapi-python-client.yaml"
PACKAGE = ROOT / "clients" / "python" / "billing_platform_client"


def generate(output: Path = PACKAGE) -> subprocess.CompletedProcess:
    """Writes the client package to `output` (replacing it); the generator's output is returned, not printed."""
    bin_dir = Path(sys.executable).parent  # the post hooks call `ruff` by name
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [str(bin_dir / "openapi-python-client"), "generate", "--path", str(DOCUMENT), "--config", str(CONFIG),
               "--meta", "none", "--output-path", str(output), "--overwrite"]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def main(output: Path) -> int:
    result = generate(output)
    print(result.stdout, result.stderr, sep="", end="")
    if result.returncode == 0:
        print(output)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else PACKAGE))
