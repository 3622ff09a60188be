"""What coding a batch of documented encounters reads, in one statement: the tenants' settings, the visits already
coded the same day for the batch's patients, and the tenants' denial histories for its payers and procedures.

The three kinds of row come back as one union, each kind in its own columns and NULL in the others' (every column
typed as its table's, so each value is decoded as a read of its own table decodes it); a `kind` column says which
is which. One round trip for the batch where three reads took three, sent on the transaction's driver
(`select_rows`: the session's rows and types without its execute path).
"""
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from sqlalchemy import Column, String, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from shared import denial_patterns
from shared.db.driver_reads import select_rows
from services.coding.adapters.same_day import (SAME_DAY_COLUMNS, SAME_DAY_JOIN, BilledVisit, SameDayKey,
                                               billed_visits, same_day_arrays)
from services.coding.adapters.tables import CodedEncounter, DenialPattern, TenantCodingSettings

_SOURCES = {"billed": (CodedEncounter.__table__, SAME_DAY_COLUMNS),
            "settings": (TenantCodingSettings.__table__, None),
            "pattern": (DenialPattern.__table__, None)}


def _own_columns(kind: str) -> list[Column]:
    table, names = _SOURCES[kind]
    return [column for column in table.columns if names is None or column.name in names]


_OWN = {kind: [column.name for column in _own_columns(kind)] for kind in _SOURCES}
_COLUMNS = {column.name: column for kind in _SOURCES for column in _own_columns(kind)}


def _select_list(kind: str, alias: str) -> str:
    own = _OWN[kind]
    return ", ".join([f"'{kind}' AS kind"] + [
        f"{alias}.{name}" if name in own else f"CAST(NULL AS {_COLUMNS[name].type.compile(postgresql.dialect())}) "
                                               f"AS {name}" for name in _COLUMNS])


BATCH_READS = text(f"""
SELECT {_select_list("billed", "c")}
{SAME_DAY_JOIN}
UNION ALL
SELECT {_select_list("settings", "s")}
FROM tenant_coding_settings s WHERE s.tenant_id = ANY(CAST(:tenant_ids AS uuid[]))
UNION ALL
SELECT {_select_list("pattern", "d")}
FROM denial_pattern d WHERE d.tenant_id = ANY(CAST(:tenant_ids AS uuid[]))
     AND d.payer_id = ANY(CAST(:payer_ids AS text[])) AND d.procedure_code = ANY(CAST(:codes AS text[]))
""").columns(Column("kind", String), *_COLUMNS.values())


@dataclass(frozen=True)
class BatchReads:
    settings: dict[UUID, TenantCodingSettings]
    billed: dict[SameDayKey, list[BilledVisit]]
    histories: dict[UUID, list[denial_patterns.DenialHistory]]


class BatchReadRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def read(self, *, tenant_ids: Iterable[UUID], same_day: Iterable[SameDayKey], payer_ids: Iterable[str],
                   procedure_codes: Iterable[str]) -> BatchReads:
        """The settings (detached from the session), coded visits and denial histories a batch is coded with."""
        rows = await select_rows(self._session, BATCH_READS, {
            **same_day_arrays(set(same_day)), "tenant_ids": list(set(tenant_ids)), "payer_ids": list(set(payer_ids)),
            "codes": list(set(procedure_codes))})
        by_kind = defaultdict(list)
        for row in rows:
            by_kind[row.kind].append(row)
        patterns = defaultdict(list)
        for row in by_kind["pattern"]:
            patterns[row.tenant_id].append(row)
        return BatchReads(
            settings={row.tenant_id: TenantCodingSettings(**{name: getattr(row, name)
                                                              for name in _OWN["settings"]})
                      for row in by_kind["settings"]},
            billed=billed_visits(by_kind["billed"]),
            histories={tenant: denial_patterns.history_of(found) for tenant, found in patterns.items()})
