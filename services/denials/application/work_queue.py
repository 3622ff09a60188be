"""The denials work queue: list and read denials, and work them (assign, write off, record an appeal's
outcome, correct the claim). Every action is kept; the first one stops the SLA clock."""
import uuid
from uuid import UUID

from shared.contracts.claim import ClaimCorrectionRequested
from shared.contracts.denial import DenialResolved
from services.denials.adapters.repositories import WORKABLE, DenialsUnitOfWork
from services.denials.adapters.tables import Denial, DenialAction

QUEUE_FILTERS = ("status", "category", "payer_id", "claim_id", "assignee", "preventable")


class ActionRefused(Exception):
    """The denial cannot take this action in its state. PHI-free message."""


async def list_denials(uow: DenialsUnitOfWork, *, tenant_id: UUID, filters: dict, limit: int,
                       after: str | None) -> list[Denial]:
    """Highest priority first, then oldest; the cursor is the last row's (priority, id)."""
    cursor = None
    if after:
        priority, _, last_id = after.partition(":")
        cursor = (int(priority), UUID(last_id))
    return await uow.denials.queue(tenant_id, limit=limit, after=cursor,
                                   filters={c: filters[c] for c in QUEUE_FILTERS if filters.get(c) is not None})


async def find_denial(uow: DenialsUnitOfWork, *, tenant_id: UUID, denial_id: UUID) -> Denial | None:
    return await uow.denials.get(tenant_id, denial_id)


async def actions(uow: DenialsUnitOfWork, denial: Denial) -> list[DenialAction]:
    return await uow.denials.actions_of(denial.id)


async def locked_in_state(uow: DenialsUnitOfWork, tenant_id: UUID, denial_id: UUID, states: tuple[str, ...],
                          refusal: str) -> Denial | None:
    """The denial, locked, if it is in one of `states`; ActionRefused ("a <status> denial <refusal>") if not."""
    denial = await uow.denials.locked(tenant_id, denial_id)
    if denial is not None and denial.status not in states:
        raise ActionRefused(f"a {denial.status} denial {refusal}")
    return denial


def act(uow: DenialsUnitOfWork, denial: Denial, action: str, actor: str, detail: dict) -> None:
    """Every action is kept; the first one stops the SLA clock."""
    denial.acted_at = denial.acted_at or uow.now()
    uow.denials.add_action(DenialAction(tenant_id=denial.tenant_id, denial_id=denial.id, action=action, actor=actor,
                                        detail=detail))


async def assign(uow: DenialsUnitOfWork, *, tenant_id: UUID, denial_id: UUID, actor: str,
                 assignee: str | None) -> Denial | None:
    denial = await locked_in_state(uow, tenant_id, denial_id, WORKABLE, "is closed")
    if denial is None:
        return None
    denial.assignee = assignee
    uow.denials.add_action(DenialAction(tenant_id=tenant_id, denial_id=denial.id, action="assign", actor=actor,
                                        detail={"assignee": assignee}))
    return denial


async def write_off(uow: DenialsUnitOfWork, *, tenant_id: UUID, denial_id: UUID, actor: str,
                    reason: str) -> Denial | None:
    """Closes the denial; the adjustment reaches the ledger through denial.resolved (payments posts it)."""
    denial = await locked_in_state(uow, tenant_id, denial_id, ("open", "appealed", "appeal_lost"),
                                   "cannot be written off")
    if denial is None:
        return None
    denial.status = "written_off"
    denial.resolved_at = uow.now()
    act(uow, denial, "write-off", actor, {"reason": reason})
    uow.emit(DenialResolved(denial_id=str(denial.id), claim_id=str(denial.claim_id), resolution="written_off",
                            amount=denial.amount, reason=reason), tenant_id=tenant_id, subject_id=denial.claim_id)
    return denial


async def record_appeal_outcome(uow: DenialsUnitOfWork, *, tenant_id: UUID, denial_id: UUID, actor: str,
                                outcome: str, note: str) -> Denial | None:
    """Won: the payer will reprocess, and its payment closes the denial. Lost: back to the queue for a
    second-level appeal or a write-off."""
    denial = await locked_in_state(uow, tenant_id, denial_id, ("appealed",), "has no appeal waiting for an outcome")
    if denial is None:
        return None
    if outcome == "lost":
        denial.status = "appeal_lost"
    act(uow, denial, "appeal-outcome", actor, {"outcome": outcome, "note": note})
    return denial


async def correct(uow: DenialsUnitOfWork, *, tenant_id: UUID, denial_id: UUID, actor: str,
                  correction: dict) -> Denial | None:
    """Sends the corrected codes to claims, which bills a replacement claim (frequency 7 with REF*F8)."""
    denial = await locked_in_state(uow, tenant_id, denial_id, ("open", "appeal_lost"), "cannot be corrected")
    if denial is None:
        return None
    if not denial.payer_claim_number:
        raise ActionRefused("the payer gave no claim number; a replacement claim needs it for REF*F8")
    request = ClaimCorrectionRequested(correction_id=str(uuid.uuid4()), claim_id=str(denial.claim_id),
                                       denial_id=str(denial.id), **correction)
    denial.status = "corrected"
    act(uow, denial, "correct", actor, request.model_dump(mode="json", exclude_none=True))
    uow.emit(request, tenant_id=tenant_id, subject_id=denial.claim_id)
    return denial
