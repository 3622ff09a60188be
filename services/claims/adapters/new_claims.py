"""What claim.coded writes, and reads first: the ids already billed and the live lines of the batch's service days."""
from collections.abc import Iterable, Sequence
from uuid import UUID

from sqlalchemy import Date, Uuid, bindparam, select
from sqlalchemy.dialects.postgresql import ARRAY

from shared.contracts.claim import ClaimCoded
from shared.db.array_literals import array_literal
from shared.db.bulk import (Insert, any_bound, in_unnested, insert_together, json_of, not_in_array,
                            text_array_bound)
from shared.db.driver_reads import select_rows
from shared.db.transaction_driver import TransactionDriver, flush_pending
from services.claims.adapters.claim_records import CLAIM, LINE, RecordReads, ServiceDayKey
from services.claims.adapters.written_documents import WRITTEN

# The ids as one array, the service days as three: one statement text whatever their number, built once, run
# on the transaction's driver (`select_rows`) as every claim.coded batch asks them.
EXISTING_IDS = select(CLAIM.c.id).where(CLAIM.c.id == any_bound("ids"))
BILLED_SERVICES = (select(LINE.c.tenant_id, LINE.c.patient_id, LINE.c.date_of_service, LINE.c.claim_id,
                          LINE.c.procedure_code, LINE.c.rendering_npi)
                   .join(CLAIM, CLAIM.c.id == LINE.c.claim_id)
                   .where(in_unnested((LINE.c.tenant_id, LINE.c.patient_id, LINE.c.date_of_service),
                                      (bindparam("day_tenant_ids", type_=ARRAY(Uuid)), text_array_bound("day_patient_ids"),
                                       bindparam("days", type_=ARRAY(Date))), "service_day"),
                          not_in_array(CLAIM.c.status, ["voided", "held"])))


def service_day_parameters(keys: list[ServiceDayKey]) -> dict:
    """The days as `BILLED_SERVICES` binds them: tenants and dates as lists, the patients as one array literal."""
    return {"day_tenant_ids": [tenant_id for tenant_id, _, _ in keys],
            "day_patient_ids": array_literal([patient_id for _, patient_id, _ in keys]),
            "days": [day for _, _, day in keys]}


def billed_by_day(rows) -> dict[ServiceDayKey, list[tuple[UUID, tuple]]]:
    """`BILLED_SERVICES`' rows by service day: (claim id, service key)."""
    found: dict[ServiceDayKey, list[tuple[UUID, tuple]]] = {}
    for tenant_id, patient_id, day, claim_id, code, npi in rows:
        found.setdefault((tenant_id, patient_id, day), []).append((claim_id, (patient_id, day, code, npi)))
    return found


class NewClaims(RecordReads):
    async def existing_ids(self, ids: Iterable[UUID]) -> set[UUID]:
        wanted = list(set(ids))
        if not wanted:
            return set()
        return {claim_id for (claim_id,) in await select_rows(self._session, EXISTING_IDS, {"ids": wanted})}

    async def billed_services(self, keys: Iterable[ServiceDayKey]) -> dict[ServiceDayKey, list[tuple[UUID, tuple]]]:
        """Lines of live claims (not voided or held) for these patients and days: (claim id, service key)."""
        wanted = list(set(keys))
        if not wanted:
            return {}
        return billed_by_day(await select_rows(self._session, BILLED_SERVICES, service_day_parameters(wanted)))

    async def insert_many(self, rows: list[dict], lines: Sequence[dict] = (), *, along: Sequence[Insert] = ()) -> None:
        """New claims, their lines and rows queued for other tables (`along`) in one statement: one round trip
        where there was one a table. Each row's `coded` (its ClaimCoded) is encoded here in one call by
        pydantic's serializer, and kept with its model once written (the round reads it back)."""
        claims = Insert(CLAIM, [{**row, "coded": json_of(row["coded"])} for row in rows])
        await flush_pending(self._session)
        await insert_together(await TransactionDriver.of(self._session), [claims, Insert(LINE, list(lines)), *along])
        for row, written in zip(rows, claims.rows):
            if type(row["coded"]) is ClaimCoded:
                WRITTEN.wrote(row["id"], written["coded"], row["coded"])
