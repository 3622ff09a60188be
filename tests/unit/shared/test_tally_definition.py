"""The maintained counts' definition: the member table declared as the migrations build it, and the
refresh's member writes (plain update and insert, the upsert kept for a downgrade), which
updates move one key instead of refreshing, which inserts count new items from their rows, and which add
a first adjudication's keys."""
import pytest
from sqlalchemy import MetaData
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

from services.claims.adapters.reports import CLAIM_TALLY, claim_tally_member
from services.denials.adapters.reports import DENIAL_TALLY, denial_tally_member
from shared.db.tally import FirstRowKeys, MovedKey, NewItemKeys, Source, refresh_trigger_function

pytestmark = pytest.mark.unit


def _ddl(table) -> str:
    return str(CreateTable(table).compile(dialect=postgresql.dialect()))


def test_the_claim_members_leave_room_on_their_pages_as_the_migration_set_them():
    assert "WITH (fillfactor = 70)" in _ddl(claim_tally_member)
    assert "WITH" not in _ddl(denial_tally_member)
    # What a migration creates from the definition carries it too.
    _, members = CLAIM_TALLY.tables(MetaData())
    assert "WITH (fillfactor = 70)" in _ddl(members)


def test_the_refresh_writes_members_without_an_upsert_and_can_be_put_back():
    for tally in (CLAIM_TALLY, DENIAL_TALLY):
        current, earlier = tally.refresh_function(), tally.refresh_function(members_upserted=True)
        assert "ON CONFLICT (item_id)" not in current and "ON CONFLICT (item_id)" in earlier
        assert f"UPDATE {tally.name}_member m SET" in current and f"INSERT INTO {tally.name}_member (item_id" in current
        # The counts are upserted either way: two transactions may add the same new key.
        assert current.count("ON CONFLICT (tenant_id, key)") == earlier.count("ON CONFLICT (tenant_id, key)") == 1


def test_the_claim_keys_read_the_first_adjudication_by_tenant_and_claim():
    assert "e.tenant_id = c.tenant_id AND e.claim_id = c.id" in CLAIM_TALLY.keys_view


def test_only_the_claims_status_step_is_moved_and_every_other_update_is_refreshed():
    claim, event = (refresh_trigger_function(CLAIM_TALLY.name, source) for source in CLAIM_TALLY.sources)
    assert "claim_tally_move(moves.ids" in claim and "o.status IS NOT NULL" in claim
    assert "(n.status <> 'built') AND (o.status <> 'built')" in claim
    assert all(f"n.{c} IS NOT DISTINCT FROM o.{c}" in claim for c in ("id", "tenant_id", "payer_id", "frequency_code"))
    assert "_move" not in event
    assert all("_move" not in refresh_trigger_function(DENIAL_TALLY.name, s) for s in DENIAL_TALLY.sources)
    assert CLAIM_TALLY.move_function() in CLAIM_TALLY.install()
    assert not any("_move" in statement for statement in DENIAL_TALLY.install())
    assert "DROP FUNCTION IF EXISTS claim_tally_move(uuid[], text[], text[], uuid[])" in CLAIM_TALLY.uninstall()


def test_a_moved_key_needs_one_row_per_item():
    with pytest.raises(ValueError, match="one row per item"):
        Source("denial", "claim_id", ("status",), moved_key=MovedKey("status", "status:"))


def test_only_the_claims_insert_counts_new_items_from_their_rows_and_the_others_still_refresh():
    claim, event = (refresh_trigger_function(CLAIM_TALLY.name, source) for source in CLAIM_TALLY.sources)
    assert "WITH fresh AS MATERIALIZED (" in claim and "SELECT r.id AS item_id, r.tenant_id AS tenant_id" in claim
    assert "FROM claim_event e WHERE e.claim_id = r.id AND e.event IN ('held', 'rejected', 'adjudicated')" in claim
    assert "NOT EXISTS (SELECT 1 FROM claim_tally_member m WHERE m.item_id = r.id)" in claim
    assert "PERFORM claim_tally_refresh(others)" in claim
    assert "WITH fresh" not in event
    assert all("WITH fresh" not in refresh_trigger_function(DENIAL_TALLY.name, s) for s in DENIAL_TALLY.sources)


def test_a_new_claims_keys_are_the_views_with_an_empty_timeline():
    # The view and the new claim's keys are one expression: the timeline's two facts read as absent.
    new = next(s for s in CLAIM_TALLY.sources if s.table == "claim").new_item_keys
    assert "NOT false THEN 'clean'" in new.keys and "CASE WHEN NULL IS NOT NULL THEN 'adjudicated:'" in new.keys
    assert new.keys.replace("{row}.", "c.").split("'clean'")[1] in CLAIM_TALLY.keys_view.replace("first.status", "NULL")


def test_new_item_keys_need_one_row_per_item():
    with pytest.raises(ValueError, match="one row per item"):
        Source("denial", "claim_id", ("status",), new_item_keys=NewItemKeys("ARRAY['open']", "true"))


def test_only_the_timelines_insert_adds_a_first_adjudications_keys():
    claim, event = (refresh_trigger_function(CLAIM_TALLY.name, source) for source in CLAIM_TALLY.sources)
    assert "WITH firsts AS MATERIALIZED" in event and "WITH firsts" not in claim
    assert "ORDER BY r.claim_id, r.id" in event and "starts_with(k, 'adjudicated:')" in event
    assert "r.event = 'adjudicated' AND r.tenant_id = i.tenant_id" in event
    assert all("WITH firsts" not in refresh_trigger_function(DENIAL_TALLY.name, s) for s in DENIAL_TALLY.sources)
    # The keys appended are the view's last two, read from the event instead of the first adjudication.
    added = next(s for s in CLAIM_TALLY.sources if s.table == "claim_event").first_row_keys.keys
    view_part = CLAIM_TALLY.keys_view.split("'clean' END,")[1].split("], NULL)")[0].strip()
    from_event = view_part.replace("first.status", "{row}.status").replace("c.", "{item}.")
    assert added == f"array_remove(ARRAY[{from_event}], NULL)::text[]"


def test_first_row_keys_need_a_timeline():
    with pytest.raises(ValueError, match="timeline"):
        Source("claim", "id", ("status",), first_row_keys=FirstRowKeys("true", "a:", "claim", "ARRAY['a:x']"))
