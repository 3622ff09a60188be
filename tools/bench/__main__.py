"""`make bench` (`python -m tools.bench [--quick]`): raw Kafka and Postgres baselines, the pipeline
end to end and per stage on a durable stack, latency under a paced load, GET through the gateway vs
direct, and the durability and tracing taxes; writes bench/results/<timestamp>.json and .png."""
import argparse
import asyncio
import json
import os
import time

from tools.bench import baselines, chart, domain, gateway, pipeline, results, runs_table
from tools.bench.pipeline import environment
from tools.bench.stats import pipeline_efficiency, ratio

SIZES = {  # encounters to warm up and per burst, seconds of paced load, GETs per path, raw messages and rows
    False: {"warmup": 300, "burst": 1000, "paced_seconds": 60, "gets": 2000, "kafka": 20000, "rows": 20000},
    True: {"warmup": 50, "burst": 250, "paced_seconds": 20, "gets": 600, "kafka": 5000, "rows": 5000},
}


_STARTED = time.monotonic()
PHASES: list[dict] = []  # when each phase began and the machine's load then, kept in the result file


def phase(name: str) -> None:
    """One line per phase, so a long run shows where it is and how loaded the machine is."""
    load = os.getloadavg()
    PHASES.append({"phase": name, "at_s": round(time.monotonic() - _STARTED, 1), "load_average": list(load)})
    print(f"[bench {time.monotonic() - _STARTED:5.0f}s, load {', '.join(f'{x:.1f}' for x in load)}] {name}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench")
    parser.add_argument("--quick", action="store_true", help="smaller sizes: about 2 minutes")
    parser.add_argument("--skip-domain", action="store_true", help="leave out the in-process domain rates")
    args = parser.parse_args()
    os.environ.pop("KAFKA_ACKS", None)  # the durable default, whatever the calling shell says
    result = {"timestamp": results.stamp(), "quick": args.quick, "durable": True, **results.machine()}
    result["load_average"] = {"before": result.pop("load_average")}
    if not args.skip_domain:
        phase("domain, in process")
        result["domain"] = domain.measure()
    phase("starting the durable stack")
    stack = pipeline.bench_stack()
    try:
        stack.start_infrastructure()
        stack.start_services()
        result |= measure_stack(stack, SIZES[args.quick])
    finally:
        stack.stop()
    result["load_average"]["after"] = list(os.getloadavg())
    result["load_average"]["phases"] = PHASES
    path = results.write(result)
    chart.draw(result, path.with_suffix(".png"))
    runs_table.append(result)
    report(result, path)


def measure_stack(stack, sizes: dict) -> dict:
    """The phases, in an order that restarts each process as few times as possible."""
    phase(f"warm-up ({sizes['warmup']} encounters), then a durable burst of {sizes['burst']}")
    durable = warmed_burst(stack, sizes, "durable")
    phase(f"paced load at {durable['end_to_end_per_s'] / 2:.1f}/s for {sizes['paced_seconds']}s")
    latency = pipeline.paced(stack, durable["end_to_end_per_s"] / 2, sizes["paced_seconds"])
    phase(f"GET claim at c=200, {sizes['gets']} direct and {sizes['gets']} through the gateway")
    gets = gateway.measure(stack, sizes["gets"])
    size = pipeline.envelope_bytes(stack)
    phase("untraced burst")
    pipeline.restart(stack, OTEL_SDK_DISABLED="true")
    untraced = warmed_burst(stack, sizes, "untraced")
    phase("raw baselines, durable")
    stack.stop_services()
    raw = asyncio.run(baselines.measure(stack.operator_kafka(), stack.database_url, size=size,
                                        kafka_count=sizes["kafka"], row_count=sizes["rows"]))
    phase("relaxed burst (fsync, synchronous_commit off; acks=1; untraced like the burst before it)")
    pipeline.restart(stack, durable=False, KAFKA_ACKS="1", OTEL_SDK_DISABLED="true")
    relaxed = warmed_burst(stack, sizes, "relaxed")
    phase("raw baselines, relaxed")
    stack.stop_services()
    with environment(KAFKA_ACKS="1"):
        raw_relaxed = asyncio.run(baselines.measure(stack.operator_kafka(), stack.database_url, size=size,
                                                    kafka_count=sizes["kafka"], row_count=sizes["rows"]))
    return assemble(durable, latency, gets, untraced, relaxed, raw, raw_relaxed)


def warmed_burst(stack, sizes: dict, label: str) -> dict:
    """A burst after a warm-up of its own: every burst follows a (re)start, and the first encounters
    after one pay the broker's JIT and the services' first statements, which would tax whichever burst
    came first (the traced one) and make the durability and tracing ratios measure the warm-up."""
    pipeline.burst(stack, sizes["warmup"], label=f"{label} warm-up")
    return pipeline.burst(stack, sizes["burst"], label=label)


def assemble(durable: dict, latency: dict, gets: dict, untraced: dict, relaxed: dict, raw: dict,
             raw_relaxed: dict) -> dict:
    hops = durable["kafka_hops"]["total"]
    return {
        "end_to_end_per_s": durable["end_to_end_per_s"],
        "gateway_intake_per_s": durable["gateway_intake_per_s"],
        "kafka_hops_per_encounter": hops,
        "pipeline_efficiency": pipeline_efficiency(durable["end_to_end_per_s"], hops,
                                                   raw["kafka_produce_consume_per_s"]),
        "get_direct_per_s": gets["get_direct_per_s"],
        "get_gateway_per_s": gets["get_gateway_per_s"],
        "errors": gets["errors"],
        "p99_submit_ms": latency["latency"]["encounter->submitted"]["p99_ms"],
        "cpu_ms_per_encounter": durable["cpu_ms_per_encounter"],
        # Each tax compares two bursts that ran one after the other and differ in one setting only.
        # As shares of the cheaper setting's rate: durable / relaxed and traced / untraced (1.0 = free).
        "durability_tax": ratio(untraced["end_to_end_per_s"], relaxed["end_to_end_per_s"]),
        "tracing_tax": ratio(durable["end_to_end_per_s"], untraced["end_to_end_per_s"]),
        "raw": {"durable": raw, "relaxed": raw_relaxed,
                "relaxed_over_durable": {k: ratio(raw_relaxed[k], v) for k, v in raw.items() if k != "message_bytes"}},
        "stages": {"durable": durable, "untraced": untraced, "relaxed": relaxed},
        "latency": latency,
        "get": gets,
        "processes": {"cpu_ms_per_encounter": durable["cpu_ms_per_encounter_by_process"],
                      "rss_mb": durable["rss_mb_by_process"]},
    }


def report(result: dict, path) -> None:
    headline = {k: result[k] for k in results.REQUIRED if k not in ("raw", "stages", "latency", "processes")}
    print(json.dumps(headline, indent=2, default=str))
    print(f"written: {path} and {path.with_suffix('.png')}; a row added to docs/BENCHMARKS.md")


if __name__ == "__main__":
    main()
