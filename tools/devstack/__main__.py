"""`python -m tools.devstack run|stop`: the local stack behind `make run` and `make stop`."""
import os
import signal
import sys
import time
from pathlib import Path

from tools.devstack.stack import ROOT, Stack, Supervisor
from tools.devstack.topology import Ports

RUN_DIR = Path(os.environ.get("RUN_DIR", ROOT / ".run" / "dev"))
PID_FILE = RUN_DIR / "devstack.pid"


def run() -> None:
    started = time.monotonic()
    stack = Stack(RUN_DIR, Ports(), kafka_tls=os.environ.get("KAFKA_TLS") == "1")
    stopping = False

    def _stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    PID_FILE.parent.mkdir(parents=True, exist_ok=True)
    PID_FILE.write_text(str(os.getpid()))
    try:
        print("starting Postgres and Kafka...", flush=True)
        stack.start_infrastructure()
        print("starting services...", flush=True)
        stack.start_services()
        tenant = stack.seed_demo_tenant()
        print(
            f"\nbilling platform is up in {time.monotonic() - started:.1f}s\n"
            f"  gateway:        {stack.ports.url('gateway')}  (OpenAPI: {stack.ports.url('gateway')}/docs)\n"
            f"  demo tenant:    {tenant['tenant_id']}\n"
            f"  demo API key:   {tenant['api_key']}\n"
            f"  admin key:      {stack.secrets['admin_api_key']}\n"
            f"  logs:           {stack.log_dir}\n"
            "Ctrl-C or `make stop` stops everything; data stays in .run/dev.\n",
            flush=True,
        )
        supervisor = Supervisor(stack)
        while not stopping:
            supervisor.tick()
            time.sleep(0.5)
    finally:
        print("stopping...", flush=True)
        stack.stop()
        PID_FILE.unlink(missing_ok=True)
        print("stopped.", flush=True)


def stop() -> None:
    if not PID_FILE.exists():
        print("not running")
        return
    pid = int(PID_FILE.read_text())
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        PID_FILE.unlink(missing_ok=True)
        print("not running")
        return
    while PID_FILE.exists():
        time.sleep(0.2)
    print("stopped")


if __name__ == "__main__":
    {"run": run, "stop": stop}[sys.argv[1] if len(sys.argv) > 1 else "run"]()
