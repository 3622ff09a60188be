"""bench/results/<timestamp>.png: every targeted figure as a share of its target, on one log axis."""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from tools.bench.results import TARGETS, score  # noqa: E402


def draw(result: dict, path: Path) -> Path:
    shares = score(result)
    names = list(shares)
    fig, ax = plt.subplots(figsize=(9, 0.55 * len(names) + 1.6))
    colors = ["#2e7d32" if shares[n] >= 1 else "#c62828" for n in names]
    ax.barh(names, [shares[n] for n in names], color=colors)
    ax.axvline(1.0, color="black", linewidth=1)
    ax.set_xscale("log")
    ax.invert_yaxis()
    for i, name in enumerate(names):
        target, higher = TARGETS[name]
        ax.text(shares[name], i, f"  {result[name]:,.4g} (target {'>=' if higher else '<='} {target:,.4g})",
                va="center", fontsize=8)
    load = ", ".join(f"{x:.2f}" for x in result["load_average"]["before"])
    errors = sum(n for kinds in result["errors"].values() for n in kinds.values())
    ax.set_xlim(right=max(3.0, 3 * max(shares.values(), default=1.0)))
    ax.set_title(f"bench {result['timestamp']}  durable={result['durable']}  GET errors: {errors} (target 0)"
                 f"\nload average before: {load}", fontsize=9)
    ax.set_xlabel("share of target (1 = met; lower figures are better for CPU ms and p99, so inverted)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
