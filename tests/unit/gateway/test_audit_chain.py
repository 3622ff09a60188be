"""The audit log's hash chain and how routes map to audited objects."""
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from services.gateway.domain.audit import GENESIS, Entry, Target, audit_target, chained, entry_hash, verify_chain

pytestmark = pytest.mark.unit
T0 = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)


def chain(n: int) -> list[tuple[Entry, str, str]]:
    rows, prev = [], GENESIS
    for seq in range(1, n + 1):
        entry = Entry(seq, T0 + timedelta(seconds=seq), "t1", "k1", "read", "claim", f"claim-{seq}", 200)
        digest = entry_hash(prev, entry)
        rows.append((entry, prev, digest))
        prev = digest
    return rows


def test_an_intact_chain_verifies():
    check = verify_chain(chain(5))
    assert check.ok and check.entries == 5 and check.last_hash == chain(5)[-1][2]


def test_a_changed_field_is_found_at_its_entry():
    rows = chain(5)
    entry, prev, digest = rows[2]
    rows[2] = (replace(entry, object_id="claim-99"), prev, digest)
    check = verify_chain(rows)
    assert not check.ok and check.first_bad_seq == 3 and "hash" in check.reason


def test_a_rewritten_entry_with_a_fresh_hash_breaks_the_next_link():
    rows = chain(5)
    entry, prev, _ = rows[2]
    forged = replace(entry, outcome=404)
    rows[2] = (forged, prev, entry_hash(prev, forged))
    assert verify_chain(rows).first_bad_seq == 4


def test_a_removed_entry_is_found():
    rows = chain(5)
    del rows[1]
    check = verify_chain(rows)
    assert not check.ok and check.first_bad_seq == 3


def test_chained_entries_continue_the_chain_after_its_head():
    head = chain(3)
    fields = [{"tenant_id": "t1", "key_id": "k1", "action": "read", "object_type": "claim", "object_id": f"c{i}",
               "outcome": 200} for i in range(2)]
    rows = chained(fields, at=T0, after_seq=3, after_hash=head[-1][2])
    assert [entry.seq for entry, _, _ in rows] == [4, 5] and rows[0][1] == head[-1][2] and rows[1][1] == rows[0][2]
    assert verify_chain(head + rows).ok
    assert not verify_chain(head + chained(fields, at=T0, after_seq=3, after_hash=head[-2][2])).ok


def test_a_batch_hashes_each_entry_as_the_chain_defines_it():
    import hashlib
    import json

    entries = [{"tenant_id": "t1", "key_id": "k1", "action": "create", "object_type": "encounter",
                "object_id": f"e-{n}", "outcome": 202} for n in range(3)]
    prev = GENESIS
    for seq, (entry, linked, digest) in enumerate(chained(entries, at=T0, after_seq=0, after_hash=GENESIS), start=1):
        fields = [prev, seq, "2026-11-22T12:00:00.000000+00:00", "t1", "k1", "create", "encounter", f"e-{seq - 1}", 202]
        expected = hashlib.sha256(json.dumps(fields, separators=(",", ":")).encode()).hexdigest()
        assert (linked, digest) == (prev, expected)
        prev = digest


def test_the_same_instant_in_another_zone_hashes_the_same():
    entry = chain(1)[0][0]
    assert entry_hash(GENESIS, entry) == entry_hash(GENESIS, replace(entry, at=entry.at.astimezone(timezone(timedelta(hours=-5)))))


@pytest.mark.parametrize("method,route,params,expected", [
    ("GET", "/v1/claims/{claim_id}", {"claim_id": "c1"}, Target("claim", "c1", "read")),
    ("GET", "/v1/claims/{claim_id}/837", {"claim_id": "c1"}, Target("claim", "c1", "read:837")),
    ("GET", "/v1/claims", {}, Target("claim", None, "list")),
    ("PATCH", "/v1/claims/{claim_id}", {"claim_id": "c1"}, Target("claim", "c1", "update")),
    ("POST", "/v1/encounters", {}, Target("encounter", None, "create")),
    ("POST", "/v1/denials/{denial_id}/write-off", {"denial_id": "d1"}, Target("denial", "d1", "write-off")),
    ("GET", "/v1/review-queue", {}, Target("encounter", None, "list")),
    ("GET", "/v1/keys", {}, None),
    ("POST", "/v1/tenants", {}, None),
    ("GET", "/health", {}, None),
])
def test_audit_targets_come_from_the_route_template(method, route, params, expected):
    assert audit_target(method, route, params) == expected
