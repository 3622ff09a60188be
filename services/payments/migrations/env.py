from services.payments.adapters.tables import metadata
from shared.db.alembic_env import run_migrations

run_migrations(metadata)
