"""The in-process credential cache: a live key for a few seconds, never a failed lookup, dropped on revoke."""
import pytest

from shared.internal_auth import Caller
from services.gateway.adapters.credentials import CredentialCache, LiveCredential
from services.gateway.entrypoints.rate_limits import Limit

pytestmark = pytest.mark.unit
ALICE = LiveCredential(Caller("tenant-a", "key-1", ("billing:read",)), None, owner="hash-1")
ALICE_2 = LiveCredential(Caller("tenant-a", "key-2", ("billing:read",)), Limit(5, 10), owner="hash-2")
BOB = LiveCredential(Caller("tenant-b", "key-3", ("billing:read",)), None, owner="hash-3")


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _cache(clock=None, ttl=5.0) -> CredentialCache:
    return CredentialCache(ttl, clock=clock or Clock())


def test_a_live_key_is_kept_until_its_time_is_up():
    clock = Clock()
    cache = _cache(clock)
    cache.put("h1", ALICE, generation=cache.generation)
    clock.now += 4.9
    assert cache.get("h1") == ALICE
    clock.now += 0.2
    assert cache.get("h1") is None


def test_entries_past_their_time_leave_memory_once_a_ttl_at_the_next_answer_kept():
    clock = Clock()
    cache = _cache(clock)
    cache.put("h1", ALICE, generation=cache.generation)
    clock.now += 5.0
    cache.put("h2", BOB, generation=cache.generation)
    assert set(cache._entries) == {"h2"}  # h1 was never asked for again, and is gone all the same
    clock.now += 1.0
    cache.put("h3", ALICE_2, generation=cache.generation)  # within a ttl of the last sweep: none
    assert set(cache._entries) == {"h2", "h3"}


def test_an_unknown_key_is_never_answered_from_the_cache():
    cache = _cache()
    cache.put("h1", ALICE, generation=cache.generation)
    assert cache.get("h2") is None


def _filled() -> CredentialCache:
    cache = _cache()
    for key_hash, credential in (("h1", ALICE), ("h2", ALICE_2), ("h3", BOB)):
        cache.put(key_hash, credential, generation=cache.generation)
    return cache


def test_a_revoke_drops_that_key_only():
    cache = _filled()
    cache.forget_key("key-1")
    assert (cache.get("h1"), cache.get("h2"), cache.get("h3")) == (None, ALICE_2, BOB)


def test_a_tenants_new_limit_drops_all_its_keys():
    cache = _filled()
    cache.forget_tenant("tenant-a")
    assert (cache.get("h1"), cache.get("h2"), cache.get("h3")) == (None, None, BOB)


def test_a_lookup_that_began_before_a_revoke_is_not_kept():
    cache = _cache()
    began = cache.generation
    cache.forget_key("key-1")  # committed while the lookup was reading the still-live row
    cache.put("h1", ALICE, generation=began)
    assert cache.get("h1") is None


def test_a_zero_ttl_keeps_nothing():
    cache = _cache(ttl=0)
    cache.put("h1", ALICE, generation=cache.generation)
    assert cache.get("h1") is None


async def test_concurrent_requests_with_a_key_not_cached_share_one_lookup():
    import asyncio

    cache, lookups, release = _cache(), [], asyncio.Event()

    async def fetch():
        lookups.append(1)
        await release.wait()
        return ALICE

    waiting = [asyncio.create_task(cache.get_or_fetch("h1", fetch)) for _ in range(5)]
    await asyncio.sleep(0)
    release.set()
    assert await asyncio.gather(*waiting) == [ALICE] * 5
    assert len(lookups) == 1
    assert await cache.get_or_fetch("h1", fetch) is ALICE and len(lookups) == 1  # then kept


async def test_a_shared_lookup_that_found_nothing_is_not_kept():
    cache, lookups = _cache(), []

    async def fetch():
        lookups.append(1)
        return None

    assert await cache.get_or_fetch("h1", fetch) is None
    assert await cache.get_or_fetch("h1", fetch) is None
    assert len(lookups) == 2
