"""The ops dashboard in headless Chromium on a real run of the demo: an encounter held by a coding
edit (the header code E11) is found by its id and its trace shows where and why; the KPI charts
render; a dead letter is inspected and replayed. Screenshots go to test-artifacts/screenshots/."""
import uuid
from pathlib import Path

import httpx
import pytest

from shared.contracts import topics
from shared.contracts.encounter import EncounterDocumented
from shared.contracts.envelope import Envelope
from shared.internal_auth import HEADER, Caller, issue_token
from tests.e2e.kafka_tools import produce
from tests.e2e.support import ROOT, create_tenant, encounter_body, settled, wait_for

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="module")
def ops_key(stack, gateway_url) -> str:
    response = httpx.post(f"{gateway_url}/v1/ops/keys", timeout=30,
                          headers={"Authorization": f"Bearer {stack.secrets['admin_api_key']}"})
    assert response.status_code == 201, response.text
    assert response.json()["scopes"] == ["ops"]
    return response.json()["api_key"]


@pytest.fixture(scope="module")
def demo(api):
    """A clean encounter paid end to end, and one held by coding because E11 is a header code."""
    clean = api.post("/v1/encounters", json=encounter_body()).json()["encounter_id"]
    held = api.post("/v1/encounters", json=encounter_body(diagnoses=["E11", "I10"])).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{clean}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), settled, timeout=90, what="the payment")
    wait_for(lambda: api.get(f"/v1/encounters/{held}").json(), lambda e: e.get("status") == "needs_review",
             what="the hold")
    return {"clean": clean, "held": held, "claim_id": claim_id}


def test_ops_keys_come_only_from_the_operator(gateway_url, api, tenant, ops_key):
    minted = api.post("/v1/keys", json={"scopes": ["ops"]})
    assert minted.status_code == 422, minted.text  # a tenant admin cannot mint an ops key
    assert httpx.get(f"{gateway_url}/ops/api/session", headers={"Authorization": f"Bearer {tenant['api_key']}"}).status_code == 403
    assert httpx.get(f"{gateway_url}/ops/api/session").status_code == 401
    assert httpx.get(f"{gateway_url}/ops/api/session", headers={"Authorization": f"Bearer {ops_key}"}).status_code == 200
    # and an ops key opens nothing of a tenant's API
    assert httpx.get(f"{gateway_url}/v1/reports/kpis", headers={"Authorization": f"Bearer {ops_key}"}).status_code == 403


def test_kpis_are_tenant_scoped(stack, gateway_url, api, demo):
    mine = api.get("/v1/reports/kpis")
    assert mine.status_code == 200, mine.text
    kpis = mine.json()
    assert kpis["clean_claim_rate"]["denominator"] != "0"
    assert kpis["first_pass_resolution_rate"]["denominator"] != "0"
    assert kpis["net_collection_rate"]["value"] is not None and kpis["days_in_ar"]["denominator"] != "0"
    other = create_tenant(stack, "Another Practice")
    theirs = httpx.get(f"{gateway_url}/v1/reports/kpis", headers={"Authorization": f"Bearer {other['api_key']}"}).json()
    assert theirs["clean_claim_rate"] == {"value": None, "numerator": "0", "denominator": "0"}


def _dead_letter(stack, tenant) -> str:
    encounter_id = str(uuid.uuid4())
    payload = EncounterDocumented.model_validate({**encounter_body(), "encounter_id": encounter_id})
    envelope = Envelope[EncounterDocumented](event_type=topics.ENCOUNTER_DOCUMENTED, tenant_id=tenant["tenant_id"],
                                             subject_id=encounter_id, payload=payload)
    produce(stack.kafka.bootstrap, topics.dlq(topics.ENCOUNTER_DOCUMENTED), [(
        encounter_id.encode(), envelope.model_dump_json().encode(),
        [("dlq.error", b"RuntimeError while handling"), ("dlq.original_topic", topics.ENCOUNTER_DOCUMENTED.encode())])])
    return encounter_id


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_dashboard_in_chromium(stack, gateway_url, api, tenant, ops_key, demo):
    sync_api = pytest.importorskip("playwright.sync_api")
    assert Path(CHROMIUM).exists(), "Debian's chromium is required (apt-get install chromium)"
    dead = _dead_letter(stack, tenant)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("dialog", lambda dialog: dialog.accept())
        try:
            _walk_through(page, gateway_url, ops_key, demo, dead)
        finally:
            _shot(page, "99-last")
            browser.close()
        assert not errors, errors
    token = issue_token(stack.secrets["internal_token_secret"], Caller(tenant["tenant_id"], "test"))
    coded = wait_for(lambda: httpx.get(f"{stack.ports.url('coding')}/internal/encounters/{dead}", headers={HEADER: token}),
                     lambda r: r.status_code == 200, what="the replayed message to be coded")
    assert coded.json()["status"] == "coded"


def _walk_through(page, gateway_url: str, ops_key: str, demo: dict, dead: str) -> None:
    expect = __import__("playwright.sync_api", fromlist=["expect"]).expect
    expect.set_options(timeout=20_000)  # the first health read waits for every service's metrics and Kafka
    page.goto(f"{gateway_url}/ops")
    page.fill("#ops-key", "bk_wrong")
    page.click("#login")
    expect(page.locator("#login-error")).to_contain_text("Invalid API key")
    page.fill("#ops-key", ops_key)
    page.click("#login")
    expect(page.locator("#app")).to_be_visible()
    expect(page.locator("#stages tbody tr").filter(has_text="encounter.documented")).not_to_have_count(0)
    expect(page.locator("#services tbody tr").filter(has_text="coding")).to_contain_text("up")
    expect(page.locator("#queues tbody")).to_contain_text("coding review")
    # the KPI charts: one bar per rate, days in A/R, denial rate per payer
    expect(page.locator("#chart-rates rect.bar")).to_have_count(4)
    expect(page.locator("#chart-ar rect.bar")).to_have_count(1)
    expect(page.locator("#chart-payers rect.bar")).not_to_have_count(0)
    assert page.locator("#chart-rates rect.bar").first.get_attribute("data-value") not in ("", None)
    _shot(page, "01-pipeline-and-kpis")

    page.fill("#search-id", demo["held"])
    page.click("#search-go")
    expect(page.locator("#where-status")).to_have_text("needs_review")
    expect(page.locator("#where-service")).to_contain_text("coding")
    expect(page.locator("#where-why")).to_contain_text("ICD-NOT-BILLABLE")
    expect(page.locator("#records .record[data-service=coding]")).to_contain_text("E11")
    expect(page.locator("#timeline g.span[data-service=gateway]")).not_to_have_count(0)
    expect(page.locator("#timeline g.span[data-service=coding]")).not_to_have_count(0)
    page.locator("#search").scroll_into_view_if_needed()
    _shot(page, "02-held-encounter-trace")

    page.fill("#search-id", demo["claim_id"])
    page.click("#search-go")
    for service in ("gateway", "coding", "claims", "payments"):
        expect(page.locator(f"#timeline g.span[data-service={service}]")).not_to_have_count(0)
    expect(page.locator("#where-status")).not_to_have_text("needs_review")
    _shot(page, "03-paid-claim-trace")

    page.click("#dlq-refresh")
    row = page.locator("#dlq-table tbody tr").filter(has_text=dead)
    expect(row).to_have_count(1)
    row.locator("button.inspect").click()
    expect(page.locator("#dlq-message")).to_contain_text(dead)
    _shot(page, "04-dead-letter-inspected")
    row.locator("button.replay").click()
    expect(page.locator("#dlq-status")).to_contain_text("replayed to encounter.documented")
    _shot(page, "05-dead-letter-replayed")


def test_pipeline_health_shows_stages_queues_and_dead_letters(gateway_url, ops_key, demo):
    response = httpx.get(f"{gateway_url}/ops/api/health", headers={"Authorization": f"Bearer {ops_key}"}, timeout=30)
    assert response.status_code == 200, response.text
    health = response.json()
    coding = next(s for s in health["stages"] if s["topic"] == "encounter.documented" and s["group"] == "coding")
    assert coding["processed"] >= 2 and coding["p95_ms"] is not None
    assert {s["service"] for s in health["services"] if s["up"]} >= {"gateway", "coding", "claims", "payments", "denials"}
    assert health["queues"]["coding review (held by edits)"] >= 1
    assert set(health["dlq"]) >= {"encounter.documented.dlq", "claim.coded.dlq"}
