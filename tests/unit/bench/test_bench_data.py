"""The data benchmark's generator and plan reader: the same seed makes the same years of claims, the
ledger it writes balances, and the plans taken from the server log are the reads', not the loops'."""
import json
import random
import uuid
from collections import defaultdict
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from tools.bench_data import plans
from tools.bench_data.__main__ import NEARLY_EMPTY, compare, nearly_empty_claims
from tools.bench_data.generator import COLUMNS, ClaimGenerator, History, tenant_weights, tenants
from tools.bench_data.reads import reads

pytestmark = pytest.mark.unit
NOW = datetime(2026, 12, 1, 12, tzinfo=timezone.utc)


def _rows(seed: int, claims: int = 1500, part: range | None = None, history: History = History(),
          tenant_count: int = 50) -> dict:
    rng = random.Random(seed)
    tenant_list = tenants(rng, tenant_count, uuid.UUID(int=1))
    generator = ClaimGenerator(seed, claims, tenant_list, tenant_weights(rng, tenant_count, 0.1), NOW, part, history)
    merged = {db: {table: [] for table in tables} for db, tables in COLUMNS.items()}
    for chunk in generator.chunks(1000):
        for db, tables in chunk.items():
            for table, rows in tables.items():
                merged[db][table].extend(rows)
    return merged


def _column(db: str, table: str, name: str) -> int:
    return COLUMNS[db][table].index(name)


def test_the_same_seed_makes_the_same_rows_and_another_seed_other_rows():
    assert _rows(7) == _rows(7)
    assert _rows(7)["claims"]["claim"] != _rows(8)["claims"]["claim"]


def test_a_part_is_made_the_same_alone_as_within_the_whole():
    whole = _rows(3, part=range(500, 1000))
    again = _rows(3, part=range(500, 1000))
    assert whole == again and len(whole["claims"]["claim"]) == 500


def test_every_ledger_transaction_balances_and_every_claim_payment_names_a_remit():
    rows = _rows(11)["payments"]
    sums: dict = defaultdict(Decimal)
    for entry in rows["ledger_entry"]:
        sums[entry[0]] += entry[_column("payments", "ledger_entry", "amount")]
    assert sums and all(total == 0 for total in sums.values())
    remits = {r[0] for r in rows["remittance"]}
    kind, remit = _column("payments", "ledger_transaction", "kind"), _column("payments", "ledger_transaction", "remit_id")
    assert all(t[remit] in remits for t in rows["ledger_transaction"] if t[kind] == "payment")


def test_claims_span_three_years_with_a_realistic_mix_and_unique_control_numbers():
    claims = _rows(5)["claims"]["claim"]
    created = [c[_column("claims", "claim", "created_at")] for c in claims]
    assert (NOW - min(created)).days >= 3 * 365 - 2 and max(created) < NOW
    statuses = [c[_column("claims", "claim", "status")] for c in claims]
    assert 0.6 < statuses.count("paid") / len(statuses) < 0.9
    assert {"denied", "partial", "submitted"} <= set(statuses)
    keys = [(c[1], c[3]) for c in claims]
    assert len(set(keys)) == len(keys)


def test_the_measured_tenant_is_the_largest():
    claims = _rows(2)["claims"]["claim"]
    per_tenant: dict = defaultdict(int)
    for c in claims:
        per_tenant[c[1]] += 1
    assert max(per_tenant, key=per_tenant.get) == uuid.UUID(int=1)


TENANT = "6f1c0c3e-0000-4000-8000-000000000001"
LOG = ("2026-12-01 23:00:00.000 UTC [1] LOG:  duration: 0.050 ms  plan:\n"
       "\tQuery Text: SELECT id FROM claim\n"
       "\tWHERE status = $1 FOR UPDATE SKIP LOCKED\n"
       "\tQuery Parameters: $1 = 'ready'\n"
       "\tLockRows  (actual time=0.01..0.02 rows=0 loops=1)\n"
       "2026-12-01 23:00:00.100 UTC [2] LOG:  duration: 1.250 ms  plan:\n"
       "\tQuery Text: SELECT claim.id FROM claim\n"
       "\tWHERE claim.tenant_id = $1::UUID\n"
       f"\tQuery Parameters: $1 = '{TENANT}'\n"
       "\tLimit  (actual time=0.1..1.2 rows=50 loops=1)\n"
       "\t  Buffers: shared hit=12 read=3\n"
       "\t  ->  Index Scan using ix_claim_tenant_created on claim\n"
       "\t        Buffers: shared hit=10 read=3\n"
       "\tPlanning:\n"
       "\t  Buffers: shared hit=40\n"
       "2026-12-01 23:00:00.150 UTC [3] LOG:  duration: 0.020 ms  plan:\n"
       "\tQuery Text: SELECT count(*) AS count_1 FROM outbox_message\n"
       "\tAggregate  (actual time=0.01..0.01 rows=1 loops=1)\n"
       "2026-12-01 23:00:00.160 UTC [2] LOG:  duration: 9.000 ms  plan:\n"
       "\tQuery Text: SELECT claim.status, count(*) AS count_1 FROM claim GROUP BY claim.status\n"
       "\tHashAggregate  (actual time=8.0..9.0 rows=12 loops=1)\n"
       "\t  Buffers: shared hit=300\n"
       "2026-12-01 23:00:00.170 UTC [2] LOG:  duration: 0.030 ms  plan:\n"
       "\tQuery Text: SELECT claim_tally_all.key, claim_tally_all.n\n"
       "\tFROM claim_tally_all ORDER BY claim_tally_all.key\n"
       "\tIndex Only Scan using uq_claim_tally_all on claim_tally_all  (actual time=0.01..0.02 rows=25 loops=1)\n"
       "\t  Buffers: shared hit=2\n"
       "2026-12-01 23:00:00.200 UTC [2] LOG:  statement: something else\n")


def test_only_the_reads_own_statements_count_and_their_pages_are_the_top_nodes():
    found = plans._plans(LOG)
    assert [p["ms"] for p in found] == [0.05, 1.25, 0.02, 9.0, 0.03]
    ours = [p for p in found if plans.relevant(p, (TENANT,), all_tenants=False)]
    assert [p["ms"] for p in ours] == [1.25]
    assert plans.pages(ours[0]["plan"]) == 15  # the Limit's hit + read, not its child's, not planning's
    everyone = [p for p in found if plans.relevant(p, (TENANT,), all_tenants=True)]
    # The outbox count and the locking select stay out; the read of every tenant's figures counts.
    assert [p["ms"] for p in everyone] == [1.25, 9.0, 0.03]


def test_a_read_within_a_fifth_of_its_empty_figure_meets_the_target():
    empty = {"a": {"p50_ms": 10.0, "p95_ms": 20.0}, "b": {"p50_ms": 10.0, "p95_ms": 20.0}}
    full = {"a": {"p50_ms": 11.9, "p95_ms": 30.0}, "b": {"p50_ms": 12.5, "p95_ms": 20.0}}
    ratios = compare(empty, full)
    assert ratios["a"]["within_target"] and not ratios["b"]["within_target"]
    assert ratios["a"]["bytes_empty"] is None  # figures taken before the answer's size was kept
    assert ratios["a"]["p95_ratio"] == 1.5


def test_the_committed_data_results_compare_every_read_on_both_sizes():
    from tools.bench.results import RESULTS_DIR

    for path in sorted(RESULTS_DIR.glob("data-*.json")):
        result = json.loads(path.read_text())
        if not {"full", "interleaved"} & set(result.get("phases_done", ["full"])):  # a run stopped early says so
            assert result["stopped"] and set(result.get("empty", {})) <= {read.name for read in reads("x")}, path.name
            continue
        names = {read.name for read in reads(result["measured"]["claim_id"])}
        assert set(result["empty"]) == set(result["full"]) == set(result["ratio"]) == names, path.name
        # Runs since the nearly empty seed load part of the claims before the first phase, at most 1%.
        small = result.get("seeded_empty", {}).get("rows", {}).get("claim", 0)
        assert result["seeded"]["rows"]["claim"] + small == result["claims"], path.name
        assert small <= result["claims"] // 100, path.name
        if "size" in result:
            assert result["size"]["empty"]["claims"] < result["size"]["full"]["claims"], path.name


def test_the_nearly_empty_seed_is_the_measured_practice_recent_work_and_collides_with_nothing_later():
    small = _rows(4, claims=2000, history=NEARLY_EMPTY, tenant_count=1)
    full = _rows(4)
    claims = small["claims"]["claim"]
    assert {c[1] for c in claims} == {uuid.UUID(int=1)}
    created = [c[_column("claims", "claim", "created_at")] for c in claims]
    assert (NOW - min(created)).days <= NEARLY_EMPTY.days
    for db, table, key in (("claims", "claim", ("id",)), ("claims", "claim", ("tenant_id", "patient_control_number")),
                           ("payments", "remittance", ("id",)), ("payments", "ledger_transaction", ("id",)),
                           ("denials", "denial", ("id",))):
        columns = [_column(db, table, name) for name in key]
        keys = [{tuple(r[c] for c in columns) for r in rows[db][table]} for rows in (small, full)]
        assert keys[0] and keys[1] and not keys[0] & keys[1], (table, key)
    # Work enough for the lists the run reads: the denials queue's two pages, suspense's first.
    status = _column("denials", "denial", "status")
    assert sum(d[status] == "open" for d in small["denials"]["denial"]) > 100
    assert len(small["payments"]["suspense_item"]) > 20


def test_the_nearly_empty_database_is_at_most_a_hundredth_of_the_full_one():
    assert nearly_empty_claims(100_000) == 1000 and nearly_empty_claims(1_000_000) == 5000
    assert nearly_empty_claims(50) == 0


def test_no_seeded_claim_waits_for_the_services_loops():
    """Seeded rows carry no patient or coverage: none is ready for submission, and none still waiting
    for its payer is due a status inquiry during the run."""
    claims = _rows(5)["claims"]["claim"]
    status, submitted, remitted, inquired, due = (
        [c[_column("claims", "claim", name)] for c in claims]
        for name in ("status", "submitted_at", "remit_received_at", "status_inquired_at", "next_inquiry_on"))
    assert "ready" not in status
    waiting = [n for n in range(len(claims)) if submitted[n] and not remitted[n]]
    assert waiting and all(inquired[n] and due[n] > NOW.date() for n in waiting)


def test_every_seeded_practice_has_a_billing_provider_as_registering_writes_it():
    from shared.contracts.tenant import BillingProvider
    from tools.bench_data.generator import billing_tenant_row
    from tools.bench_data.seed import DEMO_TENANT

    tenant = tenants(random.Random(1), 2, None)[1]
    tenant_id, name, provider = billing_tenant_row(tenant, 4, json.loads(DEMO_TENANT.read_text())["billing_provider"])
    assert tenant_id == tenant.tenant_id and name == "Seeded practice 4"
    assert BillingProvider.model_validate_json(provider).npi == tenant.npis[0]


def test_a_run_stopped_early_leaves_the_figures_of_the_phases_done(monkeypatch, tmp_path):
    from tools.bench_data import __main__ as bench_data

    written = {}
    monkeypatch.setattr(bench_data.results, "write", lambda result, name: written.update(json.loads(json.dumps(
        {**result, "name": name}, default=str))) or tmp_path / name)
    monkeypatch.setattr(bench_data, "bench_stack", lambda: type("Stack", (), {"stop": lambda self: None})())

    stopped = []

    def run(stacks, args, result, save):
        stacks.append(type("Stack", (), {"stop": lambda self: stopped.append("the copy's")})())
        result["empty"] = {"a read": {"p50_ms": 1.0}}
        save("empty")
        raise SystemExit("stopped by signal 15")

    monkeypatch.setattr(bench_data, "_run", run)
    monkeypatch.setattr("sys.argv", ["bench_data", "--claims", "10"])
    with pytest.raises(SystemExit):
        bench_data.main()
    assert written["phases_done"] == ["empty"] and written["empty"] == {"a read": {"p50_ms": 1.0}}
    assert written["stopped"] == "SystemExit: stopped by signal 15"
    assert stopped == ["the copy's"]  # the second stack, started during the run, is stopped as well


def test_a_phase_on_a_loaded_machine_is_marked_and_warned_about():
    from tools.bench_data.reads import load_note

    quiet = load_note((1.5, 1.0, 0.8), (1.9, 1.2, 0.9), 2)
    assert quiet["quiet"] and "warning" not in quiet
    loaded = load_note((54.7, 39.6, 22.4), (4.6, 9.0, 17.3), 2)
    assert not loaded["quiet"] and "54.7" in loaded["warning"]


def test_every_read_is_warmed_the_same_rounds_before_any_is_timed(monkeypatch):
    from tools.bench_data import reads as reads_module

    calls = []

    class Reader:
        def __init__(self, stack, tenant):
            pass

        def params(self, read):
            return {}

        def get(self, read, params):
            calls.append(("warm", read.name))

        def time(self, read, params, count, budget_seconds):
            calls.append(("timed", read.name))
            return {"n": count, "p50_ms": 1.0, "p95_ms": 1.0, "bytes": 1, "samples_ms": [1.0] * count}

        def close(self):
            pass

    monkeypatch.setattr(reads_module, "Reader", Reader)
    measured = reads_module.measure(None, {}, "c", count=5, warmup=4, log=lambda *a, **k: None)
    names = [read.name for read in reads_module.reads("c")]
    first_timed = calls.index(("timed", names[0]))
    assert calls[:first_timed] == [("warm", name) for _ in range(4) for name in names]
    assert set(measured["reads"]) == set(names) and measured["load"]["warmup_rounds"] == 4
    assert "quiet" in measured["load"]


def test_a_phase_waits_for_cpu_idle_seconds_in_a_row_with_no_autovacuum_running():
    from tools.bench_data.settle import Quiet

    quiet = Quiet(busy_percent=25, seconds=3)
    assert quiet.settled([90, 80, 10, 12, 20], autovacuum_workers=0)
    assert not quiet.settled([10, 12, 20], autovacuum_workers=1)  # autovacuum still at the seeded tables
    assert not quiet.settled([10, 60, 12, 20], autovacuum_workers=0)  # a busy second breaks the run
    assert not quiet.settled([10, 12], autovacuum_workers=0)  # too few samples yet
