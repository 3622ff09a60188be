"""`make bench-data` (`python -m tools.bench_data --claims N`): what the reads cost as the data grows.

On one durable stack of its own: a tenant registered through the gateway gets a few encounters through
the whole pipeline and a small seed of its own recent claims (at most 1% of N, enough that every list
read fills its pages), and the reads are timed on that nearly empty database (`empty_before_load`, the
figures the runs before kept). Its databases are then copied (tools/bench_data/twin.py says how and why),
the rest of the N claims (with their timelines, remits, ledger rows and denials, over a few thousand tenants
and three years) are loaded by COPY, the measured tenant being the largest, and a second stack is started
on the copy. With both stacks running and idle, the reads are timed in `--rounds` alternating rounds
(empty, full, full, empty, ...): the headline ratio per read is the full database's p50 over the nearly
empty one's, both over every round's samples, with each round's own ratio beside it. Each timing starts
once the machine has settled (a checkpoint, autovacuum done, the CPU idle for a few seconds). Each read's
plans (EXPLAIN ANALYZE, BUFFERS, via auto_explain) are taken on both databases. Writes
bench/results/data-<UTC timestamp>.json.
"""
import argparse
import asyncio
import json
import os
import shutil
import signal
import time
import uuid

import asyncpg

from tools.bench import results
from tools.bench.pipeline import RUN_DIR, bench_ports, open_tenant, wait_posted
from tools.bench.load import post_burst
from tools.bench.stages import database_url
from tools.bench_data import plans, reads, rounds, seed, settle, twin
from tools.bench_data.generator import History
from tools.devstack.stack import Stack

TARGET = 1.2  # every read on the full database within 20% of its figure on the nearly empty one
# The nearly empty database: the measured practice's last four months only, dense enough that the lists
# the run reads are full pages on both databases (the denials queue two pages, the follow-up queue and
# suspense one), so each read compares a page with a page, not an empty answer with a full one. One
# payment in fifty lands in suspense instead of one in 330: the natural rate would take 20,000 claims.
NEARLY_EMPTY = History(days=120, suspense_rate=0.02, label="E")
NEARLY_EMPTY_MAX = 5000  # claims; and never more than 1% of the full database


def nearly_empty_claims(claims: int) -> int:
    return min(NEARLY_EMPTY_MAX, claims // 100)


RUN_FOLDER = RUN_DIR.with_name("bench-data")
TWIN_FOLDER = RUN_DIR.with_name("bench-data-empty")  # the copy of the nearly empty database, served beside


def port_base() -> int:
    return int(os.environ.get("BENCH_PORT_BASE", "18000"))


def bench_stack() -> Stack:
    shutil.rmtree(RUN_FOLDER, ignore_errors=True)
    return Stack(RUN_FOLDER, bench_ports(port_base()), environment="test", durable=True)


async def _a_claim(stack: Stack, tenant_id: str) -> str:
    """A paid claim of the measured tenant that went through the pipeline (it has postings)."""
    conn = await asyncpg.connect(database_url(stack.database_url, "claims"))
    try:
        return str(await conn.fetchval("SELECT id FROM claim WHERE tenant_id = $1::uuid ORDER BY created_at "
                                       "LIMIT 1", tenant_id))
    finally:
        await conn.close()


def compare(empty: dict, full: dict, work: dict | None = None, round_ratios: dict | None = None) -> dict:
    """Full over empty per read: p50 and p95 latency, and the pages its statements touched (the one
    figure a loaded machine cannot move); within the target when the p50 is. With the rounds' own
    ratios, their lowest and highest too."""
    rows = {}
    for name, before in empty.items():
        after = full[name]
        p50, p95 = after["p50_ms"] / before["p50_ms"], after["p95_ms"] / before["p95_ms"]
        rows[name] = {"p50_ratio": round(p50, 2), "p95_ratio": round(p95, 2), "within_target": p50 <= TARGET,
                      "bytes_empty": before.get("bytes"), "bytes_full": after.get("bytes")}
        if work and name in work["empty"] and name in work["full"]:
            rows[name]["pages_empty"] = work["empty"][name]["pages"]
            rows[name]["pages_full"] = work["full"][name]["pages"]
        if round_ratios and name in round_ratios:
            rows[name].update(rounds.spread(round_ratios[name]))
    return rows


def _arguments():
    parser = argparse.ArgumentParser(prog="python -m tools.bench_data")
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--tenants", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--largest-share", type=float, default=0.02,
                        help="the measured tenant's share of the claims (the largest practice)")
    parser.add_argument("--requests", type=int, default=100,
                        help="requests per read and database size (in the rounds: over all of them)")
    parser.add_argument("--rounds", type=int, default=6,
                        help="alternating rounds over both databases (empty, full, full, empty, ...)")
    parser.add_argument("--encounters", type=int, default=30, help="through the pipeline before the seed")
    parser.add_argument("--nearly-empty", type=int, default=None,
                        help="claims of the measured practice seeded before the first phase "
                             f"(default: 1%% of --claims, at most {NEARLY_EMPTY_MAX:,})")
    parser.add_argument("--settle-limit", type=float, default=settle.Quiet().limit_seconds,
                        help="seconds to wait at most, before each phase, for the machine to settle")
    parser.add_argument("--warmup", type=int, default=reads.WARMUP,
                        help="rounds over every read before timing, the same on both databases")
    return parser.parse_args()


def _measure(stack: Stack, args, result: dict, phase: str, tenant: dict, claim_id: str) -> dict:
    """The phase's figures per read, timed once the run's own background work has settled; how long that
    took under result["settle"][phase], the load average around the timing under result["load"][phase]."""
    result.setdefault("settle", {})[phase] = settle.settle([stack.database_url],
                                                             settle.Quiet(limit_seconds=args.settle_limit))
    measured = reads.measure(stack, tenant, claim_id, count=args.requests, warmup=args.warmup, name=phase)
    result.setdefault("load", {})[phase] = measured["load"]
    return measured["reads"]


def _seed(stack: Stack, args, tenant: dict, *, claims: int, tenant_count: int, history: History) -> dict:
    started = time.monotonic()
    seeded = seed.seed(stack.database_url, claims=claims, seed=args.seed, tenant_count=tenant_count,
                       bench_tenant=uuid.UUID(tenant["tenant_id"]), largest_share=args.largest_share, history=history)
    return {**seeded, "seconds": round(time.monotonic() - started, 1)}


def _stop_on_sigterm() -> None:
    """A `timeout` or a kill ends the run through the same path as an error: the stack stopped and the
    phases done so far written."""
    def stop(signum, _frame):
        raise SystemExit(f"stopped by signal {signum}")
    signal.signal(signal.SIGTERM, stop)


def _interleaved(stacks: list[Stack], args, result: dict, tenant: dict, claim_id: str) -> None:
    """Both databases timed in alternating rounds once both stacks have settled: the pooled figures under
    "empty" and "full", every round's under "rounds", the ratios with their spread under "ratio"."""
    full, empty = stacks
    result.setdefault("settle", {})["interleaved"] = settle.settle([full.database_url, empty.database_url],
                                                                   settle.Quiet(limit_seconds=args.settle_limit))
    measured = reads.measure_rounds({"empty": (empty, tenant, claim_id), "full": (full, tenant, claim_id)},
                                    rounds=args.rounds, count=rounds.per_round(args.requests, args.rounds),
                                    warmup=args.warmup)
    result.setdefault("load", {})["interleaved"] = measured["load"]
    result["rounds"] = measured["slots"]
    both = rounds.pooled(measured["slots"])
    result["empty"], result["full"] = both["empty"], both["full"]
    result["round_ratios"] = rounds.round_ratios(measured["slots"])
    result["ratio"] = compare(result["empty"], result["full"], round_ratios=result["round_ratios"])
    result["sequential_ratio"] = compare(result["empty_before_load"], result["full"])


def _run(stacks: list[Stack], args, result: dict, save) -> None:
    """The phases in order; after each, the result file holds every figure taken so far. A stack started
    here is appended to `stacks`, which the caller stops."""
    stack = stacks[0]
    stack.start_infrastructure()
    stack.start_services()
    tenant = open_tenant(stack, "Bench data practice")
    asyncio.run(post_burst(stack.ports.url("gateway"), tenant["api_key"], args.encounters))
    wait_posted(stack, tenant["tenant_id"], args.encounters)
    claim_id = asyncio.run(_a_claim(stack, tenant["tenant_id"]))
    ids = (tenant["tenant_id"], claim_id)
    result["measured"] = {"tenant_id": tenant["tenant_id"], "claim_id": claim_id}
    small = nearly_empty_claims(args.claims) if args.nearly_empty is None else args.nearly_empty
    print(f"[bench-data] seeding {small:,} claims of the measured practice", flush=True)
    result["seeded_empty"] = _seed(stack, args, tenant, claims=small, tenant_count=1, history=NEARLY_EMPTY)
    result["size"] = {"empty": asyncio.run(plans.claim_counts(stack.database_url, tenant["tenant_id"]))}
    save("seeded_empty")
    print(f"[bench-data] nearly empty database: {result['size']['empty']}", flush=True)
    result["empty_before_load"] = _measure(stack, args, result, "empty_before_load", tenant, claim_id)
    save("empty_before_load")
    result["plans_empty"] = plans.capture(stack, tenant, claim_id)
    save("plans_empty")
    started = time.monotonic()
    twin.copy_nearly_empty(stack, TWIN_FOLDER)
    result["copy_seconds"] = round(time.monotonic() - started, 1)
    print(f"[bench-data] nearly empty database copied to {TWIN_FOLDER} in {result['copy_seconds']} s; seeding "
          f"{args.claims - small:,} claims over {args.tenants:,} tenants", flush=True)
    result["seeded"] = _seed(stack, args, tenant, claims=args.claims - small, tenant_count=args.tenants,
                             history=History())
    result["size"]["full"] = asyncio.run(plans.claim_counts(stack.database_url, tenant["tenant_id"]))
    save("seeded")
    print(f"[bench-data] seeded in {result['seeded']['seconds']:.0f}s; full database: {result['size']['full']}; "
          "starting the nearly empty copy's stack beside it", flush=True)
    empty = twin.twin_stack(TWIN_FOLDER, port_base())
    stacks.append(empty)
    empty.start_infrastructure()
    empty.start_services()
    result["size"]["empty_copy"] = asyncio.run(plans.claim_counts(empty.database_url, tenant["tenant_id"]))
    _interleaved(stacks, args, result, tenant, claim_id)
    result["sizes_mb"] = asyncio.run(plans.table_sizes(stack.database_url))
    save("interleaved")
    empty.stop()
    print("[bench-data] plans on the full database", flush=True)
    result["plans"] = plans.capture(stack, tenant, claim_id)
    result["work"] = {"empty": plans.work(result["plans_empty"], ids), "full": plans.work(result["plans"], ids)}
    result["ratio"] = compare(result["empty"], result["full"], result["work"], result["round_ratios"])
    save("plans")


def main() -> None:
    args = _arguments()
    os.environ.pop("KAFKA_ACKS", None)
    result = {"timestamp": results.stamp(), "durable": True, **results.machine(), "target_ratio": TARGET,
              "claims": args.claims, "tenants": args.tenants, "seed": args.seed, "largest_share": args.largest_share,
              "rounds_per_database": args.rounds, "phases_done": []}
    name = f"data-{result['timestamp']}"

    def save(phase: str) -> None:
        result["phases_done"].append(phase)
        result["load_average_after"] = list(os.getloadavg())
        print(f"[bench-data] {phase} written: {results.write(result, name=name)}", flush=True)

    _stop_on_sigterm()
    stacks = [bench_stack()]
    try:
        _run(stacks, args, result, save)
    except BaseException as exc:
        result["stopped"] = f"{type(exc).__name__}: {str(exc)[:500]}"
        raise
    finally:
        for stack in reversed(stacks):
            stack.stop()
        path = results.write(result, name=name)
    print(json.dumps({"seeded": result.get("seeded"), "ratio": result.get("ratio")}, indent=2))
    print(f"written: {path}")


if __name__ == "__main__":
    main()
