"""The pipeline's table writes per encounter, with autovacuum's runs on each table counted over the run."""
import pytest

from tools.bench.pipeline_statements import writes_between

pytestmark = pytest.mark.unit

ZERO = {"inserted": 0, "updated": 0, "hot": 0, "deleted": 0, "vacuums": 0, "analyzes": 0}


def test_rows_are_per_encounter_and_autovacuum_runs_are_counts():
    before = {"payments.ledger_entry": ZERO, "claims.claim": {**ZERO, "updated": 10, "analyzes": 2}}
    after = {"payments.ledger_entry": {**ZERO, "inserted": 1400, "vacuums": 1, "analyzes": 2},
             "claims.claim": {**ZERO, "inserted": 100, "updated": 410, "hot": 0, "analyzes": 3},
             "coding.outbox_message": {**ZERO, "vacuums": 2}}
    rows = writes_between(before, after, 100, top=10)
    assert rows == [
        {"table": "payments.ledger_entry", "inserted": 14.0, "updated": 0.0, "hot": 0.0, "deleted": 0.0,
         "vacuums": 1, "analyzes": 2},
        {"table": "claims.claim", "inserted": 1.0, "updated": 4.0, "hot": 0.0, "deleted": 0.0,
         "vacuums": 0, "analyzes": 1},
        # A table autovacuum visited without a row written is listed too.
        {"table": "coding.outbox_message", "inserted": 0.0, "updated": 0.0, "hot": 0.0, "deleted": 0.0,
         "vacuums": 2, "analyzes": 0},
    ]


def test_a_table_with_nothing_done_is_left_out():
    assert writes_between({"gateway.tenant": ZERO}, {"gateway.tenant": ZERO}, 100, top=10) == []
