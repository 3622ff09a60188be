"""The A/R aging report on paper: the practice's open receivables by age, by payer and by provider."""
from shared.documents.pdf import Document


def _rows(by: dict, buckets: list[str]) -> list[list]:
    return [[key, *(row["buckets"][b]["amount"] for b in buckets), row["amount"], row["count"]]
            for key, row in by.items()]


def aging_pdf(report: dict, practice_name: str) -> bytes:
    buckets = list(report.get("buckets", []))
    columns = ("", *buckets, "Total", "Claims")
    widths = [40] + [(186 - 40 - 22 - 20) / max(len(buckets), 1)] * len(buckets) + [22, 20]
    numeric = range(1, len(columns))
    doc = Document("A/R aging")
    doc.heading(f"A/R aging: {practice_name}")
    doc.key_values([("As of", report.get("as_of")), ("Aged from", report.get("basis", "submission"))])
    doc.heading("Practice", size=11)
    doc.table(columns, _rows({"All payers": report["tenant"]}, buckets), widths=widths, numeric=numeric)
    doc.heading("By payer", size=11)
    doc.table(columns, _rows(report.get("by_payer", {}), buckets), widths=widths, numeric=numeric)
    doc.heading("By rendering provider (NPI)", size=11)
    doc.table(columns, _rows(report.get("by_provider", {}), buckets), widths=widths, numeric=numeric)
    return doc.bytes()
