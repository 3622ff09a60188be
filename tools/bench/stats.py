"""The benchmark's arithmetic: percentiles, rates and the ratios the result file reports. Pure."""
import math
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency_summary(values_ms: Sequence[float]) -> dict[str, float]:
    return {"n": len(values_ms), "p50_ms": percentile(values_ms, 50), "p95_ms": percentile(values_ms, 95),
            "p99_ms": percentile(values_ms, 99)}


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else math.nan


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator; NaN rather than an exception when a run produced nothing."""
    return numerator / denominator if denominator else math.nan


def pipeline_efficiency(end_to_end_per_s: float, hops_per_encounter: float, raw_kafka_per_s: float) -> float:
    """The share of the raw broker rate the pipeline turns into encounters: each encounter costs
    `hops_per_encounter` produce-to-consume deliveries, so 1.0 would mean the services cost nothing."""
    return ratio(end_to_end_per_s * hops_per_encounter, raw_kafka_per_s)


def sustained_rate(timestamps: Sequence[float], trim: float = 0.1) -> float:
    """Events per second between the `trim` and `1 - trim` quantiles of their times: the steady
    state, without the ramp-up and the drain of a burst."""
    if len(timestamps) < 10:
        return math.nan
    ordered = sorted(timestamps)
    first, last = int(len(ordered) * trim), int(len(ordered) * (1 - trim)) - 1
    return rate(last - first, ordered[last] - ordered[first])
