"""The coding use cases over an in-memory unit of work: a batch of documented encounters, the review queue."""
import asyncio
import dataclasses
import threading
import time
import uuid
from datetime import timedelta

import pytest

from shared.contracts.claim import ClaimCoded
from shared.contracts.envelope import Envelope
from shared.denial_patterns import DenialHistory
from services.coding.adapters.tables import ProviderQuery, TenantCodingSettings
from services.coding.application.code_encounters import code_encounters
from services.coding.application.coder import Coder
from services.coding.application.review import ReviewRejected, claim_review_item, review_encounter
from services.coding.domain.auto_accept import AccuracyCurve, AccuracyPoint
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.conftest import make_encounter
from tests.unit.coding.fakes import FakeCodingUnitOfWork
from tests.unit.event_batches import batch_of

pytestmark = pytest.mark.unit
TENANT = uuid.uuid4()
NOTE_CODES = [Suggestion(code=code, description="d", confidence=0.97, start=0, end=1, evidence="x", context="affirmed")
              for code in ("E11.9", "I10")]


@pytest.fixture
def coder(reference):
    curve = AccuracyCurve(points=(AccuracyPoint(threshold=0.9, suggested=100, true_positives=97, expected=120),),
                          notes=50)
    return Coder(reference=reference, suggest=lambda note: list(NOTE_CODES), threshold=0.9, accuracy=curve)


def documented(**overrides) -> Envelope:
    encounter = make_encounter(encounter_id=str(uuid.uuid4()), **overrides)
    return Envelope(event_type="encounter.documented", tenant_id=TENANT, subject_id=uuid.UUID(encounter.encounter_id),
                    payload=encounter)


def stored(uow, event):
    return uow.encounters.rows[uuid.UUID(event.payload.encounter_id)]


async def test_an_encounter_that_passes_every_edit_is_coded_and_sent_on_as_claim_coded(coder):
    uow, event = FakeCodingUnitOfWork(), documented()
    await code_encounters(uow, batch_of(event), coder=coder)
    row = stored(uow, event)
    [claim] = uow.emitted_of(ClaimCoded)
    assert row.status == "coded" and str(row.claim_id) == claim.claim_id
    assert claim.encounter_id == event.payload.encounter_id and [d.code for d in claim.diagnoses] == ["E11.9", "I10"]


async def test_the_other_coverages_travel_on_to_the_claim(coder):
    secondary = {"payer_id": "BCBS", "member_id": "XBC998877", "relationship": "self"}
    uow, event = FakeCodingUnitOfWork(), documented(other_coverages=[secondary])
    await code_encounters(uow, batch_of(event), coder=coder)
    [claim] = uow.emitted_of(ClaimCoded)
    assert [(c.payer_id, c.member_id) for c in claim.other_coverages] == [("BCBS", "XBC998877")]


async def test_the_referring_provider_travels_on_to_the_claim(coder):
    referring = {"npi": "1234567893", "first_name": "Omar", "last_name": "Haddad"}
    uow, event = FakeCodingUnitOfWork(), documented(referring_provider=referring)
    await code_encounters(uow, batch_of(event), coder=coder)
    [claim] = uow.emitted_of(ClaimCoded)
    assert claim.referring_provider.model_dump() == referring


async def test_note_only_codes_wait_for_a_coder_unless_the_tenant_turned_auto_accept_on(coder):
    uow = FakeCodingUnitOfWork()
    held = documented(diagnoses=[])
    await code_encounters(uow, batch_of(held), coder=coder)
    assert stored(uow, held).status == "needs_review" and uow.emitted == []

    uow.settings.save(TenantCodingSettings(tenant_id=TENANT, auto_accept=True, updated_by="admin"))
    accepted = documented(diagnoses=[])
    await code_encounters(uow, batch_of(accepted), coder=coder)
    assert stored(uow, accepted).status == "coded" and len(uow.emitted_of(ClaimCoded)) == 1


async def test_each_encounter_gets_its_own_notes_suggestions(coder):
    by_note = {"Follow-up for T2DM.": NOTE_CODES[:1], "HTN, continue lisinopril.": NOTE_CODES[1:]}
    coder = dataclasses.replace(coder, suggest=lambda note: list(by_note[note]))
    uow = FakeCodingUnitOfWork()
    uow.settings.save(TenantCodingSettings(tenant_id=TENANT, auto_accept=True, updated_by="admin"))
    events = [documented(diagnoses=[], note=note) for note in (*by_note, None)]
    await code_encounters(uow, batch_of(*events), coder=coder)
    assert [[s["code"] for s in stored(uow, event).suggestions] for event in events] == [["E11.9"], ["I10"], []]


async def test_the_event_loop_keeps_turning_while_a_batch_of_notes_is_read(coder):
    """A busy batch must leave the loop free for health probes and the relay (no assertion on speed: only that
    the loop turned at all while the notes were read, which it never does when they are read on it)."""
    reading = threading.Event()

    def slow_suggest(note):
        reading.set()
        busy_until = time.perf_counter() + 0.02
        while time.perf_counter() < busy_until:
            pass
        return list(NOTE_CODES)

    turns_while_reading = 0

    async def ticker(done: asyncio.Event):
        nonlocal turns_while_reading
        while not done.is_set():
            await asyncio.sleep(0.002)
            turns_while_reading += reading.is_set()

    slow = dataclasses.replace(coder, suggest=slow_suggest)
    done = asyncio.Event()
    ticking = asyncio.create_task(ticker(done))
    await code_encounters(FakeCodingUnitOfWork(), batch_of(*[documented() for _ in range(10)]), coder=slow)
    done.set()
    await ticking
    assert turns_while_reading >= 3


async def test_a_second_visit_the_same_day_in_the_same_batch_is_held_and_the_batch_is_read_once(coder):
    uow = FakeCodingUnitOfWork()
    first, second, other_patient = documented(), documented(), documented(patient={
        **make_encounter().patient.model_dump(mode="json"), "id": "MRN-OTHER"})
    await code_encounters(uow, batch_of(first, second, other_patient), coder=coder)
    assert [stored(uow, e).status for e in (first, second, other_patient)] == ["coded", "needs_review", "coded"]
    assert "EM-SAME-DAY" in [e["edit_id"] for e in stored(uow, second).edits]
    assert uow.batch_reads.reads == 1


async def test_a_visit_already_coded_that_day_holds_the_next_one(coder):
    uow = FakeCodingUnitOfWork()
    await code_encounters(uow, batch_of(documented()), coder=coder)
    later = documented()
    await code_encounters(uow, batch_of(later), coder=coder)
    assert stored(uow, later).status == "needs_review"


async def test_a_procedure_this_payer_keeps_denying_carries_a_warning_onto_the_claim(coder):
    uow = FakeCodingUnitOfWork()
    today = uow.today()
    uow.denial_patterns.history[TENANT].append(DenialHistory("AETNA", "36415", "authorization", ("197",), 3,
                                                             today - timedelta(days=30), today - timedelta(days=2)))
    event = documented()
    await code_encounters(uow, batch_of(event), coder=coder)
    [claim] = uow.emitted_of(ClaimCoded)
    assert [e.edit_id for e in claim.edits] == ["CODING-DENIAL-PATTERN"]
    assert "CODING-DENIAL-PATTERN" in [e["edit_id"] for e in stored(uow, event).edits]


async def test_the_same_encounter_twice_is_refused_by_its_key(coder):
    uow, event = FakeCodingUnitOfWork(), documented()
    await code_encounters(uow, batch_of(event), coder=coder)
    with pytest.raises(ValueError):
        await code_encounters(uow, batch_of(event), coder=coder)


async def test_a_coder_claims_and_releases_a_held_encounter_with_the_provenance_of_each_code(coder):
    uow, held = FakeCodingUnitOfWork(), documented(diagnoses=[])
    await code_encounters(uow, batch_of(held), coder=coder)
    encounter_id = uuid.UUID(held.payload.encounter_id)
    await claim_review_item(uow, tenant_id=TENANT, encounter_id=encounter_id, coder="key:a")
    with pytest.raises(ReviewRejected) as refused:
        await claim_review_item(uow, tenant_id=TENANT, encounter_id=encounter_id, coder="key:b")
    assert refused.value.status == 409
    row = await review_encounter(uow, tenant_id=TENANT, encounter_id=encounter_id, coder="key:a",
                                 diagnoses=["E11.9", "I10", "E78.5"], procedures=held.payload.model_dump(mode="json")["procedures"],
                                 reason="coded from the note", coding=coder)
    assert row.status == "coded" and [d["source"] for d in row.diagnoses] == ["suggestion", "suggestion", "coder"]
    assert [a.action for a in uow.audit.entries] == ["claim", "review"]
    assert len(uow.emitted_of(ClaimCoded)) == 1


async def test_an_open_provider_query_blocks_the_release(coder):
    uow, held = FakeCodingUnitOfWork(), documented(diagnoses=[])
    await code_encounters(uow, batch_of(held), coder=coder)
    encounter_id = uuid.UUID(held.payload.encounter_id)
    uow.queries.add(ProviderQuery(id=uuid.uuid4(), tenant_id=TENANT, encounter_id=encounter_id, unclear="type",
                                  question="Which type?", options=[], status="open", asked_by="key:a"))
    with pytest.raises(ReviewRejected) as refused:
        await review_encounter(uow, tenant_id=TENANT, encounter_id=encounter_id, coder="key:a", diagnoses=["E11.9"],
                               procedures=[], reason="r", coding=coder)
    assert refused.value.edits[0]["edit_id"] == "REVIEW-QUERY-OPEN" and uow.emitted == []
