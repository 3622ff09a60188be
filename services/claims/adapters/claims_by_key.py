"""Claims named by (tenant, patient control number), as the acknowledgments, remits and payer answers name them."""
from collections.abc import Iterable
from operator import attrgetter

from sqlalchemy import Uuid, bindparam
from sqlalchemy.dialects.postgresql import ARRAY

from shared.db.array_literals import array_literal
from shared.db.bulk import in_unnested, text_array_bound
from services.claims.adapters.claim_records import CLAIM, ClaimRecord, PcnKey, RecordReads, claims_query

# The pairs bound as two arrays: one statement text whatever their number, built once. A tuple IN list was
# built, compiled and expanded by SQLAlchemy on every call (some 40% of the 277CA's and the remit's own CPU)
# and was a new statement for Postgres to parse and plan for every count of keys.
_NAMED_BY_PCN = in_unnested((CLAIM.c.tenant_id, CLAIM.c.patient_control_number),
                            (bindparam("pcn_tenant_ids", type_=ARRAY(Uuid)), text_array_bound("pcns")), "pcn_key")
BY_PCNS = {lock: claims_query(_NAMED_BY_PCN, lock=lock) for lock in (True, False)}
ANSWERED = claims_query(_NAMED_BY_PCN, lock=True, follow_up=True)


def _pcn_parameters(keys: list[PcnKey]) -> dict:
    """The pairs as `_NAMED_BY_PCN` binds them: the tenants as a list, the numbers as one array literal."""
    return {"pcn_tenant_ids": [tenant_id for tenant_id, _ in keys], "pcns": array_literal([pcn for _, pcn in keys])}

_PCN_KEY = attrgetter("tenant_id", "patient_control_number")  # a record's PcnKey


class ClaimsByPcn(RecordReads):
    async def by_pcns(self, keys: Iterable[PcnKey], *, lock: bool = True) -> dict[PcnKey, ClaimRecord]:
        """The tenants' claims named by patient control number, locked in id order."""
        return await self._named(BY_PCNS[lock], keys, _pcn_parameters, _PCN_KEY)

    async def answered(self, keys: Iterable[PcnKey]) -> dict[PcnKey, ClaimRecord]:
        """The claims a payer's 271 or 277 names, with their follow-up columns, locked in id order."""
        return await self._named(ANSWERED, keys, _pcn_parameters, _PCN_KEY)
