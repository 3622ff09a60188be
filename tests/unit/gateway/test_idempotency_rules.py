"""Idempotency-Key reservations: what a request finds under a taken key, and which answers are kept."""
import pytest

from services.gateway.domain.idempotency import COMPLETED, IN_PROGRESS, Found, StoredKey, keeps_answer, on_conflict

pytestmark = pytest.mark.unit
TENANT = "7d1f5a8e-0000-4000-8000-000000000001"


def test_a_twin_of_a_running_request_waits_for_its_answer():
    assert on_conflict(StoredKey(TENANT, "h", IN_PROGRESS), tenant_id=TENANT, request_hash="h") is Found.WAIT


def test_the_same_request_after_the_answer_replays_it():
    assert on_conflict(StoredKey(TENANT, "h", COMPLETED), tenant_id=TENANT, request_hash="h") is Found.REPLAY


@pytest.mark.parametrize("state", [IN_PROGRESS, COMPLETED])
def test_another_request_or_another_tenant_under_the_key_is_refused(state):
    assert on_conflict(StoredKey(TENANT, "h", state), tenant_id=TENANT, request_hash="other") is Found.MISMATCH
    assert on_conflict(StoredKey(TENANT, "h", state), tenant_id=None, request_hash="h") is Found.MISMATCH


@pytest.mark.parametrize("status,kept", [(200, True), (201, True), (409, True), (422, True), (401, False),
                                         (403, False), (429, False), (500, False), (503, False)])
def test_answers_that_say_retry_free_the_key(status, kept):
    assert keeps_answer(status) is kept
