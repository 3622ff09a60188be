"""The work queues read through indexes they can seek in, and answer what the plain predicates answer:
the follow-up queue's claims past their payer's expected days (exact at the boundary, to the
microsecond), and the denials queue walked page by page (ties of priority across pages); a page after a cursor,
of the denials queue or the claims list, is planned with its values, which only a transaction can hold.

The rows are seeded and read in one transaction, rolled back: no running service sees them."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.engine import make_engine, make_session_factory
from shared.db.plans import plan_with_values
from shared.db.unit_of_work import UnitOfWorkFactory
from services.claims.adapters.claim_repository import ClaimRepository
from services.claims.adapters.follow_up_store import FollowUpStore, _past_expected_days, _with_expected_days
from services.claims.adapters.tables import Claim
from services.claims.domain.follow_up import AWAITING_STATUSES
from services.claims.settings import Settings as ClaimsSettings
from services.denials.adapters.repositories import DenialRepository
from services.denials.settings import Settings as DenialsSettings

NOW = datetime(2026, 12, 2, 3, 0, tzinfo=timezone.utc)
TENANT = uuid.uuid4()
PAYERS = {"AETNA": 30, "UHC": 45, "CIGNA": 1}
# Around each payer's boundary: the very microsecond, a microsecond either side, hours and a day either side.
OFFSETS = (timedelta(0), timedelta(microseconds=1), timedelta(microseconds=-1), timedelta(hours=23),
           timedelta(hours=-23), timedelta(days=1, seconds=1), timedelta(days=-1, seconds=-1), timedelta(days=-400))


async def _in_rolled_back_transaction(settings, seed, read):
    engine = make_engine(settings)
    try:
        async with engine.connect() as conn:
            transaction = await conn.begin()
            try:
                await seed(conn)
                return await read(AsyncSession(bind=conn))
            finally:
                await transaction.rollback()
    finally:
        await engine.dispose()


async def _seed_claims(conn) -> None:
    await conn.execute(text(
        "INSERT INTO tenant_payer (tenant_id, payer_id, name, x12_payer_id, timely_filing_days, appeal_days, "
        "expected_days, claim_filing_indicator) SELECT :tenant, p.payer_id, p.payer_id, '60054', 90, 180, p.days, 'CI' "
        "FROM unnest(CAST(:payers AS text[]), CAST(:days AS int[])) AS p(payer_id, days)"),
        {"tenant": TENANT, "payers": list(PAYERS), "days": list(PAYERS.values())})
    rows = [(payer, status, NOW - timedelta(days=days) + offset)
            for payer, days in PAYERS.items() for offset in OFFSETS for status in ("submitted", "paid", "rejected")]
    await conn.execute(text(
        "INSERT INTO claim (id, tenant_id, encounter_id, patient_control_number, status, payer_id, frequency_code, "
        "total_charge, coded, edits, submitted_at, created_at) SELECT gen_random_uuid(), :tenant, gen_random_uuid(), "
        "'Q' || r.n, r.status, r.payer_id, '1', 100, '{}', '[]', r.submitted_at, r.submitted_at "
        "FROM unnest(CAST(:payers AS text[]), CAST(:statuses AS text[]), CAST(:submitted AS timestamptz[])) "
        "WITH ORDINALITY AS r(payer_id, status, submitted_at, n)"),
        {"tenant": TENANT, "payers": [r[0] for r in rows], "statuses": [r[1] for r in rows],
         "submitted": [r[2] for r in rows]})


@pytest.mark.parametrize("payer_id", [None, "UHC"])
async def test_the_follow_up_queue_holds_exactly_the_claims_past_their_payers_expected_days(infrastructure, payer_id):
    async def read(session):
        got = await FollowUpStore(session).queue(TENANT, now=NOW, payer_id=payer_id, due_only=False, limit=1000)
        plain = _with_expected_days(Claim).where(
            Claim.tenant_id == TENANT, Claim.status.in_(AWAITING_STATUSES), Claim.remit_received_at.is_(None),
            Claim.submitted_at.is_not(None), _past_expected_days(NOW))
        if payer_id:
            plain = plain.where(Claim.payer_id == payer_id)
        expected = (await session.execute(plain)).all()
        return {(row.id, row.expected_days) for row in got}, {(c.id, days) for c, days in expected}

    got, expected = await _in_rolled_back_transaction(ClaimsSettings(database_url=infrastructure.database_url),
                                                      _seed_claims, read)
    # Per payer: at or before the boundary (5 offsets) times two awaiting statuses.
    assert len(expected) == (1 if payer_id else len(PAYERS)) * 5 * 2
    assert got == expected


async def _seed_denials(conn) -> None:
    await conn.execute(text(
        "INSERT INTO denial (id, tenant_id, claim_id, remit_id, payer_id, level, procedure_code, carc_codes, "
        "rarc_codes, category, preventable, recommended_action, explanation, amount, status, priority, "
        "appeal_deadline, sla_due, opened_at) SELECT gen_random_uuid(), :tenant, gen_random_uuid(), 'R', 'AETNA', "
        "'claim', '99213', '{16}', '{}', 'coding', false, 'correct', '[]', 10, "
        "CASE WHEN i % 5 = 0 THEN 'resolved' ELSE 'open' END, (i * 7) % 4 * 10, current_date, current_date, now() "
        "FROM generate_series(1, 60) AS i"), {"tenant": TENANT})


async def test_the_denials_queue_walked_page_by_page_is_the_whole_queue_in_order(infrastructure):
    async def read(session):
        repository, pages, after = DenialRepository(session), [], None
        while True:
            page = await repository.queue(TENANT, filters={"status": "open"}, limit=7, after=after)
            pages += [d.id for d in page]
            if len(page) < 7:
                break
            after = (page[-1].priority, page[-1].id)
        whole = await repository.queue(TENANT, filters={"status": "open"}, limit=1000, after=None)
        ordered = (await session.execute(text(
            "SELECT id FROM denial WHERE tenant_id = :tenant AND status = 'open' ORDER BY priority DESC, id"),
            {"tenant": TENANT})).scalars().all()
        return pages, [d.id for d in whole], ordered

    pages, whole, ordered = await _in_rolled_back_transaction(
        DenialsSettings(database_url=infrastructure.database_url), _seed_denials, read)
    assert len(ordered) == 48
    assert pages == whole == ordered


async def _plans_of(session, *fragments: str) -> list[tuple[int, int]]:
    """(generic, custom) plans run by this connection's prepared statements that hold every fragment."""
    holds = " AND ".join(f"statement LIKE :f{i}" for i in range(len(fragments)))
    rows = await session.execute(text(
        f"SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE {holds} "
        "AND statement NOT LIKE '%pg_prepared_statements%'"), {f"f{i}": f"%{f}%" for i, f in enumerate(fragments)})
    return [tuple(row) for row in rows]


async def _pages_after_a_cursor(session, first_page, next_page) -> None:
    """The first page, then eight times the page after it, with generic plans forced on the connection (as
    Postgres may choose from a prepared statement's sixth run on: a plan made for an average tenant)."""
    await session.execute(text("SET plan_cache_mode = force_generic_plan"))
    first = await first_page()
    for _ in range(8):
        await next_page(first[-1])


def _denials_queue(session):
    queue = DenialRepository(session).queue
    return (lambda: queue(TENANT, filters={"status": "open"}, limit=7, after=None),
            lambda last: queue(TENANT, filters={"status": "open"}, limit=7, after=(last.priority, last.id)),
            ("FROM denial ", "denial.priority <="))


def _claims_list(session):
    page = ClaimRepository(session).page
    return (lambda: page(TENANT, filters={"status": "paid"}, limit=5, before=None),
            lambda last: page(TENANT, filters={"status": "paid"}, limit=5, before=(last.created_at, last.id)),
            ("FROM claim ", "claim.created_at <"))


@pytest.mark.parametrize("settings, seed, pages", [(DenialsSettings, _seed_denials, _denials_queue),
                                                   (ClaimsSettings, _seed_claims, _claims_list)],
                         ids=["denials queue", "claims list"])
async def test_a_page_after_a_cursor_is_planned_with_its_values(infrastructure, settings, seed, pages):
    """The pages after a cursor are planned with the tenant's and the cursor's values: every run of their
    statement is a custom plan."""
    async def read(session):
        first_page, next_page, fragments = pages(session)
        await _pages_after_a_cursor(session, first_page, next_page)
        return await _plans_of(session, *fragments)

    assert await _in_rolled_back_transaction(settings(database_url=infrastructure.database_url), seed, read) == [(0, 8)]


async def test_values_planning_holds_in_a_transaction_and_is_refused_in_a_reading_unit_of_work(infrastructure):
    """Outside a transaction Postgres ignores SET LOCAL with a warning: a read that relied on it would keep the
    generic plan without a sign. So a reading unit of work (autocommit) is refused, and in a transaction the
    setting holds for the statements after it."""
    engine = make_engine(DenialsSettings(database_url=infrastructure.database_url))
    units_of_work = UnitOfWorkFactory(make_session_factory(engine))
    show = text("SHOW plan_cache_mode")
    try:
        async with units_of_work.reading() as uow:
            with pytest.raises(RuntimeError, match="needs a transaction"):
                await plan_with_values(uow.session)
            assert (await uow.session.execute(show)).scalar() == "auto"
        async with units_of_work() as uow:
            await plan_with_values(uow.session)
            assert (await uow.session.execute(show)).scalar() == "force_custom_plan"
        async with units_of_work() as uow:
            assert (await uow.session.execute(show)).scalar() == "auto"
    finally:
        await engine.dispose()
