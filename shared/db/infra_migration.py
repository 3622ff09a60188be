"""The outbox and inbox tables in every service's initial migration, written once.

Later changes to these tables get their own revision in each service, calling a function here.
"""
from alembic import op

from shared.db.tables import inbox_message, outbox_message


def create_infra_tables() -> None:
    bind = op.get_bind()
    for table in (inbox_message, outbox_message):
        table.create(bind)


def drop_infra_tables() -> None:
    bind = op.get_bind()
    for table in (outbox_message, inbox_message):
        table.drop(bind)
