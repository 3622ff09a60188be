"""One Apache Kafka 4.x broker in KRaft mode, started by deploy/kafka/run_kafka.sh.

Clients log in with SCRAM-SHA-512; `passwords` holds one per principal (services, admin, broker),
given to the script through its environment, never on a command line of ours or in a log. With a
`tls_dir` they connect over SASL_SSL and trust `ca_file`, the CA the script makes there."""
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class LocalKafka:
    def __init__(self, data_dir: Path, port: int, log_path: Path, *, passwords: dict[str, str],
                 tls_dir: Path | None = None):
        self.data_dir = data_dir
        self._passwords = passwords
        self.tls_dir = tls_dir
        self.port = port
        self.controller_port = port + 1
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def ca_file(self) -> Path | None:
        return self.tls_dir / "ca.pem" if self.tls_dir else None

    def start(self, timeout: float = 600) -> str:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [str(ROOT / "deploy" / "kafka" / "run_kafka.sh"), str(self.data_dir), str(self.port), str(self.controller_port)],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env={**os.environ, **self._credentials_env()},
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Kafka exited with {self.process.returncode}: {_tail(self.log_path)}"
                                   f"\n(see {self.log_path})")
            if _port_open(self.port):
                return self.bootstrap
            time.sleep(0.25)
        raise RuntimeError(f"Kafka did not open port {self.port}; see {self.log_path}")

    def _credentials_env(self) -> dict[str, str]:
        users = " ".join(f"{name}={password}" for name, password in self._passwords.items() if name != "broker")
        tls = {"KAFKA_TLS_DIR": str(self.tls_dir)} if self.tls_dir else {}
        return {"KAFKA_BROKER_PASSWORD": self._passwords["broker"], "KAFKA_SCRAM_USERS": users, **tls}

    def stop(self, timeout: float = 30) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def kill(self) -> None:
        """SIGKILL, as a crashed host would: no clean shutdown, the logs recover on the next start."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def restart(self, *, hard: bool = False) -> None:
        self.kill() if hard else self.stop()
        self.start()


def _tail(path: Path, lines: int = 3) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0
