"""Create a service's database if missing and apply its Alembic migrations.

    python -m shared.db.migrate claims            # upgrade to head
    python -m shared.db.migrate claims revision "add x"   # autogenerate a revision (developers)
"""
import asyncio
import importlib
import sys
from pathlib import Path

import asyncpg
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url

from shared.settings import PlatformSettings

ROOT = Path(__file__).resolve().parents[2]


def service_settings(service: str) -> PlatformSettings:
    module = importlib.import_module(f"services.{service}.settings")
    return module.Settings()


def alembic_config(service: str, url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(ROOT / "services" / service / "migrations"))
    config.attributes["database_url"] = url
    return config


async def ensure_database(url: str) -> None:
    target = make_url(url)
    server = target.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    conn = await asyncpg.connect(server)
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", target.database)
        if not exists:
            await conn.execute(f'CREATE DATABASE "{target.database}"')
    finally:
        await conn.close()


def upgrade(service: str) -> None:
    url = service_settings(service).service_database_url()
    asyncio.run(ensure_database(url))
    # "heads": revisions written side by side on two branches (each off the same parent) both apply.
    command.upgrade(alembic_config(service, url), "heads")


def main(argv: list[str]) -> None:
    service = argv[0]
    if len(argv) > 2 and argv[1] == "revision":
        url = service_settings(service).service_database_url()
        asyncio.run(ensure_database(url))
        config = alembic_config(service, url)
        command.upgrade(config, "head")
        command.revision(config, message=argv[2], autogenerate=True)
    else:
        upgrade(service)


if __name__ == "__main__":
    main(sys.argv[1:])
