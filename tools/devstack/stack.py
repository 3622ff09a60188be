"""Start and stop the whole stack. Used by `make run` (tools.devstack run) and by the e2e fixtures."""
import asyncio
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from shared.kafka.admin import ensure_topics
from tools.devstack.kafka import LocalKafka
from tools.devstack.postgres import EmbeddedPostgres
from tools.devstack.topology import PLATFORM_SERVICES, Ports, ProcessSpec, process_specs

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


class Stack:
    def __init__(self, run_dir: Path, ports: Ports, *, environment: str = "development", durable: bool = True):
        self.run_dir = run_dir
        self.ports = ports
        self.environment = environment
        self.log_dir = run_dir / "logs"
        self.secrets = self._load_secrets()
        external_db = os.environ.get("DATABASE_URL")
        self.postgres = None if external_db else EmbeddedPostgres(run_dir / "pgdata", ports.postgres, durable=durable)
        self.database_url = external_db or self.postgres.url  # type: ignore[union-attr]
        self.kafka = LocalKafka(run_dir / "kafka", ports.kafka, self.log_dir / "kafka.log")
        self.processes: dict[str, subprocess.Popen] = {}
        self.specs = {s.name: s for s in process_specs(
            ports, common=self.common_env(), admin_api_key=self.secrets["admin_api_key"],
            payer_sim_state=str(run_dir / "payer_sim.sqlite3"),
        )}

    def _load_secrets(self) -> dict:
        path = self.run_dir / "secrets.json"
        if path.exists():
            return json.loads(path.read_text())
        self.run_dir.mkdir(parents=True, exist_ok=True)
        values = {"admin_api_key": "adm_" + secrets.token_urlsafe(24), "internal_token_secret": secrets.token_urlsafe(40)}
        path.write_text(json.dumps(values))
        path.chmod(0o600)
        return values

    def common_env(self) -> dict[str, str]:
        return {
            "ENVIRONMENT": self.environment,
            "KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{self.ports.kafka}",
            "DATABASE_URL": self.database_url,
            "INTERNAL_TOKEN_SECRET": self.secrets["internal_token_secret"],
            "SPAN_LOG_DIR": str(self.run_dir / "spans"),
            "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO"),
        }

    # -- infrastructure -------------------------------------------------------------------------
    def start_infrastructure(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        if self.postgres:
            self.postgres.start()
        self.kafka.start()
        asyncio.run(ensure_topics(self.kafka.bootstrap))
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
        env = {**os.environ, **spec.env, "PYTHONPATH": str(ROOT)}
        env.pop("DATABASE_URL", None) if name == "payer_sim" else None
        # Keep-alive 30s, not uvicorn's 5s: a client (the gateway's pool, httpx's 5s default expiry) that
        # reuses a connection the server already counts as idle for 5s gets it closed under its request.
        self.processes[name] = subprocess.Popen(
            [PYTHON, "-m", "uvicorn", spec.app, "--host", "127.0.0.1", "--port", str(spec.port),
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

    def wait_healthy(self, name: str, timeout: float = 90) -> None:
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
        process = self.processes.pop(name)
        os.killpg(process.pid, sig)
        process.wait(30)

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
