"""A dead-lettered message is listed, inspected and replayed with the ops command, and then handled."""
import json
import os
import subprocess
import sys
import uuid

import httpx

from shared.contracts import topics
from shared.contracts.encounter import EncounterDocumented
from shared.contracts.envelope import Envelope
from shared.internal_auth import HEADER, Caller, issue_token
from tests.e2e.kafka_tools import produce
from tests.e2e.support import ROOT, encounter_body, wait_for


def dlq_command(stack, *args: str) -> str:
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": stack.kafka.bootstrap, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "shared.kafka.dlq_admin", *args], env=env, check=True,
                          capture_output=True, text=True).stdout


def test_list_show_and_replay(stack, tenant):
    encounter_id = str(uuid.uuid4())
    payload = EncounterDocumented.model_validate({**encounter_body(), "encounter_id": encounter_id})
    envelope = Envelope[EncounterDocumented](event_type=topics.ENCOUNTER_DOCUMENTED, tenant_id=tenant["tenant_id"],
                                             subject_id=encounter_id, payload=payload)
    # As the consumer leaves it: the original message plus the reason, e.g. a bug since fixed.
    produce(stack.kafka.bootstrap, topics.dlq(topics.ENCOUNTER_DOCUMENTED), [(
        encounter_id.encode(), envelope.model_dump_json().encode(),
        [("dlq.error", b"RuntimeError while handling"), ("dlq.original_topic", topics.ENCOUNTER_DOCUMENTED.encode())])])

    listed = [json.loads(line) for line in dlq_command(stack, "list", "encounter.documented.dlq").splitlines()]
    mine = next(entry for entry in listed if entry["key"] == encounter_id)
    assert mine["error"] == "RuntimeError while handling" and "value" not in mine
    shown = json.loads(dlq_command(stack, "show", "encounter.documented.dlq", str(mine["partition"]), str(mine["offset"])))
    assert encounter_id in shown["value"]
    assert "encounter.documented" in dlq_command(stack, "replay", "encounter.documented.dlq",
                                                 str(mine["partition"]), str(mine["offset"]))

    token = issue_token(stack.secrets["internal_token_secret"], Caller(tenant["tenant_id"], "test"))
    coded = wait_for(lambda: httpx.get(f"{stack.ports.url('coding')}/internal/encounters/{encounter_id}",
                                       headers={HEADER: token}), lambda r: r.status_code == 200, what="the replay")
    assert coded.json()["status"] == "coded"
