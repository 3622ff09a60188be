"""The benchmark's wait for posted payments polls over one connection, not one per poll: a new
connection starts a Postgres backend, whose CPU the run it watches would count."""
import pytest

from tools.bench import pipeline

pytestmark = pytest.mark.unit


class _Connection:
    def __init__(self, counts):
        self.counts = counts
        self.closed = False

    async def fetchval(self, query, tenant_id):
        return self.counts.pop(0)

    async def close(self):
        self.closed = True


class _Stack:
    database_url = "postgresql://postgres@127.0.0.1:1/postgres"


def test_waiting_for_the_payments_opens_one_connection(monkeypatch):
    opened = []

    async def connect(url):
        opened.append(_Connection([0, 3, 7, 10]))
        return opened[-1]

    async def no_wait(seconds):
        pass

    monkeypatch.setattr(pipeline.asyncpg, "connect", connect)
    monkeypatch.setattr(pipeline.asyncio, "sleep", no_wait)
    pipeline.wait_posted(_Stack(), "tenant", 10)
    assert len(opened) == 1 and opened[0].closed and opened[0].counts == []
