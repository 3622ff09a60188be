"""Visits already coded for a patient, provider and date (one E/M a day): the key, the rows, and the join that
finds them for a set of keys, shared by the batch's reads and the review's."""
from collections import defaultdict
from datetime import date
from typing import NamedTuple
from uuid import UUID

from sqlalchemy import text

from services.coding.adapters.tables import CodedEncounter


class SameDayKey(NamedTuple):
    """One patient seen by one rendering provider on one date, within a tenant (one E/M a day)."""

    tenant_id: UUID
    rendering_npi: str
    date_of_service: date
    patient_ref: str


class BilledVisit(NamedTuple):
    encounter_id: UUID
    procedure_codes: tuple[str, ...]


# The keys travel as one array per column and are joined to the table: one statement text whatever the
# batch's size (a list of row values in IN is a new statement, prepared again, for every count of keys).
SAME_DAY_JOIN = """FROM unnest(CAST(:key_tenant_ids AS uuid[]), CAST(:npis AS text[]), CAST(:dates AS date[]),
            CAST(:patients AS text[])) AS k(tenant_id, rendering_npi, date_of_service, patient_ref)
JOIN coded_encounter c ON c.tenant_id = k.tenant_id AND c.rendering_npi = k.rendering_npi
     AND c.date_of_service = k.date_of_service AND c.patient_ref = k.patient_ref
WHERE c.status = 'coded'"""
SAME_DAY_COLUMNS = ("tenant_id", "rendering_npi", "date_of_service", "patient_ref", "encounter_id", "procedures")
CODED_ON = text(f"SELECT {', '.join('c.' + name for name in SAME_DAY_COLUMNS)}\n{SAME_DAY_JOIN}").columns(
    *(CodedEncounter.__table__.c[name] for name in SAME_DAY_COLUMNS))


def same_day_arrays(keys: set[SameDayKey]) -> dict[str, list]:
    """The keys as the same-day join's four bound arrays."""
    columns = [list(column) for column in zip(*keys)] if keys else [[], [], [], []]
    return dict(zip(("key_tenant_ids", "npis", "dates", "patients"), columns))


def billed_visits(rows) -> dict[SameDayKey, list[BilledVisit]]:
    """Rows of the same-day join, by key."""
    found: dict[SameDayKey, list[BilledVisit]] = defaultdict(list)
    for row in rows:
        found[SameDayKey(row.tenant_id, row.rendering_npi, row.date_of_service, row.patient_ref)].append(
            BilledVisit(row.encounter_id, tuple(p["code"] for p in row.procedures)))
    return found
