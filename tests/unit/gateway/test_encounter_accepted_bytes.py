"""POST /v1/encounters answers with bytes it writes itself: they must be what EncounterAccepted writes."""
from uuid import uuid4

import orjson
import pytest

from services.gateway.application.accept_encounters import Accepted
from services.gateway.entrypoints.encounters import EncounterAccepted, accepted_answer

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("created, status", [(True, "received"), (False, "duplicate")])
def test_the_answer_is_the_response_models_bytes(created, status):
    encounter_id = uuid4()
    answer = accepted_answer(Accepted(encounter_id, created))
    assert answer.status_code == 202
    assert answer.body == EncounterAccepted(encounter_id=encounter_id, status=status).model_dump_json().encode()
    assert EncounterAccepted.model_validate(orjson.loads(answer.body)).encounter_id == encounter_id
    assert answer.headers["location"] == f"/v1/encounters/{encounter_id}"
    assert answer.headers["content-type"] == "application/json"
