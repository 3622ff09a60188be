"""Provider documentation queries: a coder asks the rendering provider about an unclear note; the
encounter waits in the review queue until the answer arrives, and both stay in its audit trail."""
import uuid
from uuid import UUID

from services.coding.adapters.repositories import CodingUnitOfWork
from services.coding.adapters.tables import CodingAudit, ProviderQuery


class QueryRefused(Exception):
    """The query cannot be asked or answered in this state. PHI-free message."""


async def ask(uow: CodingUnitOfWork, *, tenant_id: UUID, encounter_id: UUID, coder: str, unclear: str, question: str,
              options: list[str]) -> ProviderQuery | None:
    encounter = await uow.encounters.locked(tenant_id, encounter_id)
    if encounter is None:
        return None
    if encounter.status != "needs_review":
        raise QueryRefused(f"the encounter is {encounter.status}; only an encounter in review can be queried")
    if await uow.queries.open_on(tenant_id, encounter_id) is not None:
        raise QueryRefused("a query to the provider is already open for this encounter")
    query = ProviderQuery(id=uuid.uuid4(), tenant_id=tenant_id, encounter_id=encounter_id,
                          rendering_npi=encounter.rendering_npi, unclear=unclear, question=question, options=options,
                          status="open", asked_by=coder[:100])
    uow.queries.add(query)
    uow.audit.add(CodingAudit(tenant_id=tenant_id, encounter_id=encounter_id, actor=coder[:100], action="query",
                              before={}, after={"query_id": str(query.id), "unclear": unclear, "question": question,
                                                "options": options}))
    return query


async def answer(uow: CodingUnitOfWork, *, tenant_id: UUID, query_id: UUID, provider: str,
                 text: str) -> ProviderQuery | None:
    query = await uow.queries.locked(tenant_id, query_id)
    if query is None:
        return None
    if query.status != "open":
        raise QueryRefused(f"the query is {query.status}")
    if query.options and text not in query.options:
        raise QueryRefused("the answer must be one of the query's options")
    query.status, query.answer, query.answered_by = "answered", text, provider[:100]
    query.answered_at = uow.now()
    uow.audit.add(CodingAudit(tenant_id=tenant_id, encounter_id=query.encounter_id, actor=provider[:100],
                              action="query-answer", before={"query_id": str(query.id)}, after={"answer": text}))
    return query


async def for_encounter(uow: CodingUnitOfWork, tenant_id: UUID, encounter_id: UUID) -> list[ProviderQuery]:
    return await uow.queries.of_encounter(tenant_id, encounter_id)


async def open_for(uow: CodingUnitOfWork, tenant_id: UUID, encounter_ids: list[UUID]) -> dict[UUID, ProviderQuery]:
    return await uow.queries.open_on_many(tenant_id, encounter_ids)


def public(query: ProviderQuery) -> dict:
    return {"query_id": str(query.id), "encounter_id": str(query.encounter_id), "status": query.status,
            "rendering_npi": query.rendering_npi, "unclear": query.unclear, "question": query.question,
            "options": query.options, "asked_by": query.asked_by,
            "asked_at": query.asked_at.isoformat() if query.asked_at else None, "answer": query.answer,
            "answered_by": query.answered_by,
            "answered_at": query.answered_at.isoformat() if query.answered_at else None}
