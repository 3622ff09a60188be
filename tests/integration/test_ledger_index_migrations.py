"""The migrations to indexes of the ledger's rows that take entries only where a read wants them, on a ledger
that already holds postings. The index of every entry's patient becomes one of the credit entries, which the
credits read (the one read of entries by patient) then takes, with the same answer; the index of the
transactions' patient payment holds only the transactions that name one, and a lookup by payment takes it. Each
downgrade brings the old index back, and upgrading again lands in the same place."""
import asyncio

import asyncpg
from alembic import command
from sqlalchemy.ext.asyncio import create_async_engine

from services.payments.adapters import ledger_reads
from services.payments.domain import ledger
from tests.integration.figures_support import driver_url, execute, migrated
from tools.bench.stages import database_url

BEFORE, CREDIT_INDEX = "c6e8a0b2d4f7", "e8b0d2f4a6c1"
DB = "ledger_index_migrations"  # billing_ledger_index_migrations: a database of its own, migrated back and forth
TENANT = "00000000-0000-0000-0000-000000000001"
OLD, NEW = "ix_ledger_entry_patient_id", "ix_ledger_entry_patient_credit"
# 2,000 postings of two entries each for 500 patients, and a credit held by every hundredth patient.
SEED = (f"""
INSERT INTO ledger_transaction (id, tenant_id, kind, patient_payment_id)
SELECT md5('t' || i)::uuid, '{TENANT}', CASE WHEN i <= 5 THEN 'patient_credit' ELSE 'patient_payment' END,
       CASE WHEN i % 100 = 0 THEN md5('p' || i)::uuid END
FROM generate_series(1, 2000) AS i""", f"""
INSERT INTO ledger_entry (transaction_id, tenant_id, patient_id, account, amount)
SELECT md5('t' || i)::uuid, '{TENANT}', 'P' || (CASE WHEN i <= 5 THEN i * 100 ELSE i % 500 END), a.account, a.amount
FROM generate_series(1, 2000) AS i,
     LATERAL (VALUES ('{ledger.CASH}', 10.00),
                     (CASE WHEN i <= 5 THEN '{ledger.PATIENT_CREDIT}' ELSE '{ledger.PATIENT_AR}' END, -10.00))
     AS a(account, amount)""", "ANALYZE ledger_entry, ledger_transaction")
INDEXES = ("SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_index i "
           "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'ledger_entry'::regclass AND i.indisvalid")
KEPT = ["ix_ledger_entry_claim_id", "ix_ledger_entry_transaction_id", "ledger_entry_pkey"]
PATIENTS = {(TENANT, f"P{n}") for n in (100, 200, 300, 7, 8)}
PAYMENTS_DB = "patient_payment_index"  # the second migration's own database
PAYMENT_INDEX_NAME = "ix_ledger_transaction_patient_payment_id"
PAYMENT_INDEX = f"SELECT indexdef FROM pg_indexes WHERE indexname = '{PAYMENT_INDEX_NAME}'"
PAYMENT_LOOKUP = "EXPLAIN SELECT id FROM ledger_transaction WHERE patient_payment_id = md5('p' || 200)::uuid"


async def _credits_read(server: str) -> tuple[dict, str]:
    """The credits the read gives for five patients (three holding one), and its plan."""
    sql, params = ledger_reads.statement([], [], PATIENTS)
    engine = create_async_engine(driver_url(server, DB))
    try:
        async with engine.connect() as conn:
            credits = ledger_reads.ledger_state((await conn.execute(sql, params)).all()).credits
            plan = "\n".join(r[0] for r in (await conn.exec_driver_sql(
                "EXPLAIN " + str(sql.compile(engine.sync_engine)), tuple(params.values()))).all())
    finally:
        await engine.dispose()
    return {patient: str(amount) for (_, patient), amount in credits.items()}, plan


async def test_the_patient_credit_index_migration_goes_down_and_up_on_a_ledger_with_entries(infrastructure):
    server = infrastructure.database_url
    config = await migrated(server, "payments", DB, BEFORE)
    await execute(server, DB, *((sql,) for sql in SEED))
    credits, _ = await _credits_read(server)
    assert credits == {"P100": "10.00", "P200": "10.00", "P300": "10.00"}
    assert await execute(server, DB, (INDEXES,)) == [sorted([*KEPT, OLD])]

    await asyncio.to_thread(command.upgrade, config, CREDIT_INDEX)
    assert await execute(server, DB, (INDEXES,)) == [sorted([*KEPT, NEW])]
    upgraded, plan = await _credits_read(server)
    assert upgraded == credits and NEW in plan

    await asyncio.to_thread(command.downgrade, config, BEFORE)
    assert await execute(server, DB, (INDEXES,)) == [sorted([*KEPT, OLD])]
    assert (await _credits_read(server))[0] == credits

    await asyncio.to_thread(command.upgrade, config, CREDIT_INDEX)
    assert await execute(server, DB, (INDEXES,)) == [sorted([*KEPT, NEW])]


async def _payment_index(server: str) -> tuple[str, str]:
    """The patient payments' index as defined, and the plan of a lookup of one payment's transactions."""
    conn = await asyncpg.connect(database_url(server, PAYMENTS_DB))
    try:
        return await conn.fetchval(PAYMENT_INDEX), "\n".join(r[0] for r in await conn.fetch(PAYMENT_LOOKUP))
    finally:
        await conn.close()


async def test_the_patient_payment_index_migration_keeps_only_the_transactions_naming_one(infrastructure):
    server = infrastructure.database_url
    config = await migrated(server, "payments", PAYMENTS_DB, CREDIT_INDEX)
    await execute(server, PAYMENTS_DB, *((sql,) for sql in SEED))
    definition, plan = await _payment_index(server)
    assert definition.endswith("USING btree (patient_payment_id)") and PAYMENT_INDEX_NAME in plan

    await asyncio.to_thread(command.upgrade, config, "head")
    definition, plan = await _payment_index(server)
    assert definition.endswith("WHERE (patient_payment_id IS NOT NULL)") and PAYMENT_INDEX_NAME in plan

    await asyncio.to_thread(command.downgrade, config, CREDIT_INDEX)
    assert (await _payment_index(server))[0].endswith("USING btree (patient_payment_id)")

    await asyncio.to_thread(command.upgrade, config, "head")
    assert (await _payment_index(server))[0].endswith("WHERE (patient_payment_id IS NOT NULL)")
