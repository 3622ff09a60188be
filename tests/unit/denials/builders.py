"""Denial rows as the detector opens them, for tests and tools that seed the queue directly."""
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal

from services.denials.adapters.tables import Denial


def open_denial(tenant_id: uuid.UUID, claim_id: uuid.UUID, n: int, *, opened: datetime) -> Denial:
    """The claim's `n`th open denial: claim-level for 0, line-level after; priorities, assignee and the act
    vary with `n`, so a page of them has an order to keep and every field has a value somewhere."""
    return Denial(
        id=uuid.uuid4(), tenant_id=tenant_id, claim_id=claim_id, remit_id=f"remit-{n}", payer_id="AETNA",
        level="line" if n else "claim", line_number=n or None, procedure_code="71046" if n else None,
        carc_codes=["197"], rarc_codes=["N54"] if n else [], category="authorization", preventable=True,
        recommended_action="appeal", explanation=[f"CO-197: Precertification absent ü {n}"],
        amount=Decimal("65.00") + n, partial=bool(n), payer_claim_number="165951786195", status="open",
        priority=40 + 7 * (n % 3), appeal_deadline=date(2027, 5, 21), sla_due=date(2026, 12, 4),
        assignee="biller@example.test" if n == 1 else None,
        acted_at=opened + timedelta(hours=1) if n == 1 else None,
        opened_at=opened + timedelta(microseconds=250000 * n))
