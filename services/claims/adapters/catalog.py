"""Reference data the claims service loads once at start: fee schedules and the default payer list."""
from dataclasses import asdict, replace
from pathlib import Path

from shared.contracts.claim import ClaimCoded
from shared.contracts.tenant import BillingProvider
from services.claims.adapters.fee_schedule_files import FeeSchedules, load_fee_schedules
from services.claims.adapters.prior_payer_json import prior_payers_from_json
from services.claims.domain.build import build_claim
from services.claims.domain.model import Claim as DomainClaim
from services.claims.domain.model import Payer
from services.claims.domain.payers import load_payers

DATA = Path(__file__).parents[1] / "data"
DEFAULT_LOCALITY = "06102-99"  # Rest of Illinois in the GPCI file; the deployment sets its own


class Catalog:
    def __init__(self, fee_schedules: FeeSchedules, payers: list[Payer]):
        self.fee_schedules = fee_schedules
        self.payers = payers

    @classmethod
    def load(cls, fee_schedule_dir: str | None = None, *, reference_dir: str | Path = ".run/claims-reference",
             locality: str = DEFAULT_LOCALITY) -> "Catalog":
        schedules = load_fee_schedules(Path(fee_schedule_dir) if fee_schedule_dir else None, Path(reference_dir),
                                       locality)
        return cls(schedules, load_payers(DATA / "payers.csv"))

    def default_payer_rows(self) -> list[dict]:
        return [asdict(p) for p in self.payers]

    def build(self, coded: ClaimCoded, tenant, payer: Payer) -> DomainClaim:
        return self.build_for(coded, str(tenant.tenant_id), BillingProvider.model_validate(tenant.billing_provider),
                              payer)

    def build_for(self, coded: ClaimCoded, tenant_id: str, billing_provider: BillingProvider,
                  payer: Payer) -> DomainClaim:
        """Priced from the tenant's own fee schedule, else the default for the claim's place of service."""
        return build_claim(
            coded, tenant_id=tenant_id, billing_provider=billing_provider,
            fee_schedule=self.fee_schedules.for_claim(tenant_id, coded.place_of_service),
            payer=payer, patient_control_number=coded.patient_control_number,
        )

    def rebuild(self, record, tenant_id: str, billing_provider: BillingProvider, payer: Payer, *,
                coded: ClaimCoded | None = None) -> DomainClaim:
        """A stored claim (a ClaimRecord loaded with its coded claim, or given it already validated as `coded`)
        as it was scrubbed: priced again, with its place in the payer order and, for a later payer, the earlier
        payers' adjudications."""
        coded = coded if coded is not None else ClaimCoded.model_validate(record.coded)
        claim = self.build_for(coded, tenant_id, billing_provider, payer)
        if record.payer_sequence == "P" and not record.prior_payers:
            return claim
        return replace(claim, payer_sequence=record.payer_sequence,
                       prior_payers=prior_payers_from_json(record.prior_payers))
