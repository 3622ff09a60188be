"""What the coding use cases need, built once at start: reference data, the note suggester and the
auto-accept defaults with the suggester's measured accuracy."""
import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Callable, Mapping
from uuid import UUID

from services.coding.adapters.tables import TenantCodingSettings
from services.coding.domain.auto_accept import AccuracyCurve, AutoAcceptPolicy
from services.coding.domain.reference import ReferenceData
from services.coding.domain.suggestions import Suggestion


@dataclass(frozen=True)
class Coder:
    """Reference data (the default, and per tenant with the tenant's own CPT file), the note suggester, the
    default auto-accept threshold (a tenant may set its own) and the suggester's measured accuracy by threshold."""

    reference: ReferenceData
    suggest: Callable[[str], list[Suggestion]] | None
    threshold: float
    tenant_references: Mapping[UUID, ReferenceData] = field(default_factory=dict)
    accuracy: AccuracyCurve = AccuracyCurve(points=(), notes=0)
    suggest_off_the_loop: bool = True

    def suggestions(self, note: str | None) -> list[Suggestion]:
        return self.suggest(note) if note and self.suggest else []

    async def suggestions_for(self, notes: Sequence[str | None]) -> list[list[Suggestion]]:
        """Each note's suggestions, in order. A backlog's batch of notes is seconds of CPU on a loaded host: in a
        worker thread the event loop keeps answering liveness probes and relaying the outbox meanwhile, where
        on the loop the orchestrator would restart a busy, healthy process. (Tools that profile one thread
        turn it off.)"""
        if not self.suggest or not any(notes):
            return [[] for _ in notes]
        def suggest_all() -> list[list[Suggestion]]:
            return [self.suggestions(note) for note in notes]
        return await asyncio.to_thread(suggest_all) if self.suggest_off_the_loop else suggest_all()

    def reference_for(self, tenant_id: UUID) -> ReferenceData:
        return self.tenant_references.get(tenant_id, self.reference)

    def policy(self, row: TenantCodingSettings | None) -> AutoAcceptPolicy:
        """The tenant's auto-accept choice with the measured precision at its threshold (off without a row)."""
        threshold = row.auto_accept_threshold if row and row.auto_accept_threshold is not None else self.threshold
        return AutoAcceptPolicy(enabled=bool(row and row.auto_accept), threshold=threshold,
                                measured_precision=self.accuracy.at(threshold).precision,
                                accepted_below_target=bool(row and row.accept_below_target_precision))
