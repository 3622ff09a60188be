"""The chaos run's slow clearinghouse: the submission is answered late, its answers are scheduled at once."""
import tempfile
import time

import pytest
from fastapi.testclient import TestClient

from tools.payer_sim.app import create_app
from tools.payer_sim.settings import SimSettings
from tests.unit.payer_sim.test_resubmission import _837

pytestmark = pytest.mark.unit


@pytest.fixture
def client():
    settings = SimSettings(payer_sim_state_path=tempfile.mktemp(suffix=".sqlite3"), payer_sim_ack_delay_seconds=3600,
                           payer_sim_era_delay_seconds=3600)
    with TestClient(create_app(settings)) as client:
        yield client


def test_a_delayed_submission_is_answered_late_with_its_acks_already_scheduled(client):
    assert client.post("/control/submit-delay", json={"seconds": 0.5}).json() == {"seconds": 0.5}
    started = time.monotonic()
    answer = client.post("/v1/837", content=_837(51), headers={"X-Mailbox": "tenant-a"})
    assert answer.status_code == 200 and time.monotonic() - started >= 0.5
    assert client.app.state.sim_state.db.execute("SELECT COUNT(*) FROM delivery").fetchone()[0] == 2


def test_zero_turns_the_delay_off_and_nonsense_is_refused(client):
    client.post("/control/submit-delay", json={"seconds": 0})
    started = time.monotonic()
    client.post("/v1/837", content=_837(52), headers={"X-Mailbox": "tenant-a"})
    assert time.monotonic() - started < 0.5
    assert client.post("/control/submit-delay", json={"seconds": -1}).status_code == 422
