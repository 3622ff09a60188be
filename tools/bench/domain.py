"""In-process, one core: coding, claim build+scrub+837P, pyx12 validation, 835 parse+post."""
import gc
import statistics
import time
from pathlib import Path
from datetime import date, datetime, timezone

from shared.contracts.encounter import EncounterDocumented
from services.claims.domain.scrub import scrub_claim
from services.claims.adapters.x12_validation import validate_x12
from services.claims.domain.x837 import write_837p
from services.coding.adapters.note_suggester import build_suggester
from services.coding.adapters.reference_files import load_reference_data
from services.coding.domain.coder import code_encounter
from services.payments.domain import ledger
from services.payments.domain.to_events import remittance_to_events
from services.payments.domain.x835 import parse_835
from tests.unit.claims.builders import ENCOUNTER, claim, varied_claim
from tests.unit.payer_sim.test_adjudication import run


def cpu_ms(fn, repeat: int) -> float:
    """Median CPU time of fn in this thread: on the shared machine, wall time measures the neighbours."""
    times = []
    for _ in range(repeat):
        started = time.thread_time()
        fn()
        times.append((time.thread_time() - started) * 1000)
    return statistics.median(times)


def pyx12_cost(write) -> dict[str, float]:
    """The gate's CPU cost split into a fixed part per document and a part per claim. The fixed part
    is t(1) less one claim's cost, read off files of 1 and 10 claims (cheap, so measured many times);
    the cost per claim of the large files is what is left of t(n) once the fixed part is taken off.
    The claims differ as a day's do (patients, payers, dates, codes): the gate remembers verdicts
    within a document, and a file of one claim repeated would flatter it."""
    docs = {n: write([varied_claim(i) for i in range(n)]) for n in (1, 10, 50, 200, 1000)}

    def validate(n: int):
        def one_document():
            if validate_x12(docs[n]):
                raise AssertionError(f"pyx12 rejected the {n}-claim file: the figures would not be the gate's")
        return one_document

    first = cpu_ms(validate(1), 1)  # the process's first document loads the maps
    took = {n: cpu_ms(validate(n), repeat) for n, repeat in ((1, 25), (10, 9), (50, 5), (200, 3), (1000, 1))}
    fixed = took[1] - (took[10] - took[1]) / 9
    return {
        "pyx12 first document of the process, maps loaded (CPU ms)": first,
        "pyx12 fixed cost per document (CPU ms)": fixed,
        **{f"pyx12 per claim, {n:,}-claim file (CPU ms)": (took[n] - fixed) / n for n in (10, 50, 200, 1000)},
        "pyx12 validation (ms per claim, 200-claim file)": took[200] / 200,
    }


def rate(count: int, fn) -> float:
    """Calls per second of this thread's CPU, as `cpu_ms`: a neighbour's burst on the shared machine once
    halved a wall-clock rate (835 parse + post 4,675/s in a run, 11,300-13,800/s right after)."""
    started = time.thread_time()
    for _ in range(count):
        fn()
    return count / (time.thread_time() - started)


def freeze_what_is_built() -> None:
    """Move every object alive now out of the cyclic collector's sight, as a started service does with
    what start-up built (`shared.collector`). Without it the set-up here (code sets, the suggester's index,
    pyx12's maps: a million objects, more with the bench's other modules imported) is walked by whichever
    full collection the counters happen to put inside a sample: 320-460 ms of CPU inside the 835 figure's
    20 calls of 170-230 ms, which read 2,674-4,149/s after `make bench`'s imports and 8,572-11,488/s without."""
    gc.collect()
    gc.freeze()


def measure() -> dict[str, float]:
    codesets = load_reference_data()
    suggest = build_suggester(codesets, index_dir=Path(".run/coding-index"))
    note = ("Follow-up for type 2 diabetes and hypertension. Denies chest pain. Family history of diabetes. "
            "Venipuncture for A1c.")
    encounter = EncounterDocumented.model_validate({**ENCOUNTER, "encounter_id": "e1"})
    claims = [claim() for _ in range(200)]
    at = datetime.now(timezone.utc)

    def write(batch):
        return write_837p(batch, sender_id="BILLINGPLATFORM", receiver_id="60054", interchange_control_number=1,
                          group_control_number=1, created_at=at)

    def build_scrub_write():
        c = claim()
        scrub_claim(c, today=date.today(), existing_keys=set())
        write([c])

    _, (_, era) = run(claims[:100])
    lines = [ledger.ChargedLine(1, "99213", (), date(2026, 11, 2), claims[0].lines[0].charge),
             ledger.ChargedLine(2, "36415", (), date(2026, 11, 2), claims[0].lines[1].charge)]

    def parse_and_post():
        for event in remittance_to_events(parse_835(era), "r", lambda pcn: pcn):
            ledger.post_claim_payment("c", event, lines)

    freeze_what_is_built()
    try:
        pyx12 = pyx12_cost(write)
        freeze_what_is_built()  # pyx12's maps, loaded by the first document
        return {
            "coding validation + edits (encounters/s)": rate(5000, lambda: code_encounter(encounter, codesets)),
            "suggestions from notes (notes/s)": rate(500, lambda: suggest(note)),
            "claim build + scrub + 837P (claims/s)": rate(2000, build_scrub_write),
            **pyx12,
            "835 parse + post (claim payments/s)": rate(20, parse_and_post) * 100,
        }
    finally:
        gc.unfreeze()  # the rest of `make bench` runs in this process with the collector as it found it
