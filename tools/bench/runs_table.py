"""docs/BENCHMARKS.md keeps one table row per run; the benchmark appends its own, and the author of
a change fills in what it bought (the last column)."""
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "BENCHMARKS.md"
MARKER = "<!-- make bench appends its row above this line -->"
HEADER = ("| run (UTC) | commit | size | load avg before / after | end to end /s | intake /s | p99 submit ms "
          "| GET direct / gateway /s | errors | CPU ms /enc | raw Kafka msg/s | efficiency | durability tax "
          "| tracing tax | what the change bought |")


def _fmt(value, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def row(result: dict) -> str:
    errors = sum(n for kinds in result["errors"].values() for n in kinds.values())
    load = result["load_average"]
    return " | ".join([
        f"| {result['timestamp']}", result.get("git_commit", ""), "quick" if result["quick"] else "full",
        f"{load['before'][0]:.1f} / {load.get('after', [float('nan')])[0]:.1f}",
        _fmt(result["end_to_end_per_s"]), _fmt(result["gateway_intake_per_s"]), _fmt(result["p99_submit_ms"], 0),
        f"{_fmt(result['get_direct_per_s'])} / {_fmt(result['get_gateway_per_s'])}", str(errors),
        _fmt(result["cpu_ms_per_encounter"]), _fmt(result["raw"]["durable"]["kafka_produce_consume_per_s"], 0),
        _fmt(result["pipeline_efficiency"], 3), _fmt(result["durability_tax"], 2), _fmt(result["tracing_tax"], 2),
        "(to fill) |"])


def append(result: dict, doc: Path = DOC) -> None:
    """Adds the run's row above the marker (the table's end); a doc without the marker is left alone."""
    if not doc.exists() or MARKER not in (text := doc.read_text()):
        return
    doc.write_text(text.replace(MARKER, f"{row(result)}\n{MARKER}"))
