"""What the in-process cost tools share: an embedded Postgres of their own, its CPU, one ASGI call."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]


def start_postgres(run_dir: Path, port: int, services: tuple[str, ...]):
    """A fresh durable Postgres in `run_dir` with the services' databases migrated; DATABASE_URL names it."""
    from tools.devstack.postgres import EmbeddedPostgres

    postgres = EmbeddedPostgres(run_dir / "pgdata", port, durable=True)
    postgres.stop()
    shutil.rmtree(run_dir, ignore_errors=True)  # a fresh database: every run starts from the same state
    postgres.start()
    env = {**os.environ, "DATABASE_URL": postgres.url, "PYTHONPATH": str(ROOT)}
    for service in services:
        subprocess.run([sys.executable, "-m", "shared.db.migrate", service], env=env, cwd=ROOT, check=True)
    os.environ["DATABASE_URL"] = postgres.url
    return postgres


def postgres_cpu(run_dir: Path) -> float:
    """CPU seconds of the server in `run_dir`: the postmaster, its live and its ended backends."""
    with open(run_dir / "pgdata" / "postmaster.pid") as pid_file:
        server = psutil.Process(int(pid_file.readline()))
    return tree_cpu(server)


def tree_cpu(process: psutil.Process) -> float:
    own = process.cpu_times()
    return own.user + own.system + own.children_user + own.children_system + sum(
        sum(child.cpu_times()[:2]) for child in process.children(recursive=True))


async def asgi_request(app, method: str, path: str, headers: list[tuple[bytes, bytes]], body: bytes = b""
                       ) -> tuple[int, bytes]:
    """One request as an ASGI call, no HTTP server or client: the answer's status and body."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"",
             "headers": [(b"host", b"cost"), *headers], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
             "state": {}}
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    status, answer = 0, []

    async def receive():
        return messages.pop() if messages else {"type": "http.disconnect"}

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            answer.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(answer)


def run_against_postgres(run_dir: Path, port_offset: int, services: tuple[str, ...], measure, args) -> None:
    """Starts the tool's Postgres (port BENCH_PORT_BASE + `port_offset`), prints each row `measure(args)`
    returns, and stops it."""
    import asyncio

    args.port = int(os.environ.get("BENCH_PORT_BASE", "18000")) + port_offset
    postgres = start_postgres(run_dir, args.port, services)
    try:
        for row in asyncio.run(measure(args)):
            print(row, flush=True)
    finally:
        postgres.stop()
