"""Spreadsheet exports through the public API: the same rows as the JSON views, same filters."""
import csv
import io
from decimal import Decimal

from openpyxl import load_workbook

from tests.e2e.support import encounter_body, settled, wait_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _denied_and_paid_claims(api) -> None:
    ids = []
    for procedures in ([{"code": "71046", "diagnosis_pointers": [1]}], None):
        body = encounter_body(**({"procedures": procedures} if procedures else {}))
        ids.append(api.post("/v1/encounters", json=body).json()["encounter_id"])
    for encounter_id in ids:
        claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                            what="coding")["claim_id"]
        wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), settled, timeout=90, what="adjudication")


def test_denial_queue_as_xlsx_and_csv_matches_the_json(api):
    _denied_and_paid_claims(api)
    wanted = wait_for(lambda: api.get("/v1/denials", params={"category": "authorization"}).json()["items"],
                      lambda items: items, what="the denial to be queued")
    response = api.get("/v1/denials", params={"category": "authorization", "format": "xlsx"})
    assert response.status_code == 200 and response.headers["content-type"] == XLSX
    assert "attachment" in response.headers["content-disposition"]
    page = load_workbook(io.BytesIO(response.content))["denials"]
    header = [c.value for c in page[1]]
    rows = [dict(zip(header, [c.value for c in row])) for row in page.iter_rows(min_row=2)]
    assert sorted(r["denial_id"] for r in rows) == sorted(d["denial_id"] for d in wanted)
    assert {r["denial_id"]: Decimal(str(r["amount"])) for r in rows} == {d["denial_id"]: Decimal(d["amount"])
                                                                          for d in wanted}
    as_csv = api.get("/v1/denials", params={"category": "authorization"}, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    listed = list(csv.DictReader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert sorted(r["denial_id"] for r in listed) == sorted(d["denial_id"] for d in wanted)
    assert all(r["category"] == "authorization" for r in listed)


def test_aging_analytics_and_follow_up_export(api):
    _denied_and_paid_claims(api)
    aging = api.get("/v1/reports/ar-aging").json()
    book = load_workbook(io.BytesIO(api.get("/v1/reports/ar-aging", params={"format": "xlsx"}).content))
    assert book.sheetnames == ["practice", "by_payer", "by_provider"]
    practice = [c.value for c in book["practice"][2]]
    assert Decimal(str(practice[1])) == Decimal(str(aging["tenant"]["amount"]))
    payers = {row[0].value for row in book["by_payer"].iter_rows(min_row=2)}
    assert payers == set(aging["by_payer"])

    analytics = load_workbook(io.BytesIO(api.get("/v1/denials/analytics", params={"format": "xlsx"}).content))
    assert {"summary", "by_payer", "by_category"} <= set(analytics.sheetnames)
    follow_up = api.get("/v1/follow-up", params={"format": "csv"})
    assert follow_up.status_code == 200 and follow_up.headers["content-type"].startswith("text/csv")
