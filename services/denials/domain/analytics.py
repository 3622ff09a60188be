"""Denial analytics: where denials come from, how many could have been prevented, what to fix first.

Rates are taken over adjudicated claim payments (each CLP of an 835), so a payer that denies 3 of
40 claims shows 7.5% whatever the dollar size; amounts are reported beside counts. Pure: the rows
come from the caller.
"""
from collections import defaultdict
from collections.abc import Callable, Iterable
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


def rate(part: int, whole: int) -> Decimal | None:
    return (Decimal(part) / whole).quantize(RATE_PLACES) if whole else None


def _rates(adjudications: Iterable[Adjudication], keys: Callable[[Adjudication], Iterable[str | None]],
           denied: Callable[[Adjudication, str], bool]) -> list[dict]:
    totals: dict[str, int] = defaultdict(int)
    denials: dict[str, int] = defaultdict(int)
    for adjudication in adjudications:
        for key in set(keys(adjudication)):
            if key is None:
                continue
            totals[key] += 1
            denials[key] += denied(adjudication, key)
    rows = [{"key": key, "adjudicated": totals[key], "denied": denials[key], "denial_rate": rate(denials[key], totals[key])}
            for key in totals]
    return sorted(rows, key=lambda r: (-r["denied"], r["key"]))


def _shares(denials: Iterable[DenialFact], keys: Callable[[DenialFact], Iterable[str | None]]) -> list[dict]:
    counts: dict[str, int] = defaultdict(int)
    amounts: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for denial in denials:
        for key in set(keys(denial)):
            if key is not None:
                counts[key] += 1
                amounts[key] += denial.amount
    return sorted(({"key": k, "denials": counts[k], "amount": amounts[k]} for k in counts),
                  key=lambda r: (-r["amount"], r["key"]))


def denial_analytics(adjudications: list[Adjudication], denials: list[DenialFact], *, top: int = 5) -> dict:
    """The figures of GET /v1/denials/analytics. Month keys are YYYY-MM of adjudication or opening."""
    claim_denied = lambda a, _key: a.denied  # noqa: E731 (a claim counts once per key it falls under)
    preventable = [d for d in denials if d.preventable]
    total_amount = sum((d.amount for d in denials), ZERO)
    return {
        "adjudicated_claims": len(adjudications),
        "denied_claims": sum(a.denied for a in adjudications),
        "denial_rate": rate(sum(a.denied for a in adjudications), len(adjudications)),
        "denied_amount": total_amount,
        "by_payer": _rates(adjudications, lambda a: [a.payer_id], claim_denied),
        "by_provider": _rates(adjudications, lambda a: [a.rendering_npi], claim_denied),
        "by_procedure": _rates(adjudications, lambda a: a.procedure_codes,
                               lambda a, code: code in a.denied_procedure_codes),
        "by_month": sorted(_rates(adjudications, lambda a: [a.adjudicated_on.strftime("%Y-%m")], claim_denied),
                           key=lambda r: r["key"]),
        "by_carc": _shares(denials, lambda d: d.carc_codes),
        "by_category": _shares(denials, lambda d: [d.category]),
        "preventable": {
            "denials": len(preventable),
            "share": rate(len(preventable), len(denials)),
            "amount": sum((d.amount for d in preventable), ZERO),
        },
        "top_root_causes": root_causes(denials, top=top),
    }


def root_causes(denials: list[DenialFact], *, top: int) -> list[dict]:
    """Payer, category and procedure together: 'Payer X denies 99214 for authorization' is fixable;
    'authorization' alone is not specific enough to act on."""
    groups: dict[tuple, list[DenialFact]] = defaultdict(list)
    for denial in denials:
        groups[(denial.payer_id, denial.category, denial.procedure_code)].append(denial)
    ranked = sorted(groups.items(), key=lambda item: (-sum(d.amount for d in item[1]), -len(item[1]), item[0][:2]))
    return [{
        "payer_id": payer_id, "category": category, "procedure_code": procedure_code, "denials": len(group),
        "amount": sum((d.amount for d in group), ZERO), "preventable": any(d.preventable for d in group),
        "carc_codes": sorted({code for d in group for code in d.carc_codes}),
        "recommended_action": group[0].recommended_action,
    } for (payer_id, category, procedure_code), group in ranked[:top]]
