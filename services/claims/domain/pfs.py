"""The default fee schedule from CMS's Physician Fee Schedule: one price per code, modifier and setting.

price = [(work RVU x work GPCI) + (PE RVU x PE GPCI) + (MP RVU x MP GPCI)] x conversion factor, rounded to cents,
with the facility or non-facility practice expense by place of service. Clinical lab codes are not priced by
RVUs (the PFS lists them with status X): their rate is the Clinical Laboratory Fee Schedule's.
"""
from decimal import ROUND_HALF_UP, Decimal

from services.claims.domain.fee_schedule import FeeSchedule
from services.claims.domain.pfs_files import Gpci, RelativeValues

CENT = Decimal("0.01")
# Status codes CMS pays under the PFS with the RVUs in the file (active, restricted, injections).
PRICED_STATUSES = frozenset({"A", "R", "T"})


def pfs_amount(values: RelativeValues, gpci: Gpci, *, facility: bool) -> Decimal:
    """The formula above. A setting marked NA takes the other setting's practice expense."""
    pe = values.pe_facility if facility else values.pe_non_facility
    if pe is None:
        pe = values.pe_non_facility if facility else values.pe_facility
    adjusted = (values.work * gpci.work + (pe or Decimal(0)) * gpci.practice_expense
                + values.malpractice * gpci.malpractice)
    return (adjusted * values.conversion_factor).quantize(CENT, rounding=ROUND_HALF_UP)


def pfs_fee_schedule(rvus: dict[tuple[str, str], RelativeValues], gpci: Gpci, lab_rates: dict[tuple[str, str], Decimal],
                     *, facility: bool) -> FeeSchedule:
    """Every payable PFS row priced for one setting, plus the lab rates (the same in every setting)."""
    amounts = {key: pfs_amount(values, gpci, facility=facility) for key, values in rvus.items()
               if values.status in PRICED_STATUSES}
    amounts.update({key: rate.quantize(CENT, rounding=ROUND_HALF_UP) for key, rate in lab_rates.items()})
    return FeeSchedule({key: amount for key, amount in amounts.items() if amount > 0})


def over(charges: FeeSchedule, default: FeeSchedule) -> FeeSchedule:
    """The practice's own charges win code by code (with all of a code's modifier rows); the default fills in."""
    listed = {code for code, _ in charges.amounts}
    kept = {key: amount for key, amount in default.amounts.items() if key[0] not in listed}
    return FeeSchedule({**kept, **charges.amounts})


def is_facility(place_of_service: str, facility_places: frozenset[str]) -> bool:
    """A facility place of service (hospital, SNF, telehealth POS 02, ...) pays the facility rate."""
    return place_of_service.zfill(2) in facility_places
