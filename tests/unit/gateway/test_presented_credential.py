"""The API-key check keyed by the Authorization header as presented: one look-up a live key per cache time,
and a revoked key refused within the same bound as before, in this process at once."""
import contextlib
from types import SimpleNamespace

import pytest
from starlette.requests import Request

from shared.http.problems import Problem
from shared.internal_auth import Caller
from services.gateway.adapters.credentials import CredentialCache, hash_key
from services.gateway.entrypoints import auth

pytestmark = pytest.mark.unit
KEY = "bk_" + "k" * 43


class Keys:
    """Postgres's api_key table as `authenticate` reads it: which keys are live, and how often it was asked."""

    def __init__(self):
        self.live = {KEY: Caller("tenant-a", "key-1", ("ehr:push",))}
        self.asked: list[str] = []

    async def authenticate(self, uow, key):
        self.asked.append(key)
        return (self.live[key], None) if key in self.live else None


@pytest.fixture
def world(monkeypatch):
    keys, now = Keys(), [100.0]
    monkeypatch.setattr(auth, "authenticate", keys.authenticate)
    state = SimpleNamespace(credentials=CredentialCache(5.0, clock=lambda: now[0]),
                            runtime=SimpleNamespace(units_of_work=_no_transaction))
    return SimpleNamespace(keys=keys, now=now, app=SimpleNamespace(state=state))


@contextlib.asynccontextmanager
async def _no_transaction():
    yield None


def _request(app, authorization: str | None) -> Request:
    headers = [] if authorization is None else [(b"authorization", authorization.encode("latin-1"))]
    return Request({"type": "http", "method": "POST", "path": "/v1/encounters", "headers": headers,
                    "query_string": b"", "app": app})


async def test_a_live_key_is_looked_up_once_and_carries_its_hash_as_owner(world):
    first = await auth.live_credential(_request(world.app, f"Bearer {KEY}"))
    again = await auth.live_credential(_request(world.app, f"Bearer {KEY}"))
    assert first is again and first.caller.key_id == "key-1" and first.owner == hash_key(KEY)
    assert world.keys.asked == [KEY]
    other_spelling = await auth.live_credential(_request(world.app, f"bearer   {KEY} "))
    assert other_spelling.owner == hash_key(KEY) and world.keys.asked == [KEY, KEY]


async def test_a_revoke_in_this_process_refuses_every_spelling_of_the_key_at_once(world):
    for header in (f"Bearer {KEY}", f"BEARER {KEY}"):
        await auth.live_credential(_request(world.app, header))
    del world.keys.live[KEY]
    world.app.state.credentials.forget_key("key-1")
    for header in (f"Bearer {KEY}", f"BEARER {KEY}"):
        with pytest.raises(Problem) as refused:
            await auth.live_credential(_request(world.app, header))
        assert refused.value.status == 401 and refused.value.detail == "the key is unknown or revoked"


async def test_a_key_revoked_elsewhere_works_until_the_cache_time_is_up_and_not_after(world):
    await auth.live_credential(_request(world.app, f"Bearer {KEY}"))
    del world.keys.live[KEY]  # another replica revoked it: this process was not told
    world.now[0] += 4.9
    assert (await auth.live_credential(_request(world.app, f"Bearer {KEY}"))).caller.key_id == "key-1"
    world.now[0] += 0.1
    with pytest.raises(Problem) as refused:
        await auth.live_credential(_request(world.app, f"Bearer {KEY}"))
    assert refused.value.status == 401


@pytest.mark.parametrize(("header", "detail"), [
    (None, "send Authorization: Bearer <api key>"),
    ("Basic abc", "send Authorization: Bearer <api key>"),
    ("Bearer k\u00e9y", "the Authorization header is malformed"),
])
async def test_a_malformed_header_is_refused_before_any_look_up(world, header, detail):
    with pytest.raises(Problem) as refused:
        await auth.live_credential(_request(world.app, header))
    assert refused.value.status == 401 and refused.value.detail == detail and world.keys.asked == []
