"""The audit chain's rows carry the entries' ids as UUIDs, whether handed over as UUIDs (intake) or as text
(the audit writer), and hash them as text either way."""
from datetime import datetime, timezone
from uuid import UUID, uuid4

import pytest

from services.gateway.adapters.repositories import AuditChain
from services.gateway.domain.audit import GENESIS, chained

pytestmark = pytest.mark.unit
AT = datetime(2026, 12, 6, 1, 0, tzinfo=timezone.utc)


class EmptyChain(AuditChain):
    """The chain with no entries stored yet, its lock and head read answered without a database."""

    def __init__(self):
        super().__init__(session=None)

    async def _lock(self) -> None:
        pass

    async def _stored_head(self) -> tuple[int, str]:
        return 0, GENESIS


async def test_ids_handed_as_uuids_or_text_give_the_same_rows():
    tenant, key = uuid4(), uuid4()
    entry = {"action": "create", "object_type": "encounter", "object_id": "e-1", "outcome": 202}
    as_uuids, as_text = EmptyChain(), EmptyChain()
    await as_uuids.append([{**entry, "tenant_id": tenant, "key_id": key}], at=AT)
    await as_text.append([{**entry, "tenant_id": str(tenant), "key_id": str(key)}], at=AT)
    rows, text_rows = as_uuids.pending()[0].rows, as_text.pending()[0].rows
    assert rows == text_rows
    assert rows[0]["tenant_id"] == tenant and isinstance(rows[0]["key_id"], UUID)
    [(_, _, digest)] = chained([{**entry, "tenant_id": str(tenant), "key_id": str(key)}], at=AT, after_seq=0,
                               after_hash=GENESIS)
    assert rows[0]["hash"] == digest
