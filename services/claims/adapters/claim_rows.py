"""Single claims as table rows, for the API's steps: fix, correct, notes, the claims list, a patient's newest."""
from datetime import datetime
from uuid import UUID

from sqlalchemy import and_, or_, select

from shared.db.bulk import insert_rows
from shared.db.plans import plan_with_values
from services.claims.adapters.claim_records import CLAIM, LINE, RecordReads
from services.claims.adapters.tables import Claim, ClaimLine


class ClaimRows(RecordReads):
    async def get(self, tenant_id: UUID, claim_id: UUID, *, lock: bool = False) -> Claim | None:
        """One claim of this tenant as a table row (the API's steps: fix, correct, notes)."""
        query = select(Claim).where(Claim.id == claim_id, Claim.tenant_id == tenant_id)
        return (await self._session.execute(query.with_for_update() if lock else query)).scalar_one_or_none()

    async def page(self, tenant_id: UUID, *, filters: dict, limit: int,
                   before: tuple[datetime, UUID] | None) -> list[Claim]:
        """The tenant's claims, newest first, equal to each of `filters`; `before` is the last row's
        (created_at, id). A page after a cursor is planned with its values: how much of the tenant a
        generic plan would read below the cursor depends on the tenant's size."""
        query = select(Claim).where(Claim.tenant_id == tenant_id,
                                    *(getattr(Claim, column) == value for column, value in filters.items()))
        if before:
            await plan_with_values(self._session)
            at, claim_id = before
            query = query.where(or_(Claim.created_at < at, and_(Claim.created_at == at, Claim.id < claim_id)))
        return list((await self._session.execute(
            query.order_by(Claim.created_at.desc(), Claim.id.desc()).limit(limit))).scalars())

    async def held_for_edit(self, tenant_id: UUID, edit_id: str) -> list[Claim]:
        """The tenant's claims held with this edit among their findings, as locked table rows, in id order."""
        query = (select(Claim).where(Claim.tenant_id == tenant_id, Claim.status == "held",
                                     Claim.edits.contains([{"edit_id": edit_id}]))
                 .order_by(Claim.id).with_for_update())
        return list((await self._session.execute(query)).scalars())

    async def by_pcn(self, tenant_id: UUID, pcn: str) -> Claim | None:
        """One claim by patient control number as a locked table row."""
        query = select(Claim).where(Claim.tenant_id == tenant_id, Claim.patient_control_number == pcn)
        return (await self._session.execute(query.with_for_update())).scalar_one_or_none()

    async def replace_lines(self, claim_id: UUID, rows: list[dict]) -> None:
        await self._session.execute(LINE.delete().where(LINE.c.claim_id == claim_id))
        await insert_rows(self._session, LINE, rows)

    async def newest_coded_of_patient(self, tenant_id: UUID, patient_id: str) -> dict | None:
        """The coded claim of the patient's most recent claim."""
        newest = (select(CLAIM.c.coded).join(LINE, LINE.c.claim_id == CLAIM.c.id)
                  .where(CLAIM.c.tenant_id == tenant_id, LINE.c.tenant_id == tenant_id, LINE.c.patient_id == patient_id)
                  .order_by(CLAIM.c.created_at.desc()).limit(1))
        return (await self._session.execute(newest)).scalar_one_or_none()

    async def lines_of(self, claim_id: UUID) -> list:
        return list((await self._session.execute(
            select(ClaimLine).where(ClaimLine.claim_id == claim_id).order_by(ClaimLine.line_number))).scalars())
