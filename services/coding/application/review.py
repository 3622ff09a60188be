"""The review queue: a coder claims a held encounter, corrects its codes and releases it as claim.coded;
every change is kept in the encounter's audit trail."""
from uuid import UUID

from shared.contracts.common import CodeSource
from shared.contracts.encounter import EncounterDocumented
from services.coding.adapters.repositories import CodingUnitOfWork
from services.coding.adapters.tables import CodedEncounter, CodingAudit
from services.coding.application.code_encounters import (em_billed_same_day, emit_claim_coded, outcome_columns,
                                                         same_day_key)
from services.coding.application.coder import Coder
from services.coding.domain.codes import icd_compact
from services.coding.domain.coder import CodingOutcome, code_encounter


class ReviewRejected(Exception):
    """The coder's request cannot apply; the encounter stays in review. Message and edits are PHI-free."""

    def __init__(self, edits: list, status: int = 422, title: str = "The corrected codes still fail coding edits"):
        super().__init__(title)
        self.edits, self.status, self.title = edits, status, title


async def find_encounter(uow: CodingUnitOfWork, *, tenant_id: UUID, encounter_id: UUID) -> CodedEncounter | None:
    return await uow.encounters.get(tenant_id, encounter_id)


async def list_review_queue(uow: CodingUnitOfWork, *, tenant_id: UUID, limit: int, after: UUID | None,
                            edit_id: str | None = None, assigned_to: str | None = None) -> list[CodedEncounter]:
    """Held encounters, oldest id first; filter by an edit id, or by assignee ("none" for unclaimed)."""
    return await uow.encounters.review_queue(tenant_id, limit=limit, after=after, edit_id=edit_id,
                                             assigned_to=assigned_to)


def _pending_or_raise(row: CodedEncounter, coder: str) -> None:
    if row.status != "needs_review":
        raise ReviewRejected([{"edit_id": "REVIEW-NOT-PENDING", "message": f"the encounter is {row.status}"}], 409,
                             "The encounter is not waiting for review")
    if row.assigned_to and row.assigned_to != coder:
        raise ReviewRejected([{"edit_id": "REVIEW-CLAIMED", "message": "another coder has claimed this item"}], 409,
                             "The review item is claimed by another coder")


async def claim_review_item(uow: CodingUnitOfWork, *, tenant_id: UUID, encounter_id: UUID,
                            coder: str) -> CodedEncounter | None:
    """A coder takes a held encounter; nobody else can review it until it is released."""
    row = await uow.encounters.locked(tenant_id, encounter_id)
    if row is None:
        return None
    _pending_or_raise(row, coder[:100])
    row.assigned_to = coder[:100]
    uow.audit.add(CodingAudit(tenant_id=tenant_id, encounter_id=encounter_id, actor=coder[:100], action="claim",
                              before={}, after={"assigned_to": row.assigned_to}))
    return row


async def review_encounter(uow: CodingUnitOfWork, *, tenant_id: UUID, encounter_id: UUID, coder: str,
                           diagnoses: list[str], procedures: list[dict], reason: str,
                           coding: Coder) -> CodedEncounter | None:
    """A coder's codes replace the encounter's; if every edit passes it is released as claim.coded.

    Provenance: a code the provider sent stays "provider", one the note suggested is "suggestion" (accepted by
    this coder), any other is "coder"; suggestions the coder left out are recorded as rejected.
    """
    row = await uow.encounters.locked(tenant_id, encounter_id)
    if row is None:
        return None
    _pending_or_raise(row, coder[:100])
    if await uow.queries.open_on(tenant_id, encounter_id) is not None:
        raise ReviewRejected([{"edit_id": "REVIEW-QUERY-OPEN", "message": "waiting for the provider's answer"}], 409,
                             "The encounter waits for the provider's answer to a documentation query")
    before = {"diagnoses": row.diagnoses, "procedures": row.procedures}
    corrected = EncounterDocumented.model_validate({**row.encounter, "diagnoses": diagnoses, "procedures": procedures})
    key = same_day_key(tenant_id, corrected)
    billed = await uow.encounters.coded_on([key])
    outcome = code_encounter(corrected, coding.reference_for(tenant_id),
                             em_billed_same_day=em_billed_same_day(corrected, billed.get(key, ())))
    if outcome.status != "coded":
        raise ReviewRejected([e.model_dump(mode="json") for e in outcome.edits if e.severity == "error"])
    outcome, decisions = _provenance(row, outcome)
    for column, value in outcome_columns(outcome).items():
        setattr(row, column, value)
    row.encounter, row.suggestions = corrected.model_dump(mode="json"), decisions
    row.claim_id = emit_claim_coded(uow, tenant_id, corrected, outcome)
    uow.audit.add(CodingAudit(
        tenant_id=tenant_id, encounter_id=encounter_id, actor=coder[:100], action="review", before=before,
        after={"diagnoses": row.diagnoses, "procedures": row.procedures,
               "suggestions": [{"code": s["code"], "decision": s["status"]} for s in decisions]},
        reason=reason[:500]))
    return row


def _provenance(row: CodedEncounter, outcome: CodingOutcome) -> tuple[CodingOutcome, list[dict]]:
    provider_dx = {icd_compact(c) for c in row.encounter.get("diagnoses", [])}
    provider_px = {p["code"] for p in row.encounter.get("procedures", [])}
    suggested = {icd_compact(s["code"]) for s in row.suggestions}
    final = {icd_compact(d.code) for d in outcome.diagnoses}

    def dx_source(code: str) -> CodeSource:
        compact = icd_compact(code)
        return CodeSource.PROVIDER if compact in provider_dx else (
            CodeSource.SUGGESTION if compact in suggested else CodeSource.CODER)

    diagnoses = [d.model_copy(update={"source": dx_source(d.code)}) for d in outcome.diagnoses]
    procedures = [p.model_copy(update={"source": CodeSource.PROVIDER if p.code in provider_px else CodeSource.CODER})
                  for p in outcome.procedures]
    decisions = [{**s, "status": "accepted" if icd_compact(s["code"]) in final else "rejected"} for s in row.suggestions]
    return CodingOutcome(status=outcome.status, diagnoses=diagnoses, procedures=procedures, edits=outcome.edits,
                         suggestions=outcome.suggestions), decisions


async def audit_trail(uow: CodingUnitOfWork, *, tenant_id: UUID, encounter_id: UUID) -> list[CodingAudit]:
    return await uow.audit.trail(tenant_id, encounter_id)
