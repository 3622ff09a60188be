"""Runs last in the e2e suite: the services' logs and trace spans of this run hold none of the seeded PHI."""
import re

from tests.e2e.support import FIXTURES

PATIENT = __import__("json").loads((FIXTURES / "intake" / "encounter.json").read_text())["patient"]
PHI_PATTERNS = [
    re.compile(re.escape(PATIENT["last_name"]), re.I),
    re.compile(re.escape(PATIENT["birth_date"])),
    re.compile(re.escape(PATIENT["birth_date"].replace("-", ""))),
    re.compile(re.escape(PATIENT["address"]["line1"]), re.I),
    re.compile(r"\bW\d{9}\b"),  # the member ids the tests generate
    re.compile(r"\bMRN-[0-9a-f]{10}\b"),  # the patient ids the tests generate
]


def _findings(paths) -> list[str]:
    findings = []
    for path in paths:
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), start=1):
            findings += [f"{path.name}:{number}: {pattern.pattern}" for pattern in PHI_PATTERNS if pattern.search(line)]
    return findings


def test_no_patient_data_in_any_service_log(stack):
    logs = sorted((stack.log_dir).glob("*.log"))
    assert logs, "no service logs to scan"
    assert _findings(logs) == []


def test_no_patient_data_in_any_span(stack):
    """Span attributes, names and events: what the dashboard and an OTLP collector would show."""
    spans = sorted((stack.run_dir / "spans").glob("*.jsonl"))
    assert spans, "no span files to scan"
    assert _findings(spans) == []
