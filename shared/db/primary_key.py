"""A table's primary key moved onto other columns while its writers go on: for a migration."""


def move_primary_key(op, table: str, columns: str, *, built_as: str) -> None:
    """Builds a unique index on `columns` CONCURRENTLY (named `built_as`), then makes it `{table}_pkey` in place
    of the old key and its index: under the table's lock only for a catalog change, the key's columns being
    NOT NULL already."""
    with op.get_context().autocommit_block():
        op.execute(f"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS {built_as} ON {table} ({columns})")
    op.execute(f"ALTER TABLE {table} DROP CONSTRAINT {table}_pkey, "
               f"ADD CONSTRAINT {table}_pkey PRIMARY KEY USING INDEX {built_as}")
