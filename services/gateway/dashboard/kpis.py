"""Revenue-cycle KPIs from the services' report figures. Pure: no I/O, Decimal arithmetic only.

Definitions (each KPI carries its numerator and denominator so a reader can check it):
- clean-claim rate: claims that passed scrubbing and the payer's front end with no hold or rejection,
  over claims that have been scrubbed;
- denial rate: claims with a denial, over claims adjudicated (also by payer and by reason);
- first-pass resolution: original claims whose first adjudication paid in full, over claims adjudicated;
- days in A/R: insurance plus patient receivable, over the average daily charges of the period;
- net collection rate: payments, over charges less contractual adjustments.
"""
from decimal import ROUND_HALF_UP, Decimal

from shared.money import ZERO

RATE = Decimal("0.0001")
DAYS = Decimal("0.1")


def ratio(numerator, denominator, quantum: Decimal = RATE) -> dict:
    num, den = Decimal(str(numerator)), Decimal(str(denominator))
    value = (num / den).quantize(quantum, ROUND_HALF_UP) if den else None
    return {"value": None if value is None else str(value), "numerator": str(num), "denominator": str(den)}


def _balance(figures: dict, account: str) -> Decimal:
    return Decimal(figures.get("account_balances", {}).get(account, "0"))


def compute_kpis(*, claims: dict, denials: dict, payments: dict) -> dict:
    adjudication = claims.get("adjudication", {})
    adjudicated = sum(p["adjudicated"] for p in adjudication.values())
    first_pass = sum(p["first_pass_paid"] for p in adjudication.values())
    receivable = _balance(payments, "ar:insurance") + _balance(payments, "ar:patient")
    period = Decimal(payments.get("period_days", 90))
    daily_charges = Decimal(payments.get("charges_in_period", "0")) / period
    charges = -_balance(payments, "revenue:charges")
    collectible = charges - _balance(payments, "adj:contractual")
    return {
        "clean_claim_rate": ratio(claims.get("clean", 0), claims.get("scrubbed", 0)),
        "denial_rate": ratio(denials.get("denied_claims", 0), adjudicated),
        "first_pass_resolution_rate": ratio(first_pass, adjudicated),
        "days_in_ar": ratio(receivable, daily_charges.quantize(Decimal("0.01")) if daily_charges else ZERO, DAYS),
        "net_collection_rate": ratio(Decimal(payments.get("collected", "0")), collectible),
        "denial_rate_by_payer": {payer: ratio(denials.get("by_payer", {}).get(payer, 0), p["adjudicated"])
                                 for payer, p in sorted(adjudication.items())},
        "denial_rate_by_reason": {reason: ratio(n, adjudicated)
                                  for reason, n in sorted(denials.get("by_category", {}).items())},
        "denial_rate_by_carc": {carc: ratio(n, adjudicated) for carc, n in sorted(denials.get("by_carc", {}).items())},
        "volumes": {"claims_by_status": claims.get("by_status", {}), "adjudicated": adjudicated,
                    "denied_claims": denials.get("denied_claims", 0), "open_denials": denials.get("open", 0),
                    "suspense_open": payments.get("suspense_open", 0), "receivable": str(receivable),
                    "charges": str(charges), "period_days": int(period)},
    }
