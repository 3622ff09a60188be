"""Exports: JSON views become spreadsheet tables with the same rows; money stays exact; no formulas."""
import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from services.gateway.exports.formats import CSV, XLSX, requested_export, to_csv, to_xlsx
from services.gateway.exports.sheets import aging_sheets, denial_analytics_sheets, sheet_of

pytestmark = pytest.mark.unit

DENIALS = [
    {"denial_id": "d1", "amount": "65.00", "carc_codes": ["197", "16"], "category": "authorization",
     "preventable": True, "assignee": None},
    {"denial_id": "d2", "amount": "12.50", "carc_codes": ["50"], "category": "medical_necessity",
     "preventable": False, "assignee": "=HYPERLINK(\"http://x\")", "extra": {"level": "line"}},
]
AGING = {"as_of": "2026-12-01", "buckets": ["0-30", "31-60"],
         "tenant": {"amount": "100.00", "count": 2, "buckets": {"0-30": {"amount": "60.00", "count": 1},
                                                              "31-60": {"amount": "40.00", "count": 1}}},
         "by_payer": {"AETNA": {"amount": "100.00", "count": 2, "buckets": {"0-30": {"amount": "60.00", "count": 1},
                                                                            "31-60": {"amount": "40.00", "count": 1}}}},
         "by_provider": {}}


def test_rows_follow_items_and_columns_appear_in_first_seen_order():
    sheet = sheet_of("denials", DENIALS)
    assert sheet.columns == ["denial_id", "amount", "carc_codes", "category", "preventable", "assignee", "extra.level"]
    assert sheet.rows[0] == ["d1", Decimal("65.00"), "197; 16", "authorization", True, None, None]
    assert sheet.rows[1][-1] == "line"


def test_csv_opens_with_the_same_rows_and_neutralises_formulas():
    text = to_csv([sheet_of("denials", DENIALS)]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "denial_id" and rows[1][:3] == ["d1", "65.00", "197; 16"]
    assert rows[2][5].startswith("'=")


def test_xlsx_keeps_money_as_numbers_and_text_as_text():
    book = load_workbook(io.BytesIO(to_xlsx([sheet_of("denials", DENIALS)])))
    page = book["denials"]
    assert [c.value for c in page[1]][:2] == ["denial_id", "amount"]
    assert page["B2"].value == 65 and page["B2"].data_type == "n"
    assert page["F3"].data_type == "s"


def test_aging_has_the_practice_payer_and_provider_tables():
    sheets = aging_sheets(AGING)
    assert [s.name for s in sheets] == ["practice", "by_payer", "by_provider"]
    payer = sheets[1]
    assert payer.columns == ["key", "amount", "count", "0-30 amount", "31-60 amount", "0-30 count", "31-60 count"]
    assert payer.rows == [["AETNA", Decimal("100.00"), 2, Decimal("60.00"), Decimal("40.00"), 1, 1]]


def test_denial_analytics_splits_figures_and_tables():
    report = {"denial_rate": "0.2500", "preventable": {"denials": 2, "share": "1.0000"},
              "by_payer": [{"key": "AETNA", "denied": 1, "denial_rate": "0.2500"}], "by_carc": []}
    sheets = denial_analytics_sheets(report)
    assert [s.name for s in sheets] == ["summary", "by_payer", "by_carc"]
    assert ["preventable.share", Decimal("1.0000")] in sheets[0].rows


@pytest.mark.parametrize("param, accept, expected", [
    (None, None, None), ("csv", None, CSV), ("xlsx", "text/csv", XLSX), (None, "text/csv", CSV),
    (None, XLSX, XLSX), ("json", "text/csv", None), (None, "application/json", None)])
def test_format_by_query_or_accept(param, accept, expected):
    assert requested_export(param, accept) == expected
