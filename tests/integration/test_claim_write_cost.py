"""The claim write cost tool on a claims database of its own: both passes measured, every figure there,
and the counts' triggers on again afterwards; the status step side by side likewise."""
import asyncio

import pytest

from tests.integration.figures_support import driver_url, execute
from tools.bench import claim_step_side_by_side, claim_write_cost
from tools.bench.stages import database_url

DB = "write_cost"  # billing_write_cost: the tool disables the counts' triggers for its second pass


async def test_the_tool_prints_each_figure_per_claim_for_both_passes(infrastructure):
    server = infrastructure.database_url
    url = driver_url(server, DB)
    await asyncio.to_thread(claim_write_cost.prepare, url, 30)
    figures = await claim_write_cost.measure(url, claims=20, batch=10, rounds=2, flips=5)

    assert (figures["claims"], figures["batch"], figures["rounds"]) == (20, 10, 2)
    assert all(len(cpu) == 2 for cpu in figures["backend_cpu_ms_by_round"].values())
    on, off = figures["with_counts"], figures["without_counts"]
    for side in (on, off):
        assert side["backend_cpu_ms"] > 0 and side["wall_ms"] > 0 and side["wal_bytes"] > 0
        assert side["updates_by_table"]["claim"]["updates"] == 4.0  # the four steps, one row version each
        assert side["btree_inserts_by_index"]["claim_pkey"] == 5.0  # never HOT: status is indexed
        assert side["btree_inserts"] >= sum(side["btree_inserts_by_index"].values()) - 0.1
        assert any(kind.startswith("Btree/INSERT_LEAF") for kind in side["wal_records_by_kind"])
    # A claim's life as the pipeline writes it reads no keys view: its insert, its first adjudication and its
    # status steps are counted from the rows; the counts' trigger functions still take their time.
    assert on["refresh_calls"] == 0 and on["refresh_ms"] > 0 and "claim_tally_member" in on["updates_by_table"]
    assert on["move_calls"] > 0 and off["move_calls"] == 0  # the status steps past `built` move one key
    assert 0 <= on["updates_by_table"]["claim_tally_member"]["hot_share"] <= 1
    assert off["refresh_calls"] == 0 and "claim_tally_member" not in off["updates_by_table"]
    assert "claim_tally_member_pkey" not in off["btree_inserts_by_index"]
    steps = figures["status_step_cpu_ms"]
    assert steps["flips"] == 5 and all(len(cpu) == 2 for cpu in steps["by_round"].values())
    assert steps["with_counts"] > 0 and steps["without_counts"] > 0
    assert isinstance(figures["counts_share_of_cpu"], float) and 0 < figures["refresh_share_of_wall"] < 1
    enabled = ("SELECT array_agg(DISTINCT tgenabled::text) FROM pg_trigger WHERE tgname LIKE 'claim_tally_%' "
               "AND NOT tgisinternal")
    assert await execute(server, DB, (enabled,)) == [["O"]]


async def test_the_status_step_side_by_side_prices_each_side_and_leaves_the_moves_in_place(infrastructure):
    server, db = infrastructure.database_url, "step_side_by_side"
    await asyncio.to_thread(claim_write_cost.prepare, driver_url(server, db), 30)
    figures = await claim_step_side_by_side.measure(database_url(server, db), rounds=2, steps=3, batch=5)

    assert (figures["batch"], figures["steps"]) == (5, 3)
    for side in ("refreshed", "moved", "off"):
        assert len(figures["by_round"][side]) == 2
        assert all(r["cpu_ms"] > 0 and r["buffers"] > 0 and r["wal_bytes"] > 0 for r in figures["by_round"][side])
    source = "SELECT prosrc FROM pg_proc WHERE proname = 'claim_tally_from_claim'"
    enabled = "SELECT tgenabled::text FROM pg_trigger WHERE tgname = 'claim_tally_update'"
    function, trigger = await execute(server, db, (source,), (enabled,))
    assert "claim_tally_move" in function and trigger == "O"


@pytest.mark.parametrize("write, function, trigger", [("insert", "claim", "claim_tally_insert"),
                                                      ("adjudication", "claim_event", "claim_tally_insert")])
async def test_the_insert_side_by_side_prices_each_side_and_leaves_the_tables_as_they_were(infrastructure, write,
                                                                                           function, trigger):
    server, db = infrastructure.database_url, f"{write}_side_by_side"
    await asyncio.to_thread(claim_write_cost.prepare, driver_url(server, db), 30)
    claims = "SELECT count(*) FROM claim"
    before = await execute(server, db, (claims,))
    figures = await claim_step_side_by_side.measure(database_url(server, db), rounds=2, steps=3, batch=5, write=write)

    assert figures["write"] == write
    for side in (*claim_step_side_by_side.FUNCTIONS[write], "off"):
        assert len(figures["by_round"][side]) == 2
        assert all(r["cpu_ms"] > 0 and r["wal_bytes"] > 0 for r in figures["by_round"][side])
    source = f"SELECT prosrc FROM pg_proc WHERE proname = 'claim_tally_from_{function}'"
    enabled = f"SELECT tgenabled::text FROM pg_trigger WHERE tgname = '{trigger}' AND tgrelid = '{function}'::regclass"
    body, state, after = await execute(server, db, (source,), (enabled,), (claims,))
    assert ("WITH fresh AS MATERIALIZED" if write == "insert" else "WITH firsts AS MATERIALIZED") in body
    assert state == "O"
    assert after == before[0] + 5  # the measured batches removed again; the steps' first batch stays
