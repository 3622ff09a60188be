"""Two coverages for one encounter, through the public API: the primary is paid, the secondary's claim is
built and sent by itself (SBR01 = S, the primary's adjudication in 2320/2430, pyx12 clean) and paid, each
payer's payment is posted once, and the patient owes only what the secondary left. A crossover bills no
secondary: the supplemental plan's own answer arrives for the primary's claim number. A voided secondary hands
the patient the primary's share in the primary's categories; a voided primary asks, through a work item in the
suspense queue, for its secondary's void, and a crossover primary's void or replacement brings the crossover
payer's reversal, which takes its payment back and closes the item; the secondary's own item closes once its
claim is voided and reversed. A payer paying after its claim was voided (a later payer, or the primary on its own
claim) is owed the money back: insurance A/R stays at zero, a work item says to refund it, and the refund posted
through the public API closes it."""
import asyncio
import uuid
from decimal import Decimal

import pytest

from services.claims.adapters.x12_validation import validate_x12
from tools.chaos import ledger_checks
from tests.e2e.support import encounter_body, medicare_beneficiary_id, member_paid_from_the_first_dollar, wait_for

SECONDARY = {"payer_id": "BCBS", "group_number": "G-200", "relationship": "self"}


def steps(claim: dict, event: str) -> list[dict]:
    return [t for t in claim.get("timeline", []) if t["event"] == event]


def two_coverage_encounter(api, *, group_number: str | None = None) -> tuple[dict, str]:
    """Medicare primary (an MBI; the simulator's crossover flow rides on the group number), a Blue secondary."""
    body = encounter_body(other_coverages=[{**SECONDARY, "member_id": f"XB{uuid.uuid4().int % 10**8:08d}"}])
    body["coverage"].update(payer_id="MEDICARE", member_id=medicare_beneficiary_id(), group_number=group_number)
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    return body, claim_id


def adjudicated(claim: dict) -> bool:
    """A later payer's claim: its payments post to the encounter's first claim, so its own status tells."""
    return claim["status"] in ("paid", "partial", "denied")


def paid_by(count: int):
    return lambda claim: len([p for p in claim.get("payments", []) if p["kind"] == "payment"]) >= count


def reversed_(claim: dict) -> bool:
    return any(p["kind"] == "reversal" for p in claim.get("payments", []))


def secondary_adjudicated(api) -> tuple[dict, str, dict]:
    """A two-coverage encounter through the primary's 835 and the secondary's: (body, primary id, secondary)."""
    body, primary_id = two_coverage_encounter(api)
    primary = wait_for(lambda: api.get(f"/v1/claims/{primary_id}").json(), lambda c: steps(c, "next_payer_billed"),
                       timeout=120, what="the primary's 835 and the secondary's claim")
    secondary_id = steps(primary, "next_payer_billed")[0]["detail"]["claim_id"]
    secondary = wait_for(lambda: api.get(f"/v1/claims/{secondary_id}").json(), adjudicated, timeout=180,
                         what="the secondary's 835")
    return body, primary_id, secondary


@pytest.fixture(scope="module")
def billed_twice(api) -> dict:
    body, primary_id, secondary = secondary_adjudicated(api)
    primary = wait_for(lambda: api.get(f"/v1/claims/{primary_id}").json(), paid_by(2), timeout=60,
                       what="both payments posted")
    return {"primary": primary, "secondary": secondary, "patient_id": body["patient"]["id"]}


def test_the_secondary_is_billed_by_itself_linked_to_the_primary(billed_twice):
    primary, secondary = billed_twice["primary"], billed_twice["secondary"]
    assert primary["status"] == "paid" and secondary["status"] == "paid"
    assert secondary["payer_id"] == "BCBS" and secondary["claim_id"] != primary["claim_id"]
    assert secondary["total_charge"] == primary["total_charge"]
    assert steps(secondary, "built")[0]["detail"]["prior_claim_id"] == primary["claim_id"]
    assert (secondary["payer_sequence"], secondary["prior_claim_id"]) == ("S", primary["claim_id"])
    assert (primary["payer_sequence"], primary["prior_claim_id"]) == ("P", None)
    assert [t["event"] for t in secondary["timeline"]].count("submitted") == 1


def test_the_secondarys_837_carries_sbr01_s_and_the_primarys_adjudication(api, billed_twice):
    text = api.get(f"/v1/claims/{billed_twice['secondary']['claim_id']}/837").text
    assert validate_x12(text) == []
    found = [s.split("*") for s in text.split("~")]
    assert [s[1] for s in found if s[0] == "SBR"] == ["S", "P"]
    primary_paid = sum(Decimal(p["amount"]) for p in billed_twice["primary"]["payments"][:1])
    assert ["AMT", "D", str(primary_paid).rstrip("0").rstrip(".")] in [s[:3] for s in found]
    assert any(s[0] == "SVD" for s in found) and any(s[:2] == ["AMT", "EAF"] for s in found)


def test_each_payer_is_posted_once_and_the_patient_owes_only_what_the_secondary_left(api, billed_twice):
    primary, secondary = billed_twice["primary"], billed_twice["secondary"]
    payments = [p for p in primary["payments"] if p["kind"] == "payment"]
    assert len(payments) == 2 and len({p["remit_id"] for p in payments}) == 2
    assert primary["balance"] == "0.00" and api.get(f"/v1/claims/{primary['claim_id']}/balance").json()["consistent"]
    text = api.get(f"/v1/claims/{secondary['claim_id']}/837").text
    left_by_primary = next(Decimal(s.split("*")[2]) for s in text.split("~") if s.startswith("AMT*EAF*"))
    secondary_paid = Decimal(payments[1]["amount"])
    account = api.get(f"/v1/patients/{billed_twice['patient_id']}/balance").json()
    assert 0 < Decimal(account["balance"]) == left_by_primary - secondary_paid < left_by_primary
    assert Decimal(account["balance"]) == sum(Decimal(a["amount"]) for a in primary["adjustments"]
                                              if a["account"] == "ar:patient")


def test_a_crossover_bills_no_secondary_and_the_supplemental_answer_settles_the_claim(api):
    body, claim_id = two_coverage_encounter(api, group_number="XOVER-G1")

    claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), paid_by(2), timeout=150,
                     what="the primary's and the supplemental plan's payments")

    assert steps(claim, "crossed_over")[0]["detail"]["remark_codes"] == ["MA18"]
    assert steps(claim, "next_payer_billed") == []
    assert claim["balance"] == "0.00"
    account = api.get(f"/v1/patients/{body['patient']['id']}/balance").json()
    assert Decimal(account["balance"]) == sum(Decimal(a["amount"]) for a in claim["adjustments"]
                                              if a["account"] == "ar:patient") > 0


def test_reports_count_the_encounters_first_claims_once(api, billed_twice):
    first_claims = [c for c in api.get("/v1/claims").json()["items"] if c["payer_id"] == "MEDICARE"]
    checks = api.get("/v1/reconciliation").json()["claims"]
    assert checks["closed"] + checks["open"] == len(first_claims) and checks["inconsistent"] == []


def test_a_replaced_secondary_goes_back_to_the_secondary_with_the_primarys_adjudication(api):
    body, primary_id, secondary = secondary_adjudicated(api)
    secondary_id = secondary["claim_id"]

    answer = api.post(f"/v1/claims/{secondary_id}/replace",
                      json={"prior_authorization": "AUTH-2", "reason": "the secondary needs the authorization"})

    assert answer.status_code == 201, answer.text
    replacement = wait_for(lambda: api.get(f"/v1/claims/{answer.json()['claim_id']}").json(), adjudicated, timeout=180,
                           what="the replacement's 835")
    assert (replacement["payer_id"], replacement["original_claim_id"]) == ("BCBS", secondary_id)
    text = api.get(f"/v1/claims/{replacement['claim_id']}/837").text
    assert validate_x12(text) == []
    found = [s.split("*") for s in text.split("~")]
    assert [s[1] for s in found if s[0] == "SBR"] == ["S", "P"]
    assert ["REF", "F8", secondary["payer_claim_number"]] in found
    # The payer reversed the replaced claim's payment (CLP02 22) and paid the replacement: both posted to the first
    # claim, which the final adjudications leave settled, with the patient owing what the replacement left.
    primary = wait_for(lambda: api.get(f"/v1/claims/{primary_id}").json(),
                       lambda c: reversed_(c) and paid_by(3)(c), timeout=90, what="the reversal and the new payment")
    paid = [p["amount"] for p in primary["payments"] if p["kind"] == "payment"]
    assert [p["amount"] for p in primary["payments"] if p["kind"] == "reversal"] == [f"-{paid[1]}"]
    assert primary["balance"] == "0.00" and api.get(f"/v1/claims/{primary_id}/balance").json()["consistent"]
    assert api.get("/v1/reconciliation").json()["claims"]["inconsistent"] == []
    left_by_primary = next(Decimal(s[2]) for s in found if s[:2] == ["AMT", "EAF"])
    owed = api.get(f"/v1/patients/{body['patient']['id']}/balance").json()["balance"]
    assert Decimal(owed) == left_by_primary - Decimal(paid[2]) > 0


def test_a_voided_paid_secondary_leaves_the_patient_what_the_primary_left(api):
    body, primary_id, secondary = secondary_adjudicated(api)
    wait_for(lambda: api.get(f"/v1/claims/{primary_id}").json(), paid_by(2), timeout=60, what="both payments posted")
    left_by_primary = next(Decimal(s.split("*")[2]) for s in api.get(f"/v1/claims/{secondary['claim_id']}/837").text
                           .split("~") if s.startswith("AMT*EAF*"))

    answer = api.post(f"/v1/claims/{secondary['claim_id']}/void", json={"reason": "the secondary was not in force"})

    assert answer.status_code == 201, answer.text
    patient = f"/v1/patients/{body['patient']['id']}/balance"
    wait_for(lambda: api.get(patient).json(), lambda a: Decimal(a["balance"]) == left_by_primary, timeout=120,
             what="the secondary's reversal and the primary's share back with the patient")
    primary = api.get(f"/v1/claims/{primary_id}").json()
    assert reversed_(primary) and sum(Decimal(p["amount"]) for p in primary["payments"][1:]) == 0
    assert primary["balance"] == "0.00" and api.get(f"/v1/claims/{primary_id}/balance").json()["consistent"]
    assert api.get("/v1/reconciliation").json()["claims"]["inconsistent"] == []
    assert sum(Decimal(a["amount"]) for a in primary["adjustments"] if a["account"] == "ar:patient") == left_by_primary
    # In the categories the primary's 835 gave the share (the secondary's 837 repeats them in 2430), none as 'other'.
    totals = api.get(patient).json()["totals"]
    assert {k: Decimal(totals[k]) for k in ("deductible", "coinsurance", "copay", "other")} == primary_categories(
        api.get(f"/v1/claims/{secondary['claim_id']}/837").text)


def primary_categories(text: str) -> dict[str, Decimal]:
    """The primary's patient responsibility by category, from the CAS*PR of the later payer's 2430 loops."""
    found = {"deductible": Decimal(0), "coinsurance": Decimal(0), "copay": Decimal(0), "other": Decimal(0)}
    segments = [s.split("*") for s in text.split("~")]
    first_svd = next(i for i, s in enumerate(segments) if s[0] == "SVD")
    for cas in (s for s in segments[first_svd:] if s[:2] == ["CAS", "PR"]):
        for reason, amount in zip(cas[2::3], cas[3::3]):
            found[{"1": "deductible", "2": "coinsurance", "3": "copay"}.get(reason, "other")] += Decimal(amount)
    return found


def open_corrections(api, claim_id: str) -> list[dict]:
    return [i for i in api.get("/v1/suspense").json()["items"] if i["kind"] == "correction" and i["claim_id"] == claim_id]


def close(api, item: dict, reason: str) -> None:
    answer = api.post(f"/v1/suspense/{item['id']}/close", json={"reason": reason})
    assert answer.status_code == 200 and answer.json()["status"] == "closed", answer.text


def test_a_voided_primary_asks_for_its_secondarys_void_and_the_ledger_settles_when_both_are_reversed(api):
    body, primary_id, secondary = secondary_adjudicated(api)
    wait_for(lambda: api.get(f"/v1/claims/{primary_id}").json(), paid_by(2), timeout=60, what="both payments posted")

    answer = api.post(f"/v1/claims/{primary_id}/void", json={"reason": "the service was billed to the wrong plan"})

    assert answer.status_code == 201, answer.text
    [item] = wait_for(lambda: open_corrections(api, secondary["claim_id"]), bool, timeout=60, what="the work item")
    assert "void this later payer's claim" in item["reason"]
    answer = api.post(f"/v1/claims/{secondary['claim_id']}/void", json={"reason": "its primary claim was voided"})
    assert answer.status_code == 201, answer.text
    primary = wait_for(lambda: api.get(f"/v1/claims/{primary_id}").json(),
                       lambda c: len([p for p in c["payments"] if p["kind"] == "reversal"]) == 2, timeout=150,
                       what="both payers' reversals")
    assert sum(Decimal(p["amount"]) for p in primary["payments"]) == 0 and primary["balance"] == "0.00"
    assert api.get(f"/v1/claims/{primary_id}/balance").json()["consistent"]
    assert Decimal(api.get(f"/v1/patients/{body['patient']['id']}/balance").json()["balance"]) == 0
    assert api.get("/v1/reconciliation").json()["claims"]["inconsistent"] == []
    # The secondary's claim voided and its reversal posted: the item closed itself, naming that reversal.
    [closed] = wait_for(lambda: corrections_of(api, secondary["claim_id"], "closed"), bool, timeout=60,
                        what="the item closed by the secondary's reversal")
    assert closed["id"] == item["id"] and closed["resolution"].startswith("settled: the payer reversed")
    assert open_corrections(api, secondary["claim_id"]) == []


def corrections_of(api, claim_id: str, status: str) -> list[dict]:
    items = api.get("/v1/suspense", params={"status": status, "limit": 200}).json()["items"]
    return [i for i in items if i["kind"] == "correction" and i["claim_id"] == claim_id]


@pytest.mark.parametrize("correction", ["void", "replace"])
def test_a_corrected_crossover_primary_brings_the_crossover_payers_reversal_which_closes_its_item(api, correction):
    body, claim_id = two_coverage_encounter(api, group_number="XOVER-G1")
    crossed = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), paid_by(2), timeout=150, what="both payments")
    crossover_number = [p for p in crossed["payments"] if p["kind"] == "payment"][1]["payer_claim_number"]

    request = {"reason": "the service was billed to the wrong plan"} if correction == "void" else {
        "prior_authorization": "AUTH-2", "reason": "the authorization was missing"}
    answer = api.post(f"/v1/claims/{claim_id}/{correction}", json=request)

    assert answer.status_code == 201, answer.text
    claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(),
                     lambda c: len([p for p in c["payments"] if p["kind"] == "reversal"]) == 2, timeout=150,
                     what="the primary's reversal and the crossover payer's")
    assert crossover_number in [p["payer_claim_number"] for p in claim["payments"] if p["kind"] == "reversal"]
    assert sum(Decimal(p["amount"]) for p in claim["payments"]) == 0 and claim["balance"] == "0.00"
    assert api.get(f"/v1/claims/{claim_id}/balance").json()["consistent"]
    # The item (opened unless the reversal came first) is closed by the reversal, saying so; none is left open.
    assert open_corrections(api, claim_id) == []
    assert all(i["resolution"].startswith("settled: the payer reversed") for i in corrections_of(api, claim_id, "closed"))
    if correction == "replace":  # the replacement crossed over again: both payers answered it anew
        replacement = wait_for(lambda: api.get(f"/v1/claims/{answer.json()['claim_id']}").json(), paid_by(2),
                               timeout=150, what="the replacement's two answers")
        assert replacement["balance"] == "0.00"
    owed = sum(Decimal(a["amount"]) for a in claim["adjustments"] if a["account"] == "ar:patient")
    assert owed == 0 and api.get("/v1/reconciliation").json()["claims"]["inconsistent"] == []


def paid_again(text: str, pcn: str, trace: str) -> str:
    """The payer's 835 sent once more under a new trace number, with the CLP for `pcn` alone: BPR02 its CLP04."""
    segments = [s for s in text.split("~") if s.strip()]
    start = next(i for i, s in enumerate(segments) if s.startswith(f"CLP*{pcn}*"))
    end = next((i for i in range(start + 1, len(segments)) if segments[i].split("*")[0] in ("CLP", "LX", "PLB", "SE")),
               len(segments))
    paid = segments[start].split("*")[4]
    st = next(i for i, s in enumerate(segments) if s.startswith("ST*"))
    header = []
    for segment in segments[st:next(i for i, s in enumerate(segments) if s.startswith("CLP*"))]:
        elements = segment.split("*")
        if elements[0] in ("BPR", "TRN"):
            elements[2] = paid if elements[0] == "BPR" else trace
        header.append("*".join(elements))
    body = header + segments[start:end]
    body.append(f"SE*{len(body) + 1}*{body[0].split('*')[2]}")
    trailer = [s for s in segments if s.split("*")[0] in ("GE", "IEA")]
    return "~".join(segments[:st] + body + trailer) + "~"


def sent_again_owed_back(api, payment: dict, claim: dict) -> dict:
    """The payer's 835 paying `claim` sent once more after its void: held as owed back, with one work item; the
    remittance's posted cash is its BPR02."""
    era = api.get(f"/v1/remits/{payment['remit_id']}/835").text
    late = api.post("/v1/remits", content=paid_again(era, claim["patient_control_number"],
                                                     f"LATE{uuid.uuid4().int % 10**10}").encode(),
                    headers={"content-type": "application/edi-x12"})
    assert late.status_code == 202, late.text
    owed_back = lambda: [i for i in api.get("/v1/suspense").json()["items"]  # noqa: E731
                         if i["kind"] == "overpayment" and i["claim_id"] == claim["claim_id"]]
    [item] = wait_for(owed_back, bool, timeout=60, what="the overpayment work item")
    assert Decimal(item["paid"]) == Decimal(payment["amount"]) > 0 and "refund" in item["reason"]
    remit = api.get(f"/v1/remits/{late.json()['remit_id']}").json()
    assert Decimal(remit["posted_cash"]) == Decimal(remit["total_paid"]) == Decimal(item["paid"])
    return item


def test_a_later_payer_paying_after_its_claim_was_voided_is_owed_the_money_back(api):
    body, primary_id, secondary = secondary_adjudicated(api)
    primary = wait_for(lambda: api.get(f"/v1/claims/{primary_id}").json(), paid_by(2), timeout=60,
                       what="both payments posted")
    secondary_payment = [p for p in primary["payments"] if p["kind"] == "payment"][1]
    text = api.get(f"/v1/claims/{secondary['claim_id']}/837").text
    left_by_primary = next(Decimal(s.split("*")[2]) for s in text.split("~") if s.startswith("AMT*EAF*"))
    answer = api.post(f"/v1/claims/{secondary['claim_id']}/void", json={"reason": "the secondary was not in force"})
    assert answer.status_code == 201, answer.text
    patient = f"/v1/patients/{body['patient']['id']}/balance"
    wait_for(lambda: api.get(patient).json(), lambda a: Decimal(a["balance"]) == left_by_primary, timeout=120,
             what="the secondary's reversal and the primary's share back with the patient")

    item = sent_again_owed_back(api, secondary_payment, secondary)
    primary = api.get(f"/v1/claims/{primary_id}").json()
    assert primary["balance"] == "0.00" and api.get(f"/v1/claims/{primary_id}/balance").json()["consistent"]
    assert Decimal(api.get(patient).json()["balance"]) == left_by_primary  # not billed a second time
    assert api.get("/v1/reconciliation").json()["claims"]["inconsistent"] == []
    refund(api, item, primary_id)


def refund(api, item: dict, claim_id: str) -> None:
    """The refund through the public API: posted once (the same Idempotency-Key replays the answer, another request
    is refused), the item closed saying how it was paid, the claim check still consistent."""
    path, key = f"/v1/suspense/{item['id']}/refund", str(uuid.uuid4())
    assert api.post(path, json={"reference": "CHK-1001", "method": "bank"}).status_code == 422
    body = {"reference": "CHK-1001", "method": "check", "refunded_on": "2026-12-01"}
    first = api.post(path, json=body, headers={"Idempotency-Key": key})
    again = api.post(path, json=body, headers={"Idempotency-Key": key})
    other = api.post(path, json=body, headers={"Idempotency-Key": str(uuid.uuid4())})
    assert first.status_code == again.status_code == 200, first.text
    assert first.json() == again.json() and first.json()["status"] == "closed"
    assert "CHK-1001" in first.json()["resolution"] and other.status_code == 409
    assert other.headers["content-type"].startswith("application/problem+json")
    refunded = steps(api.get(f"/v1/claims/{claim_id}").json(), "payer_refund")
    assert len(refunded) == 1 and Decimal(refunded[0]["detail"]["cash"]) == -Decimal(item["paid"])
    assert api.get(f"/v1/claims/{claim_id}/balance").json()["consistent"]
    assert api.get("/v1/reconciliation").json()["claims"]["inconsistent"] == []


def test_a_primary_paying_after_its_own_void_is_owed_the_money_back_and_refunded(api):
    body = encounter_body()
    body["coverage"]["member_id"] = member_paid_from_the_first_dollar()  # money to owe back
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), paid_by(1), timeout=150, what="the 835")
    payment = [p for p in claim["payments"] if p["kind"] == "payment"][0]
    answer = api.post(f"/v1/claims/{claim_id}/void", json={"reason": "the service was billed in error"})
    assert answer.status_code == 201, answer.text
    # Payments learns of the void from claim.submitted and of the reversal from remit.received: two topics,
    # which nothing orders. A payer's payment after its own reversal comes days after the void, so the test
    # waits until payments holds both, as it would by then.
    wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(),
             lambda c: reversed_(c) and any(t["service"] == "payments" for t in steps(c, "voided")),
             timeout=150, what="the payer's reversal and the void's close-out")

    item = sent_again_owed_back(api, payment, claim)
    claim = api.get(f"/v1/claims/{claim_id}").json()
    assert claim["balance"] == "0.00" and api.get(f"/v1/claims/{claim_id}/balance").json()["consistent"]
    assert sum(Decimal(a["amount"]) for a in claim["adjustments"] if a["account"] == "ar:patient") == 0
    refund(api, item, claim_id)


def test_the_fault_runs_ledger_checks_hold_after_the_replacement_and_the_void(stack, tenant):
    """What the fault run's checker asks of the ledger (tools/chaos): no doubled posting, debits equal credits,
    every remittance's cash equal to its BPR02, nothing left in suspense."""
    tenant_id, db = uuid.UUID(tenant["tenant_id"]), stack.database_url
    doubled = asyncio.run(ledger_checks.duplicated(db, tenant_id))
    balanced, cash = asyncio.run(ledger_checks.balances(db, tenant_id)), asyncio.run(ledger_checks.cash(db, tenant_id))
    assert (doubled["postings"], doubled["charges"]) == (0, 0)
    assert balanced["debits_equal_credits"], balanced
    assert cash["cash_equals_deposits"] and cash["open_suspense_items"] == 0, cash
