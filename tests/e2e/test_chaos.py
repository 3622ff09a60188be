"""The short chaos run (every fault kind once, a few hundred encounters) on a stack of its own.

It runs beside the suite's shared stack on other ports and in its own run folder, so the other
end-to-end tests are not disturbed by the faults it injects.
"""
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import PORT_OFFSET, ROOT

CHAOS_OFFSET = PORT_OFFSET + 500
TIMEOUT_SECONDS = 1200  # about 5 minutes on a quiet 2-core machine; far more when it is shared

pytestmark = pytest.mark.timeout(TIMEOUT_SECONDS + 180)


@pytest.fixture(scope="module")
def chaos(tmp_path_factory) -> dict:
    results = tmp_path_factory.mktemp("chaos")
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.chaos", "--short", "--no-progress", "--port-offset", str(CHAOS_OFFSET),
         "--run-dir", str(ROOT / ".run" / f"chaos-test-{PORT_OFFSET}"), "--results", str(results)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.terminate()  # the run stops its stack on SIGTERM
        _, stderr = process.communicate(timeout=150)
    files = sorted(results.glob("chaos-*.json"))
    assert files, f"no result file; exit {process.returncode}\n{stderr[-3000:]}"
    return json.loads(files[-1].read_text())


def test_every_fault_kind_was_injected_and_recovered_from(chaos):
    assert chaos["faults_planned"] == 13 and sum(chaos["faults"].values()) == 13, chaos["faults"]
    assert chaos["unrecovered"] == [], chaos["recovery_seconds"]


def test_nothing_accepted_is_lost(chaos):
    assert chaos["encounters"] >= 250
    assert chaos["lost"] == 0, chaos["details"]["lost"]


def test_no_claim_regressed_or_disagrees_with_the_ledger(chaos):
    assert chaos["regressed"] == 0, chaos["details"]["regressed"]


def test_the_ledger_has_no_duplicated_effects_and_balances(chaos):
    assert chaos["duplicated"] == 0, chaos["details"]["duplicated"]
    assert chaos["debits_equal_credits"], chaos["details"]["balances"]
    assert chaos["cash_equals_deposits"], chaos["details"]["cash"]


def test_only_the_poison_is_dead_lettered(chaos):
    assert chaos["poison_injected"] >= 1
    assert chaos["dead_lettered"] == chaos["poison_dead_lettered"] == chaos["poison_injected"], \
        chaos["details"]["dead_letters"]


def test_replaying_every_topic_leaves_the_ledger_as_it_was(chaos):
    assert chaos["ledger_hash_stable_after_replay"], chaos["replay"]
