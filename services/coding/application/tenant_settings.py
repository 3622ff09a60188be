"""A tenant's coding settings: whether note-only codes may be billed without a coder, at which threshold, and
the suggester's measured precision and recall there, so the choice is made knowing the error rate."""
from dataclasses import dataclass
from uuid import UUID

from services.coding.adapters.repositories import CodingUnitOfWork
from services.coding.adapters.tables import TenantCodingSettings
from services.coding.domain.auto_accept import (TARGET_PRECISION, auto_accept_blocker, precision_warning,
                                                settings_problem)
from services.coding.application.coder import Coder


@dataclass(frozen=True)
class RequestedSettings:
    auto_accept_threshold: float | None = None
    auto_accept: bool = False
    accept_below_target_precision: bool = False


class SettingsRejected(Exception):
    """The requested settings are unsafe or contradictory; `field` names the part to change."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


async def tenant_settings(uow: CodingUnitOfWork, *, tenant_id: UUID, coder: Coder) -> dict:
    """The tenant's effective coding settings, where each comes from, and the measured accuracy behind them."""
    row = await uow.settings.get(tenant_id)
    policy = coder.policy(row)
    measured = coder.accuracy.at(policy.threshold)
    reference = coder.reference_for(tenant_id)
    blocker = auto_accept_blocker(policy)
    return {
        "auto_accept": policy.enabled,
        "auto_accept_in_effect": blocker is None,
        "auto_accept_off_reason": blocker,
        "auto_accept_threshold": policy.threshold,
        "auto_accept_threshold_source": "tenant" if row and row.auto_accept_threshold is not None else "default",
        "accept_below_target_precision": policy.accepted_below_target,
        "measured_at_threshold": {
            "precision": None if measured.precision is None else round(measured.precision, 4),
            "recall": round(measured.recall, 4), "true_positives": measured.true_positives,
            "suggested": measured.suggested, "expected": measured.expected, "notes": coder.accuracy.notes,
            "labeled_sets": list(coder.accuracy.labeled_sets)},
        "target_precision": TARGET_PRECISION,
        "warning": precision_warning(policy.threshold, measured.precision),
        "updated_by": row.updated_by if row else None,
        "cpt_file": "tenant" if tenant_id in coder.tenant_references else (
            "deployment" if reference.cpt.complete else "sample"),
        "cpt_codes": len(reference.cpt.codes),
    }


async def replace_settings(uow: CodingUnitOfWork, *, tenant_id: UUID, requested: RequestedSettings, coder: Coder,
                           actor: str) -> None:
    """Replace the tenant's settings; refuse auto-accept below the target precision unless accepted explicitly."""
    threshold = coder.threshold if requested.auto_accept_threshold is None else requested.auto_accept_threshold
    problem = settings_problem(auto_accept=requested.auto_accept,
                               accept_below_target_precision=requested.accept_below_target_precision,
                               threshold=threshold, precision=coder.accuracy.at(threshold).precision)
    if problem:
        raise SettingsRejected(*problem)
    row = await uow.settings.locked(tenant_id)
    if requested == RequestedSettings():
        if row is not None:
            await uow.settings.delete(row)
        return
    row = row or TenantCodingSettings(tenant_id=tenant_id, updated_by=actor[:100])
    row.auto_accept_threshold, row.auto_accept = requested.auto_accept_threshold, requested.auto_accept
    row.accept_below_target_precision, row.updated_by = requested.accept_below_target_precision, actor[:100]
    uow.settings.save(row)
