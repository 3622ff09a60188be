"""The coding batch's one read (settings, same-day visits, denial histories as one union) answers, field by field
and type by type, what a plain read of each table answers: over seeded rows with other tenants', payers',
procedures', dates' and statuses' rows beside them, and with nothing to look up. The review's same-day read, which
shares the union's join, answers the same visits. Both reads run on the transaction's driver: their rows are the
session's, value for value and type for type.

The rows are seeded and read in one transaction, rolled back: no running service sees them."""
import uuid
from datetime import date, datetime, timezone

from sqlalchemy import insert, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from shared import denial_patterns
from shared.db.engine import make_engine
from shared.db.driver_reads import select_rows
from services.coding.adapters.batch_reads import BATCH_READS, BatchReadRepository
from services.coding.adapters.repositories import EncounterRepository
from services.coding.adapters.same_day import CODED_ON, BilledVisit, SameDayKey, same_day_arrays
from services.coding.adapters.tables import CodedEncounter, DenialPattern, TenantCodingSettings
from services.coding.settings import Settings as CodingSettings

ON = date(2026, 11, 2)
TENANT, OTHER, UNSET = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
NPI, PAYERS, CODES = "1245319599", ["AETNA", "UHC"], ["99213", "36415"]
KEYS = [SameDayKey(TENANT, NPI, ON, "MRN-1"), SameDayKey(TENANT, NPI, ON, "MRN-2"),
        SameDayKey(OTHER, NPI, ON, "MRN-1"), SameDayKey(UNSET, NPI, ON, "MRN-9")]


def _encounter(tenant, patient, *, status="coded", npi=NPI, on=ON, codes=("99213",)):
    return {"encounter_id": uuid.uuid4(), "tenant_id": tenant, "external_id": "E", "status": status,
            "diagnoses": [], "procedures": [{"code": code, "units": 1} for code in codes], "edits": [],
            "encounter": {}, "patient_ref": patient, "rendering_npi": npi, "date_of_service": on}


def _pattern(tenant, payer, code, category, denials=3):
    return {"tenant_id": tenant, "payer_id": payer, "procedure_code": code, "category": category,
            "carc_codes": ["197", "16"], "denials": denials, "first_denied_on": date(2026, 9, 1),
            "last_denied_on": date(2026, 10, 30)}


async def _seed(conn) -> None:
    await conn.execute(insert(TenantCodingSettings.__table__), [
        {"tenant_id": TENANT, "auto_accept_threshold": 0.92, "auto_accept": True,
         "accept_below_target_precision": True, "updated_by": "admin",
         "updated_at": datetime(2026, 12, 1, 9, 30, 15, 123456, tzinfo=timezone.utc)},
        {"tenant_id": OTHER, "auto_accept_threshold": None, "auto_accept": False,
         "accept_below_target_precision": False, "updated_by": "ops",
         "updated_at": datetime(2026, 11, 30, 23, 59, 59, tzinfo=timezone.utc)},
        {"tenant_id": uuid.uuid4(), "auto_accept_threshold": 0.6, "auto_accept": True,
         "accept_below_target_precision": False, "updated_by": "not in the batch",
         "updated_at": datetime(2026, 11, 1, tzinfo=timezone.utc)}])
    await conn.execute(insert(CodedEncounter.__table__), [
        _encounter(TENANT, "MRN-1", codes=("99213", "36415")), _encounter(TENANT, "MRN-1", codes=("93000",)),
        _encounter(TENANT, "MRN-2", status="needs_review"), _encounter(TENANT, "MRN-2", npi="1999999999"),
        _encounter(TENANT, "MRN-2", on=date(2026, 11, 3)), _encounter(OTHER, "MRN-1"),
        _encounter(OTHER, "MRN-2"), _encounter(UNSET, "MRN-9", codes=())])
    await conn.execute(insert(DenialPattern.__table__), [
        _pattern(TENANT, "AETNA", "36415", "authorization"), _pattern(TENANT, "AETNA", "36415", "coding", 2),
        _pattern(TENANT, "UHC", "99213", "medical_necessity"), _pattern(TENANT, "CIGNA", "99213", "coding"),
        _pattern(TENANT, "AETNA", "93000", "coding"), _pattern(OTHER, "AETNA", "36415", "authorization", 5),
        _pattern(uuid.uuid4(), "AETNA", "36415", "authorization")])


async def _plain_reads(session: AsyncSession, tenants, keys, payers, codes):
    """Each kind read from its own table, as the batch once read them."""
    settings_table, patterns = TenantCodingSettings.__table__, DenialPattern.__table__.c
    coded = CodedEncounter.__table__.c
    settings = {row.tenant_id: row._mapping for row in await session.execute(
        select(settings_table).where(settings_table.c.tenant_id.in_(tenants)))}
    billed: dict = {}
    if keys:
        for row in await session.execute(select(coded.tenant_id, coded.rendering_npi, coded.date_of_service,
                                                coded.patient_ref, coded.encounter_id, coded.procedures).where(
                tuple_(coded.tenant_id, coded.rendering_npi, coded.date_of_service, coded.patient_ref).in_(keys),
                coded.status == "coded")):
            billed.setdefault(SameDayKey(*row[:4]), []).append(
                BilledVisit(row.encounter_id, tuple(p["code"] for p in row.procedures)))
    histories: dict = {}
    for row in await session.execute(select(DenialPattern.__table__).where(
            patterns.tenant_id.in_(tenants), patterns.payer_id.in_(payers), patterns.procedure_code.in_(codes))):
        histories.setdefault(row.tenant_id, []).extend(denial_patterns.history_of([row]))
    return settings, billed, histories


def _typed(value):
    return value, type(value)


def _deeply_typed(value):
    """The value with the type of every part of it (a document's items and members)."""
    if isinstance(value, (list, tuple)):
        return [type(value), *map(_deeply_typed, value)]
    if isinstance(value, dict):
        return [dict, *((k, _deeply_typed(v)) for k, v in sorted(value.items()))]
    return _typed(value)


async def _rows_both_ways(session: AsyncSession, tenants, keys, payers, codes) -> list[tuple[list, list]]:
    """Each read's rows through the session's execute and on the driver, ordered alike."""
    found = []
    for statement, params in ((BATCH_READS, {**same_day_arrays(set(keys)), "tenant_ids": tenants,
                                             "payer_ids": payers, "codes": codes}),
                              (CODED_ON, same_day_arrays(set(keys)))):
        on_session = sorted((await session.execute(statement, params)).all(), key=repr)
        on_driver = sorted(await select_rows(session, statement, params), key=repr)
        found.append(([[(key, _deeply_typed(row._mapping[key])) for key in row._fields] for row in on_session],
                      [[(key, _deeply_typed(row[key])) for key in row._fields] for row in on_driver]))
    return found


async def _read_all(infrastructure, tenants, keys, payers, codes):
    engine = make_engine(CodingSettings(database_url=infrastructure.database_url))
    try:
        async with engine.connect() as conn:
            transaction = await conn.begin()
            try:
                await _seed(conn)
                session = AsyncSession(bind=conn)
                got = await BatchReadRepository(session).read(tenant_ids=tenants, same_day=keys, payer_ids=payers,
                                                              procedure_codes=codes)
                reviewed = await EncounterRepository(session).coded_on(keys)
                for on_session, on_driver in await _rows_both_ways(session, tenants, keys, payers, codes):
                    assert on_driver == on_session
                return got, reviewed, await _plain_reads(session, tenants, keys, payers, codes)
            finally:
                await transaction.rollback()
    finally:
        await engine.dispose()


async def test_the_batch_read_answers_each_tables_rows_field_by_field(infrastructure):
    tenants = [TENANT, OTHER, UNSET]
    got, reviewed, (settings, billed, histories) = await _read_all(infrastructure, tenants, KEYS, PAYERS, CODES)

    assert set(got.settings) == set(settings) == {TENANT, OTHER}
    for tenant, row in settings.items():
        assert isinstance(got.settings[tenant], TenantCodingSettings)
        for name in TenantCodingSettings.__table__.columns.keys():
            assert _typed(getattr(got.settings[tenant], name)) == _typed(row[name]), name
    assert got.settings[TENANT].updated_at.tzinfo is not None

    def by_key(found):
        return {key: sorted(visits) for key, visits in found.items()}

    assert len(billed) == 3 and by_key(got.billed) == by_key(billed) == by_key(reviewed)
    for key, visits in got.billed.items():
        assert [_typed(part) for part in key] == [_typed(part) for part in next(k for k in billed if k == key)]
        assert all(isinstance(visit.encounter_id, uuid.UUID) for visit in visits)

    assert {tenant: sorted(found, key=repr) for tenant, found in got.histories.items()} == {
        tenant: sorted(found, key=repr) for tenant, found in histories.items()}
    assert sum(map(len, histories.values())) == 4
    for tenant, found in got.histories.items():
        for seen in found:
            expected = next(h for h in histories[tenant] if h == seen)
            assert [_typed(v) for v in vars(seen).values()] == [_typed(v) for v in vars(expected).values()]


async def test_a_batch_with_no_visit_or_procedure_to_look_up_reads_only_the_settings(infrastructure):
    got, reviewed, (settings, _, _) = await _read_all(infrastructure, [TENANT], [], PAYERS, [])
    assert set(got.settings) == set(settings) == {TENANT} and got.billed == {} == reviewed and got.histories == {}
