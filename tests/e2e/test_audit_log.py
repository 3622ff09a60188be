"""The audit log: PHI reads and writes through the gateway are recorded with key, tenant, object,
action and time; the database refuses to change a row; the chain verifies, and tampering is found."""
import asyncio

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from tests.e2e.support import create_tenant, encounter_body


@pytest.fixture(scope="module")
def operator(stack, gateway_url):
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {stack.secrets['admin_api_key']}"},
                      timeout=30) as client:
        yield client


def sql(stack, *statements: str):
    async def run():
        url = make_url(stack.database_url).set(database="billing_gateway").render_as_string(hide_password=False)
        conn = await asyncpg.connect(url)
        try:
            return [await conn.fetch(s) for s in statements]
        finally:
            await conn.close()

    return asyncio.run(run())


def test_reads_and_writes_are_recorded_with_key_and_action(stack, gateway_url, api, tenant):
    encounter_id = api.post("/v1/encounters", json=encounter_body()).json()["encounter_id"]
    assert api.get(f"/v1/encounters/{encounter_id}").status_code == 200
    other = create_tenant(stack, "Curious Practice")
    foreign = httpx.get(f"{gateway_url}/v1/encounters/{encounter_id}", headers={"Authorization": f"Bearer {other['api_key']}"})
    assert foreign.status_code == 404
    entries = api.get("/v1/audit", params={"object_id": encounter_id}).json()["items"]
    assert [(e["action"], e["object_type"], e["outcome"]) for e in reversed(entries)] == [
        ("create", "encounter", 202), ("read", "encounter", 200)]
    assert {e["key_id"] for e in entries} == {tenant["key_id"]}
    # The foreign attempt is in the other tenant's log, not in this one's.
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {other['api_key']}"}) as c:
        theirs = c.get("/v1/audit", params={"object_id": encounter_id}).json()["items"]
    assert [(e["action"], e["outcome"]) for e in theirs] == [("read", 404)]


def test_the_table_refuses_update_and_delete(stack, api):
    api.get("/v1/encounters")
    for statement in ("UPDATE audit_log SET outcome = 200", "DELETE FROM audit_log", "TRUNCATE audit_log"):
        with pytest.raises(asyncpg.exceptions.InsufficientPrivilegeError):
            sql(stack, statement)


def test_the_chain_verifies_and_tampering_is_found(stack, api, operator):
    api.get("/v1/encounters")
    assert operator.get("/v1/admin/audit/verify").json()["ok"] is True
    seq, original = sql(stack, "SELECT seq, object_type FROM audit_log ORDER BY seq LIMIT 1 OFFSET 1")[0][0]
    toggle = "ALTER TABLE audit_log {} TRIGGER audit_log_no_update_delete"
    try:
        sql(stack, toggle.format("DISABLE"), f"UPDATE audit_log SET object_type = 'tampered' WHERE seq = {seq}",
            toggle.format("ENABLE"))
        report = operator.get("/v1/admin/audit/verify").json()
        assert report["ok"] is False and report["first_bad_seq"] == seq
    finally:
        sql(stack, toggle.format("DISABLE"), f"UPDATE audit_log SET object_type = '{original}' WHERE seq = {seq}",
            toggle.format("ENABLE"))
    assert operator.get("/v1/admin/audit/verify").json()["ok"] is True


def test_only_the_operator_verifies_the_whole_chain(api):
    assert api.get("/v1/admin/audit/verify").status_code == 401
