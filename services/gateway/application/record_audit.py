"""Audit entries of requests that wrote nothing else (reads, refusals): appended to the chain in bulk."""


async def record_audit(uow, entries: list[dict]) -> list[None]:
    """One answer (nothing) per entry: the batch writer hands each request its own."""
    await uow.audit.append(entries, at=uow.now())
    return [None] * len(entries)
