"""The claims that follow a claim: its replacements and voids, the next payer's claim, an encounter's places."""
from collections.abc import Iterable
from operator import attrgetter
from uuid import UUID

from sqlalchemy import Uuid, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY

from shared.db.bulk import in_array, in_unnested
from shared.db.driver_reads import select_rows
from services.claims.adapters.claim_records import CLAIM, ClaimRecord, RecordReads, TenantKey, claims_query

# Claims named by (tenant, claim id) or (tenant, encounter), the pairs bound as two arrays, built once; each runs
# on the transaction's driver (`select_rows`).
_TENANT_KEYS = (bindparam("key_tenant_ids", type_=ARRAY(Uuid)), bindparam("key_ids", type_=ARRAY(Uuid)))
BY_IDS = claims_query(in_unnested((CLAIM.c.tenant_id, CLAIM.c.id), _TENANT_KEYS, "claim_key"), lock=True,
                      with_coded=True)
CORRECTIONS_COUNTS = (select(CLAIM.c.original_claim_id, func.count())
                      .where(in_unnested((CLAIM.c.tenant_id, CLAIM.c.original_claim_id), _TENANT_KEYS, "original_key"))
                      .group_by(CLAIM.c.original_claim_id))
# A reversed claim's voids still awaiting an answer; its statuses bound as one constant array, built once.
OPEN_VOIDS = claims_query(CLAIM.c.tenant_id == bindparam("tenant_id"),
                          CLAIM.c.original_claim_id == bindparam("original_id"),
                          CLAIM.c.frequency_code == "8", in_array(CLAIM.c.status, ["submitted", "accepted"]), lock=True)
ENCOUNTER_PLACES = (select(CLAIM.c.tenant_id, CLAIM.c.encounter_id, CLAIM.c.id, CLAIM.c.payer_sequence)
                    .where(in_unnested((CLAIM.c.tenant_id, CLAIM.c.encounter_id), _TENANT_KEYS, "encounter_key")))


def _tenant_key_parameters(keys: list[TenantKey]) -> dict:
    """(tenant, id) pairs as `_TENANT_KEYS` binds them: two uuid lists."""
    return {"key_tenant_ids": [tenant_id for tenant_id, _ in keys], "key_ids": [key for _, key in keys]}

_ID_KEY = attrgetter("tenant_id", "id")  # a record's (tenant, claim id)


class ClaimCorrections(RecordReads):
    async def by_ids(self, keys: Iterable[TenantKey]) -> dict[TenantKey, ClaimRecord]:
        """The tenants' claims named by (tenant, claim id), with their coded claims, locked in id order."""
        return await self._named(BY_IDS, keys, _tenant_key_parameters, _ID_KEY)

    async def corrections_of(self, tenant_id: UUID, original_id: UUID) -> int:
        """How many replacement or void claims a claim already has."""
        return await self._session.scalar(select(func.count()).select_from(CLAIM).where(
            CLAIM.c.tenant_id == tenant_id, CLAIM.c.original_claim_id == original_id))

    async def corrections_counts(self, keys: Iterable[TenantKey]) -> dict[UUID, int]:
        """How many replacement or void claims each of these (tenant, claim id) already has."""
        wanted = list(set(keys))
        if not wanted:
            return {}
        return dict(await select_rows(self._session, CORRECTIONS_COUNTS, _tenant_key_parameters(wanted)))

    async def open_voids_of(self, tenant_id: UUID, original_id: UUID) -> list[ClaimRecord]:
        """The sent voids (frequency 8) of a claim, locked."""
        return await self._run(OPEN_VOIDS, {"tenant_id": tenant_id, "original_id": original_id})

    async def coded_of(self, ids: Iterable[UUID]) -> dict[UUID, tuple[dict, list | None]]:
        """The coded claim and earlier payers' adjudications of these claims (the next payer's claim starts there)."""
        wanted = list(set(ids))
        if not wanted:
            return {}
        rows = await self._session.execute(select(CLAIM.c.id, CLAIM.c.coded, CLAIM.c.prior_payers)
                                           .where(in_array(CLAIM.c.id, wanted)))
        return {claim_id: (coded, prior) for claim_id, coded, prior in rows}

    async def encounter_places(self, keys: Iterable[TenantKey]) -> dict[TenantKey, list[tuple[UUID, str]]]:
        """Every claim of these (tenant, encounter) with its payer place: a later payer's correction does not
        count the earlier payers' claims as duplicates."""
        wanted = list(set(keys))
        if not wanted:
            return {}
        rows = await select_rows(self._session, ENCOUNTER_PLACES, _tenant_key_parameters(wanted))
        places: dict[TenantKey, list[tuple[UUID, str]]] = {}
        for tenant_id, encounter_id, claim_id, sequence in rows:
            places.setdefault((tenant_id, encounter_id), []).append((claim_id, sequence))
        return places
