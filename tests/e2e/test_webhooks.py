"""Webhooks on real claim events: a receiver started here records deliveries and checks their
HMAC signatures; an endpoint that fails once proves the retry, and every attempt is listed."""
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.e2e.support import create_tenant, encounter_body, settled, wait_for

EVENTS = ["claim.accepted", "claim.rejected", "claim.paid", "claim.denied"]


class Receiver:
    """Records every POST; `/flaky` answers 500 to its first request and 200 after."""

    def __init__(self):
        self.received: list[dict] = []
        self._flaky_seen = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers["content-length"]))
                receiver.received.append({"path": self.path, "body": body, "signature": self.headers["webhook-signature"]})
                status = 200
                if self.path == "/flaky":
                    receiver._flaky_seen += 1
                    status = 500 if receiver._flaky_seen == 1 else 200
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def events(self, path: str) -> list[dict]:
        return [json.loads(r["body"]) for r in self.received if r["path"] == path]


def signature_ok(secret: str, header: str, body: bytes) -> bool:
    """Checked here from the documented format, independently of the gateway's code."""
    parts = dict(item.split("=", 1) for item in header.split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"]) and abs(time.time() - int(parts["t"])) < 300


@pytest.fixture(scope="module")
def receiver():
    r = Receiver()
    yield r
    r.server.shutdown()


@pytest.fixture(scope="module")
def hooks(api, receiver) -> dict:
    every = api.post("/v1/webhooks", json={"url": f"{receiver.url}/ok", "events": EVENTS})
    flaky = api.post("/v1/webhooks", json={"url": f"{receiver.url}/flaky", "events": ["claim.paid"]})
    assert every.status_code == flaky.status_code == 201, every.text
    assert every.json()["secret"].startswith("whsec_")
    return {"every": every.json(), "flaky": flaky.json()}


@pytest.fixture(scope="module")
def claims(api, hooks) -> dict:
    paid = encounter_body()
    denied = encounter_body(procedures=[{"code": "71046", "diagnosis_pointers": [1]}])  # the simulator denies CO-197
    ids = {}
    for name, body in (("paid", paid), ("denied", denied)):
        encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
        ids[name] = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                             what="coding")["claim_id"]
    for claim_id in ids.values():
        wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), settled, timeout=120, what="the claim to settle")
    return ids | {"bodies": [paid, denied]}


def test_registration_is_validated(api):
    assert api.post("/v1/webhooks", json={"url": "ftp://example.com/x", "events": ["claim.paid"]}).status_code == 422
    assert api.post("/v1/webhooks", json={"url": "https://example.com/x", "events": ["claim.exploded"]}).status_code == 422
    assert api.post("/v1/webhooks", json={"url": "https://example.com/x", "events": []}).status_code == 422


def test_claim_events_arrive_signed_and_without_phi(receiver, hooks, claims):
    def delivered():
        return {(e["type"], e["data"]["claim_id"]) for e in receiver.events("/ok")}

    wanted = {("claim.accepted", claims["paid"]), ("claim.paid", claims["paid"]), ("claim.denied", claims["denied"])}
    wait_for(delivered, lambda got: wanted <= got, timeout=60, what="webhook deliveries")
    assert ("claim.paid", claims["denied"]) not in delivered()  # a denial (CLP02 4) is not "paid"
    secret = hooks["every"]["secret"]
    for record in receiver.received:
        if record["path"] == "/ok":
            assert signature_ok(secret, record["signature"], record["body"])
            assert not signature_ok("whsec_wrong", record["signature"], record["body"])
    raw = b" ".join(r["body"] for r in receiver.received).decode()
    for body in claims["bodies"]:
        for phi in (body["patient"]["last_name"], body["patient"]["birth_date"], body["coverage"]["member_id"],
                    body["patient"]["id"]):
            assert phi not in raw


def test_a_failing_endpoint_is_retried_and_every_attempt_is_listed(api, receiver, hooks, claims):
    path = f"/v1/webhooks/{hooks['flaky']['webhook_id']}/deliveries"
    page = wait_for(lambda: api.get(path).json(),
                    lambda p: any(d["status"] == "delivered" for d in p.get("items", [])), timeout=60,
                    what="the retried delivery")
    delivery = next(d for d in page["items"] if d["status"] == "delivered")
    assert [a["status_code"] for a in delivery["attempts"]] == [500, 200]
    assert delivery["attempts"][0]["error"] == "HTTP 500"
    first, second = (a["attempted_at"] for a in delivery["attempts"])
    assert second > first
    assert delivery["event_type"] == "claim.paid" and delivery["payload"]["data"]["claim_id"] == claims["paid"]


def test_webhooks_belong_to_their_tenant(stack, gateway_url, hooks):
    other = create_tenant(stack, "Other Practice")
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {other['api_key']}"}, timeout=30) as c:
        assert c.get(f"/v1/webhooks/{hooks['every']['webhook_id']}/deliveries").status_code == 404
        assert c.delete(f"/v1/webhooks/{hooks['every']['webhook_id']}").status_code == 404
        assert c.get("/v1/webhooks").json() == []
