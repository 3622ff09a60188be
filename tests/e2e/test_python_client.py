"""The example of the generated Python client, run as a user runs it, against the live stack."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.e2e.support import encounter_body

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "push_encounter.py"
UUID_RE = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def run_example(gateway_url: str, api_key: str, body: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "clients" / "python"), "BILLING_API_URL": gateway_url,
           "BILLING_API_KEY": api_key}
    return subprocess.run([sys.executable, str(EXAMPLE), str(body)], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=180, check=False)


def test_the_example_pushes_an_encounter_and_reads_the_837p_of_its_claim(gateway_url, tenant, api, tmp_path):
    body = tmp_path / "encounter.json"
    body.write_text(json.dumps(encounter_body()))

    result = run_example(gateway_url, tenant["api_key"], body)

    assert result.returncode == 0, result.stderr
    encounter_id = re.search(rf"^encounter ({UUID_RE}): received$", result.stdout, re.M).group(1)
    claim_id = re.search(rf"^claim ({UUID_RE}): \w+, total charge 147\.00$", result.stdout, re.M).group(1)
    assert api.get(f"/v1/encounters/{encounter_id}").json()["claim_id"] == claim_id
    assert re.search(r"^  ST\*837\*\d+\*005010X222A1$", result.stdout, re.M), result.stdout
    pcn = api.get(f"/v1/claims/{claim_id}").json()["patient_control_number"]
    assert re.search(rf"^  CLM\*{pcn}\*147\*", result.stdout, re.M), result.stdout


def test_the_example_reports_a_refused_key_as_the_problem_it_is(gateway_url, tmp_path):
    body = tmp_path / "encounter.json"
    body.write_text(json.dumps(encounter_body()))

    result = run_example(gateway_url, "bk_not-a-key", body)

    assert result.returncode == 1
    assert result.stderr.strip() == "error: 401 Invalid API key: the key is unknown or revoked"
    assert result.stdout == ""
