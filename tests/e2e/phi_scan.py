"""The PHI scan over service logs and span files: the seeded patient's data must appear in none of them.

A leaked value may be escaped in a log line (`Rivera\\u0000`, `Rivera\\x00`): escapes of control
characters and raw control characters are removed before matching, so the marker shows whole.
"""
import json
import re
from pathlib import Path

from tests.e2e.support import FIXTURES

PATIENT = json.loads((FIXTURES / "intake" / "encounter.json").read_text())["patient"]
PHI_PATTERNS = [
    re.compile(re.escape(PATIENT["last_name"]), re.I),
    re.compile(re.escape(PATIENT["birth_date"])),
    re.compile(re.escape(PATIENT["birth_date"].replace("-", ""))),
    re.compile(re.escape(PATIENT["address"]["line1"]), re.I),
    re.compile(r"\bW\d{9}\b"),  # the member ids the tests generate
    re.compile(r"\bMRN-[0-9a-f]{10}\b"),  # the patient ids the tests generate
]
CONTROL_ESCAPES = re.compile(r"\\+(?:u00[01][0-9a-fA-F]|u007[fF]|x[01][0-9a-fA-F]|x7[fF]|0(?![0-9])|[abtnvfre])"
                             r"|[\x00-\x08\x0b-\x1f\x7f]")


def normalised(line: str) -> str:
    return CONTROL_ESCAPES.sub("", line)


def findings(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), start=1):
            line = normalised(line)
            found += [f"{path.name}:{number}: {pattern.pattern}" for pattern in PHI_PATTERNS if pattern.search(line)]
    return found


def log_findings(stack) -> list[str]:
    logs = sorted(stack.log_dir.glob("*.log"))
    assert logs, "no service logs to scan"
    return findings(logs)


def span_findings(stack) -> list[str]:
    spans = sorted((stack.run_dir / "spans").glob("*.jsonl"))
    assert spans, "no span files to scan"
    return findings(spans)
