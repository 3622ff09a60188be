"""A credential's ids as UUIDs, parsed once per key: the same values UUID() gives, one object per key."""
from uuid import UUID, uuid4

import pytest

from services.gateway.entrypoints.auth import caller_ids

pytestmark = pytest.mark.unit


def test_the_ids_are_the_uuids_the_text_spells_and_are_parsed_once_per_key():
    tenant, key = str(uuid4()), str(uuid4())
    first = caller_ids(tenant, key)
    assert first == (UUID(tenant), UUID(key))
    assert caller_ids(tenant, key) is first
