"""Sheets -> CSV or XLSX bytes, and which one a request asked for."""
import csv
import io
from decimal import Decimal
from typing import Literal

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from services.gateway.exports.sheets import Sheet

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"
BY_FORMAT = {"csv": CSV, "xlsx": XLSX, "pdf": PDF}
ExportFormat = Literal["json", "csv", "xlsx"]
ReportFormat = Literal["json", "csv", "xlsx", "pdf"]


def requested_export(format_param: str | None, accept: str | None, offered: tuple[str, ...] = (XLSX, CSV)) -> str | None:
    """`?format=` wins; else the first offered media type the Accept header names; None: the route's default."""
    if format_param:
        chosen = BY_FORMAT.get(format_param.lower())
        return chosen if chosen in offered else None
    accepted = (accept or "").lower()
    return next((media for media in offered if media in accepted), None)


def to_csv(sheets: list[Sheet]) -> bytes:
    """One table: a single sheet as is; several stacked, each row led by its sheet's name."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    several = len(sheets) > 1
    for sheet in sheets:
        writer.writerow((["section"] if several else []) + sheet.columns)
        for row in sheet.rows:
            writer.writerow(([sheet.name] if several else []) + [_text(_formula_safe(v)) for v in row])
    return out.getvalue().encode("utf-8-sig")  # the BOM makes spreadsheet programs read UTF-8


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_xlsx(sheets: list[Sheet]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        page = book.create_sheet(sheet.name[:31])
        page.append(sheet.columns)
        for row in sheet.rows:
            page.append(row)
            for cell in page[page.max_row]:
                if cell.data_type == "f":  # text that merely starts with "=": keep it text, never a formula
                    cell.data_type = "s"
        page.freeze_panes = "A2"
        for index, column in enumerate(sheet.columns, start=1):
            page.column_dimensions[get_column_letter(index)].width = min(max(len(column) + 2, 12), 60)
            if any(isinstance(r[index - 1], Decimal) for r in sheet.rows):
                for cell in page[get_column_letter(index)][1:]:
                    cell.number_format = "#,##0.00##"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _formula_safe(value):
    """Text from payers or EHRs never becomes a formula when a CSV is opened (formula injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def render(sheets: list[Sheet], media_type: str) -> bytes:
    return to_xlsx(sheets) if media_type == XLSX else to_csv(sheets)
