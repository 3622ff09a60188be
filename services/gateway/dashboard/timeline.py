"""A trace as a timeline across services, from the span files every service writes (SPAN_LOG_DIR).

Search by any id the spans carry (encounter, claim, event): the traces holding it, plus the traces
linked to them (a remittance's trace links to its claim's), laid out in start order. Pure functions
over span records; `read_timeline` is the only one that touches files.
"""
from collections.abc import Iterable
from pathlib import Path

import orjson

MAX_SPANS = 600
SHOWN_ATTRIBUTES = ("messaging.destination.name", "messaging.consumer.group.name", "messaging.kafka.partition",
                    "messaging.kafka.offset", "http.route", "http.request.method", "http.response.status_code",
                    "db.operation.name", "db.operations", "error.type", "server.address", "url.template", "x12.isa13",
                    "x12.claims")
STATE_ATTRIBUTES = ("billing.coding_status", "billing.claim_status")


def _records(lines: Iterable[bytes], wanted) -> list[dict]:
    found = []
    for line in lines:
        if wanted(line):
            try:
                found.append(orjson.loads(line))
            except orjson.JSONDecodeError:
                continue  # a line cut short by a crash
    return found


def trace_ids_for(lines: Iterable[bytes], needle: str) -> set[str]:
    """Traces whose spans carry the id in an attribute."""
    token = needle.encode()
    return {r["trace_id"] for r in _records(lines, lambda line: token in line)
            if any(needle == str(v) for v in (r.get("attributes") or {}).values())}


def spans_of(lines: Iterable[bytes], trace_ids: set[str]) -> list[dict]:
    """Spans of the traces, and spans of other traces that link to them."""
    tokens = [t.encode() for t in trace_ids]
    return [r for r in _records(lines, lambda line: any(t in line for t in tokens))
            if r["trace_id"] in trace_ids or set(r.get("links") or ()) & trace_ids]


def assemble(spans: list[dict]) -> list[dict]:
    """Start-ordered rows with offsets in milliseconds from the first span, and nesting depth."""
    spans = sorted(spans, key=lambda s: s["start_ns"])[:MAX_SPANS]
    if not spans:
        return []
    origin = spans[0]["start_ns"]
    by_id = {s["span_id"]: s for s in spans}

    def depth(span: dict) -> int:
        level, parent = 0, span.get("parent_id")
        while parent in by_id and level < 50:
            level, parent = level + 1, by_id[parent].get("parent_id")
        return level

    return [{
        "trace_id": s["trace_id"], "span_id": s["span_id"], "parent_id": s.get("parent_id"),
        "service": s.get("service"), "name": s["name"], "kind": s.get("kind"), "status": s.get("status"),
        "start_ms": round((s["start_ns"] - origin) / 1e6, 3),
        "duration_ms": round(((s.get("end_ns") or s["start_ns"]) - s["start_ns"]) / 1e6, 3),
        "depth": depth(s), "links": s.get("links") or [],
        "attributes": {k: v for k, v in (s.get("attributes") or {}).items()
                       if k.startswith("billing.") or k in SHOWN_ATTRIBUTES},
    } for s in spans]


def where_and_why(rows: list[dict]) -> dict | None:
    """The last step that decided the subject's state: which service, which status, which edits."""
    deciding = [r for r in rows if any(k in r["attributes"] for k in STATE_ATTRIBUTES)]
    if not deciding:
        return None
    last = max(deciding, key=lambda r: r["start_ms"] + r["duration_ms"])
    status = next(last["attributes"][k] for k in STATE_ATTRIBUTES if k in last["attributes"])
    return {"service": last["service"], "span": last["name"], "span_id": last["span_id"], "status": status,
            "edits": list(last["attributes"].get("billing.edits") or [])}


def _lines(directory: Path) -> Iterable[bytes]:
    for path in sorted(directory.glob("*.spans.jsonl")):
        with open(path, "rb") as spans:
            yield from spans


def read_timeline(directory: str | None, needle: str) -> dict:
    if not directory or not Path(directory).is_dir():
        return {"query": needle, "traces": [], "spans": [], "where": None}
    folder = Path(directory)
    traces = trace_ids_for(_lines(folder), needle)
    if traces:  # follow span links once, both ways: a remittance's trace joins its claim's
        first = spans_of(_lines(folder), traces)
        traces |= {r["trace_id"] for r in first} | {t for r in first for t in r.get("links") or ()}
    rows = assemble(spans_of(_lines(folder), traces)) if traces else []
    return {"query": needle, "traces": sorted(traces), "spans": rows, "where": where_and_why(rows)}
