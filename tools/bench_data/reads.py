"""The reads a billing office makes all day, each timed one request at a time (no queueing in the
figure): a claim through the gateway, the filtered lists and their second pages, the work queues, the
reports and the dashboard's figures, at the service that owns them.

Both databases are measured alike: every read is first made `WARMUP` times over, round robin, so every
service's connection pool, prepared statements and pages are warm before the first timed request, and
the machine's load average is taken before and after, since latencies taken on a loaded machine measure
the load (the pages a read touches do not move with it). Two databases side by side are timed in
alternating rounds (`measure_rounds`, tools/bench_data/rounds.py), both warmed before the first."""
import os
import time
from dataclasses import dataclass

import httpx

from shared.http.reports import OPS_SCOPE
from shared.internal_auth import HEADER, Caller, issue_token
from tools.bench_data.rounds import figures, order, pooled


@dataclass(frozen=True)
class Read:
    name: str
    service: str  # the process answering: gateway or the owning service
    path: str
    params: tuple = ()
    next_page: bool = False  # ask for the page after the first: the cursor is what is measured


def reads(claim_id: str) -> list[Read]:
    return [
        Read("claim by id (gateway)", "gateway", f"/v1/claims/{claim_id}"),
        Read("claims, newest first", "claims", "/internal/claims"),
        Read("claims by status", "claims", "/internal/claims", (("status", "paid"),)),
        Read("claims by status, next page", "claims", "/internal/claims", (("status", "paid"),), next_page=True),
        Read("claims by payer", "claims", "/internal/claims", (("payer_id", "AETNA"),)),
        Read("claims by payer, next page", "claims", "/internal/claims", (("payer_id", "AETNA"),), next_page=True),
        Read("denials queue (open)", "denials", "/internal/denials", (("status", "open"),)),
        Read("denials queue, next page", "denials", "/internal/denials", (("status", "open"),), next_page=True),
        Read("follow-up queue", "claims", "/internal/follow-up"),
        Read("suspense (open)", "payments", "/internal/suspense"),
        Read("A/R aging", "payments", "/internal/reports/ar-aging"),
        Read("A/R KPIs", "payments", "/internal/reports/ar-kpis"),
        Read("denial analytics", "denials", "/internal/denials/analytics"),
        Read("dashboard: claims figures", "claims", "/internal/reports/claims"),
        Read("dashboard: payments figures", "payments", "/internal/reports/payments"),
        Read("dashboard: denials figures", "denials", "/internal/reports/denials"),
        Read("ops dashboard: claims, all tenants", "claims", "/internal/reports/claims", (("all_tenants", "true"),)),
        Read("ops dashboard: payments, all tenants", "payments", "/internal/reports/payments",
             (("all_tenants", "true"),)),
        Read("ops dashboard: denials, all tenants", "denials", "/internal/reports/denials",
             (("all_tenants", "true"),)),
    ]


WARMUP = 10  # rounds over every read before any is timed, in every phase
QUIET_LOAD_PER_CORE = 1.0  # a 1-minute load average above this per core makes the latencies noise


def load_note(before: tuple[float, ...], after: tuple[float, ...], cores: int) -> dict:
    """The load average around a phase's measurement, whether the machine was quiet, and why not."""
    worst = max(before[0], after[0])
    note = {"before": [round(x, 2) for x in before], "after": [round(x, 2) for x in after],
            "quiet": worst <= QUIET_LOAD_PER_CORE * cores}
    if not note["quiet"]:
        note["warning"] = (f"load average {worst:.1f} on {cores} cores: this phase's latencies measure the "
                           f"machine's load, read its pages instead")
    return note


class Reader:
    """Clients for the gateway (the tenant's API key) and the services (an internal token with ops scope)."""

    def __init__(self, stack, tenant: dict):
        token = issue_token(stack.secrets["internal_token_secret"],
                            Caller(tenant["tenant_id"], tenant["key_id"], (OPS_SCOPE,)), ttl_seconds=6 * 3600)
        self.clients = {
            name: httpx.Client(base_url=stack.ports.url(name), timeout=120,
                               headers={"Authorization": f"Bearer {tenant['api_key']}"} if name == "gateway"
                               else {HEADER: token})
            for name in ("gateway", "claims", "payments", "denials")}

    def close(self) -> None:
        for client in self.clients.values():
            client.close()

    def params(self, read: Read) -> dict:
        """The read's query; for a next page, the cursor of the first page (asked once, not timed)."""
        params = dict(read.params)
        if read.next_page:
            first = self.clients[read.service].get(read.path, params=params)
            first.raise_for_status()
            cursor = first.json().get("next_cursor")
            if cursor is None:
                return {**params, "cursor": "none"}  # one page only: measured as the first page again
            params["cursor"] = cursor
        return params

    def get(self, read: Read, params: dict) -> httpx.Response:
        params = {k: v for k, v in params.items() if not (k == "cursor" and v == "none")}
        response = self.clients[read.service].get(read.path, params=params)
        if response.status_code != 200:
            raise RuntimeError(f"{read.name}: {response.status_code} {response.text[:300]}")
        return response

    def time(self, read: Read, params: dict, count: int, budget_seconds: float) -> dict:
        """Up to `count` requests (fewer when they exceed the time budget, but at least 5): their
        p50/p95, every sample and the answer's bytes."""
        times, started = [], time.monotonic()
        while len(times) < count and (len(times) < 5 or time.monotonic() - started < budget_seconds):
            t0 = time.perf_counter()
            response = self.get(read, params)
            times.append((time.perf_counter() - t0) * 1000)
        return {**figures(times, len(response.content)), "samples_ms": [round(t, 3) for t in times]}


def measure(stack, tenant: dict, claim_id: str, *, count: int, warmup: int = WARMUP, budget_seconds: float = 20,
            log=print, name: str = "phase") -> dict:
    """One database's figures per read (`name` in the log), and under "load" the load average around
    them (with a warning when the machine was not quiet)."""
    measured = measure_rounds({name: (stack, tenant, claim_id)}, rounds=1, count=count, warmup=warmup,
                              budget_seconds=budget_seconds, log=log)
    return {"reads": pooled(measured["slots"])[name], "load": measured["load"]}


def measure_rounds(databases: dict[str, tuple], *, rounds: int, count: int, warmup: int = WARMUP,
                   budget_seconds: float = 20, log=print) -> dict:
    """Each database ({name: (stack, tenant, claim id)}) timed in `rounds` rounds of `count` requests per
    read. Within a round the databases take turns read by read, in that round's order from `rounds.order`
    (the first alternating round by round: A B, B A, ...), so a read's batches on the two databases run
    back to back and a burst of other work on the machine falls on both, not on one database's whole
    round. Every database is first warmed `warmup` rounds over every read, as a single phase is.
    Returns the slots, one per round and database in that order (each with its reads' figures and
    samples, the round's seconds and 1-minute load average before and after), and under "load" the
    load around them all."""
    readers = {name: Reader(stack, tenant) for name, (stack, tenant, _) in databases.items()}
    try:
        before = os.getloadavg()
        every = {name: [(read, readers[name].params(read)) for read in reads(claim_id)]
                 for name, (_, _, claim_id) in databases.items()}
        for name in databases:
            _warm(readers[name], every[name], warmup)
        turns, slots = order(tuple(databases), rounds), []
        for k in range(rounds):
            names = turns[k * len(databases):(k + 1) * len(databases)]
            load_before, started = os.getloadavg()[0], time.monotonic()
            timed: dict[str, dict] = {name: {} for name in names}
            for index in range(len(every[names[0]])):
                for name in names:
                    read, params = every[name][index]
                    timed[name][read.name] = readers[name].time(read, params, count, budget_seconds / rounds)
            common = {"round": k + 1, "seconds": round(time.monotonic() - started, 1),
                      "load": [round(load_before, 2), round(os.getloadavg()[0], 2)]}
            slots.extend({"database": name, "reads": timed[name], **common} for name in names)
            _log_round(slots[-len(names):], log)
        load = load_note(before, os.getloadavg(), os.cpu_count() or 1)
        if "warning" in load:
            log(f"  WARNING: {load['warning']}", flush=True)
        return {"slots": slots, "load": {**load, "warmup_rounds": warmup}}
    finally:
        for reader in readers.values():
            reader.close()


def _warm(reader: Reader, every: list[tuple], warmup: int) -> None:
    for _ in range(warmup):
        for read, params in every:
            reader.get(read, params)


def _log_round(slots: list[dict], log) -> None:
    first = slots[0]
    turns = " then ".join(slot["database"] for slot in slots) + (" read by read" if len(slots) > 1 else "")
    log(f"  round {first['round']}, {turns} "
        f"({first['seconds']:.0f} s, load average {first['load'][0]:.1f} -> {first['load'][1]:.1f})", flush=True)
    for name in first["reads"]:
        log(f"    {name:40s} p50 " + "  ".join(f"{slot['database']} {slot['reads'][name]['p50_ms']:7.1f} ms"
                                            for slot in slots) + f"  (n={first['reads'][name]['n']})", flush=True)
