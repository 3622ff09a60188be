"""claim.submitted's lines as the hand-over reads them (the charge and the day as the JSON aggregate's texts)
make the same event as the typed values did."""
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from shared.contracts.claim import ClaimSubmitted
from services.claims.adapters.claim_round import LINE_PARTS, _line

pytestmark = pytest.mark.unit

CHARGES = ["0.00", "-0.00", "0.01", "12.50", "18.00", "112.35", "100.10", "9999999999.99", "1000000.00"]
DAYS = ["2026-10-03", "2024-02-29", "0999-01-01", "9999-12-31"]


def _event(lines: list[dict]) -> ClaimSubmitted:
    return ClaimSubmitted(claim_id="c", encounter_id="e", patient_control_number="PCN1", payer_id="AETNA",
                          patient_id="MRN-1", rendering_npi="1234567893", total_charge=Decimal("148.35"),
                          interchange_control_number="000000001",
                          submitted_at=datetime(2026, 12, 6, tzinfo=timezone.utc), lines=lines)


@pytest.mark.parametrize("day", DAYS)
def test_a_lines_texts_make_the_event_their_decimal_and_date_made(day):
    parts = [[n, "99213", ["25"] if n % 2 else [], 1 + n % 3, charge, day] for n, charge in enumerate(CHARGES, start=1)]
    typed = [{**dict(zip(LINE_PARTS, part)), "charge": Decimal(part[4]), "date_of_service": date.fromisoformat(day)}
             for part in parts]

    as_read, as_typed = _event([_line(part) for part in parts]), _event(typed)

    assert as_read == as_typed and as_read.model_dump_json() == as_typed.model_dump_json()
    assert [str(line.charge) for line in as_read.lines] == CHARGES  # the scale and the sign kept, "-0.00" too
    assert all(type(line.charge) is Decimal and type(line.date_of_service) is date for line in as_read.lines)
