"""Years of a billing company's claims, made up from a seed: the same seed and count give the same rows.

Pure: rows as tuples in the column order of `COLUMNS`, per database and table, a chunk of claims at a
time. The shapes follow what the services write: a claim with its lines and timeline; in payments the
billed claim, its charge, its payer's payment (paid, contractual, patient share) or its denial left
open in ar:insurance, patient payments, the 835 files; in denials the denied claims' work items, the
adjudications and the submitted claims. Proportions are those of a typical physician practice.
"""
import bisect
import itertools
import json
import math
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from services.denials.domain.queue import sla_due

PAYERS = (("MEDICARE", 30), ("BCBS", 22), ("UHC", 16), ("AETNA", 12), ("CIGNA", 8), ("MEDICAID-IL", 12))
PROCEDURES = (("99213", Decimal("110.00")), ("99214", Decimal("165.00")), ("99203", Decimal("140.00")),
              ("99395", Decimal("210.00")), ("36415", Decimal("18.00")), ("80053", Decimal("45.00")),
              ("93000", Decimal("60.00")), ("90471", Decimal("30.00")))
DIAGNOSES = ("E11.9", "I10", "J06.9", "Z00.00", "M54.50", "E78.5", "F41.1", "K21.9")
# (category, CARC, preventable, recommended action, share of denials)
DENIAL_MIX = (("eligibility", "27", True, "verify_eligibility", 22), ("authorization", "197", True, "appeal", 14),
              ("coding", "11", True, "correct_and_resubmit", 18), ("duplicate", "18", True, "write_off", 9),
              ("timely_filing", "29", True, "write_off", 5), ("medical_necessity", "50", False, "appeal", 17),
              ("bundling", "97", False, "correct_and_resubmit", 15))
DAYS = 3 * 365
OPEN_DAYS = 45  # claims younger than this may still wait for the payer's answer

COLUMNS = {
    "claims": {
        "billing_tenant": ("tenant_id", "name", "billing_provider"),
        "tenant_payer": ("tenant_id", "payer_id", "name", "x12_payer_id", "timely_filing_days", "appeal_days",
                         "expected_days", "claim_filing_indicator"),
        "claim": ("id", "tenant_id", "encounter_id", "patient_control_number", "status", "payer_id",
                  "frequency_code", "payer_claim_number", "total_charge", "coded", "edits", "created_at",
                  "updated_at", "submitted_at", "remit_received_at", "status_inquired_at", "next_inquiry_on"),
        "claim_line": ("claim_id", "line_number", "tenant_id", "patient_id", "rendering_npi", "date_of_service",
                       "procedure_code", "modifiers", "units", "charge"),
        "claim_event": ("tenant_id", "claim_id", "event", "status", "detail", "at"),
    },
    "payments": {
        "billed_claim": ("claim_id", "tenant_id", "patient_id", "payer_id", "patient_control_number",
                         "total_charge", "lines", "submitted_at", "rendering_npi", "date_of_service"),
        "remittance": ("id", "tenant_id", "source", "status", "duplicate_key", "payer_id", "trace_number",
                       "total_paid", "claim_count", "problems", "x12", "received_at"),
        "ledger_transaction": ("id", "tenant_id", "claim_id", "kind", "remit_id", "posting_key", "created_at"),
        "ledger_entry": ("transaction_id", "tenant_id", "claim_id", "patient_id", "account", "amount",
                         "line_number", "category"),
        "suspense_item": ("kind", "tenant_id", "remit_id", "patient_control_number", "payment", "reason", "status",
                          "created_at"),
    },
    "denials": {
        "submitted_claim": ("claim_id", "tenant_id", "payer_id", "rendering_npi", "total_charge", "procedure_codes",
                            "dates_of_service", "submitted_at"),
        "adjudicated_claim": ("remit_id", "patient_control_number", "tenant_id", "claim_id", "payer_id", "denied",
                              "denied_amount", "procedure_codes", "denied_procedure_codes", "adjudicated_on"),
        "denial": ("id", "tenant_id", "claim_id", "remit_id", "payer_id", "level", "procedure_code", "carc_codes",
                   "rarc_codes", "category", "preventable", "recommended_action", "explanation", "amount",
                   "billed_amount", "status", "priority", "appeal_deadline", "sla_due", "acted_at", "opened_at",
                   "resolved_at"),
    },
}


@dataclass(frozen=True)
class History:
    """How far back the claims go and how often a payment lands in suspense. `label` keeps two loads into
    the same database apart: it names each part's random stream and prefixes the control numbers."""
    days: int = DAYS
    suspense_rate: float = 0.003  # payments the clearinghouse could not match to a claim
    label: str = "S"


@dataclass(frozen=True)
class Tenant:
    tenant_id: uuid.UUID
    npis: tuple[str, ...]
    seeded: bool = True  # False: registered through the gateway, its payers already exist


def _uuid(rng: random.Random) -> uuid.UUID:
    """Random bits with the version 4 marks set, built without uuid.UUID's argument checks (the hot path)."""
    made = object.__new__(uuid.UUID)
    object.__setattr__(made, "int", rng.getrandbits(128) & _V4_MASK | _V4_BITS)
    object.__setattr__(made, "is_safe", uuid.SafeUUID.unknown)
    return made


_V4_MASK = ~((0xF000 << 64) | (0xC000 << 48))
_V4_BITS = (0x4000 << 64) | (0x8000 << 48)


def tenants(rng: random.Random, count: int, bench_tenant: uuid.UUID | None) -> list[Tenant]:
    """`count` tenants; the first is the benchmark's own (registered through the gateway) when given."""
    made = []
    for n in range(count):
        tenant_id = bench_tenant if (n == 0 and bench_tenant) else _uuid(rng)
        npis = tuple(f"1{rng.randrange(10**8, 10**9):09d}" for _ in range(rng.randint(1, 12)))
        made.append(Tenant(tenant_id, npis, seeded=not (n == 0 and bench_tenant)))
    return made


def tenant_weights(rng: random.Random, count: int, largest_share: float) -> list[float]:
    """Practice sizes are lognormal; the first tenant (the measured one) gets `largest_share` of the
    claims and no other more than half as many."""
    weights = [rng.lognormvariate(0, 1.0) for _ in range(count - 1)]
    rest = sum(weights)
    return [largest_share] + [min(largest_share / 2, (1 - largest_share) * w / rest) for w in weights]


def tenant_payer_rows(tenant: Tenant, payers: dict[str, tuple]) -> list[tuple]:
    return [(tenant.tenant_id, payer_id, *values) for payer_id, values in payers.items()]


def billing_tenant_row(tenant: Tenant, number: int, billing_provider: dict) -> tuple:
    """A seeded practice as registering it writes it: its billing provider (the services' loops read it)."""
    return (tenant.tenant_id, f"Seeded practice {number}",
            json.dumps({**billing_provider, "name": f"SEEDED PRACTICE {number}", "npi": tenant.npis[0]}))


def _choice(rng: random.Random, weighted: tuple) -> tuple:
    total = sum(w[-1] for w in weighted)
    pick = rng.uniform(0, total)
    for item in weighted:
        pick -= item[-1]
        if pick <= 0:
            return item
    return weighted[-1]


def outcome(rng: random.Random, age_days: float) -> str:
    """What became of a claim of this age: young claims are still with the payer, old ones are settled."""
    if age_days < 1:
        return _choice(rng, (("built", 2), ("held", 6), ("submitted", 92)))[0]
    if age_days < OPEN_DAYS:
        waiting = max(0.0, 1 - age_days / OPEN_DAYS) * 85
        return _choice(rng, (("submitted", waiting * 0.4), ("accepted", waiting * 0.6), ("rejected", 1),
                             ("paid", 80), ("partial", 6), ("denied", 10)))[0]
    return _choice(rng, (("paid", 77), ("partial", 6), ("denied", 4), ("closed", 10), ("appealed", 1.5),
                         ("rejected", 0.5), ("held", 0.5), ("voided", 0.5)))[0]


class ClaimGenerator:
    """Claims in creation order over the last three years before `now`, spread over the tenants."""

    def __init__(self, seed: int, claims: int, tenant_list: list[Tenant], weights: list[float], now: datetime,
                 part: range | None = None, history: History = History()):
        """`part`: the claims (by number, oldest first) this generator makes; each part has its own random
        stream, so parts can be made in parallel and the whole stays the same for a seed."""
        self.part = part or range(claims)
        self.history = history
        self.rng = random.Random(f"{seed}:{self.part.start}" if history.label == "S"
                                 else f"{seed}:{history.label}:{self.part.start}")
        self.claims, self.tenants, self.now = claims, tenant_list, now
        self.cumulative = list(itertools.accumulate(weights))
        self.number = self.part.start
        self.remits: dict[tuple, tuple] = {}  # (tenant, payer, week) -> (remit id, claims, paid, first answer)

    def _tenant(self) -> Tenant:
        pick = self.rng.random() * self.cumulative[-1]
        return self.tenants[min(bisect.bisect_left(self.cumulative, pick), len(self.tenants) - 1)]

    def chunks(self, size: int):
        """Rows of `size` claims at a time, oldest first: {database: {table: [row, ...]}}."""
        step = self.history.days * 86400 / max(self.claims, 1)
        for start in range(self.part.start, self.part.stop, size):
            rows = {db: {table: [] for table in tables} for db, tables in COLUMNS.items()}
            created = self.now
            for n in range(start, min(start + size, self.part.stop)):
                created = self.now - timedelta(seconds=(self.claims - n) * step + 120)
                self._claim(rows, created)
            rows["payments"]["remittance"] = self._flush_remits(created, final=start + size >= self.part.stop)
            yield rows

    def _claim(self, rows: dict, created: datetime) -> None:
        rng = self.rng
        tenant = self._tenant()
        self.number += 1
        claim_id, status = _uuid(rng), outcome(rng, (self.now - created).total_seconds() / 86400)
        payer_id = _choice(rng, PAYERS)[0]
        npi = rng.choice(tenant.npis)
        patient = f"MRN-{rng.randrange(10**7):07d}"
        served = (created - timedelta(days=rng.randint(0, 9))).date()
        lines = [(n + 1, *rng.choice(PROCEDURES)) for n in range(1 if rng.random() < 0.55 else rng.randint(2, 4))]
        charge = sum((c for _, _, c in lines), Decimal("0.00"))
        pcn = f"{self.history.label}{self.number:011d}"
        submitted = created + timedelta(minutes=rng.randint(1, 30)) if status not in ("built", "held", "ready") else None
        answered = status not in ("built", "held", "ready", "submitted", "accepted", "rejected")
        remit_at = submitted + timedelta(days=rng.randint(10, 30)) if answered else None
        if remit_at and remit_at > self.now:
            remit_at = self.now - timedelta(minutes=5)
        self._claims_rows(rows["claims"], tenant, claim_id, status, payer_id, npi, patient, served, lines, charge,
                          pcn, created, submitted, remit_at)
        if submitted:
            self._submitted_rows(rows, tenant, claim_id, payer_id, npi, patient, served, lines, charge, pcn,
                                 submitted)
        if remit_at:
            self._remit_rows(rows, tenant, claim_id, status, payer_id, patient, lines, charge, pcn, remit_at)

    def _claims_rows(self, out, tenant, claim_id, status, payer_id, npi, patient, served, lines, charge, pcn,
                     created, submitted, remit_at) -> None:
        coded = f'{{"date_of_service": "{served.isoformat()}", "diagnoses": [{{"code": "{self.rng.choice(DIAGNOSES)}"}}]}}'
        updated = remit_at or submitted or created
        # A claim still waiting had its status asked already, the next inquiry not due during a run: the
        # seeded rows carry no patient or coverage to ask with.
        waiting = submitted is not None and remit_at is None
        out["claim"].append((claim_id, tenant.tenant_id, _uuid(self.rng), pcn, status, payer_id, "1",
                             f"P{pcn}" if remit_at else None, charge, coded, "[]", created, updated, submitted,
                             remit_at, submitted if waiting else None,
                             (self.now + timedelta(days=60)).date() if waiting else None))
        for number, code, price in lines:
            out["claim_line"].append((claim_id, number, tenant.tenant_id, patient, npi, served, code, [], 1, price))
        steps = [("built", "built", created)] + ([("ready", "ready", created)] if submitted else [])
        if status == "held":
            steps.append(("held", "held", created))
        if submitted:
            steps += [("submitted", "submitted", submitted), ("accepted", "accepted", submitted + timedelta(hours=2))]
        if status == "rejected":
            steps[-1] = ("rejected", "rejected", steps[-1][2])
        if remit_at:
            final = "denied" if status in ("denied", "appealed") else ("partial" if status == "partial" else "paid")
            steps.append(("adjudicated", final, remit_at))
            if status in ("closed", "appealed", "voided"):
                steps.append((status, status, remit_at + timedelta(days=20)))
        out["claim_event"].extend((tenant.tenant_id, claim_id, event, state, "{}", at) for event, state, at in steps)

    def _submitted_rows(self, rows, tenant, claim_id, payer_id, npi, patient, served, lines, charge, pcn,
                        submitted) -> None:
        day = served.isoformat()
        line_json = "[" + ", ".join(f'{{"line_number": {n}, "procedure_code": "{c}", "charge": "{p}", '
                                    f'"date_of_service": "{day}"}}' for n, c, p in lines) + "]"
        rows["payments"]["billed_claim"].append((claim_id, tenant.tenant_id, patient, payer_id, pcn, charge, line_json,
                                                 submitted, npi, served))
        rows["denials"]["submitted_claim"].append((claim_id, tenant.tenant_id, payer_id, npi, charge,
                                                   [c for _, c, _ in lines], [served], submitted))
        txn = _uuid(self.rng)
        rows["payments"]["ledger_transaction"].append((txn, tenant.tenant_id, claim_id, "charge", None, None,
                                                       submitted))
        rows["payments"]["ledger_entry"].extend([
            (txn, tenant.tenant_id, claim_id, patient, "ar:insurance", charge, None, None),
            (txn, tenant.tenant_id, claim_id, patient, "revenue:charges", -charge, None, None)])

    def _remit(self, tenant: Tenant, payer_id: str, at: datetime, paid: Decimal) -> uuid.UUID:
        """Claims a payer answers in one week share one 835."""
        key = (tenant.tenant_id, payer_id, at.date().isocalendar()[:2])
        remit_id, count, total, first = self.remits.get(key) or (_uuid(self.rng), 0, Decimal("0.00"), at)
        self.remits[key] = (remit_id, count + 1, total + paid, min(first, at))
        return remit_id

    def _flush_remits(self, current: datetime, *, final: bool) -> list[tuple]:
        """The 835 files no later claim can join (a claim's answer comes 10 days or more after it was
        made, and an 835 holds one week); all of them at the end."""
        done = [k for k, v in self.remits.items() if final or v[3] < current]
        rows = []
        for key in done:
            remit_id, count, total, first = self.remits.pop(key)
            rows.append((remit_id, key[0], "clearinghouse", "accepted", f"seed:{remit_id}", key[1],
                         f"TRN{remit_id.hex[:12]}", total, count, "[]", "ISA*seeded~", first))
        return rows

    def _remit_rows(self, rows, tenant, claim_id, status, payer_id, patient, lines, charge, pcn, remit_at) -> None:
        rng, pay, den = self.rng, rows["payments"], rows["denials"]
        denied = status in ("denied", "appealed")
        paid = Decimal("0.00") if denied else (charge * Decimal(rng.uniform(0.45, 0.6))).quantize(Decimal("0.01"))
        contractual = Decimal("0.00") if denied else (charge * Decimal("0.3")).quantize(Decimal("0.01"))
        patient_share = charge - paid - contractual if not denied else Decimal("0.00")
        if status == "partial":
            patient_share = (patient_share / 2).quantize(Decimal("0.01"))
        remit_id = self._remit(tenant, payer_id, remit_at, paid)
        den["adjudicated_claim"].append((str(remit_id), pcn, tenant.tenant_id, claim_id, payer_id, denied or
                                         status == "partial", charge - paid - contractual - patient_share if not denied
                                         else charge, [c for _, c, _ in lines],
                                         [c for _, c, _ in lines] if denied else [], remit_at.date()))
        if rng.random() < self.history.suspense_rate:
            pay["suspense_item"].append(("payment", tenant.tenant_id, remit_id, f"X{pcn}", f'{{"paid": "{paid}"}}',
                                         "no claim with this patient control number", "open", remit_at))
        txn = _uuid(rng)
        pay["ledger_transaction"].append((txn, tenant.tenant_id, claim_id, "payment", remit_id,
                                          f"{remit_id}:{pcn}:1", remit_at))
        entries = [("cash:clearing", paid, None), ("adj:contractual", contractual, None),
                   ("ar:patient", patient_share, "coinsurance"),
                   ("ar:insurance", -(paid + contractual + patient_share), None)]
        pay["ledger_entry"].extend((txn, tenant.tenant_id, claim_id, patient, account, amount, None, category)
                                   for account, amount, category in entries if amount)
        age = (self.now - remit_at).days
        if patient_share and age > 30 and rng.random() < 0.8:
            self._patient_payment(pay, tenant, claim_id, patient, patient_share, remit_at + timedelta(days=25))
        elif patient_share and age > 150:  # unpaid patient balances go to collections: bad debt
            self._clear(pay, tenant, claim_id, "write_off", "adj:writeoff", "ar:patient", patient_share,
                        remit_at + timedelta(days=150))
        if denied or status == "partial":
            self._denial(den, pay, tenant, claim_id, status, payer_id, lines, charge - paid - contractual
                         - patient_share, remit_id, remit_at)

    def _patient_payment(self, pay, tenant, claim_id, patient, amount, at) -> None:
        txn = _uuid(self.rng)
        pay["ledger_transaction"].append((txn, tenant.tenant_id, claim_id, "patient_payment", None, None, at))
        pay["ledger_entry"].extend([(txn, tenant.tenant_id, claim_id, patient, "cash:patient", amount, None, None),
                                    (txn, tenant.tenant_id, claim_id, patient, "ar:patient", -amount, None, None)])

    def _denial(self, den, pay, tenant, claim_id, status, payer_id, lines, amount, remit_id, opened) -> None:
        rng = self.rng
        category, carc, preventable, action, _ = _choice(rng, DENIAL_MIX)
        age = (self.now - opened).days
        state = ("open" if age < 30 else "appealed" if status == "appealed" else
                 _choice(rng, (("written_off", 55), ("resolved", 30), ("corrected", 10), ("open", 5)))[0])
        acted = opened + timedelta(days=rng.randint(1, 12)) if state != "open" or rng.random() < 0.3 else None
        resolved = acted + timedelta(days=rng.randint(5, 60)) if state in ("written_off", "resolved") else None
        if resolved and resolved > self.now:
            resolved = None
        level = "claim" if len(lines) == 1 or rng.random() < 0.6 else "line"
        den["denial"].append((
            _uuid(rng), tenant.tenant_id, claim_id, str(remit_id), payer_id, level,
            lines[0][1] if level == "line" else None, [carc], [], category, preventable, action,
            "[]", amount, amount, state, int(min(99, math.log10(float(amount) + 1) * 30 + rng.randint(0, 20))),
            opened.date() + timedelta(days=120), sla_due(opened.date()), acted, opened, resolved))
        worked = {"written_off": ("write_off", "adj:writeoff"), "resolved": ("payment", "cash:clearing"),
                  "corrected": ("write_off", "adj:other")}.get(state)
        if worked and amount and (resolved or acted):  # the denied balance leaves ar:insurance
            self._clear(pay, tenant, claim_id, *worked, "ar:insurance", amount, resolved or acted,
                        remit_id if state == "resolved" else None)  # paid on appeal: the payer's 835 again

    def _clear(self, pay, tenant, claim_id, kind, to_account, from_account, amount, at, remit_id=None) -> None:
        txn = _uuid(self.rng)
        pay["ledger_transaction"].append((txn, tenant.tenant_id, claim_id, kind, remit_id, None, min(at, self.now)))
        pay["ledger_entry"].extend([(txn, tenant.tenant_id, claim_id, None, to_account, amount, None, None),
                                    (txn, tenant.tenant_id, claim_id, None, from_account, -amount, None, None)])
