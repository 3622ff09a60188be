"""`python -m tools.chaos`: a seeded fault run on a stack of its own; exits 1 when an invariant fails.

    python -m tools.chaos --encounters 100000 --duration 3600     (make chaos N=... DURATION=...)
    python -m tools.chaos --short                                  (make chaos-short: every fault once)
"""
import argparse
import asyncio
import json
import os
import shutil
import signal
import sys
from datetime import datetime, timezone
from pathlib import Path

import httpx

from tests.e2e.support import create_tenant
from tools.chaos import report
from tools.chaos.run import ChaosRun, Options
from tools.chaos.schedule import FAULT_KINDS
from tools.devstack.stack import ROOT, Stack
from tools.devstack.topology import Ports

SHORT = {"encounters": 300, "rate": 6.0, "settle": 60.0, "delay_window": 12.0}


def parse(argv: list[str]) -> tuple[Options, argparse.Namespace]:
    p = argparse.ArgumentParser(prog="python -m tools.chaos", description=__doc__.splitlines()[0])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--encounters", "-n", type=int, default=100_000)
    p.add_argument("--duration", type=float, default=3600, help="stop the load after this many seconds")
    p.add_argument("--rate", type=float, default=10.0, help="encounters per second")
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--kinds", default=",".join(FAULT_KINDS), help="comma-separated fault kinds")
    p.add_argument("--settle", type=float, default=120.0)
    p.add_argument("--short", action="store_true", help="a few hundred encounters, every fault once")
    p.add_argument("--port-offset", type=int, default=int(os.environ.get("CHAOS_PORT_OFFSET", "13500")))
    p.add_argument("--run-dir", type=Path, default=ROOT / ".run" / "chaos")
    p.add_argument("--results", type=Path, default=report.RESULTS)
    p.add_argument("--no-progress", action="store_true")
    args = p.parse_args(argv)
    values = {"seed": args.seed, "encounters": args.encounters, "duration": args.duration, "rate": args.rate,
              "concurrency": args.concurrency, "kinds": tuple(k for k in args.kinds.split(",") if k),
              "settle": args.settle, "progress": not args.no_progress}
    return Options(**(values | (SHORT if args.short else {}))), args


def fresh_stack(run_dir: Path, port_offset: int) -> Stack:
    """A stack of its own, durable (an immediate Postgres restart must not lose acknowledged commits)."""
    shutil.rmtree(run_dir, ignore_errors=True)
    return Stack(run_dir, Ports.offset(port_offset), environment="test", durable=True)


def tenant_for(stack: Stack) -> dict:
    tenant = create_tenant(stack, "Chaos Practice")
    httpx.put(f"{stack.ports.url('gateway')}/v1/tenants/{tenant['tenant_id']}/rate-limit", timeout=30,
              headers={"Authorization": f"Bearer {stack.secrets['admin_api_key']}"},
              json={"requests_per_second": 100000, "burst": 100000}).raise_for_status()
    return tenant


def _exit_on_sigterm(*_) -> None:
    """SIGTERM unwinds like Ctrl-C, so the stack (processes in sessions of their own) is stopped too."""
    raise SystemExit(143)


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    options, args = parse(argv)
    started_at = datetime.now(timezone.utc)
    print(f"chaos: seed {options.seed}, {options.encounters} encounters, run folder {args.run_dir}", file=sys.stderr)
    stack = fresh_stack(args.run_dir, args.port_offset)
    try:
        stack.start_infrastructure()
        stack.start_services()
        run = ChaosRun(stack, tenant_for(stack), options)
        result = asyncio.run(run.run())
    finally:
        stack.stop()
    outcome = report.build(options, run, result, started_at)
    path = report.write(outcome, args.results)
    headline = {k: outcome[k] for k in ("encounters", "lost", "duplicated", "regressed", "dead_lettered",
                                        "poison_injected", "cash_equals_deposits", "debits_equal_credits",
                                        "ledger_hash_stable_after_replay", "faults", "duration_s", "failures")}
    print(json.dumps(headline, indent=2))
    print(f"written: {path}", file=sys.stderr)
    return 0 if outcome["passed"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
