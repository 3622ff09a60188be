"""What a remit.received batch reads from the ledger before it posts, in one statement: the balances of its
claims (and whether each was voided), which of its posting keys are taken, and the credit its patients hold.

Each part is also a read of its own (one claim's balance, one key, one patient's credit). Every part's
rows have one shape (part, claim, tenant, key, two amounts), so the parts a read needs are joined with
UNION ALL, and the keys travel as arrays: a handful of statement texts whatever the batch's size, each
prepared once per connection and run on the transaction's driver (`select_rows`), the columns untyped as before.
"""
from dataclasses import dataclass, field
from decimal import Decimal
from uuid import UUID

from sqlalchemy import column, text

from shared.money import ZERO, to_money
from services.payments.domain import ledger

# A claim's receivables as the maintained balance holds them (adapters/balances.py: exactly what its entries
# sum to), and whether a void was recorded: a void of a settled claim is a transaction without entries.
_BALANCES = f"""
SELECT 'balance', claim_id, NULL::uuid, NULL::text, insurance_ar, patient_ar
FROM claim_balance WHERE claim_id = ANY(CAST(:claim_ids AS uuid[]))
UNION ALL
SELECT DISTINCT 'voided', claim_id, NULL::uuid, NULL::text, 0, 0
FROM ledger_transaction WHERE claim_id = ANY(CAST(:claim_ids AS uuid[])) AND kind = '{ledger.VOIDED}'"""
_POSTED = """
SELECT 'posted', NULL::uuid, t.tenant_id, t.posting_key::text, 0, 0 FROM ledger_transaction t
JOIN unnest(CAST(:key_tenant_ids AS uuid[]), CAST(:keys AS text[])) AS k(tenant_id, posting_key)
  ON t.tenant_id = k.tenant_id AND t.posting_key = k.posting_key
WHERE t.posting_key IS NOT NULL"""
_CREDITS = f"""
SELECT 'credit', NULL::uuid, e.tenant_id, e.patient_id::text, sum(e.amount), 0 FROM ledger_entry e
JOIN unnest(CAST(:patient_tenant_ids AS uuid[]), CAST(:patient_ids AS text[])) AS p(tenant_id, patient_id)
  ON e.tenant_id = p.tenant_id AND e.patient_id = p.patient_id
WHERE e.account = '{ledger.PATIENT_CREDIT}' GROUP BY e.tenant_id, e.patient_id"""
_COLUMNS = tuple(column(name) for name in ("part", "claim_id", "tenant_id", "key", "first", "second"))
_STATEMENTS: dict[tuple[bool, bool, bool], object] = {}


@dataclass
class ClaimBalances:
    """What a claim's receivables hold now, and whether a void was recorded for it."""

    insurance: Decimal = ZERO
    patient: Decimal = ZERO
    voided: bool = False


@dataclass
class LedgerState:
    """Claims without postings have no balances entry; patients holding no credit have no credits entry."""

    balances: dict[UUID, ClaimBalances] = field(default_factory=dict)
    posted: set[tuple[UUID, str]] = field(default_factory=set)
    credits: dict[tuple[UUID, str], Decimal] = field(default_factory=dict)


def statement(claim_ids, tenant_keys, patients) -> tuple[object, dict] | None:
    """The statement reading the parts asked for, and its parameters; None when nothing is asked."""
    parts = (bool(claim_ids), bool(tenant_keys), bool(patients))
    if not any(parts):
        return None
    if parts not in _STATEMENTS:
        _STATEMENTS[parts] = text(" UNION ALL ".join(f"({sql})" for sql, asked in zip(
            (_BALANCES, _POSTED, _CREDITS), parts) if asked)).columns(*_COLUMNS)
    params: dict[str, list] = {}
    if claim_ids:
        params["claim_ids"] = list(set(claim_ids))
    if tenant_keys:
        params["key_tenant_ids"], params["keys"] = map(list, zip(*set(tenant_keys)))
    if patients:
        params["patient_tenant_ids"], params["patient_ids"] = map(list, zip(*set(patients)))
    return _STATEMENTS[parts], params


def ledger_state(rows) -> LedgerState:
    state, voided = LedgerState(), set()
    for part, claim_id, tenant_id, key, first, second in rows:
        if part == "balance":
            state.balances[claim_id] = ClaimBalances(to_money(Decimal(first)), to_money(Decimal(second)))
        elif part == "voided":
            voided.add(claim_id)
        elif part == "posted":
            state.posted.add((tenant_id, key))
        elif first:  # a patient's credit: liability:patient_credit's credit balance
            state.credits[(tenant_id, key)] = -to_money(Decimal(first))
    for claim_id in voided:
        state.balances.setdefault(claim_id, ClaimBalances()).voided = True
    return state
