"""The reads a billing office makes all day, each timed one request at a time (no queueing in the
figure): a claim through the gateway, the filtered lists and their second pages, the work queues, the
reports and the dashboard's figures, at the service that owns them."""
import time
from dataclasses import dataclass

import httpx

from shared.http.reports import OPS_SCOPE
from shared.internal_auth import HEADER, Caller, issue_token
from tools.bench.stats import percentile


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

    def time(self, read: Read, count: int, budget_seconds: float) -> dict:
        """p50/p95 of up to `count` requests (fewer when they exceed the time budget, at least 5)."""
        params = self.params(read)
        for _ in range(3):
            self.get(read, params)  # warm: connections, prepared statements, pages in cache
        times, started = [], time.monotonic()
        while len(times) < count and (len(times) < 5 or time.monotonic() - started < budget_seconds):
            t0 = time.perf_counter()
            response = self.get(read, params)
            times.append((time.perf_counter() - t0) * 1000)
        return {"n": len(times), "p50_ms": round(percentile(times, 50), 2), "p95_ms": round(percentile(times, 95), 2),
                "bytes": len(response.content)}


def measure(stack, tenant: dict, claim_id: str, *, count: int, budget_seconds: float = 20, log=print) -> dict:
    reader = Reader(stack, tenant)
    try:
        figures = {}
        for read in reads(claim_id):
            figures[read.name] = reader.time(read, count, budget_seconds)
            log(f"  {read.name:40s} p50 {figures[read.name]['p50_ms']:8.1f} ms  p95 "
                f"{figures[read.name]['p95_ms']:8.1f} ms  (n={figures[read.name]['n']})", flush=True)
        return figures
    finally:
        reader.close()
