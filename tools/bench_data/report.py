"""`python -m tools.bench_data.report RESULT.json [BEFORE.json]`: the empty-vs-full table of a data run
in Markdown (with a run of the schema before the change beside it when given), then each read's plans."""
import json
import sys


def _ms(figure: dict) -> str:
    return f"{figure['p50_ms']:,.1f} / {figure['p95_ms']:,.1f}"


def table(result: dict, before: dict | None = None) -> str:
    head = "| read | empty p50 / p95 ms | full p50 / p95 ms | full / empty (p50) |"
    rule = "| --- | --- | --- | --- |"
    if before:
        head += " before the change: full p50 / p95 ms, full / empty |"
        rule += " --- |"
    lines = [head, rule]
    for name, empty in result["empty"].items():
        ratio = result["ratio"][name]
        row = f"| {name} | {_ms(empty)} | {_ms(result['full'][name])} | {ratio['p50_ratio']:.2f}" + (
            "" if ratio["within_target"] else " **over**") + " |"
        if before and name in before["full"]:
            row += f" {_ms(before['full'][name])}, {before['ratio'][name]['p50_ratio']:.2f} |"
        lines.append(row)
    return "\n".join(lines)


def plans(result: dict) -> str:
    out = []
    for name, found in result.get("plans", {}).items():
        out.append(f"#### {name}\n")
        for plan in found:
            out.append(f"```\n{plan['query'][:400]}\n{plan['plan']}\n```\n")
    return "\n".join(out)


def main(argv: list[str]) -> None:
    result = json.loads(open(argv[0]).read())
    before = json.loads(open(argv[1]).read()) if len(argv) > 1 else None
    print(table(result, before))
    print()
    print(plans(result))


if __name__ == "__main__":
    main(sys.argv[1:])
