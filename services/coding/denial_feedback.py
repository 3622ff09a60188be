"""Denial patterns in coding: denial.opened is counted per payer, procedure and reason, and an
encounter for a procedure this payer keeps denying carries a warning the coder sees."""
from datetime import date
from uuid import UUID

from shared import denial_patterns
from shared.contracts.common import EditResult
from shared.contracts.denial import DenialOpened
from shared.contracts.encounter import EncounterDocumented
from shared.contracts.envelope import Envelope
from shared.db.unit_of_work import UnitOfWork
from services.coding.adapters.tables import DenialPattern


async def learn(uow: UnitOfWork, event: Envelope[DenialOpened], *, today: date) -> None:
    for statement in denial_patterns.learn(DenialPattern, tenant_id=event.tenant_id, denial=event.payload, today=today):
        await uow.session.execute(statement)


async def warnings(uow: UnitOfWork, tenant_id: UUID, encounter: EncounterDocumented, *, today: date) -> list[EditResult]:
    codes = [line.code for line in encounter.procedures]
    if not codes:
        return []
    payer_id = encounter.coverage.payer_id
    rows = await uow.session.execute(denial_patterns.history_query(DenialPattern, tenant_id=tenant_id, payer_id=payer_id,
                                                                   procedure_codes=codes))
    return denial_patterns.pattern_warnings(payer_id=payer_id, payer_name=payer_id, procedure_codes=codes,
                                            history=denial_patterns.history_of(rows.scalars()), today=today,
                                            edit_id="CODING-DENIAL-PATTERN")
