"""The counts' refresh on databases of their own: its migration goes down (the upsert and, for claims,
the keys view read by claim) and up again in claims and denials, the counts exact in each state; and two
transactions writing the same claim at once, on two connections, count it once."""
import asyncio
import uuid

import asyncpg
from alembic import command

from services.claims.adapters.reports import CLAIM_TALLY
from services.denials.adapters.reports import DENIAL_TALLY
from tests.integration.figures_support import execute, migrated
from tools.bench.stages import database_url

TENANT = uuid.UUID("00000000-0000-4000-8000-00000000a11e")
REFRESH = "SELECT prosrc FROM pg_proc WHERE proname = $1"
CLAIM_VIEW = "SELECT pg_get_viewdef('claim_tally_keys')"


async def _claim_counts(server: str, db: str) -> dict[str, str]:
    """The tenant's counts per key, zeros left out."""
    return dict((await execute(server, db, (
        "SELECT array_agg(ARRAY[key, n::text]) FROM claim_tally WHERE tenant_id = $1 AND n <> 0", TENANT)))[0])


def _insert_claims(n: int, tag: str) -> tuple:
    return ("INSERT INTO claim (id, tenant_id, encounter_id, patient_control_number, status, payer_id, "
            "frequency_code, total_charge, coded, edits) SELECT gen_random_uuid(), $1, gen_random_uuid(), "
            f"'{tag}' || i, 'ready', 'AETNA', '1', 100, '{{}}', '[]' FROM generate_series(1, {n}) AS i", TENANT)


def _claim_steps(tag: str) -> tuple:
    claims = f"(SELECT id FROM claim WHERE patient_control_number LIKE '{tag}%')"
    return (("UPDATE claim SET status = 'submitted' WHERE id IN " + claims,),
            ("INSERT INTO claim_event (tenant_id, claim_id, event, status, detail) SELECT tenant_id, id, "
             "'adjudicated', 'paid', '{}' FROM claim WHERE id IN " + claims,),
            ("UPDATE claim SET status = 'paid', payer_id = 'UHC' WHERE id IN " + claims,),
            ("INSERT INTO claim_event (tenant_id, claim_id, event, status, detail) SELECT tenant_id, id, "
             "'held', 'held', '{}' FROM claim WHERE id IN " + claims + " AND patient_control_number LIKE '%1'",),
            ("UPDATE claim SET updated_at = now() WHERE id IN " + claims,),
            ("DELETE FROM claim WHERE id IN " + claims + " AND patient_control_number LIKE '%7'",))


def _denial_steps(tag: str) -> tuple:
    insert = ("INSERT INTO denial (id, tenant_id, claim_id, remit_id, payer_id, level, carc_codes, rarc_codes, "
              "category, preventable, recommended_action, explanation, amount, partial, status, priority, "
              "appeal_deadline, sla_due) SELECT gen_random_uuid(), $1, "
              f"md5('{tag}' || (i % 7))::uuid, 'R' || i, 'AETNA', 'claim', ARRAY['197'], ARRAY[]::text[], "
              "'authorization', true, 'appeal', '[]', 65, false, 'open', 2, current_date + 180, current_date + 1 "
              "FROM generate_series(1, 20) AS i")
    mine = f"claim_id IN (SELECT md5('{tag}' || i)::uuid FROM generate_series(0, 6) AS i)"
    return ((insert, TENANT),
            (f"UPDATE denial SET status = 'resolved', carc_codes = ARRAY['45', '197'] WHERE {mine} AND amount > 0",),
            (f"UPDATE denial SET category = 'coding' WHERE {mine} AND claim_id = md5('{tag}3')::uuid",),
            (f"DELETE FROM denial WHERE {mine} AND claim_id = md5('{tag}5')::uuid",))


async def test_the_refresh_migration_goes_down_and_up_with_exact_counts_in_claims(infrastructure):
    server, db = infrastructure.database_url, "tally_refresh_claims"
    config = await migrated(server, "claims", db)
    await execute(server, db, _insert_claims(30, "UP"), *_claim_steps("UP"))
    (source,) = await execute(server, db, (REFRESH, "claim_tally_refresh"))
    assert "ON CONFLICT (item_id)" not in source
    assert "e.tenant_id = c.tenant_id" in (await execute(server, db, (CLAIM_VIEW,)))[0]

    await asyncio.to_thread(command.downgrade, config, "c8e2a4f6b0d3")
    assert "ON CONFLICT (item_id)" in (await execute(server, db, (REFRESH, "claim_tally_refresh")))[0]
    assert "e.tenant_id = c.tenant_id" not in (await execute(server, db, (CLAIM_VIEW,)))[0]
    await execute(server, db, _insert_claims(30, "DOWN"), *_claim_steps("DOWN"))
    assert await execute(server, db, (CLAIM_TALLY.drift(),)) == [0]

    await asyncio.to_thread(command.upgrade, config, "heads")
    assert (await execute(server, db, (REFRESH, "claim_tally_refresh")))[0] == source
    await execute(server, db, _insert_claims(30, "AGAIN"), *_claim_steps("AGAIN"), *_claim_steps("UP"))
    assert await execute(server, db, (CLAIM_TALLY.drift(),)) == [0]
    counts = await _claim_counts(server, db)
    assert counts["status:paid"] == str(3 * 27) and counts["first_pass_paid:UHC"] == str(3 * 27)


async def test_the_refresh_migration_goes_down_and_up_with_exact_counts_in_denials(infrastructure):
    server, db = infrastructure.database_url, "tally_refresh_denials"
    config = await migrated(server, "denials", db)
    await execute(server, db, *_denial_steps("up"))
    assert "ON CONFLICT (item_id)" not in (await execute(server, db, (REFRESH, "denial_tally_refresh")))[0]
    await asyncio.to_thread(command.downgrade, config, "a8d2f4b6c1e9")
    assert "ON CONFLICT (item_id)" in (await execute(server, db, (REFRESH, "denial_tally_refresh")))[0]
    await execute(server, db, *_denial_steps("down"))
    assert await execute(server, db, (DENIAL_TALLY.drift(),)) == [0]
    await asyncio.to_thread(command.upgrade, config, "heads")
    await execute(server, db, *_denial_steps("again"), *_denial_steps("up")[1:])
    assert await execute(server, db, (DENIAL_TALLY.drift(),)) == [0]


async def _blocked(task: asyncio.Task) -> bool:
    await asyncio.sleep(0.5)
    return not task.done()


async def test_two_transactions_writing_one_claim_at_once_count_it_once(infrastructure):
    """A new claim and its first adjudication written on two connections, and a claim's status and its
    adjudication likewise: the second refresh waits for the first transaction, then counts from what it
    wrote."""
    server, db = infrastructure.database_url, "tally_refresh_race"
    await migrated(server, "claims", db)
    first, second = [await asyncpg.connect(database_url(server, db)) for _ in range(2)]
    claim_id = uuid.uuid4()
    try:
        for step, other in ((
                ("INSERT INTO claim (id, tenant_id, encounter_id, patient_control_number, status, payer_id, "
                 "frequency_code, total_charge, coded, edits) VALUES ($1, $2, gen_random_uuid(), 'RACE', 'accepted', "
                 "'AETNA', '1', 100, '{}', '[]')", claim_id, TENANT),
                ("INSERT INTO claim_event (tenant_id, claim_id, event, status, detail) VALUES ($1, $2, 'adjudicated', "
                 "'paid', '{}')", TENANT, claim_id)), (
                ("UPDATE claim SET status = 'paid' WHERE id = $1", claim_id),
                ("INSERT INTO claim_event (tenant_id, claim_id, event, status, detail) VALUES ($1, $2, 'adjudicated', "
                 "'denied', '{}')", TENANT, claim_id))):
            one, two = first.transaction(), second.transaction()
            await one.start()
            await two.start()
            await first.execute(*step)
            waiting = asyncio.create_task(second.execute(*other))
            assert await _blocked(waiting)  # the claim's lock, held by the first transaction
            await one.commit()
            await waiting
            await two.commit()
        assert await execute(server, db, (CLAIM_TALLY.drift(),)) == [0]
        counts = await _claim_counts(server, db)
        assert counts == {"status:paid": "1", "scrubbed": "1", "clean": "1", "adjudicated:AETNA": "1",
                          "first_pass_paid:AETNA": "1"}
    finally:
        await first.close()
        await second.close()


MEMBERS_AS_VIEW = """SELECT count(*) FROM claim_tally_member m FULL JOIN claim_tally_keys k ON k.item_id = m.item_id
    AND cardinality(k.keys) > 0 WHERE m.keys IS DISTINCT FROM k.keys OR m.tenant_id IS DISTINCT FROM k.tenant_id"""


async def test_status_steps_move_one_key_and_leave_members_and_counts_as_the_keys_view_says(infrastructure):
    """Steps past `built` that change only the status go through `claim_tally_move`; a statement mixing them
    with a payer change or a step back to `built`, and a claim whose member row no longer holds its status
    key, end where the long way would: every member row equal to the keys view, every count exact."""
    server, db = infrastructure.database_url, "tally_moved_status"
    await migrated(server, "claims", db)
    mine = "(SELECT id FROM claim WHERE patient_control_number LIKE 'MV%')"
    third = "(SELECT id FROM claim WHERE patient_control_number = 'MV3')"
    steps = [(f"UPDATE claim SET status = '{status}' WHERE id IN {mine}",)
             for status in ("submitting", "submitted", "accepted")]
    calls = ("SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions WHERE funcname = 'claim_tally_move'",)
    *_, moves, _ = await execute(
        server, db, ("SET track_functions = 'pl'",), ("BEGIN",), _insert_claims(20, "MV"), *steps,
        ("INSERT INTO claim_event (tenant_id, claim_id, event, status, detail) SELECT tenant_id, id, "
         f"'adjudicated', 'paid', '{{}}' FROM claim WHERE id IN {mine}",),
        # MV3's member and counts moved back to `status:submitted` behind the triggers' back, consistently
        (f"UPDATE claim_tally_member SET keys = array_replace(keys, 'status:accepted', 'status:submitted') "
         f"WHERE item_id IN {third}",),
        ("UPDATE claim_tally SET n = n + CASE key WHEN 'status:submitted' THEN 1 ELSE -1 END "
         "WHERE tenant_id = $1 AND key IN ('status:submitted', 'status:accepted')", TENANT),
        (f"UPDATE claim SET status = CASE WHEN patient_control_number LIKE '%1' THEN 'built' ELSE 'paid' END, "
         f"payer_id = CASE WHEN patient_control_number LIKE '%2' THEN 'UHC' ELSE payer_id END WHERE id IN {mine}",),
        calls, ("COMMIT",))
    assert moves == 4
    assert await execute(server, db, (MEMBERS_AS_VIEW,), (CLAIM_TALLY.drift(),)) == [0, 0]
    counts = await _claim_counts(server, db)
    assert counts == {"status:paid": "18", "status:built": "2", "scrubbed": "18", "clean": "18",
                      "adjudicated:AETNA": "18", "adjudicated:UHC": "2", "first_pass_paid:AETNA": "18",
                      "first_pass_paid:UHC": "2"}


async def test_new_claims_are_counted_from_their_rows_and_members_and_counts_stay_as_the_keys_view_says(infrastructure):
    """Claims inserted with no hold, rejection or adjudication in the timeline are counted from their rows, with
    no refresh; in one statement with them, a claim whose id already has timeline events (written again) and one
    whose member row is there already (written behind the triggers' back) are refreshed the long way: every
    member row equal to the keys view, every count exact."""
    server, db = infrastructure.database_url, "tally_new_claims"
    await migrated(server, "claims", db)
    again, stale = uuid.uuid4(), uuid.uuid4()
    columns = ("INSERT INTO claim (id, tenant_id, encounter_id, patient_control_number, status, payer_id, "
               "frequency_code, total_charge, coded, edits) ")
    refreshes = ("SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions WHERE funcname = 'claim_tally_refresh'",)
    *_, alone, _, _, _, _, mixed, _ = await execute(
        server, db, ("SET track_functions = 'pl'",), ("BEGIN",),
        (columns + "SELECT gen_random_uuid(), $1, gen_random_uuid(), 'NW' || i, (ARRAY['built', 'ready', 'held'])"
         "[1 + i % 3], 'AETNA', '1', 100, '{}', '[]' FROM generate_series(1, 30) AS i", TENANT),
        refreshes,
        ("INSERT INTO claim_event (tenant_id, claim_id, event, status, detail) VALUES ($1, $2, 'adjudicated', "
         "'paid', '{}'), ($1, $2, 'held', 'held', '{}')", TENANT, again),
        # a member row for `stale` and its count, written consistently with the triggers off
        ("INSERT INTO claim_tally_member (item_id, tenant_id, keys) VALUES ($1, $2, ARRAY['status:ready'])", stale, TENANT),
        ("INSERT INTO claim_tally (tenant_id, key, n) VALUES ($1, 'status:ready', 1) "
         "ON CONFLICT (tenant_id, key) DO UPDATE SET n = claim_tally.n + 1", TENANT),
        (columns + "SELECT CASE i WHEN 11 THEN $2 WHEN 12 THEN $3 ELSE gen_random_uuid() END, $1, gen_random_uuid(), "
         "'NX' || i, CASE i WHEN 11 THEN 'paid' WHEN 12 THEN 'ready' ELSE 'accepted' END, 'AETNA', '1', 100, '{}', "
         "'[]' FROM generate_series(1, 12) AS i", TENANT, again, stale),
        refreshes, ("COMMIT",))
    assert alone == 0  # the first insert read no keys view
    assert mixed == 2  # the timeline's insert, and the second insert's two claims that could not be counted alone
    assert await execute(server, db, (MEMBERS_AS_VIEW,), (CLAIM_TALLY.drift(),)) == [0, 0]
    counts = await _claim_counts(server, db)
    assert counts == {"status:built": "10", "status:ready": "11", "status:held": "10", "status:accepted": "10",
                      "status:paid": "1", "scrubbed": "32", "clean": "31", "adjudicated:AETNA": "1",
                      "first_pass_paid:AETNA": "1"}


async def test_a_new_claim_waits_for_a_timeline_row_written_for_its_id_and_counts_it(infrastructure):
    """An adjudication written for a claim id on one connection, then the claim inserted on another: the
    insert waits for the claim's lock, then sees the committed event and counts the claim the long way."""
    server, db = infrastructure.database_url, "tally_new_claim_race"
    await migrated(server, "claims", db)
    first, second = [await asyncpg.connect(database_url(server, db)) for _ in range(2)]
    claim_id = uuid.uuid4()
    try:
        one, two = first.transaction(), second.transaction()
        await one.start()
        await two.start()
        await first.execute("INSERT INTO claim_event (tenant_id, claim_id, event, status, detail) VALUES ($1, $2, "
                            "'adjudicated', 'paid', '{}')", TENANT, claim_id)
        waiting = asyncio.create_task(second.execute(
            "INSERT INTO claim (id, tenant_id, encounter_id, patient_control_number, status, payer_id, frequency_code, "
            "total_charge, coded, edits) VALUES ($1, $2, gen_random_uuid(), 'LATE', 'accepted', 'AETNA', '1', 100, "
            "'{}', '[]')", claim_id, TENANT))
        assert await _blocked(waiting)  # the claim's lock, held by the first transaction
        await one.commit()
        await waiting
        await two.commit()
        assert await execute(server, db, (MEMBERS_AS_VIEW,), (CLAIM_TALLY.drift(),)) == [0, 0]
        assert await _claim_counts(server, db) == {"status:accepted": "1", "scrubbed": "1", "clean": "1",
                                                   "adjudicated:AETNA": "1", "first_pass_paid:AETNA": "1"}
    finally:
        await first.close()
        await second.close()


async def test_first_adjudications_add_the_payers_keys_and_members_and_counts_stay_as_the_keys_view_says(infrastructure):
    """Claims' first adjudications add the payer's keys with no refresh (two for one claim in one statement: the
    lower id is the first); in one statement with them, a second adjudication, an adjudication beside a hold, one
    of another tenant than its claim's and one for an id with no claim are refreshed the long way: every member
    row equal to the keys view, every count exact."""
    server, db = infrastructure.database_url, "tally_first_adjudication"
    await migrated(server, "claims", db)
    claim = "(SELECT id FROM claim WHERE patient_control_number = '{}')".format
    refreshes = ("SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions WHERE funcname = 'claim_tally_refresh'",)
    results = await execute(
        server, db, ("SET track_functions = 'pl'",), ("BEGIN",), _insert_claims(20, "FA"),
        ("UPDATE claim SET frequency_code = '7' WHERE patient_control_number = 'FA20'",),
        refreshes,
        ("INSERT INTO claim_event (tenant_id, claim_id, event, status, detail) SELECT tenant_id, id, 'adjudicated', "
         "s.status, '{}' FROM claim, (VALUES (1, 'denied'), (2, 'paid')) AS s(n, status) WHERE patient_control_number "
         "LIKE 'FA%' AND (patient_control_number = 'FA1' OR s.n = 2) ORDER BY id, s.n",),
        refreshes,
        ("INSERT INTO claim_event (tenant_id, claim_id, event, status, detail) VALUES "
         f"($1, {claim('FA2')}, 'adjudicated', 'denied', '{{}}'), ($1, {claim('FA3')}, 'adjudicated', 'paid', '{{}}'), "
         f"($1, {claim('FA3')}, 'held', 'held', '{{}}'), ($2, {claim('FA4')}, 'adjudicated', 'paid', '{{}}'), "
         "($1, gen_random_uuid(), 'adjudicated', 'paid', '{}')", TENANT, uuid.uuid4()),
        refreshes, ("COMMIT",))
    before, after_firsts, after_mixed = results[-6], results[-4], results[-2]
    assert after_firsts - before == 0  # the first adjudications read no keys view
    assert after_mixed - after_firsts == 1  # the second statement's four claims, in one refresh
    assert await execute(server, db, (MEMBERS_AS_VIEW,), (CLAIM_TALLY.drift(),)) == [0, 0]
    counts = await _claim_counts(server, db)
    assert counts == {"status:ready": "20", "scrubbed": "20", "clean": "19", "adjudicated:AETNA": "20",
                      "first_pass_paid:AETNA": "18"}
