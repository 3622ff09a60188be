"""docker-compose.yml and deploy/k8s describe the same stack as `make run` (no Docker engine here,
so they are checked by parsing): processes, ports, commands, environment names, topic settings."""
from pathlib import Path

import pytest
import yaml

from shared.kafka.admin import TOPIC_PARTITIONS
from tools.devstack.topology import COMMON_ENV, Ports, process_specs

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parents[2]
COMPOSE_EXTRA_ENV = {"OTEL_EXPORTER_OTLP_ENDPOINT"}
SPECS = process_specs(Ports(), common={k: "x" for k in COMMON_ENV}, admin_api_key="x", payer_sim_state="x")


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def _expected_command(spec) -> list[str]:
    return ["uvicorn", spec.app, *(["--factory"] if spec.factory else []), "--host", "0.0.0.0", "--port", str(spec.port)]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_process_is_a_compose_service_with_the_same_command_and_environment(spec):
    service = _compose()[spec.name.replace("_", "-")]
    assert service["command"] == _expected_command(spec)
    assert set(service["environment"]) - COMPOSE_EXTRA_ENV == set(spec.env)


def test_compose_points_services_at_its_own_kafka_and_topic_settings():
    services = _compose()
    assert services["coding"]["environment"]["KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092"
    assert int(services["kafka"]["environment"]["KAFKA_NUM_PARTITIONS"]) == TOPIC_PARTITIONS
    assert services["kafka"]["environment"]["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    assert services["kafka-init"]["command"][-3:] == ["-m", "shared.kafka.admin", "kafka:9092"]
    for name in ("otel-collector", "jaeger", "postgres"):
        assert name in services


def _k8s_documents() -> list[dict]:
    return [doc for path in sorted((ROOT / "deploy" / "k8s").glob("*.yaml"))
            for doc in yaml.safe_load_all(path.read_text()) if doc]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_process_has_a_k8s_deployment_with_the_same_port_and_environment(spec):
    documents = _k8s_documents()
    config = next(d for d in documents if d["kind"] == "ConfigMap")["data"]
    secret = next(d for d in documents if d["kind"] == "Secret" and d["metadata"]["name"] == "platform-secrets")["stringData"]
    deployment = next(d for d in documents if d["kind"] == "Deployment"
                      and d["metadata"]["name"] == spec.name.replace("_", "-"))
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    assert container["ports"][0]["containerPort"] == spec.port
    assert container["args"] == _expected_command(spec)
    names = {e["name"] for e in container.get("env", [])}
    if container.get("envFrom"):
        names |= set(config) | set(secret)
    assert names - COMPOSE_EXTRA_ENV == set(spec.env)
