"""The interleaved comparison's arithmetic, pure: in which order the two databases are timed, how the
samples of every round are pooled, and each round's own ratio with the spread of those ratios.

Two phases timed minutes apart on a shared machine compare the machine's load in those minutes as much
as the databases. Timed in alternating rounds, each database sees the same load over the run: a round
times both, read by read (a read's batch on one database straight after its batch on the other), the
one going first alternating (A B, B A, A B, ...), so a burst of other work falls on both batches of a
read and a load that climbs or falls during the run weighs on both alike; and each round's own
full / empty ratio shows whether the figure is stable or moved with the load."""
import math

from tools.bench.stats import percentile


def order(databases: tuple[str, ...], rounds: int) -> list[str]:
    """The databases to time, slot by slot: every round times each once, the rounds alternating which
    goes first (ABBA for two); a single database is timed `rounds` times."""
    slots = []
    for k in range(rounds):
        slots.extend(databases if k % 2 == 0 else reversed(databases))
    return slots


def per_round(requests: int, rounds: int) -> int:
    """Requests per read in each round: at least `requests` per read and database over the run."""
    return max(1, math.ceil(requests / rounds))


def figures(samples_ms: list[float], size: int | None = None) -> dict:
    """p50 and p95 of a read's samples, with the answer's bytes when known."""
    out = {"n": len(samples_ms), "p50_ms": round(percentile(samples_ms, 50), 2),
           "p95_ms": round(percentile(samples_ms, 95), 2)}
    return out if size is None else {**out, "bytes": size}


def pooled(slots: list[dict]) -> dict[str, dict[str, dict]]:
    """{database: {read: figures over every sample of every round of that database}}."""
    samples: dict[str, dict[str, list[float]]] = {}
    sizes: dict[str, dict[str, int]] = {}
    for slot in slots:
        for name, timed in slot["reads"].items():
            samples.setdefault(slot["database"], {}).setdefault(name, []).extend(timed["samples_ms"])
            sizes.setdefault(slot["database"], {})[name] = timed.get("bytes")
    return {database: {name: figures(values, sizes[database][name]) for name, values in reads.items()}
            for database, reads in samples.items()}


def round_ratios(slots: list[dict], numerator: str = "full", denominator: str = "empty") -> dict[str, list[float]]:
    """{read: [full p50 / empty p50 of round 1, of round 2, ...]}: each round's two slots compared
    with each other only, so each ratio was taken within a minute or so of the machine's load."""
    rounds: list[dict[str, dict]] = []
    for slot in slots:
        if not rounds or slot["database"] in rounds[-1]:
            rounds.append({})
        rounds[-1][slot["database"]] = slot["reads"]
    ratios: dict[str, list[float]] = {}
    for both in rounds:
        if numerator in both and denominator in both:
            for name, timed in both[numerator].items():
                ratios.setdefault(name, []).append(round(timed["p50_ms"] / both[denominator][name]["p50_ms"], 2))
    return ratios


def spread(ratios: list[float]) -> dict:
    """The lowest and highest of the rounds' ratios: a narrow range means the pooled ratio is the
    databases' difference, a wide one that the rounds still moved with something else."""
    return {"round_p50_ratios": ratios, "round_ratio_min": min(ratios), "round_ratio_max": max(ratios)}
