"""The claims loops read every tenant's claims: each read must go through its partial index, never a
sequential scan of the claim table, and must do so in a generic plan too (asyncpg prepares statements,
and Postgres switches a prepared statement to a generic plan after a few runs).

Sending a file reads the claims it lists by key; the lag report reads one tenant's claims submitted since
a day through the tenant's submissions.

The rows are seeded, planned and rolled back in one transaction: no running service ever sees them."""
from datetime import date, datetime, timedelta, timezone
from hashlib import md5
from uuid import UUID, uuid4

import pytest

from shared.db.engine import make_engine
from services.claims.adapters.repositories import ClaimsUnitOfWork
from services.claims.adapters.tables import Interchange
from services.claims.settings import Settings
from tests.integration.plan_support import seeded_and_planned

NOW = datetime(2026, 12, 2, 3, 0, tzinfo=timezone.utc)
SEED = """
INSERT INTO claim (id, tenant_id, encounter_id, patient_control_number, status, payer_id, frequency_code,
                   total_charge, coded, edits, submitted_at, remit_received_at, created_at)
SELECT gen_random_uuid(), (SELECT id FROM tenants WHERE n = i % 50), gen_random_uuid(), 'PLAN' || i,
       CASE WHEN i % 20 = 0 THEN 'ready' WHEN i % 1000 = 1 THEN 'submitted' ELSE 'paid' END,
       'AETNA', '1', 100, '{}', '[]', now() - interval '90 days',
       CASE WHEN i % 1000 > 1 THEN now() - interval '30 days' END, now() - interval '100 days' + i * interval '1 s'
FROM generate_series(1, 60000) AS i
"""
TENANTS = ("CREATE TEMP TABLE tenants ON COMMIT DROP AS "
           "SELECT n, md5(n::text)::uuid AS id FROM generate_series(0, 49) AS n")
TENANT_ONE = UUID(md5(b"1").hexdigest())
PAYERS = ("INSERT INTO tenant_payer (tenant_id, payer_id, name, x12_payer_id, timely_filing_days, appeal_days, "
          "expected_days, claim_filing_indicator) SELECT id, 'AETNA', 'AETNA', '60054', 90, 180, 30, 'CI' FROM tenants")


@pytest.fixture(scope="module")
async def engine(infrastructure):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    yield engine
    await engine.dispose()


async def _plans(engine, read, *, seeds: tuple[str, ...] = (), analyze: bool = False,
                 plan_mode: str = "force_generic_plan") -> list[dict]:
    """The plan (generic unless told) of every statement `read(uow)` sends, over the seeded table (and
    `seeds`), run when `analyze`."""
    _, _, plans = await seeded_and_planned(engine, (TENANTS, SEED, *seeds, PAYERS, "ANALYZE claim"),
                                           lambda session: read(ClaimsUnitOfWork(session)),
                                           plan_mode=plan_mode, analyze=analyze)
    return plans


def _indexes_under(plan: dict) -> list[str | None]:
    return [plan.get("Index Name")] if plan["Node Type"] == "Bitmap Index Scan" else [
        name for child in plan.get("Plans", []) for name in _indexes_under(child)]


def _scans(plan: dict) -> list[tuple[str, str | None]]:
    """Every read of the claim table: (node, index), a bitmap scan once per index it combines."""
    found = []
    if plan.get("Relation Name") == "claim":
        names = _indexes_under(plan) if plan["Node Type"] == "Bitmap Heap Scan" else [plan.get("Index Name")]
        found += [(plan["Node Type"], name) for name in names]
    for child in plan.get("Plans", []):
        found += _scans(child)
    return found


READY = {"ix_claim_ready_created"}
BY_PCN = {"claim_tenant_id_patient_control_number_key"}


@pytest.mark.parametrize("read, indexes", [
    (lambda uow: uow.claims.unverified(500), READY),
    (lambda uow: uow.claims.ready_to_batch(500), READY),
    (lambda uow: uow.eligibility.ready_claims(500, NOW.date()), READY),
    (lambda uow: uow.follow_up.due_for_inquiry(now=NOW, limit=500), {"ix_claim_inquiry_next"}),
    (lambda uow: uow.claims.sent(Interchange(id=7, tenant_id=TENANT_ONE, payer_id="AETNA", x12="", claim_count=50,
                                             claim_ids=[uuid4() for _ in range(50)]), "sent"), {"claim_pkey"}),
    (lambda uow: uow.follow_up.submissions(TENANT_ONE, date(2026, 11, 1)), {"ix_claim_tenant_submitted"}),
    (lambda uow: uow.claims.by_pcns((TENANT_ONE, f"PLAN{i}") for i in range(1, 5000, 50)), BY_PCN),
    (lambda uow: uow.claims.answered((TENANT_ONE, f"PLAN{i}") for i in range(1, 5000, 50)), BY_PCN),
], ids=["eligibility", "batching", "submission round", "status inquiry", "sending a file", "lag report since a day",
        "acknowledgments and remits by PCN", "a 271's or 277's claims"])
async def test_the_loops_read_every_tenants_claims_through_an_index(engine, read, indexes):
    """A backlog of 3,000 unverified ready claims among 60,000 (the oldest 500 taken) and 60 sent claims
    still owed an answer among 57,000 paid."""
    (plan,) = await _plans(engine, read)
    scans = _scans(plan)
    assert scans and all(node != "Seq Scan" and index in indexes for node, index in scans), scans


# A line for each seeded claim: 60,000 lines of 1,000 patients over 256 days.
LINES = """
INSERT INTO claim_line (claim_id, line_number, tenant_id, patient_id, rendering_npi, date_of_service, procedure_code,
                        modifiers, units, charge)
SELECT id, 1, tenant_id, 'MRN-' || right(patient_control_number, 3), '1234567893',
       DATE '2026-01-01' + (hashtext(patient_control_number) & 255), '99213', '{}', 1, 50
FROM claim WHERE patient_control_number LIKE 'PLAN%'
"""


def _reads_of(plan: dict, table: str) -> list[str]:
    """Every node of the plan that reads `table`."""
    return ([plan["Node Type"]] if plan.get("Relation Name") == table else []) + [
        node for child in plan.get("Plans", []) for node in _reads_of(child, table)]


async def test_the_billed_services_of_a_batch_are_read_through_the_service_day_index(engine):
    """claim.coded's duplicate rule reads a batch's patients' lines of the day by (tenant, patient, day), the keys
    bound as arrays: in a generic plan, through the service-day index and the claims' key, never a scan."""
    keys = [(TENANT_ONE, f"MRN-{n:03d}", date(2026, 1, 1) + timedelta(days=n % 256)) for n in range(100, 150)]
    (plan,) = await _plans(engine, lambda uow: uow.claims.billed_services(keys), seeds=(LINES, "ANALYZE claim_line"))
    lines, claims = _reads_of(plan, "claim_line"), _reads_of(plan, "claim")
    assert lines and claims and "Seq Scan" not in lines + claims, (lines, claims)
    assert _index_names(plan, "claim_line") == {"ix_claim_line_service_day"}, _index_names(plan, "claim_line")


@pytest.mark.parametrize("plan_mode", ["force_generic_plan", "force_custom_plan"])
async def test_a_coded_batchs_four_reads_are_one_statement_each_read_through_its_index(engine, plan_mode):
    """claim.coded's tenants and payers, billed services, denial history and ids already billed, asked as one
    statement: the lines through the service-day index and the claims through their key (the lines' claims and
    the ids asked), never a scan, in a generic plan and in a custom one."""
    days = [(TENANT_ONE, f"MRN-{n:03d}", date(2026, 1, 1) + timedelta(days=n % 256)) for n in range(100, 150)]
    keys = [(TENANT_ONE, "AETNA"), (TENANT_ONE, "CIGNA")]
    (plan,) = await _plans(engine, lambda uow: uow.coded_batch_reads(keys, days, [uuid4() for _ in range(50)]),
                           seeds=(LINES, "ANALYZE claim_line"), plan_mode=plan_mode)
    lines, claims = _reads_of(plan, "claim_line"), _reads_of(plan, "claim")
    assert lines and len(claims) == 2 and "Seq Scan" not in lines + claims, (lines, claims)
    assert _index_names(plan, "claim_line") == {"ix_claim_line_service_day"}, _index_names(plan, "claim_line")
    assert _index_names(plan, "claim") == {"claim_pkey"}, _index_names(plan, "claim")


@pytest.mark.parametrize("plan_mode", ["force_generic_plan", "force_custom_plan"])
async def test_a_fixs_lines_and_history_are_one_statement_the_lines_read_through_their_index(engine, plan_mode):
    """The fix path's live lines of the claim's day with its payer's denial history, asked as one statement: the
    lines through the service-day index and their claims through their key, never a scan, in a generic plan and in
    a custom one."""
    day = (TENANT_ONE, "MRN-120", date(2026, 1, 1) + timedelta(days=120))
    (plan,) = await _plans(engine, lambda uow: uow.billed_with_history([day], [(TENANT_ONE, "AETNA")]),
                           seeds=(LINES, "ANALYZE claim_line"), plan_mode=plan_mode)
    lines, claims = _reads_of(plan, "claim_line"), _reads_of(plan, "claim")
    assert lines and len(claims) == 1 and "Seq Scan" not in lines + claims, (lines, claims)
    assert _index_names(plan, "claim_line") == {"ix_claim_line_service_day"}, _index_names(plan, "claim_line")
    assert _index_names(plan, "claim") == {"claim_pkey"}, _index_names(plan, "claim")
    assert _reads_of(plan, "denial_pattern"), plan


@pytest.mark.parametrize("plan_mode", ["force_generic_plan", "force_custom_plan"])
async def test_the_next_payers_tenants_and_stored_ids_are_one_statement_the_ids_read_through_the_key(engine,
                                                                                                    plan_mode):
    """A remit batch's next payers' tenants and payers with the ids stored already, asked as one statement: the
    claims through their key, never a scan, in a generic plan and in a custom one."""
    keys = [(TENANT_ONE, "AETNA"), (TENANT_ONE, "CIGNA")]
    (plan,) = await _plans(engine, lambda uow: uow.next_payer_reads(keys, [uuid4() for _ in range(50)]),
                           plan_mode=plan_mode)
    claims = _reads_of(plan, "claim")
    assert len(claims) == 1 and "Seq Scan" not in claims, claims
    assert _index_names(plan, "claim") == {"claim_pkey"}, _index_names(plan, "claim")


@pytest.mark.parametrize("read, index", [
    (lambda uow: uow.claims.by_ids((TENANT_ONE, uuid4()) for _ in range(100)), "claim_pkey"),
    (lambda uow: uow.claims.encounter_places((TENANT_ONE, uuid4()) for _ in range(100)), "ix_claim_encounter_id"),
], ids=["corrections' originals", "a correction's or a later payer's encounter"])
async def test_claims_named_by_tenant_and_id_are_read_through_their_key(engine, read, index):
    """The (tenant, id) pairs bound as two arrays: in a generic plan, through the id's index, never a scan."""
    (plan,) = await _plans(engine, read)
    scans = _reads_of(plan, "claim")
    assert scans and "Seq Scan" not in scans and _index_names(plan, "claim") == {index}, plan


# An answer cached for each of 60,000 patients' days, half of them on the day read.
ANSWERS = """
INSERT INTO eligibility_check (tenant_id, payer_id, patient_id, member_id, date_of_service, checked_on, status, answer)
SELECT (SELECT id FROM tenants WHERE n = i % 50), 'AETNA', 'MRN-' || i, 'M' || i, DATE '2026-01-01' + i % 256,
       DATE '2026-12-02' - i % 2, 'active', '{}'
FROM generate_series(1, 60000) AS i
"""


async def test_the_cached_answers_of_a_batch_are_read_through_their_key(engine):
    """A round's cached 271 answers by (tenant, payer, patient, member, day), the keys bound as five arrays: in a
    generic plan, through the cache's primary key, never a scan."""
    keys = {(TENANT_ONE, "AETNA", f"MRN-{i}", f"M{i}", date(2026, 1, 1) + timedelta(days=i % 256))
            for i in range(1, 5000, 50)}
    (plan,) = await _plans(engine, lambda uow: uow.eligibility.answers(keys, NOW.date()),
                           seeds=(ANSWERS, "ANALYZE eligibility_check"))
    scans = _reads_of(plan, "eligibility_check")
    assert scans and "Seq Scan" not in scans, plan
    assert _index_names(plan, "eligibility_check") == {"eligibility_check_pkey"}, plan


def _index_names(plan: dict, table: str) -> set[str]:
    """The indexes the plan reads `table` through."""
    own = set()
    if plan.get("Relation Name") == table and "Index Name" in plan:
        own.add(plan["Index Name"])
    if plan["Node Type"] == "Bitmap Heap Scan" and plan.get("Relation Name") == table:
        own |= set(filter(None, _indexes_under(plan)))
    return own.union(*(_index_names(child, table) for child in plan.get("Plans", [])))


# Claims asked already and waiting for their next inquiry day: most of what a large book has sent and not yet
# been paid for.
WAITING = """
INSERT INTO claim (id, tenant_id, encounter_id, patient_control_number, status, payer_id, frequency_code,
                   total_charge, coded, edits, submitted_at, created_at, status_inquired_at, next_inquiry_on)
SELECT gen_random_uuid(), (SELECT id FROM tenants WHERE n = i % 50), gen_random_uuid(), 'WAIT' || i, 'accepted',
       'AETNA', '1', 100, '{}', '[]', now() - interval '80 days', now() - interval '81 days',
       now() - interval '5 days', DATE '2026-12-02' + 1 + i % 40
FROM generate_series(1, 20000) AS i
"""


def _claim_rows_examined(plan: dict) -> int:
    """Rows of the claim table a run of the plan looked at: those it kept and those its filters dropped."""
    own = 0
    if plan.get("Relation Name") == "claim":
        own = (plan["Actual Rows"] + plan.get("Rows Removed by Filter", 0)
               + plan.get("Rows Removed by Index Recheck", 0)) * plan["Actual Loops"]
    return int(own) + sum(_claim_rows_examined(child) for child in plan.get("Plans", []))


@pytest.mark.parametrize("plan_mode", ["force_generic_plan", "force_custom_plan"])
async def test_the_status_inquiry_leaves_the_claims_waiting_for_their_next_day_out_of_its_read(engine, plan_mode):
    """Among 20,000 claims asked already and waiting for their next inquiry day, the loop looks at the 60
    never asked, not at the waiting ones: the day they may next be asked about is the index's first column, read
    as a range, in a prepared statement's generic plan and in a custom one. The shared test database may hold
    due claims of its own (claims the end-to-end tests sent, not yet past their expected days, are due and
    filtered), so the rows the read looks at without the waiting claims are its floor."""
    def read(uow):
        return uow.follow_up.due_for_inquiry(now=NOW, limit=500)

    (floor,) = await _plans(engine, read, analyze=True, plan_mode=plan_mode)
    (plan,) = await _plans(engine, read, seeds=(WAITING,), analyze=True, plan_mode=plan_mode)
    assert plan["Actual Rows"] == 60
    examined, floor_examined = _claim_rows_examined(plan), _claim_rows_examined(floor)
    # 20,000 more when the waiting claims are read and filtered
    assert examined - floor_examined < 1_000, (examined, floor_examined, _shape(plan))


def _shape(plan: dict, depth: int = 0) -> str:
    """The plan's nodes, one a line, with what each read and dropped: the assertion's explanation."""
    line = (f"{'  ' * depth}{plan['Node Type']} {plan.get('Index Name', '')} rows={plan.get('Actual Rows')} "
            f"filtered={plan.get('Rows Removed by Filter', 0)} rechecked={plan.get('Rows Removed by Index Recheck', 0)}")
    return "\n".join([line, *(_shape(child, depth + 1) for child in plan.get("Plans", []))])


# One claim in a hundred a correction of the claim seeded 50 before it (of its tenant), every other one a void.
CORRECTIONS = """
UPDATE claim c SET original_claim_id = o.id,
                   frequency_code = CASE WHEN right(c.patient_control_number, 3) = '200' THEN '8' ELSE '7' END
FROM claim o
WHERE o.tenant_id = c.tenant_id AND o.patient_control_number = 'PLAN' || (substr(c.patient_control_number, 5)::int - 50)
  AND c.patient_control_number LIKE 'PLAN%' AND right(c.patient_control_number, 2) = '00'
"""
ORIGINALS = [(TENANT_ONE, uuid4()) for _ in range(100)]


@pytest.mark.parametrize("read", [
    lambda uow: uow.claims.corrections_counts(ORIGINALS),
    lambda uow: uow.claims.corrections_of(*ORIGINALS[0]),
    lambda uow: uow.claims.open_voids_of(*ORIGINALS[0]),
], ids=["a batch's corrections counted", "one claim's corrections counted", "a reversed claim's open voids"])
async def test_a_claims_corrections_are_read_through_their_original(engine, read):
    """Replacements and voids by (tenant, original claim): in a generic plan, through the corrections' partial
    index, never a scan of the tenant's claims or the table."""
    (plan,) = await _plans(engine, read, seeds=(CORRECTIONS,))
    scans = _reads_of(plan, "claim")
    assert scans and "Seq Scan" not in scans and _index_names(plan, "claim") == {"ix_claim_corrections_of"}, plan
