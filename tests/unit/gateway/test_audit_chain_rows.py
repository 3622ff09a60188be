"""The audit chain's rows carry the entries' ids as UUIDs, whether handed over as UUIDs (intake) or as text
(the audit writer), and hash them as text either way."""
from datetime import datetime, timezone
from uuid import UUID, uuid4

import pytest

from services.gateway.adapters.audit_append import ChainHead
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


class HeadlessChain(EmptyChain):
    """A chain whose stored head must not be read: the remembered one stands in for it."""

    async def _stored_head(self) -> tuple[int, str]:
        raise AssertionError("the stored head was read")


async def test_entries_link_after_the_remembered_head_without_reading_it_and_only_a_checked_write_takes_them():
    memory, chain = ChainHead(), HeadlessChain()
    memory.committed((41, "f" * 64))
    chain.remember(memory)
    entry = {"action": "create", "object_type": "encounter", "object_id": "e-1", "outcome": 202,
             "tenant_id": uuid4(), "key_id": uuid4()}
    await chain.append([entry, {**entry, "object_id": "e-2"}], at=AT)
    assert chain.guessed
    rows = chain._rows
    assert [r["seq"] for r in rows] == [42, 43] and rows[0]["prev_hash"] == "f" * 64
    assert rows[1]["prev_hash"] == rows[0]["hash"]
    chain.committed()
    assert memory.head == (43, rows[1]["hash"])  # noted as the head the transaction leaves


async def test_a_chain_without_a_remembered_head_reads_the_stored_one_and_notes_what_it_left():
    memory, chain = ChainHead(), EmptyChain()
    chain.remember(memory)
    await chain.append([{"action": "read", "object_type": "claim", "object_id": "c", "outcome": 200,
                         "tenant_id": uuid4(), "key_id": uuid4()}], at=AT)
    assert not chain.guessed and chain.pending()[0].gate is None
    assert memory.head is None  # not committed yet
    chain.committed()
    assert memory.head[0] == 1


def test_entries_linked_again_after_another_head_keep_their_fields_and_link_up():
    from services.gateway.adapters.repositories import _linked_after

    fields = {"action": "read", "object_type": "claim", "outcome": 200, "tenant_id": str(uuid4()),
              "key_id": str(uuid4())}
    first = chained([{**fields, "object_id": "a"}, {**fields, "object_id": "b"}], at=AT, after_seq=3,
                    after_hash="a" * 64)
    rows = [{**entry.__dict__, "prev_hash": prev, "hash": digest} for entry, prev, digest in first]
    again = _linked_after(rows, (9, "b" * 64))
    expected = chained([{**fields, "object_id": "a"}, {**fields, "object_id": "b"}], at=AT, after_seq=9,
                       after_hash="b" * 64)
    assert [(r["seq"], r["prev_hash"], r["hash"]) for r in again] == [(e.seq, p, d) for e, p, d in expected]
    assert [r["object_id"] for r in again] == ["a", "b"]


def test_a_forgotten_head_is_forgotten_only_if_no_newer_one_was_noted():
    memory = ChainHead()
    memory.committed((5, "a" * 64))
    memory.forget((4, "c" * 64))
    assert memory.head == (5, "a" * 64)
    memory.forget((5, "a" * 64))
    assert memory.head is None
