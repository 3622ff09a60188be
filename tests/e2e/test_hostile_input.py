"""Hostile bytes through every intake: a clear 4xx problem naming where, never a 5xx, and no PHI in any log.

The bodies carry the seeded patient's data (tests/e2e/hostile_bodies.py), so the PHI scan that closes
this module, and the suite's last one (test_zz_no_phi_in_logs.py), would see any of it that leaked.
"""
import json
import time

import httpx
import pytest

from tests.e2e import hostile_bodies as hostile
from tests.e2e.phi_scan import log_findings, span_findings
from tests.e2e.support import wait_for

PROBLEM = "application/problem+json"
SETTLED = ("coded", "needs_review", "held", "claimed", "submitted", "accepted", "paid")


def _assert_refused(response: httpx.Response, where: str | None, case: str) -> None:
    assert 400 <= response.status_code < 500, (case, response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith(PROBLEM), case
    if where is not None:
        problem = response.json()
        named = [e.get("field", "") + " " + e.get("message", "") for e in problem.get("errors") or []]
        assert any(where in text for text in named), (case, problem)


def _internal(stack, tenant, service: str, path: str, body: bytes) -> httpx.Response:
    """The clearinghouse's own callback, with its key and the tenant's mailbox."""
    return httpx.post(f"{stack.ports.url(service)}{path}", content=body, timeout=30,
                      headers={"content-type": hostile.X12, "X-Mailbox": tenant["tenant_id"],
                               "X-Clearinghouse-Key": stack.secrets["clearinghouse_callback_key"]})


@pytest.mark.parametrize("case,body,where", hostile.json_cases(), ids=lambda v: v if isinstance(v, str) else None)
def test_json_intake_refuses_hostile_bodies(api, case, body, where):
    response = api.post("/v1/encounters", content=body, headers={"content-type": "application/json"})
    _assert_refused(response, where, case)


@pytest.mark.parametrize("case,body,where", hostile.fhir_cases(), ids=lambda v: v if isinstance(v, str) else None)
def test_fhir_intake_refuses_hostile_bundles(api, case, body, where):
    _assert_refused(api.post("/v1/encounters", content=body, headers={"content-type": hostile.FHIR}), where, case)


@pytest.mark.parametrize("case,body,where", hostile.hl7_cases(), ids=lambda v: v if isinstance(v, str) else None)
def test_hl7_intake_refuses_hostile_messages(api, case, body, where):
    _assert_refused(api.post("/v1/encounters", content=body, headers={"content-type": hostile.HL7}), where, case)


@pytest.mark.parametrize("case,body,where", hostile.remit_cases(), ids=lambda v: v if isinstance(v, str) else None)
def test_remit_intake_refuses_hostile_835s(api, stack, tenant, case, body, where):
    response = api.post("/v1/remits", content=body, headers={"content-type": hostile.X12})
    if where is None and response.status_code == 202:
        return  # an overlong name moves no money: the file may be read
    _assert_refused(response, where, case)
    _assert_refused(_internal(stack, tenant, "payments", "/internal/clearinghouse/era", body), where, case)


@pytest.mark.parametrize("case,body,where", hostile.ack_cases(), ids=lambda v: v if isinstance(v, str) else None)
def test_clearinghouse_callback_refuses_hostile_acks(stack, tenant, case, body, where):
    response = _internal(stack, tenant, "claims", "/internal/clearinghouse/acks", body)
    if where is None:
        assert response.status_code < 500, (case, response.status_code, response.text[:300])
        return
    _assert_refused(response, where, case)


def test_hl7_with_lf_line_endings_is_stored_and_coded(api):
    """What the intake accepts can be stored and sent on: the encounter leaves `received`."""
    body = hostile.hl7_text().replace("\r", "\n").encode()
    response = api.post("/v1/encounters", content=body, headers={"content-type": hostile.HL7})
    assert response.status_code == 202, response.text
    encounter_id = response.json()["encounter_id"]
    wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("status") in SETTLED,
             what="the encounter coded")


def test_json_with_tabs_and_newlines_in_the_note_is_accepted(api):
    body = json.loads(json.dumps(hostile.encounter_body()))
    body["note"] = "Follow-up.\n\tA1c drawn.\r\nReturn in 3 months."
    response = api.post("/v1/encounters", json=body)
    assert response.status_code == 202, response.text


def test_no_marker_of_the_hostile_run_in_any_log_or_span(stack):
    time.sleep(1.5)  # spans are written every half second
    assert log_findings(stack) == []
    assert span_findings(stack) == []
