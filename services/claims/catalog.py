"""Reference data the claims service loads once at start: fee schedule and the default payer list."""
from dataclasses import asdict
from pathlib import Path

from shared.contracts.claim import ClaimCoded
from shared.contracts.tenant import BillingProvider
from services.claims.domain.build import build_claim
from services.claims.domain.fee_schedule import FeeSchedule, load_fee_schedule
from services.claims.domain.model import Claim as DomainClaim
from services.claims.domain.model import Payer
from services.claims.domain.payers import load_payers

DATA = Path(__file__).parent / "data"


class Catalog:
    def __init__(self, fee_schedule: FeeSchedule, payers: list[Payer]):
        self.fee_schedule = fee_schedule
        self.payers = payers

    @classmethod
    def load(cls, fee_schedule_dir: str | None = None) -> "Catalog":
        schedule_dir = Path(fee_schedule_dir) if fee_schedule_dir else DATA / "fee_schedules"
        return cls(load_fee_schedule(schedule_dir / "default.csv"), load_payers(DATA / "payers.csv"))

    def default_payer_rows(self) -> list[dict]:
        return [asdict(p) for p in self.payers]

    def build(self, coded: ClaimCoded, tenant, payer: Payer) -> DomainClaim:
        return build_claim(
            coded, tenant_id=str(tenant.tenant_id),
            billing_provider=BillingProvider.model_validate(tenant.billing_provider),
            fee_schedule=self.fee_schedule, payer=payer, patient_control_number=coded.patient_control_number,
        )
