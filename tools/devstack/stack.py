"""Start and stop the whole stack. Used by `make run` (tools.devstack run) and by the e2e fixtures."""
import asyncio
import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from shared.kafka.provision import provision
from shared.settings import KafkaSettings
from tools.devstack.kafka import LocalKafka
from tools.devstack.postgres import EmbeddedPostgres
from tools.devstack.profiled import PROFILE_DIR_ENV
from tools.devstack.topology import KAFKA_PRINCIPALS, OPERATOR, PLATFORM_SERVICES, Ports, ProcessSpec, process_specs

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
# Never inherited from the shell or the test process: each process gets only its own from its spec.
PRIVATE_ENV = ("DATABASE_URL", "INTERNAL_TOKEN_SECRET", "ADMIN_API_KEY", "CLEARINGHOUSE_CALLBACK_KEY",
               "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD")
KAFKA_SECURITY = {"KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT", "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512"}
STOP_GRACE_SECONDS = 25.0  # SIGTERM, then this long to drain, then SIGKILL


class Stack:
    def __init__(self, run_dir: Path, ports: Ports, *, environment: str = "development", durable: bool = True,
                 kafka_tls: bool = False):
        self.run_dir = run_dir
        self.ports = ports
        self.environment = environment
        self.log_dir = run_dir / "logs"
        self.secrets = self._load_secrets()
        external_db = os.environ.get("DATABASE_URL")
        self.postgres = None if external_db else EmbeddedPostgres(run_dir / "pgdata", ports.postgres, durable=durable)
        self.database_url = external_db or self.postgres.url  # type: ignore[union-attr]
        self.kafka = LocalKafka(run_dir / "kafka", ports.kafka, self.log_dir / "kafka.log",
                                passwords=self.secrets["kafka_passwords"],
                                tls_dir=run_dir / "kafka-tls" if kafka_tls else None)
        self.processes: dict[str, subprocess.Popen] = {}
        self.specs = {s.name: s for s in process_specs(
            ports, common=self.common_env(), admin_api_key=self.secrets["admin_api_key"],
            payer_sim_state=str(run_dir / "payer_sim.sqlite3"), kafka_passwords=self.secrets["kafka_passwords"],
            clearinghouse_callback_key=self.secrets["clearinghouse_callback_key"],
        )}

    def _load_secrets(self) -> dict:
        """Generated once per run folder; a folder from before a secret existed gets it added."""
        path = self.run_dir / "secrets.json"
        values = json.loads(path.read_text()) if path.exists() else {}
        before = dict(values, kafka_passwords=dict(values.get("kafka_passwords", {})))
        values.setdefault("admin_api_key", "adm_" + secrets.token_urlsafe(24))
        values.setdefault("internal_token_secret", secrets.token_urlsafe(40))
        values.setdefault("clearinghouse_callback_key", "chk_" + secrets.token_urlsafe(32))
        passwords = values.setdefault("kafka_passwords", {})
        for principal in KAFKA_PRINCIPALS:
            passwords.setdefault(principal, secrets.token_urlsafe(24))
        if values != before:
            self.run_dir.mkdir(parents=True, exist_ok=True)
            path.touch(mode=0o600)
            path.write_text(json.dumps(values))
        return values

    def kafka_security_env(self) -> dict[str, str]:
        """How every process reaches the broker: SCRAM logins, over TLS trusting the stack's CA when it has one."""
        if self.kafka.ca_file is None:
            return KAFKA_SECURITY
        return {**KAFKA_SECURITY, "KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SSL_CAFILE": str(self.kafka.ca_file)}

    def operator_env(self) -> dict[str, str]:
        """What the operator's tools (python -m shared.kafka.dlq_admin, tests) log in to Kafka with."""
        return {"KAFKA_BOOTSTRAP_SERVERS": self.kafka.bootstrap, **self.kafka_security_env(),
                "KAFKA_SASL_USERNAME": OPERATOR, "KAFKA_SASL_PASSWORD": self.secrets["kafka_passwords"][OPERATOR]}

    def operator_kafka(self) -> KafkaSettings:
        return KafkaSettings(**{name.lower(): value for name, value in self.operator_env().items()})

    def _write_operator_env(self) -> None:
        path = self.run_dir / "operator.env"
        path.touch(mode=0o600)
        path.write_text("".join(f"{name}={value}\n" for name, value in self.operator_env().items()))

    def common_env(self) -> dict[str, str]:
        return {
            "ENVIRONMENT": self.environment,
            "KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{self.ports.kafka}",
            **self.kafka_security_env(),
            "DATABASE_URL": self.database_url,
            "INTERNAL_TOKEN_SECRET": self.secrets["internal_token_secret"],
            "SPAN_LOG_DIR": str(self.run_dir / "spans"),
            "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO"),
        }

    # -- infrastructure -------------------------------------------------------------------------
    def start_infrastructure(self) -> None:
        refuse_taken_ports(self.ports, skip_postgres=self.postgres is None)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        if self.postgres:
            self.postgres.start()
        self.kafka.start()
        asyncio.run(provision(self.operator_kafka()))
        self._write_operator_env()
        self.migrate()

    def migrate(self) -> None:
        for service in PLATFORM_SERVICES:
            env = {**os.environ, **self.specs[service].env, "PYTHONPATH": str(ROOT)}
            result = subprocess.run([PYTHON, "-m", "shared.db.migrate", service], env=env, cwd=ROOT,
                                    capture_output=True, text=True)
            if result.returncode != 0:
                raise RuntimeError(f"migrations of {service} failed:\n{result.stderr[-3000:]}")

    # -- services -------------------------------------------------------------------------------
    def start_service(self, name: str) -> None:
        spec = self.specs[name]
        log = open(self.log_dir / f"{name}.log", "ab")
        inherited = {key: value for key, value in os.environ.items() if key not in PRIVATE_ENV}
        env = {**inherited, **spec.env, "PYTHONPATH": str(ROOT)}
        # Keep-alive 30s, not uvicorn's 5s: a client (the gateway's pool, httpx's 5s default expiry) that
        # reuses a connection the server already counts as idle for 5s gets it closed under its request.
        profile_dir = os.environ.get(PROFILE_DIR_ENV)  # attribution runs only: tools/devstack/profiled.py
        profiled = ["-m", "tools.devstack.profiled", f"{profile_dir}/{name}"] if profile_dir else []
        self.processes[name] = subprocess.Popen(
            [PYTHON, *profiled, "-m", "uvicorn", spec.app, "--host", "127.0.0.1", "--port", str(spec.port),
             "--no-access-log", "--timeout-graceful-shutdown", "20", "--timeout-keep-alive", "30", "--lifespan", "on",
             *(["--factory"] if spec.factory else [])],
            env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )

    def start_services(self, names: list[str] | None = None) -> None:
        names = names or list(self.specs)
        for name in names:
            self.start_service(name)
        for name in names:
            self.wait_healthy(name)

    def wait_healthy(self, name: str, timeout: float = 180) -> None:
        spec: ProcessSpec = self.specs[name]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            process = self.processes.get(name)
            if process and process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode}; see {self.log_dir / (name + '.log')}")
            try:
                if httpx.get(f"http://127.0.0.1:{spec.port}/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{name} did not become healthy; see {self.log_dir / (name + '.log')}")

    def kill_service(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Signals the service's process group; one that already exited is only reaped."""
        process = self.processes.pop(name)
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, sig)
        process.wait(30)

    def stop_service(self, name: str, *, grace_seconds: float = STOP_GRACE_SECONDS) -> None:
        """SIGTERM, then SIGKILL after the grace period: a stuck process still goes."""
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(grace_seconds)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def restart_service(self, name: str, *, kill: bool = False, grace_seconds: float = STOP_GRACE_SECONDS) -> None:
        """Gracefully (the supervisor) or with SIGKILL (the fault run), then up again and healthy."""
        self.kill_service(name) if kill else self.stop_service(name, grace_seconds=grace_seconds)
        self.start_service(name)
        self.wait_healthy(name)

    def stop_services(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for name, process in list(self.processes.items()):
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()

    def stop(self) -> None:
        self.stop_services()
        self.kafka.stop()
        if self.postgres:
            self.postgres.stop()

    # -- demo data ------------------------------------------------------------------------------
    def seed_demo_tenant(self) -> dict:
        """Creates the demo tenant once; its key is kept in the run folder so restarts print it again."""
        path = self.run_dir / "demo_tenant.json"
        if path.exists():
            return json.loads(path.read_text())
        body = json.loads((ROOT / "deploy" / "seed" / "demo_tenant.json").read_text())
        response = httpx.post(f"{self.ports.url('gateway')}/v1/tenants", json=body, timeout=30,
                              headers={"Authorization": f"Bearer {self.secrets['admin_api_key']}"})
        response.raise_for_status()
        tenant = response.json()
        path.write_text(json.dumps(tenant))
        path.chmod(0o600)
        return tenant


def port_taken(port: int) -> bool:
    """Whether something already listens on the loopback port (a bind test, as the server would try)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def refuse_taken_ports(ports: Ports, *, skip_postgres: bool = False) -> None:
    """A second stack on the same ports would fail to bind while its health checks reached the first
    stack's processes and passed: refuse to start instead, naming the ports."""
    names = [name for name in ports.__dataclass_fields__ if not (skip_postgres and name == "postgres")]
    taken = [f"{name} {getattr(ports, name)}" for name in names if port_taken(getattr(ports, name))]
    if taken:
        raise RuntimeError(f"ports already in use (another stack?): {', '.join(taken)}; "
                           "stop it or move this one (TEST_PORT_OFFSET, BENCH_PORT_BASE, --port-offset)")


class LivenessTracker:
    """Decides restarts from liveness answers: a process is restarted after `threshold` failing
    answers in a row, counted only once it has been seen alive (a starting process is not failing)."""

    def __init__(self, threshold: int = 3):
        self.threshold = threshold
        self._seen_alive: set[str] = set()
        self._failures: dict[str, int] = {}

    def record(self, name: str, alive: bool | None) -> bool:
        """`alive`: True on 200, False on 503 or no answer, None while the process is starting."""
        if alive:
            self._seen_alive.add(name)
            self._failures[name] = 0
            return False
        if alive is None or name not in self._seen_alive:
            return False
        self._failures[name] = self._failures.get(name, 0) + 1
        return self._failures[name] >= self.threshold

    def forget(self, name: str) -> None:
        """After a restart the new process starts its own count."""
        self._seen_alive.discard(name)
        self._failures.pop(name, None)


class Supervisor:
    """Restarts a service process that exited, or whose liveness endpoint failed several times in a
    row (a dead consumer or relay loop answers 503 there). `make run` calls `tick` in its loop."""

    def __init__(self, stack: Stack, *, probe_every: float = 5.0, threshold: int = 3,
                 grace_seconds: float = STOP_GRACE_SECONDS, log=print):
        self.stack = stack
        self.probe_every = probe_every
        self.grace_seconds = grace_seconds
        self.tracker = LivenessTracker(threshold)
        self._probed = 0.0
        self._log = log

    def tick(self) -> list[str]:
        """Returns the names it restarted."""
        restarted = []
        for name, process in list(self.stack.processes.items()):
            if process.poll() is not None:
                self._restart(name, f"exited ({process.returncode})")
                restarted.append(name)
        if time.monotonic() - self._probed >= self.probe_every:
            self._probed = time.monotonic()
            for name in list(self.stack.processes):
                if self.tracker.record(name, self._alive(name)):
                    self._restart(name, "liveness failing")
                    restarted.append(name)
        return restarted

    def _alive(self, name: str) -> bool | None:
        try:
            response = httpx.get(f"{self.stack.ports.url(name)}/health", timeout=2)
        except httpx.ConnectError:
            return None  # not listening (yet): an exit is caught by poll()
        except httpx.HTTPError:
            return False
        return response.status_code == 200

    def _restart(self, name: str, why: str) -> None:
        self._log(f"{name} {why}; restarting", flush=True)
        self.tracker.forget(name)
        self.stack.restart_service(name, grace_seconds=self.grace_seconds)
