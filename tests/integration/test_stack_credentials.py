"""The local stack's credentials: generated once per run folder, added to an older one, given to each
process as its own, and an old broker storage without logins refused with what to do."""
import json
import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from tools.devstack import stack as stack_module
from tools.devstack.kafka import LocalKafka
from tools.devstack.topology import KAFKA_PRINCIPALS

pytestmark = pytest.mark.unit  # files and argv only: no Kafka, no Postgres

ROOT = Path(__file__).resolve().parents[2]


def load_secrets(run_dir: Path) -> dict:
    return stack_module.Stack._load_secrets(SimpleNamespace(run_dir=run_dir))


def test_secrets_are_generated_once_and_private(tmp_path):
    first = load_secrets(tmp_path)
    assert set(first["kafka_passwords"]) == set(KAFKA_PRINCIPALS)
    assert len(set(first["kafka_passwords"].values())) == len(KAFKA_PRINCIPALS)
    assert load_secrets(tmp_path) == first
    assert (tmp_path / "secrets.json").stat().st_mode & 0o077 == 0


def test_a_run_folder_from_before_the_logins_keeps_its_secrets_and_gets_the_new_ones(tmp_path):
    (tmp_path / "secrets.json").write_text(json.dumps({"admin_api_key": "adm_old", "internal_token_secret": "x" * 40}))
    secrets = load_secrets(tmp_path)
    assert secrets["admin_api_key"] == "adm_old" and secrets["internal_token_secret"] == "x" * 40
    assert secrets["clearinghouse_callback_key"] and set(secrets["kafka_passwords"]) == set(KAFKA_PRINCIPALS)
    assert json.loads((tmp_path / "secrets.json").read_text()) == secrets


def test_a_process_inherits_no_credential_from_the_shell(tmp_path, monkeypatch):
    captured = {}
    monkeypatch.setattr(stack_module.subprocess, "Popen", lambda argv, **kwargs: captured.update(kwargs))
    for name in stack_module.PRIVATE_ENV:
        monkeypatch.setenv(name, "from-the-shell")
    spec = SimpleNamespace(app="tools.payer_sim.app:app", port=1, factory=False, env={"CLEARINGHOUSE_CALLBACK_KEY": "k"})
    fake = SimpleNamespace(specs={"payer_sim": spec}, log_dir=tmp_path, processes={})
    stack_module.Stack.start_service(fake, "payer_sim")
    env = captured["env"]
    assert env["CLEARINGHOUSE_CALLBACK_KEY"] == "k"
    assert not {name for name in stack_module.PRIVATE_ENV if name in env} - {"CLEARINGHOUSE_CALLBACK_KEY"}


def test_broker_storage_formatted_without_logins_is_refused_with_what_to_do(tmp_path, monkeypatch):
    data_dir = tmp_path / "kafka"
    (data_dir / "logs").mkdir(parents=True)
    (data_dir / "logs" / "meta.properties").write_text("node.id=1\n")
    libs = tmp_path / "libs"
    libs.mkdir()
    (libs / ".complete").touch()
    monkeypatch.setenv("KAFKA_LIBS", str(libs))
    broker = LocalKafka(data_dir, 1, tmp_path / "kafka.log", passwords={name: "pw" for name in KAFKA_PRINCIPALS})
    with pytest.raises(RuntimeError, match="formatted before the broker required SCRAM logins") as refused:
        broker.start(timeout=30)
    assert f"Remove {data_dir}" in str(refused.value)


def test_the_broker_script_wants_its_own_password():
    result = subprocess.run([str(ROOT / "deploy" / "kafka" / "run_kafka.sh"), "/nonexistent", "1", "2"],
                            env={"PATH": os.environ["PATH"], "KAFKA_LIBS_PREINSTALLED": "1", "KAFKA_LIBS": "/nonexistent"},
                            capture_output=True, text=True)
    assert result.returncode != 0 and "KAFKA_BROKER_PASSWORD is required" in result.stderr
