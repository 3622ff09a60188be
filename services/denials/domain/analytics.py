"""Denial analytics: where denials come from, how many could have been prevented, what to fix first.

Rates are taken over adjudicated claim payments (each CLP of an 835), so a payer that denies 3 of
40 claims shows 7.5% whatever the dollar size; amounts are reported beside counts. The analytics are
computed from figures summed per key over the period (the database maintains them per day), and
`adjudication_figures` and `denial_figures` say what one row adds to them. Pure: the figures come from
the caller.
"""
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from shared.money import ZERO

RATE_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class Adjudication:
    """One claim payment: who paid it, what was billed, and whether any of it was denied."""

    payer_id: str
    rendering_npi: str | None
    procedure_codes: tuple[str, ...]
    denied_procedure_codes: tuple[str, ...]
    denied: bool
    adjudicated_on: date


@dataclass(frozen=True)
class DenialFact:
    payer_id: str
    carc_codes: tuple[str, ...]
    category: str
    procedure_code: str | None
    rendering_npi: str | None
    amount: Decimal
    preventable: bool
    recommended_action: str
    opened_on: date


@dataclass(frozen=True)
class AdjudicationFigure:
    """Claim payments of a period under one key: `month` (YYYY-MM), `payer`, `provider` or `procedure`."""

    dimension: str
    key: str
    adjudicated: int
    denied: int


@dataclass(frozen=True)
class DenialFigure:
    """Denials of a period under one key. `all`, `carc`, `category` and `preventable` keys are text; a
    root cause's keys (`cause`, `cause_preventable`) are (payer, category, procedure), with the CARC or
    the recommended action appended for `cause_carc` and `cause_action`."""

    dimension: str
    key: str | tuple
    denials: int
    amount: Decimal


def rate(part: int, whole: int) -> Decimal | None:
    return (Decimal(part) / whole).quantize(RATE_PLACES) if whole else None


def adjudication_figures(adjudications: Iterable[Adjudication]) -> list[AdjudicationFigure]:
    """Claim payments summed per key: a claim payment counts once under each key it falls under (a
    procedure is denied when the payer denied that code)."""
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for a in adjudications:
        keys = {("month", a.adjudicated_on.strftime("%Y-%m"), a.denied), ("payer", a.payer_id, a.denied)}
        keys |= {("provider", a.rendering_npi, a.denied)} if a.rendering_npi is not None else set()
        keys |= {("procedure", code, code in a.denied_procedure_codes) for code in a.procedure_codes}
        for dimension, key, denied in keys:
            sums[dimension, key][0] += 1
            sums[dimension, key][1] += denied
    return [AdjudicationFigure(dimension, key, n, denied) for (dimension, key), (n, denied) in sums.items()]


def denial_figures(denials: Iterable[DenialFact]) -> list[DenialFigure]:
    """Denials and their amount summed per key (a denial counts once under each of its CARCs)."""
    sums: dict[tuple, list] = defaultdict(lambda: [0, ZERO])
    for d in denials:
        cause = (d.payer_id, d.category, d.procedure_code)
        keys = {("all", "", d.amount), ("category", d.category, d.amount), ("cause", cause, d.amount),
                ("cause_action", (*cause, d.recommended_action), ZERO)}
        keys |= {("carc", code, d.amount) for code in d.carc_codes} | {
            ("cause_carc", (*cause, code), ZERO) for code in d.carc_codes}
        if d.preventable:
            keys |= {("preventable", "", d.amount), ("cause_preventable", cause, ZERO)}
        for dimension, key, amount in keys:
            sums[dimension, key][0] += 1
            sums[dimension, key][1] += amount
    return [DenialFigure(dimension, key, n, amount) for (dimension, key), (n, amount) in sums.items()]


def _rates(figures: list[AdjudicationFigure], dimension: str) -> list[dict]:
    rows = [{"key": f.key, "adjudicated": f.adjudicated, "denied": f.denied,
             "denial_rate": rate(f.denied, f.adjudicated)} for f in figures if f.dimension == dimension]
    return sorted(rows, key=lambda r: (-r["denied"], r["key"]))


def _shares(figures: list[DenialFigure], dimension: str) -> list[dict]:
    return sorted(({"key": f.key, "denials": f.denials, "amount": f.amount} for f in figures
                   if f.dimension == dimension), key=lambda r: (-r["amount"], r["key"]))


def denial_analytics(adjudications: list[Adjudication], denials: list[DenialFact], *, top: int = 5) -> dict:
    """The analytics computed from the period's rows themselves (what the maintained figures must give)."""
    return analytics_from_figures(adjudication_figures(adjudications), denial_figures(denials), top=top)


def analytics_from_figures(adjudications: list[AdjudicationFigure], denials: list[DenialFigure], *,
                           top: int = 5) -> dict:
    """The figures of GET /v1/denials/analytics. Month keys are YYYY-MM of adjudication."""
    months = [f for f in adjudications if f.dimension == "month"]
    adjudicated, denied = sum(f.adjudicated for f in months), sum(f.denied for f in months)
    total = next((f for f in denials if f.dimension == "all"), DenialFigure("all", "", 0, ZERO))
    preventable = next((f for f in denials if f.dimension == "preventable"), DenialFigure("preventable", "", 0, ZERO))
    return {
        "adjudicated_claims": adjudicated,
        "denied_claims": denied,
        "denial_rate": rate(denied, adjudicated),
        "denied_amount": total.amount,
        "by_payer": _rates(adjudications, "payer"),
        "by_provider": _rates(adjudications, "provider"),
        "by_procedure": _rates(adjudications, "procedure"),
        "by_month": sorted(_rates(adjudications, "month"), key=lambda r: r["key"]),
        "by_carc": _shares(denials, "carc"),
        "by_category": _shares(denials, "category"),
        "preventable": {"denials": preventable.denials, "share": rate(preventable.denials, total.denials),
                        "amount": preventable.amount},
        "top_root_causes": root_causes(denials, top=top),
    }


def root_causes(figures: list[DenialFigure], *, top: int) -> list[dict]:
    """Payer, category and procedure together: 'Payer X denies 99214 for authorization' is fixable;
    'authorization' alone is not specific enough to act on. The recommended action is the one most of
    the cause's denials carry."""
    preventable = {f.key for f in figures if f.dimension == "cause_preventable" and f.denials}
    carcs: dict[tuple, set] = defaultdict(set)
    actions: dict[tuple, list] = defaultdict(list)
    for f in figures:
        if f.dimension == "cause_carc":
            carcs[f.key[:3]].add(f.key[3])
        elif f.dimension == "cause_action":
            actions[f.key[:3]].append((-f.denials, f.key[3]))
    return [{
        "payer_id": f.key[0], "category": f.key[1], "procedure_code": f.key[2], "denials": f.denials,
        "amount": f.amount, "preventable": f.key in preventable, "carc_codes": sorted(carcs[f.key]),
        "recommended_action": min(actions[f.key])[1],
    } for f in _ranked_causes(figures, top)]


def _ranked_causes(figures: list[DenialFigure], top: int) -> list[DenialFigure]:
    causes = (f for f in figures if f.dimension == "cause")
    return sorted(causes, key=lambda f: (-f.amount, -f.denials, f.key[0], f.key[1], f.key[2] or ""))[:top]


def top_causes(figures: list[DenialFigure], *, top: int) -> list[tuple]:
    """The root causes the analytics will show: only theirs need the CARCs, actions and preventable counts."""
    return [f.key for f in _ranked_causes(figures, top)]
