"""`python -m tools.bench_data.report RESULT.json [BEFORE.json]`: the empty-vs-full table of a data run
in Markdown (with a run of the schema before the change beside it when given; for a run timed in rounds,
the rounds' lowest and highest ratio and the order and load of each round), then each read's plans.
`--rework RESULT.json` recomputes its pages and statements from the plans it stores."""
import json
import sys

from pathlib import Path

from tools.bench_data.__main__ import compare
from tools.bench_data.plans import relevant, work
from tools.bench_data.reads import reads


def _ms(figure: dict) -> str:
    return f"{figure['p50_ms']:,.1f} / {figure['p95_ms']:,.1f}"


def _bytes(figure: dict) -> str:
    return f"{figure['bytes']:,}" if "bytes" in figure else "?"


def table(result: dict, before: dict | None = None) -> str:
    head = ("| read | empty p50 / p95 ms | full p50 / p95 ms | full / empty (p50) | rounds: lowest - highest "
            "| bytes empty -> full | pages empty -> full | statements |")
    rule = "| --- | --- | --- | --- | --- | --- | --- | --- |"
    if before:
        head += " before the change: full p50 / p95 ms, full / empty |"
        rule += " --- |"
    lines = [head, rule]
    for name, empty in result["empty"].items():
        ratio = result["ratio"][name]
        work = {size: result.get("work", {}).get(size, {}).get(name, {}) for size in ("empty", "full")}
        row = (f"| {name} | {_ms(empty)} | {_ms(result['full'][name])} | {ratio['p50_ratio']:.2f}"
               + ("" if ratio["within_target"] else " **over**")
               + (f" | {ratio['round_ratio_min']:.2f} - {ratio['round_ratio_max']:.2f}" if "round_ratio_min" in ratio
                  else " | -")
               + f" | {_bytes(empty)} -> {_bytes(result['full'][name])}"
               + f" | {work['empty'].get('pages', '?')} -> {work['full'].get('pages', '?')}"
               f" | {work['full'].get('statements', '?')} |")
        if before and name in before["full"]:
            row += f" {_ms(before['full'][name])}, {before['ratio'][name]['p50_ratio']:.2f} |"
        lines.append(row)
    return "\n".join(lines)


def sizes(result: dict) -> str:
    """How many claims each phase's database held (runs before the nearly empty seed did not record it)."""
    return "\n".join(f"- {phase}: {size['claims']:,} claims, {size['measured_practice_claims']:,} of them the "
                     f"measured practice's" for phase, size in result.get("size", {}).items())


def load(result: dict) -> str:
    """How long each phase waited for the machine to settle and the load average around its measurement
    (runs before they were recorded have neither)."""
    lines = []
    for phase, note in result.get("load", {}).items():
        waited = result.get("settle", {}).get(phase)
        lines.append(f"- {phase}: "
                     + (f"settled {'yes' if waited['settled'] else '**no**'} after {waited['seconds']:.0f} s, "
                        if waited else "")
                     + f"load average {note['before'][0]:.1f} before, {note['after'][0]:.1f} after, "
                     f"{note.get('warmup_rounds', '?')} warm-up rounds"
                     + ("" if note["quiet"] else f" (**not quiet**: {note['warning']})"))
    if result.get("rounds"):
        lines.append("- rounds, in the order timed (1-minute load average before -> after): " + ", ".join(
            _round(slots) for slots in _by_round(result["rounds"])))
    return "\n".join(lines)


def _by_round(slots: list[dict]) -> list[list[dict]]:
    """The slots grouped per round; runs timed whole rounds at a time kept no round number: one slot each."""
    grouped: dict = {}
    for n, slot in enumerate(slots):
        grouped.setdefault(slot.get("round", f"slot {n}"), []).append(slot)
    return list(grouped.values())


def _round(slots: list[dict]) -> str:
    return (f"{' then '.join(slot['database'] for slot in slots)} {slots[0]['load'][0]:.1f} -> "
            f"{slots[-1]['load'][1]:.1f}")


def plans(result: dict) -> str:
    """Each read's own statements on the full database, as auto_explain logged them."""
    ids = (result["measured"]["tenant_id"], result["measured"]["claim_id"])
    out = []
    for read in reads(ids[-1]):
        out.append(f"#### {read.name}\n")
        for plan in result.get("plans", {}).get(read.name, []):
            if relevant(plan, ids, ("all_tenants", "true") in read.params):
                out.append(f"```\n{plan['query'][:400]}\n{plan['plan']}\n```\n")
    return "\n".join(out)


def rework(result: dict) -> dict:
    """Pages and statements per read recomputed from the stored plans with today's filter."""
    ids = (result["measured"]["tenant_id"], result["measured"]["claim_id"])
    result["work"] = {"empty": work(result["plans_empty"], ids), "full": work(result["plans"], ids)}
    result["ratio"] = compare(result["empty"], result["full"], result["work"], result.get("round_ratios"))
    return result


def main(argv: list[str]) -> None:
    if argv[0] == "--rework":
        path = Path(argv[1])
        path.write_text(json.dumps(rework(json.loads(path.read_text())), indent=2, sort_keys=True) + "\n")
        return
    result = json.loads(open(argv[0]).read())
    before = json.loads(open(argv[1]).read()) if len(argv) > 1 else None
    print(sizes(result))
    print(load(result))
    print()
    print(table(result, before))
    print()
    print(plans(result))


if __name__ == "__main__":
    main(sys.argv[1:])
