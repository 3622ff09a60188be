"""The follow-up queue ranked in Postgres is `prioritize` of the domain: the same claims in the same order,
and each claim's SQL priority the domain's to the cent, for several moments, with and without `due_only`
and a payer filter, whatever the session's time zone (days around a clock change last 23 or 25 hours in
New York; Kathmandu is 5:45 ahead of UTC). The claims sit on the edges that matter: exactly whole days
before each moment and a microsecond either side, exactly at their payer's expected days, on half cents
(a priority whose exact figure ends in half a cent), with equal amounts and ages (ties by submission,
then id) and with equal submissions; some rejected, answered or snoozed.

The rows are seeded and read in one transaction, rolled back: no running service sees them."""
import random
import uuid
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.engine import make_engine
from services.claims.adapters.follow_up_store import FollowUpStore, _priority_cents, _with_expected_days
from services.claims.adapters.tables import Claim
from services.claims.domain.follow_up import AWAITING_STATUSES, QueueItem, prioritize, priority
from services.claims.settings import Settings
from tests.integration.test_claim_loop_plans import _plans, _scans, engine  # noqa: F401  (the fixture)

TENANT = uuid.uuid4()
PAYERS = {"AETNA": 30, "MEDICAID-IL": 45, "CIGNA": 1, "SAMEDAY": 0}
# 20 Nov 2026 at noon UTC: thirty days back crosses New York's clock change of 1 Nov.
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
NOWS = (NOW, NOW + timedelta(hours=13, microseconds=1), NOW + timedelta(days=16), NOW + timedelta(days=3, hours=11))
ZONES = ("UTC", "America/New_York", "Asia/Kathmandu")
STATUSES = AWAITING_STATUSES + ("rejected",)


def _claims(rng: random.Random) -> list[dict]:
    """About four hundred claims of one practice, on every edge the ranking has."""
    claims = []

    def add(payer: str, submitted: datetime, amount: Decimal, *, status: str | None = None, answered=False,
            next_action_on: date | None = None, claim_id: uuid.UUID | None = None) -> None:
        claims.append({"id": claim_id or uuid.UUID(int=rng.getrandbits(128), version=4), "payer_id": payer,
                       "status": status or rng.choice(STATUSES), "total_charge": amount, "submitted_at": submitted,
                       "remit_received_at": submitted + timedelta(days=9) if answered else None,
                       "next_action_on": next_action_on})

    def cents(low: int, high: int) -> Decimal:
        return Decimal(rng.randint(low, high)).scaleb(-2)

    for payer, expected in PAYERS.items():
        for days in (expected, expected + 1, expected + 5, expected + 15, expected + 45, expected + 77):
            for edge in (timedelta(0), timedelta(microseconds=1), timedelta(microseconds=-1)):
                add(payer, NOW - timedelta(days=days) + edge, cents(1, 99_999), status="accepted")
        # Half cents: an odd amount in cents fifteen days overdue, a multiple of three five days overdue.
        for overdue, amount in ((15, "0.03"), (15, "0.45"), (5, "0.21"), (5, "0.33"), (1, "0.75"), (7, "0.45")):
            add(payer, NOW - timedelta(days=expected + overdue, hours=rng.randint(0, 23)), Decimal(amount),
                status="submitted")
    for _ in range(300):
        payer = rng.choice(list(PAYERS))
        submitted = NOW - timedelta(seconds=rng.randint(0, 200 * 86400), microseconds=rng.randint(0, 999_999))
        amount = rng.choice((Decimal("100.00"), Decimal("250.50"), cents(1, 5_000_000)))
        snoozed = rng.choice((None, None, NOW.date(), NOW.date() + timedelta(days=rng.randint(-5, 20))))
        add(payer, submitted, amount, answered=rng.random() < 0.1, next_action_on=snoozed)
    same = NOW - timedelta(days=50, seconds=7)  # equal amount, payer and submission: the id decides
    for _ in range(6):
        add("AETNA", same, Decimal("120.00"), status="submitted")
    return claims


def _expected(claims: list[dict], now: datetime, *, payer_id: str | None, due_only: bool) -> list[QueueItem]:
    items = [QueueItem(str(c["id"]), c["total_charge"], c["submitted_at"], PAYERS[c["payer_id"]], c["next_action_on"])
             for c in claims if c["status"] in AWAITING_STATUSES and c["remit_received_at"] is None
             and payer_id in (None, c["payer_id"])]
    return prioritize(items, now, due_only=due_only)


async def _seed(conn, claims: list[dict]) -> None:
    await conn.execute(text(
        "INSERT INTO tenant_payer (tenant_id, payer_id, name, x12_payer_id, timely_filing_days, appeal_days, "
        "expected_days, claim_filing_indicator) SELECT :tenant, p.payer_id, p.payer_id, '00000', 90, 180, p.days, "
        "'CI' FROM unnest(CAST(:payers AS text[]), CAST(:days AS int[])) AS p(payer_id, days)"),
        {"tenant": TENANT, "payers": list(PAYERS), "days": list(PAYERS.values())})
    await conn.execute(text(
        "INSERT INTO claim (id, tenant_id, encounter_id, patient_control_number, status, payer_id, frequency_code, "
        "total_charge, coded, edits, submitted_at, remit_received_at, next_action_on) "
        "SELECT r.id, :tenant, gen_random_uuid(), 'F' || r.n, r.status, r.payer_id, '1', r.amount, '{}', '[]', "
        "r.submitted_at, r.remit_received_at, r.next_action_on FROM unnest(CAST(:ids AS uuid[]), "
        "CAST(:statuses AS text[]), CAST(:payers AS text[]), CAST(:amounts AS numeric[]), "
        "CAST(:submitted AS timestamptz[]), CAST(:answered AS timestamptz[]), CAST(:next AS date[])) "
        "WITH ORDINALITY AS r(id, status, payer_id, amount, submitted_at, remit_received_at, next_action_on, n)"),
        {"tenant": TENANT, **{key: [c[column] for c in claims] for key, column in (
            ("ids", "id"), ("statuses", "status"), ("payers", "payer_id"), ("amounts", "total_charge"),
            ("submitted", "submitted_at"), ("answered", "remit_received_at"), ("next", "next_action_on"))}})


async def _in_rolled_back_transaction(server: str, seed, read):
    engine = make_engine(Settings(database_url=server))
    try:
        async with engine.connect() as conn:
            transaction = await conn.begin()
            try:
                await seed(conn)
                return await read(conn)
            finally:
                await transaction.rollback()
    finally:
        await engine.dispose()


@pytest.mark.parametrize("zone", ZONES)
async def test_the_queue_ranked_in_postgres_is_the_domains_ranking(infrastructure, zone):
    claims = _claims(random.Random(7))
    views = [(now, payer_id, due_only) for now in NOWS for payer_id in (None, "AETNA") for due_only in (False, True)]

    async def read(conn):
        await conn.execute(text(f"SET LOCAL TimeZone = '{zone}'"))
        session, found = AsyncSession(bind=conn), []
        store = FollowUpStore(session)
        for now, payer_id, due_only in views:
            whole = await store.queue(TENANT, now=now, payer_id=payer_id, due_only=due_only, limit=1000)
            page = await store.queue(TENANT, now=now, payer_id=payer_id, due_only=due_only, limit=50)
            cents = dict((await session.execute(_with_expected_days().with_only_columns(
                Claim.id, _priority_cents(now)).where(Claim.tenant_id == TENANT))).all())
            found.append(([str(r.id) for r in whole], [str(r.id) for r in page],
                          {str(key): value for key, value in cents.items()}))
        return found

    found = await _in_rolled_back_transaction(infrastructure.database_url, lambda conn: _seed(conn, claims), read)
    for (now, payer_id, due_only), (whole, page, cents) in zip(views, found):
        expected = _expected(claims, now, payer_id=payer_id, due_only=due_only)
        assert len(expected) > 60, "more than a page: the cut matters"
        assert whole == [i.claim_id for i in expected], (now, payer_id, due_only)
        assert page == whole[:50]
        every = _expected(claims, now, payer_id=None, due_only=False)
        assert all(cents[i.claim_id] == priority(i, now) * 100 for i in every), (now, zone)


@pytest.mark.unit
def test_the_claims_on_the_edges_are_there():
    """The seed holds what the test above claims it holds: ties of priority broken by submission and by id,
    and priorities whose exact figure is a half cent (rounded to the even cent)."""
    claims, now = _claims(random.Random(7)), NOW
    ranked = _expected(claims, now, payer_id=None, due_only=False)
    figures = [(priority(i, now), i.submitted_at) for i in ranked]
    assert any(a[0] == b[0] and a[1] < b[1] for a, b in zip(figures, figures[1:]))
    assert any(a == b for a, b in zip(figures, figures[1:]))
    halves = [i for i in ranked if (i.amount * (30 + i.days_overdue(now)) * 100 / 30) % 1 == Decimal("0.5")]
    assert {priority(i, now) * 100 % 2 for i in halves} == {0} and len(halves) >= 8


async def test_the_queue_reads_through_the_partial_index_in_a_generic_plan(engine):  # noqa: F811
    """Among 60,000 claims of 50 practices, the queue's claims come from the index of claims owed an
    answer (its predicate written inline, so a prepared statement's generic plan can use it)."""
    from tests.integration.test_claim_loop_plans import TENANT_ONE
    (plan,) = await _plans(engine, lambda uow: uow.follow_up.queue(TENANT_ONE, now=NOW, payer_id=None,
                                                                       due_only=True, limit=50))
    scans = _scans(plan)
    assert scans and all(node != "Seq Scan" and index == "ix_claim_owed_answer" for node, index in scans), scans
