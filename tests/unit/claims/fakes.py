"""The claims unit of work in memory: the repositories the use cases call, over plain dicts.

Like the database, a loaded claim is a copy: a change a use case does not write back through its
repository is lost, so these fakes catch a forgotten `update_many` as the real one would.
"""
import itertools
from dataclasses import fields
from uuid import UUID

from shared.clock import fixed_clock
from shared.contracts.envelope import Envelope
from shared.contracts.tenant import TenantRegistered
from shared.denial_patterns import DenialHistory
from shared.testing.fake_unit_of_work import FakeUnitOfWork
from services.claims.adapters.claim_records import ClaimRecord
from services.claims.adapters.claim_round import SentClaim
from services.claims.application.register_tenant import register_tenant
from services.claims.adapters.mapping import payer_from_row
from services.claims.adapters.tables import Interchange
from services.claims.adapters.repositories import CodedBatchReads
from services.claims.application.verify_eligibility import eligibility_key

RECORD_FIELDS = [f.name for f in fields(ClaimRecord)]
CLAIM_DEFAULTS = {"payer_claim_number": None, "interchange_id": None, "created_at": None, "submitted_at": None,
                  "remit_received_at": None, "next_inquiry_on": None, "eligibility": None,
                  "eligibility_requested_at": None, "trace_context": None, "original_claim_id": None,
                  "payer_sequence": "P", "payers_after": 0, "prior_claim_id": None, "prior_payers": None}


class Row:
    """A stored row seen as an object whose changes land in the store (what a session-held table row is)."""

    def __init__(self, values: dict):
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self._values[name] = value


class FakeClaims:
    def __init__(self):
        self.rows: dict[UUID, dict] = {}
        self.lines: dict[UUID, list[dict]] = {}
        self.payers = None  # the unit of work's FakePayers: a file's claims are read with their payer
        self._created = itertools.count(1)

    def _record(self, row: dict) -> ClaimRecord:
        return ClaimRecord(**{name: row.get(name) for name in RECORD_FIELDS})

    def _find(self, *conditions) -> list[ClaimRecord]:
        return [self._record(r) for r in sorted(self.rows.values(), key=lambda r: r["id"])
                if all(condition(r) for condition in conditions)]

    async def get(self, tenant_id, claim_id, *, lock=False):
        row = self.rows.get(claim_id)
        return Row(row) if row is not None and row["tenant_id"] == tenant_id else None

    async def by_pcn(self, tenant_id, pcn):
        found = [r for r in self.rows.values() if (r["tenant_id"], r["patient_control_number"]) == (tenant_id, pcn)]
        return Row(found[0]) if found else None

    async def corrections_of(self, tenant_id, original_id) -> int:
        return sum(1 for r in self.rows.values()
                   if r["tenant_id"] == tenant_id and r["original_claim_id"] == original_id)

    async def by_pcns(self, keys, *, lock=True):
        wanted = set(keys)
        return {(r.tenant_id, r.patient_control_number): r
                for r in self._find(lambda r: (r["tenant_id"], r["patient_control_number"]) in wanted)}

    async def sent(self, interchange, ack_status):
        interchange.ack_status = ack_status
        found = self._find(lambda r: r["interchange_id"] == interchange.id
                           and (interchange.claim_ids is None or r["id"] in interchange.claim_ids))
        sent = [SentClaim(claim, self.rows[claim.id]["coded"]["patient"]["id"],
                          self.rows[claim.id]["coded"]["rendering_provider"]["npi"],
                          self.rows[claim.id]["coded"].get("original_payer_claim_number"),
                          sorted(self.lines.get(claim.id, []), key=lambda line: line["line_number"])) for claim in found]
        return sent, (await self.payers.get(found[0].tenant_id, found[0].payer_id) if found else None)

    async def ready_to_batch(self, limit):
        ready = self._find(lambda r: r["status"] == "ready", lambda r: r["eligibility"] is not None)
        return sorted(ready, key=lambda r: r.created_at)[:limit]

    async def unverified(self, limit):
        ready = self._find(lambda r: r["status"] == "ready", lambda r: r["eligibility"] is None)
        return sorted(ready, key=lambda r: r.created_at)[:limit]

    async def answered(self, keys):
        return await self.by_pcns(keys)

    async def by_ids(self, keys):
        wanted = set(keys)
        return {(r.tenant_id, r.id): r for r in self._find(lambda r: (r["tenant_id"], r["id"]) in wanted)}

    async def corrections_counts(self, keys):
        counts = {}
        for (tenant_id, original_id) in set(keys):
            count = await self.corrections_of(tenant_id, original_id)
            if count:
                counts[original_id] = count
        return counts

    async def open_voids_of(self, tenant_id, original_id):
        return self._find(lambda r: r["tenant_id"] == tenant_id, lambda r: r["original_claim_id"] == original_id,
                          lambda r: r["frequency_code"] == "8", lambda r: r["status"] in ("submitted", "accepted"))

    async def held_for_edit(self, tenant_id, edit_id):
        return [Row(r) for r in sorted(self.rows.values(), key=lambda r: r["id"])
                if r["tenant_id"] == tenant_id and r["status"] == "held"
                and any(e["edit_id"] == edit_id for e in r["edits"])]

    async def encounter_places(self, keys):
        places, wanted = {}, set(keys)
        for row in sorted(self.rows.values(), key=lambda r: r["id"]):
            key = (row["tenant_id"], row["encounter_id"])
            if key in wanted:
                places.setdefault(key, []).append((row["id"], row["payer_sequence"]))
        return places

    async def coded_of(self, ids):
        return {i: (self.rows[i]["coded"], self.rows[i]["prior_payers"]) for i in set(ids) if i in self.rows}

    async def existing_ids(self, ids):
        return set(ids) & set(self.rows)

    async def insert_many(self, rows):
        for row in rows:
            assert row["id"] not in self.rows, "duplicate key"
            self.rows[row["id"]] = {**CLAIM_DEFAULTS, "created_at": next(self._created), **row,
                                    "coded": row["coded"].model_dump(mode="json")}  # as the table stores it

    async def update_many(self, records, columns):
        for record in records:
            self.rows[record.id].update({c: getattr(record, c) for c in columns})

    async def billed_services(self, keys):
        wanted, found = set(keys), {}
        for claim_id, lines in self.lines.items():
            if self.rows[claim_id]["status"] in ("voided", "held"):
                continue
            for l in lines:
                key = (l["tenant_id"], l["patient_id"], l["date_of_service"])
                if key in wanted:
                    found.setdefault(key, []).append(
                        (claim_id, (l["patient_id"], l["date_of_service"], l["procedure_code"], l["rendering_npi"])))
        return found

    async def add_lines(self, rows):
        for row in rows:
            self.lines.setdefault(row["claim_id"], []).append(row)

    async def replace_lines(self, claim_id, rows):
        self.lines.pop(claim_id, None)
        await self.add_lines(rows)


class FakeTimeline:
    def __init__(self):
        self.rows: list[dict] = []

    def add(self, claim, event, detail=None):
        self.rows.append({"tenant_id": claim.tenant_id, "claim_id": claim.id, "event": event, "status": claim.status,
                          "detail": detail or {}})

    def add_many(self, rows):
        self.rows.extend(rows)

    async def flush(self):
        pass

    def of(self, claim_id) -> list[tuple[str, str]]:
        """(event, status) of one claim's steps, in order."""
        return [(r["event"], r["status"]) for r in self.rows if r["claim_id"] == claim_id]


class FakeTenants:
    def __init__(self):
        self.rows: dict[UUID, Row] = {}

    async def get(self, tenant_id):
        return self.rows.get(tenant_id)

    async def save(self, tenant_id, name, billing_provider):
        self.rows[tenant_id] = Row({"tenant_id": tenant_id, "name": name, "billing_provider": billing_provider})


class FakePayers:
    def __init__(self, tenants: FakeTenants):
        self.rows: dict[tuple, dict] = {}
        self._tenants = tenants

    async def get(self, tenant_id, payer_id):
        row = self.rows.get((tenant_id, payer_id))
        return payer_from_row(Row(row)) if row else None

    async def with_tenants(self, keys):
        wanted = set(keys)
        tenants = {t: self._tenants.rows[t] for t, _ in wanted if t in self._tenants.rows}
        return tenants, {k: payer_from_row(Row(self.rows[k])) for k in wanted if k in self.rows and k[0] in tenants}

    async def add_missing(self, rows):
        for row in rows:
            self.rows.setdefault((row["tenant_id"], row["payer_id"]), dict(row))

    async def save(self, values, fields):
        self.rows[(values["tenant_id"], values["payer_id"])] = dict(values)


class FakeInterchanges:
    def __init__(self):
        self.rows: dict[int, object] = {}
        self._numbers = itertools.count(1)

    async def next_control_number(self):
        return next(self._numbers)

    async def next_control_numbers(self, count):
        return [next(self._numbers) for _ in range(count)]

    def add(self, interchange):
        self.rows[interchange.id] = interchange

    def add_file(self, **values):
        self.add(Interchange(**values))

    async def get(self, control, *, lock=False):
        return self.rows.get(control)

    async def next_with_status(self, status):
        return next((i for _, i in sorted(self.rows.items()) if i.ack_status == status), None)


class FakeDenialPatterns:
    def __init__(self):
        self.history_by_payer: dict[tuple, list[DenialHistory]] = {}

    async def history(self, keys):
        return {k: self.history_by_payer[k] for k in set(keys) if k in self.history_by_payer}


class FakeHeldResponses:
    def __init__(self):
        self.rows: list[dict] = []

    def add(self, **values):
        self.rows.append(values)


class FakeEligibility:
    """The day's cached 271 answers, by eligibility key."""

    def __init__(self, claims: FakeClaims):
        self.rows: dict[tuple, object] = {}
        self._claims = claims

    async def answers(self, keys, checked_on):
        return {k: self.rows[(*k, checked_on)] for k in set(keys) if (*k, checked_on) in self.rows}

    async def ready_claims(self, limit, checked_on):
        ready = sorted(self._claims._find(lambda r: r["status"] == "ready"), key=lambda r: r.created_at)[:limit]
        return ready, await self.answers({eligibility_key(c) for c in ready if c.eligibility is None}, checked_on)

    async def remember_many(self, answers, *, checked_on):
        for key, answer in answers.items():
            self.rows[(*key, checked_on)] = answer


class FakeFollowUp:
    """Claims still owed an answer, as the loop's query picks them (the payer's expected days from `payers`)."""

    def __init__(self, claims: FakeClaims, payers: FakePayers):
        self._claims, self._payers = claims, payers

    async def due_for_inquiry(self, *, now, limit):
        def due(r) -> bool:
            payer = self._payers.rows.get((r["tenant_id"], r["payer_id"]))
            asked = r.get("status_inquired_at")
            return (payer is not None and r["status"] in ("submitted", "accepted") and r["remit_received_at"] is None
                    and r["submitted_at"] is not None
                    and (now - r["submitted_at"]).days >= payer["expected_days"]
                    and (r["next_inquiry_on"] <= now.date() if r["next_inquiry_on"] else asked is None))

        found = sorted(self._claims._find(due), key=lambda c: c.submitted_at)[:limit]
        return [(c, self._payers.rows[(c.tenant_id, c.payer_id)]["expected_days"]) for c in found]


class FakeClaimsUnitOfWork(FakeUnitOfWork):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.claims = FakeClaims()
        self.timeline = FakeTimeline()
        self.tenants = FakeTenants()
        self.payers = FakePayers(self.tenants)
        self.claims.payers = self.payers
        self.interchanges = FakeInterchanges()
        self.denial_patterns = FakeDenialPatterns()
        self.held_responses = FakeHeldResponses()
        self.eligibility = FakeEligibility(self.claims)
        self.follow_up = FakeFollowUp(self.claims, self.payers)
        self.ready_noted = 0

    def note_ready(self) -> None:
        self.ready_noted += 1

    async def coded_batch_reads(self, payer_keys, days, ids):
        tenants, payers = await self.payers.with_tenants(payer_keys)
        return CodedBatchReads(tenants, payers, await self.claims.billed_services(days),
                               await self.denial_patterns.history(payer_keys), await self.claims.existing_ids(ids))

    async def billed_with_history(self, days, payer_keys):
        return await self.claims.billed_services(days), await self.denial_patterns.history(payer_keys)

    async def next_payer_reads(self, payer_keys, ids):
        return *(await self.payers.with_tenants(payer_keys)), await self.claims.existing_ids(ids)

    async def save_new_claims(self, claims, lines):
        await self.claims.insert_many(claims)
        await self.claims.add_lines(lines)

    async def save_changes(self, claims, columns):
        await self.claims.update_many(claims, columns)


async def registered_tenant_uow(tenant_id: UUID, now, *, billing_provider, catalog) -> FakeClaimsUnitOfWork:
    """A unit of work at a fixed time whose tenant (with its default payers) is registered."""
    uow = FakeClaimsUnitOfWork(clock=fixed_clock(now))
    await register_tenant(uow, Envelope[TenantRegistered](
        event_type="tenant.registered", tenant_id=tenant_id, subject_id=tenant_id,
        payload=TenantRegistered(tenant_id=str(tenant_id), name="clinic", billing_provider=billing_provider)),
        catalog=catalog)
    return uow
