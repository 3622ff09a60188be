"""Direct connections to each service's own database: the checker believes Postgres, not the broker."""
import contextlib

import asyncpg
from sqlalchemy.engine import make_url


def database_url(server_url: str, service: str) -> str:
    """The server in DATABASE_URL, the service's database on it (named as shared.settings names it)."""
    return make_url(server_url).set(drivername="postgresql", database=f"billing_{service}").render_as_string(
        hide_password=False)


@contextlib.asynccontextmanager
async def connect(server_url: str, service: str):
    conn = await asyncpg.connect(database_url(server_url, service), timeout=10)
    try:
        yield conn
    finally:
        await conn.close()


async def fetch(server_url: str, service: str, query: str, *args) -> list:
    async with connect(server_url, service) as conn:
        return await conn.fetch(query, *args)
