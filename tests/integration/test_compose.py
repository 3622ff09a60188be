"""docker-compose.yml and deploy/k8s describe the same stack as `make run`.

There is no Docker engine or cluster here, so they are checked by parsing, against the sources of
truth: tools/devstack/topology.py (processes, ports, environment names), tools/devstack/stack.py
(the uvicorn command line), deploy/kafka/run_kafka.sh (broker settings) and shared.kafka.admin
(topic partitions).
"""
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from shared.settings import KafkaSettings
from tools.devstack.stack import KAFKA_SECURITY
from tools.devstack.topology import COMMON_ENV, KAFKA_PRINCIPALS, OPERATOR, PLATFORM_SERVICES, Ports, ProcessSpec, process_specs

pytestmark = pytest.mark.unit  # pure parsing: no Docker, no Kafka, no Postgres

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
PORTS = Ports()
SPECS = process_specs(PORTS, common={name: f"<{name}>" for name in COMMON_ENV},
                      admin_api_key="<admin>", payer_sim_state="<state>",
                      kafka_passwords={name: f"<{name}>" for name in KAFKA_PRINCIPALS},
                      clearinghouse_callback_key="<callback key>")
# Topology process -> compose service, k8s Deployment and Service name (DNS names have no "_").
HOSTNAMES = {**{name: name for name in PLATFORM_SERVICES}, "payer_sim": "payer-sim"}
# The only variable compose and k8s may add to a process's environment.
EXTRA_ENV = {"OTEL_EXPORTER_OTLP_ENDPOINT"}
SECRET_ENV = {"INTERNAL_TOKEN_SECRET", "ADMIN_API_KEY", "KAFKA_SASL_PASSWORD", "CLEARINGHOUSE_CALLBACK_KEY"}
REQUIRED_FROM_ENVIRONMENT = re.compile(r"^\$\{(?P<name>[A-Z_]+):\?[^}]*\}$")


def _required_variable(value: str) -> str:
    """The variable a compose value must come from, required: `${NAME:?message}`."""
    match = REQUIRED_FROM_ENVIRONMENT.match(value)
    assert match, f"{value!r} must come from the environment, required"
    return match.group("name")


def _kafka_password_variable(principal: str) -> str:
    return f"KAFKA_{principal.upper()}_PASSWORD"


# -- helpers ----------------------------------------------------------------------------------------
def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def _k8s_topic_partitions() -> int:
    """The partitions the README creates a managed cluster's topics with."""
    return int(re.search(r"kafka-topics\.sh [^`]*--create [^`]*--partitions (\d+)", (K8S / "README.md").read_text())[1])


def _k8s_documents() -> list[dict]:
    return [doc for path in sorted(K8S.glob("*.yaml")) for doc in yaml.safe_load_all(path.read_text()) if doc]


def _make_run_argv(spec: ProcessSpec, tmp_path: Path, monkeypatch) -> list[str]:
    """The argv `make run` starts this process with, captured from Stack.start_service."""
    from tools.devstack import stack

    captured = {}

    class FakePopen:
        def __init__(self, argv, **kwargs):
            captured["argv"] = argv

    monkeypatch.setattr(stack.subprocess, "Popen", FakePopen)

    class FakeStack:
        specs = {spec.name: spec}
        log_dir = tmp_path
        processes: dict = {}

    stack.Stack.start_service(FakeStack(), spec.name)
    argv = captured["argv"]
    assert argv[1:3] == ["-m", "uvicorn"]
    return ["uvicorn", *argv[3:]]


def _uvicorn(argv: list[str]) -> tuple[str, dict[str, str | None]]:
    """(app, {option: value or None}) of a uvicorn command line; order-insensitive."""
    assert argv[0] == "uvicorn", argv
    app, options, rest = None, {}, list(argv[1:])
    while rest:
        token = rest.pop(0)
        if not token.startswith("--"):
            assert app is None, f"two app arguments in {argv}"
            app = token
        elif token in ("--factory", "--no-access-log"):
            options[token] = None
        else:
            options[token] = rest.pop(0)
    return app, options


def _expected_uvicorn(spec, tmp_path, monkeypatch) -> tuple[str, dict]:
    app, options = _uvicorn(_make_run_argv(spec, tmp_path, monkeypatch))
    assert options["--host"] == "127.0.0.1"
    return app, {**options, "--host": "0.0.0.0"}  # containers listen on every interface


def _port_owner(port: int) -> str:
    return next(s.name for s in SPECS if s.port == port)


def _assert_points_at(name: str, local_value: str, deployed_value: str) -> None:
    """A URL at 127.0.0.1:<port of process P> must become <P's hostname>:<same port>, same path."""
    local, deployed = urlsplit(local_value), urlsplit(deployed_value)
    assert deployed.hostname == HOSTNAMES[_port_owner(local.port)], (name, deployed_value)
    assert (deployed.scheme, deployed.port, deployed.path) == (local.scheme, local.port, local.path), name


def _is_local_url(value: str) -> bool:
    return value.startswith("http://127.0.0.1:")


# -- docker-compose ---------------------------------------------------------------------------------
@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_process_is_a_compose_service_with_the_same_command(spec, tmp_path, monkeypatch):
    service = _compose()[HOSTNAMES[spec.name]]
    app, options = _uvicorn(service["command"])
    assert app == spec.app
    assert ("--factory" in options) is spec.factory
    assert options["--port"] == str(spec.port)
    assert (app, options) == _expected_uvicorn(spec, tmp_path, monkeypatch)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_compose_service_has_the_topology_environment(spec):
    environment = _compose()[HOSTNAMES[spec.name]]["environment"]
    assert set(environment) - EXTRA_ENV == set(spec.env), "only OTEL_EXPORTER_OTLP_ENDPOINT may be added"
    for name, value in environment.items():
        value = str(value)
        assert "127.0.0.1" not in value and "localhost" not in value, f"{name} must use compose hostnames"
        if name == "KAFKA_SASL_PASSWORD":
            assert _required_variable(value) == _kafka_password_variable(spec.env["KAFKA_SASL_USERNAME"])
        elif name in SECRET_ENV:
            assert _required_variable(value) == name
        elif name == "KAFKA_SASL_USERNAME":
            assert value == spec.env[name] == spec.name, "each service logs in to Kafka as itself"
        elif _is_local_url(spec.env.get(name, "")):
            _assert_points_at(name, spec.env[name], value)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_compose_service_is_healthchecked_on_its_port(spec):
    test = " ".join(_compose()[HOSTNAMES[spec.name]]["healthcheck"]["test"])
    assert f"127.0.0.1:{spec.port}/health" in test


def test_compose_platform_services_use_compose_kafka_postgres_and_collector():
    services = _compose()
    kafka_env = services["kafka"]["environment"]
    assert kafka_env["KAFKA_ADVERTISED_HOST"] == "kafka"
    collector = yaml.safe_load((ROOT / "deploy" / "otel-collector.yaml").read_text())
    collector_port = collector["receivers"]["otlp"]["protocols"]["http"]["endpoint"].rsplit(":", 1)[1]
    for name in PLATFORM_SERVICES:
        env = services[name]["environment"]
        assert env["KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092"
        assert {key: env[key] for key in KAFKA_SECURITY} == KAFKA_SECURITY
        assert urlsplit(env["DATABASE_URL"]).hostname == "postgres"
        assert env["OTEL_EXPORTER_OTLP_ENDPOINT"] == f"http://otel-collector:{collector_port}"
        assert env["ENVIRONMENT"] == "production"
    assert services["payer-sim"]["environment"].keys().isdisjoint(EXTRA_ENV | {"DATABASE_URL"})


def test_compose_kafka_runs_run_kafka_sh_with_a_login_per_principal_and_the_topic_partitions():
    script = (ROOT / "deploy" / "kafka" / "run_kafka.sh").read_text()
    properties = dict(line.split("=", 1) for line in
                      script.split("<<PROPS\n", 1)[1].split("\nPROPS", 1)[0].splitlines())
    # Auto-creation is off; the broker's default for it is provisioning's own default.
    assert properties["num.partitions"] == "${topic_partitions}" and properties["auto.create.topics.enable"] == "false"
    assert f'topic_partitions="${{KAFKA_TOPIC_PARTITIONS:-{KafkaSettings().kafka_topic_partitions}}}"' in script
    assert properties["allow.everyone.if.no.acl.found"] == "false"
    kafka = _compose()["kafka"]
    assert kafka["image"] == "apache/kafka:4.1.1"
    mount = next(v for v in kafka["volumes"] if v.startswith("./deploy/kafka:")).split(":")[1]
    entrypoint = kafka["entrypoint"]
    assert entrypoint[0] == f"{mount}/run_kafka.sh" and entrypoint[2] == "9092"
    # Data on the volume, not in the image's default /tmp directory.
    assert any(volume.endswith(":" + entrypoint[1]) for volume in kafka["volumes"])
    env = kafka["environment"]
    assert env["KAFKA_LIBS_PREINSTALLED"] == "1"
    assert _required_variable(env["KAFKA_BROKER_PASSWORD"]) == "KAFKA_BROKER_PASSWORD"
    users = dict(re.findall(r"(\w+)=(\$\{[^}]*\})", env["KAFKA_SCRAM_USERS"]))
    assert re.sub(r"(\w+)=(\$\{[^}]*\})", "", env["KAFKA_SCRAM_USERS"]).strip() == "", "name=${PASSWORD} pairs only"
    assert set(users) == set(KAFKA_PRINCIPALS) - {"broker"}
    for principal, value in users.items():
        assert _required_variable(value) == _kafka_password_variable(principal)


def test_compose_one_shot_jobs_create_the_topics_and_migrate_every_service():
    services = _compose()
    init = services["kafka-init"]
    assert init["command"] == ["python", "-m", "shared.kafka.provision"]
    assert init["environment"]["KAFKA_SASL_USERNAME"] == OPERATOR
    assert _required_variable(init["environment"]["KAFKA_SASL_PASSWORD"]) == _kafka_password_variable(OPERATOR)
    assert init["depends_on"]["kafka"]["condition"] == "service_healthy"
    migrate = services["migrate"]
    script = migrate["command"][-1]
    loop = re.search(r"for s in ([\w ]+); do python -m shared\.db\.migrate \$\$s", script)
    assert loop and tuple(loop.group(1).split()) == PLATFORM_SERVICES
    assert "set -e" in script, "a failed migration must fail the job"
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in ("kafka-init", "migrate"):
        assert services[name]["restart"] == "no"
    for name in PLATFORM_SERVICES:
        depends_on = services[name]["depends_on"]
        assert depends_on["kafka-init"]["condition"] == "service_completed_successfully"
        assert depends_on["migrate"]["condition"] == "service_completed_successfully"


def test_compose_dependencies_exist_and_waited_for_services_have_healthchecks():
    services = _compose()
    for name, service in services.items():
        for target, rule in (service.get("depends_on") or {}).items():
            assert target in services, f"{name} depends on unknown {target}"
            if rule["condition"] == "service_healthy":
                assert "healthcheck" in services[target], f"{name} waits for {target}, which has no healthcheck"


def test_compose_builds_one_app_image_and_runs_the_tracing_pipeline():
    services = _compose()
    built = {service["image"] for service in services.values() if "build" in service}
    assert len(built) == 1
    for service in services.values():
        if "build" in service:
            assert service["build"]["dockerfile"] == "deploy/Dockerfile"
    assert "FROM python:3.11-slim" in (ROOT / "deploy" / "Dockerfile").read_text()
    collector = services["otel-collector"]
    assert collector["image"].startswith("otel/opentelemetry-collector-contrib")
    assert any(v.startswith("./deploy/otel-collector.yaml:") for v in collector["volumes"])
    config = yaml.safe_load((ROOT / "deploy" / "otel-collector.yaml").read_text())
    exporters = config["service"]["pipelines"]["traces"]["exporters"]
    assert all(urlsplit("//" + config["exporters"][e]["endpoint"]).hostname in services for e in exporters)
    jaeger = services["jaeger"]
    assert jaeger["image"].startswith("jaegertracing/all-in-one")
    assert jaeger["environment"]["COLLECTOR_OTLP_ENABLED"] == "true"
    assert "16686:16686" in jaeger["ports"]


# -- Kubernetes -------------------------------------------------------------------------------------
def test_k8s_documents_parse():
    files = sorted(K8S.glob("*.yaml"))
    assert {p.name for p in files} >= {"namespace.yaml", "configmap.yaml", "secret.example.yaml",
                                       *(f"{HOSTNAMES[s.name]}.yaml" for s in SPECS)}
    kinds = set()
    for path in files:
        for doc in yaml.safe_load_all(path.read_text()):
            if doc is None:
                continue
            assert {"apiVersion", "kind", "metadata"} <= set(doc), path.name
            assert doc["metadata"]["name"], path.name
            if doc["kind"] != "Namespace":
                assert doc["metadata"]["namespace"] == "billing", path.name
            kinds.add(doc["kind"])
    assert {"Namespace", "ConfigMap", "Secret", "Deployment", "Service", "HorizontalPodAutoscaler"} <= kinds


def _k8s_env_names(container: dict, documents: list[dict]) -> set[str]:
    """Names from envFrom (the referenced ConfigMap/Secret keys) and the env list; refs must resolve."""
    def source(kind: str, name: str) -> dict:
        doc = next((d for d in documents if d["kind"] == kind and d["metadata"]["name"] == name), None)
        assert doc is not None, f"{kind} {name} is not in deploy/k8s"
        return doc.get("data") or doc.get("stringData") or {}

    names = set()
    for ref in container.get("envFrom", []):
        if "configMapRef" in ref:
            names |= set(source("ConfigMap", ref["configMapRef"]["name"]))
        if "secretRef" in ref:
            names |= set(source("Secret", ref["secretRef"]["name"]))
    for entry in container.get("env", []):
        for kind, key in (("ConfigMap", "configMapKeyRef"), ("Secret", "secretKeyRef")):
            ref = entry.get("valueFrom", {}).get(key)
            if ref:
                assert ref["key"] in source(kind, ref["name"]), entry["name"]
        assert entry["name"] not in names, f"{entry['name']} set twice"
        names.add(entry["name"])
    return names


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_process_has_a_k8s_deployment_and_service_matching_the_topology(spec, tmp_path, monkeypatch):
    documents = _k8s_documents()
    name = HOSTNAMES[spec.name]
    deployment = next(d for d in documents if d["kind"] == "Deployment" and d["metadata"]["name"] == name)
    pod = deployment["spec"]["template"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= pod["metadata"]["labels"].items()
    container = pod["spec"]["containers"][0]
    port = container["ports"][0]
    assert port["containerPort"] == spec.port

    assert _uvicorn(container["command"]) == _expected_uvicorn(spec, tmp_path, monkeypatch)
    assert _k8s_env_names(container, documents) - EXTRA_ENV == set(spec.env)
    for entry in container.get("env", []):
        if "value" in entry and _is_local_url(spec.env.get(entry["name"], "")):
            _assert_points_at(entry["name"], spec.env[entry["name"]], entry["value"])

    probe_paths = {"readinessProbe": "/health/ready", "livenessProbe": "/health/live"}
    for probe, path in probe_paths.items():
        check = container[probe]["httpGet"]
        expected = "/health" if spec.name == "payer_sim" else path
        assert check["path"] == expected and check["port"] in (spec.port, port.get("name")), probe
    assert {"cpu", "memory"} <= set(container["resources"]["requests"])
    assert {"cpu", "memory"} <= set(container["resources"]["limits"])

    service = next(d for d in documents if d["kind"] == "Service" and d["metadata"]["name"] == name)
    assert service["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
    service_port = service["spec"]["ports"][0]
    assert service_port["port"] == spec.port  # other pods reach it at http://<name>:<topology port>
    assert service_port["targetPort"] in (spec.port, port.get("name"))


def test_every_k8s_deployment_is_a_topology_process():
    deployments = {d["metadata"]["name"] for d in _k8s_documents() if d["kind"] == "Deployment"}
    assert deployments == {HOSTNAMES[s.name] for s in SPECS}


def test_k8s_configmap_points_platform_services_at_kafka_and_the_collector_without_secrets():
    config = next(d for d in _k8s_documents() if d["kind"] == "ConfigMap")["data"]
    assert config["KAFKA_BOOTSTRAP_SERVERS"] and "127.0.0.1" not in config["KAFKA_BOOTSTRAP_SERVERS"]
    assert urlsplit(config["OTEL_EXPORTER_OTLP_ENDPOINT"]).port == 4318
    assert config["ENVIRONMENT"] == "production"
    assert not SECRET_ENV & set(config) and "DATABASE_URL" not in config
    assert config["KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"  # across the cluster network: TLS too


@pytest.mark.parametrize("name", PLATFORM_SERVICES)
def test_every_k8s_service_logs_in_to_kafka_as_itself_from_a_secret(name):
    deployment = next(d for d in _k8s_documents() if d["kind"] == "Deployment" and d["metadata"]["name"] == name)
    env = {e["name"]: e for e in deployment["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert env["KAFKA_SASL_USERNAME"]["value"] == name
    assert env["KAFKA_SASL_PASSWORD"]["valueFrom"]["secretKeyRef"] == {"name": "kafka-logins", "key": name}


def _cpu_millicores(value) -> int:
    value = str(value)
    return int(value[:-1]) if value.endswith("m") else int(float(value) * 1000)


def test_k8s_consumer_autoscaling_stays_within_the_partitions_and_the_requests_fit_a_2_core_node():
    documents = _k8s_documents()
    deployments = {d["metadata"]["name"]: d for d in documents if d["kind"] == "Deployment"}
    autoscalers = [d for d in documents if d["kind"] == "HorizontalPodAutoscaler"]
    assert autoscalers
    for hpa in autoscalers:
        target = hpa["spec"]["scaleTargetRef"]["name"]
        assert target in deployments and target in PLATFORM_SERVICES and target != "gateway"
        # One consumer group per service: replicas beyond the partitions would sit idle.
        assert hpa["spec"]["maxReplicas"] <= _k8s_topic_partitions()
    requested = sum(
        deployment["spec"]["replicas"] * _cpu_millicores(c["resources"]["requests"]["cpu"])
        for deployment in deployments.values() for c in deployment["spec"]["template"]["spec"]["containers"]
    )
    assert requested <= 1500, f"{requested}m CPU requested: leave room for the kubelet and system pods"


def test_k8s_readme_explains_scaling_consumers():
    text = (K8S / "README.md").read_text()
    for needle in ("consumer group", "partitions", "--alter", "advisory lock", "managed"):
        assert needle in text, needle
    assert f"stops at {_k8s_topic_partitions()}" in text

