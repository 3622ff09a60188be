"""In-process, one core: coding, claim build+scrub+837P, pyx12 validation, 835 parse+post."""
import time
from pathlib import Path
from datetime import date, datetime, timezone

from shared.contracts.encounter import EncounterDocumented
from services.claims.domain.scrub import scrub_claim
from services.claims.domain.x12_validation import validate_x12
from services.claims.domain.x837 import write_837p
from services.coding.adapters.note_suggester import build_suggester
from services.coding.adapters.reference_files import load_reference_data
from services.coding.domain.coder import code_encounter
from services.payments.domain import ledger
from services.payments.domain.to_events import remittance_to_events
from services.payments.domain.x835 import parse_835
from tests.unit.claims.builders import ENCOUNTER, claim
from tests.unit.payer_sim.test_adjudication import run


def rate(count: int, fn) -> float:
    started = time.perf_counter()
    for _ in range(count):
        fn()
    return count / (time.perf_counter() - started)


def measure() -> dict[str, float]:
    codesets = load_reference_data()
    suggest = build_suggester(codesets, index_dir=Path(".run/coding-index"))
    note = ("Follow-up for type 2 diabetes and hypertension. Denies chest pain. Family history of diabetes. "
            "Venipuncture for A1c.")
    encounter = EncounterDocumented.model_validate({**ENCOUNTER, "encounter_id": "e1"})
    claims = [claim() for _ in range(200)]
    at = datetime.now(timezone.utc)

    def build_scrub_write():
        c = claim()
        scrub_claim(c, today=date.today(), existing_keys=set())
        write_837p([c], sender_id="BILLINGPLATFORM", receiver_id="60054", interchange_control_number=1,
                   group_control_number=1, created_at=at)

    batch = write_837p(claims, sender_id="BILLINGPLATFORM", receiver_id="60054", interchange_control_number=1,
                       group_control_number=1, created_at=at)
    started = time.perf_counter()
    validate_x12(batch)
    pyx12_ms = (time.perf_counter() - started) * 1000 / len(claims)
    _, (_, era) = run(claims[:100])
    lines = [ledger.ChargedLine(1, "99213", (), date(2026, 11, 2), claims[0].lines[0].charge),
             ledger.ChargedLine(2, "36415", (), date(2026, 11, 2), claims[0].lines[1].charge)]

    def parse_and_post():
        for event in remittance_to_events(parse_835(era), "r", lambda pcn: pcn):
            ledger.post_claim_payment("c", event, lines)

    return {
        "coding validation + edits (encounters/s)": rate(5000, lambda: code_encounter(encounter, codesets)),
        "suggestions from notes (notes/s)": rate(500, lambda: suggest(note)),
        "claim build + scrub + 837P (claims/s)": rate(2000, build_scrub_write),
        "pyx12 validation (ms per claim, 200-claim file)": pyx12_ms,
        "835 parse + post (claim payments/s)": rate(20, parse_and_post) * 100,
    }
