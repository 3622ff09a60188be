"""Helpers for end-to-end tests: tenants, encounter bodies, polling until the pipeline moves."""
import json
import time
import uuid
from pathlib import Path

import httpx

from tools.payer_sim.adjudication import initial_deductible
from tools.devstack.topology import PAYER_SIM_SEED

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def create_tenant(stack, name: str = "Test Practice") -> dict:
    body = json.loads((ROOT / "deploy" / "seed" / "demo_tenant.json").read_text())
    body["name"] = name
    response = httpx.post(f"{stack.ports.url('gateway')}/v1/tenants", json=body, timeout=30,
                          headers={"Authorization": f"Bearer {stack.secrets['admin_api_key']}"})
    assert response.status_code == 201, response.text
    return response.json()


def encounter_body(**overrides) -> dict:
    body = json.loads((FIXTURES / "intake" / "encounter.json").read_text())
    body["external_id"] = f"ENC-{uuid.uuid4().hex[:12]}"
    # A new patient and member each time, so duplicate rules (ours and the payer's) stay quiet.
    body["patient"]["id"] = f"MRN-{uuid.uuid4().hex[:10]}"
    body["coverage"]["member_id"] = f"W{uuid.uuid4().int % 10**9:09d}"
    body.update(overrides)
    return body


def member_paid_from_the_first_dollar() -> str:
    """A member id the payer simulator starts with no deductible: its claim is paid in cash (with a deductible
    left, the whole allowed amount may go to it and the payment is CLP04 0)."""
    return next(member for member in (f"W{uuid.uuid4().int % 10**9:09d}" for _ in iter(int, 1))
                if initial_deductible(PAYER_SIM_SEED, member) == 0)


MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"  # A-Z without S, L, O, I, B, Z


def medicare_beneficiary_id(number: int | None = None) -> str:
    """A well-formed Medicare Beneficiary Identifier (Medicare holds a claim without one); distinct numbers below
    1.44e12 give distinct ids; without a number, a random one."""
    n = uuid.uuid4().int if number is None else number
    first, n = n % 9 + 1, n // 9
    digits, n = f"{n % 10**6:06d}", n // 10**6
    letters = [MBI_LETTERS[n // 20**i % 20] for i in range(4)]
    return (f"{first}{letters[0]}{digits[0:2]}{letters[1]}{digits[2:4]}{letters[2]}{letters[3]}{digits[4:6]}")


def wait_for(fetch, predicate, *, timeout: float = 60, interval: float = 0.25, what: str = "condition"):
    """Poll `fetch()` until `predicate(result)`; the last result is in the failure message."""
    deadline = time.monotonic() + timeout
    result = None
    while time.monotonic() < deadline:
        result = fetch()
        if predicate(result):
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}; last: {str(result)[:2000]}")


def all_pages(api, path: str, params: dict, *, pages: int = 500) -> list[dict]:
    """Every item of a cursor-paged list, page after page; fails if a page is not a 200 or the cursor never ends."""
    found, cursor = [], None
    for _ in range(pages):
        page = api.get(path, params=params | ({"cursor": cursor} if cursor else {}))
        assert page.status_code == 200, page.text
        found += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return found
    raise AssertionError("the cursor never ended")


def settled(claim: dict) -> bool:
    """Payments posted it and claims recorded the adjudication (two consumers, in either order)."""
    return bool(claim.get("payments")) and claim.get("status") in ("paid", "partial", "denied")


def claim_sent_or_held(api, body: dict) -> dict:
    """Posts an encounter that coding passes and returns its claim once it was sent or held."""
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    encounter = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(),
                         lambda e: e.get("claim_id") or e["status"] == "needs_review", what="coding")
    assert encounter["status"] == "coded", encounter["edits"]
    return wait_for(lambda: api.get(f"/v1/claims/{encounter['claim_id']}").json(),
                    lambda c: "submitted" in [t["event"] for t in c.get("timeline", [])] or c.get("status") == "held",
                    timeout=90, what="the claim to be sent or held")
