"""Where the claims service finds its fee schedules, loaded once at start.

- a tenant's own schedule, `<reference dir>/tenants/<tenant id>/fee_schedule.csv` (procedure_code,modifier,amount):
  used as a whole for that tenant's claims (a code it does not list is held, never priced from someone else's);
- otherwise the deployment's charge list (`default.csv` in the fee schedule folder) code by code, over the
  default built from CMS's PFS files (PPRRVU, GPCI for the configured locality, CLFS for labs), facility or
  non-facility by the claim's place of service. Full CMS files placed in the reference directory by
  `python -m services.claims.load_fee_schedule` replace the bundled samples.
"""
import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from services.claims.domain.fee_schedule import FeeSchedule, load_fee_schedule
from services.claims.domain.pfs import is_facility, over, pfs_fee_schedule
from services.claims.domain.pfs_files import parse_clfs, parse_gpci, parse_pprrvu

BUNDLED = Path(__file__).resolve().parents[1] / "data" / "fee_schedules"
PFS_FILES = {"pprrvu": "PPRRVU26_JAN.csv", "gpci": "GPCI2026.csv", "clfs": "PUF_CLFS_CY2026_Q1V1.csv"}
FACILITY_PLACES = BUNDLED / "pfs" / "facility_places_of_service.csv"
TENANT_FILE = "fee_schedule.csv"


@dataclass(frozen=True)
class FeeSchedules:
    non_facility: FeeSchedule
    facility: FeeSchedule
    facility_places: frozenset[str]
    tenants: Mapping[str, FeeSchedule] = field(default_factory=dict)

    def for_claim(self, tenant_id: str, place_of_service: str) -> FeeSchedule:
        own = self.tenants.get(str(tenant_id))
        if own is not None:
            return own
        return self.facility if is_facility(place_of_service, self.facility_places) else self.non_facility


def tenant_file(reference_dir: Path, tenant_id: str) -> Path:
    return reference_dir / "tenants" / str(tenant_id) / TENANT_FILE


def pfs_file(kind: str, reference_dir: Path) -> Path:
    """A full CMS file placed in the reference directory, else the bundled sample."""
    placed = reference_dir / PFS_FILES[kind]
    return placed if placed.exists() else BUNDLED / "pfs" / PFS_FILES[kind]


def _read(path: Path, parse):
    with open(path, newline="", encoding="utf-8-sig", errors="replace") as source:
        try:
            return parse(source)
        except ValueError as exc:
            raise ValueError(f"{path}: {exc}") from exc


def _facility_places() -> frozenset[str]:
    with open(FACILITY_PLACES, newline="", encoding="utf-8") as source:
        return frozenset(row["Place of Service Code"].strip().zfill(2) for row in csv.DictReader(source))


def load_fee_schedules(fee_schedule_dir: Path | None, reference_dir: Path, locality: str) -> FeeSchedules:
    """`locality` is MAC-locality as in the GPCI file, e.g. 06102-99 (Rest of Illinois)."""
    gpcis = _read(pfs_file("gpci", reference_dir), parse_gpci)
    mac, _, number = locality.partition("-")
    if (mac, number.zfill(2)) not in gpcis:
        raise ValueError(f"PFS locality {locality} is not in the GPCI file ({len(gpcis)} localities)")
    rvus = _read(pfs_file("pprrvu", reference_dir), parse_pprrvu)
    labs = _read(pfs_file("clfs", reference_dir), parse_clfs)
    charges = load_fee_schedule((fee_schedule_dir or BUNDLED) / "default.csv")
    gpci = gpcis[(mac, number.zfill(2))]
    tenants = {path.parent.name: load_fee_schedule(path)
               for path in sorted((reference_dir / "tenants").glob(f"*/{TENANT_FILE}"))}
    return FeeSchedules(non_facility=over(charges, pfs_fee_schedule(rvus, gpci, labs, facility=False)),
                        facility=over(charges, pfs_fee_schedule(rvus, gpci, labs, facility=True)),
                        facility_places=_facility_places(), tenants=tenants)
