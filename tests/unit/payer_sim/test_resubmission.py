"""A clearinghouse keeps one answer per interchange: the same ISA13 sent again is not adjudicated again."""
import tempfile

import pytest
from fastapi.testclient import TestClient

from services.claims.domain.x837 import write_837p
from tools.payer_sim.app import create_app, interchange_control_number
from tools.payer_sim.settings import SimSettings
from tests.unit.claims.builders import ENCOUNTER, claim
from tests.unit.payer_sim.test_adjudication import AT

pytestmark = pytest.mark.unit


def _837(control: int) -> str:
    return write_837p([claim(coverage=dict(ENCOUNTER["coverage"], member_id="W000000333"))], sender_id="BILLINGPLATFORM",
                      receiver_id="60054", interchange_control_number=control, group_control_number=control,
                      created_at=AT)


@pytest.fixture
def sim():
    settings = SimSettings(payer_sim_state_path=tempfile.mktemp(suffix=".sqlite3"), payer_sim_ack_delay_seconds=3600,
                           payer_sim_era_delay_seconds=3600)
    app = create_app(settings)
    with TestClient(app) as client:
        yield client, app


def _scheduled(app) -> int:
    return app.state.sim_state.db.execute("SELECT COUNT(*) FROM delivery").fetchone()[0]


def test_a_resent_interchange_gets_the_first_answer_and_no_second_adjudication(sim):
    client, app = sim
    first = client.post("/v1/837", content=_837(41), headers={"X-Mailbox": "tenant-a"})
    again = client.post("/v1/837", content=_837(41), headers={"X-Mailbox": "tenant-a"})
    assert first.status_code == again.status_code == 200 and first.text == again.text
    assert _scheduled(app) == 2  # one 277CA and one 835, not four


def test_another_control_number_or_mailbox_is_another_interchange(sim):
    client, app = sim
    client.post("/v1/837", content=_837(42), headers={"X-Mailbox": "tenant-a"})
    client.post("/v1/837", content=_837(43), headers={"X-Mailbox": "tenant-a"})
    client.post("/v1/837", content=_837(42), headers={"X-Mailbox": "tenant-b"})
    assert _scheduled(app) == 6


def test_the_control_number_is_read_from_the_isa():
    assert interchange_control_number(_837(44)) == "000000044"
    assert interchange_control_number("not x12") is None
