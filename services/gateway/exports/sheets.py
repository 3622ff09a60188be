"""JSON report views -> named tables (pure). Money stays Decimal; nested objects become dotted columns."""
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

Cell = str | int | Decimal | bool | None


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


def _flatten(value: dict, prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict):
            flat.update(_flatten(item, f"{name}."))
        else:
            flat[name] = item
    return flat


def _cell(value: object, column: str) -> Cell:
    """Amounts, rates and shares arrive as strings (exact decimals): they go out as numbers again."""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, str) and _numeric_column(column):
        try:
            return Decimal(value)
        except InvalidOperation:
            return value
    return value  # type: ignore[return-value]


def _numeric_column(column: str) -> bool:
    leaf = column.rsplit(".", 1)[-1]
    return leaf in {"amount", "charge", "paid", "balance", "denial_rate", "share", "priority", "rate", "total"} or \
        leaf.endswith(("_amount", "_rate", "_charge"))


def sheet_of(name: str, items: list[dict]) -> Sheet:
    """One row per item; columns in the order they first appear, so a filter never reorders them."""
    flat = [_flatten(item) for item in items]
    columns: list[str] = []
    for row in flat:
        columns += [c for c in row if c not in columns]
    return Sheet(name, columns, [[_cell(row.get(c), c) for c in columns] for row in flat])


def summary_sheet(name: str, report: dict) -> Sheet:
    """The report's single figures (not its tables) as label/value rows."""
    scalars = {k: v for k, v in _flatten({k: v for k, v in report.items() if not isinstance(v, list)}).items()
               if not isinstance(v, list)}
    return Sheet(name, ["figure", "value"], [[k, _cell(v, k)] for k, v in scalars.items()])


def denial_analytics_sheets(report: dict) -> list[Sheet]:
    tables = [sheet_of(key, value) for key, value in report.items() if isinstance(value, list)
              and all(isinstance(v, dict) for v in value)]
    return [summary_sheet("summary", report), *tables]


def aging_sheets(report: dict) -> list[Sheet]:
    """Dollars and counts per bucket: the practice's total, then per payer and per rendering provider."""
    buckets = report.get("buckets", [])

    def rows(by: dict) -> list[dict]:
        return [{"key": key, "amount": row["amount"], "count": row["count"],
                 **{f"{b} amount": row["buckets"][b]["amount"] for b in buckets},
                 **{f"{b} count": row["buckets"][b]["count"] for b in buckets}} for key, row in by.items()]

    def sheet(name: str, by: dict) -> Sheet:
        made = sheet_of(name, rows(by))
        amounts = {c for c in made.columns if c.endswith("amount")}
        return Sheet(name, made.columns, [[Decimal(str(v)) if c in amounts and v is not None else v
                                            for c, v in zip(made.columns, r)] for r in made.rows])

    return [sheet("practice", {"all": report.get("tenant", {"amount": 0, "count": 0,
                                                             "buckets": {b: {"amount": 0, "count": 0} for b in buckets}})}),
            sheet("by_payer", report.get("by_payer", {})), sheet("by_provider", report.get("by_provider", {}))]
