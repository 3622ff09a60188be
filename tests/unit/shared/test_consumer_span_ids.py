"""The consumer span names the event, tenant and subject by the text `str()` gives their UUIDs, whatever form
the envelope's JSON held them in: the ids are written by the envelope's serializer, not by `str()`."""
from types import SimpleNamespace
from uuid import UUID

import pytest
from pydantic import BaseModel

from shared import telemetry
from shared.contracts.envelope import Envelope
from shared.telemetry.recorder import RecordingTracerProvider

pytestmark = pytest.mark.unit

FORMS = [str, lambda u: str(u).upper(), lambda u: u.hex, lambda u: "{" + str(u) + "}", lambda u: f"urn:uuid:{u}"]


@pytest.mark.parametrize("form", FORMS, ids=["canonical", "upper", "hex", "braces", "urn"])
def test_the_span_ids_are_the_uuids_text(monkeypatch, form):
    monkeypatch.setattr(telemetry, "_tracer", RecordingTracerProvider().get_tracer("test"))
    ids = {"event_id": UUID("0AF76519-16CD-43DD-8448-EB211C80319C"), "tenant_id": UUID(int=2),
           "subject_id": UUID(int=(1 << 128) - 1)}
    value = ('{"event_type":"x","payload":{},' + ",".join(f'"{k}":"{form(v)}"' for k, v in ids.items()) + "}")
    envelope = Envelope[BaseModel].model_validate_json(value)
    record = SimpleNamespace(topic="encounter.documented", partition=0, offset=1, headers=[])
    with telemetry.consume_span(record, envelope, "coding") as span:
        pass
    assert [span.attributes[k] for k in ("messaging.message.id", "billing.tenant_id", "billing.subject_id")] == \
        [str(ids["event_id"]), str(ids["tenant_id"]), str(ids["subject_id"])]
