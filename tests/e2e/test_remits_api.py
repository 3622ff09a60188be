"""835s posted through the gateway: duplicate, unbalanced, reversal and unmatched payment."""
import uuid
from decimal import Decimal

from tests.e2e.support import all_pages, encounter_body, settled, wait_for

ISA = "ISA*00*          *00*          *ZZ*TESTPAYER      *ZZ*BILLINGPLATFORM*261122*1030*^*00501*000000077*0*T*:~"


def era(claims: list[str], total: str, trace: str) -> str:
    body = ["ST*835*0001", f"BPR*I*{total}*C*ACH*CCP*01*999999999*DA*1*1512345678**01*999988880*DA*2*20261122",
            f"TRN*1*{trace}*1512345678", "DTM*405*20261122", "N1*PR*TEST PAYER*XV*TESTPAYER",
            "N1*PE*RIVERSIDE*XX*1234567893", "LX*1", *claims]
    body.append(f"SE*{len(body) + 1}*0001")
    return ISA + "GS*HP*TESTPAYER*BILLINGPLATFORM*20261122*1030*77*X*005010X221A1~" + "~".join(body) + "~GE*1*77~IEA*1*000000077~"


def paid_claim(pcn: str, sign: str = "", status: str = "1") -> list[str]:
    return [f"CLP*{pcn}*{status}*{sign}147*{sign}100*{sign}10*12*PAYER-{pcn[:6]}*11*1",
            f"SVC*HC:99213*{sign}135*{sign}90**1", f"CAS*CO*45*{sign}35", f"CAS*PR*3*{sign}10", "REF*6R*x-1",
            f"SVC*HC:36415*{sign}12*{sign}10**1", f"CAS*CO*45*{sign}2", "REF*6R*x-2"]


def post(api, text: str):
    return api.post("/v1/remits", content=text.encode(), headers={"content-type": "application/edi-x12"})


def submitted_claim(api) -> dict:
    encounter_id = api.post("/v1/encounters", json=encounter_body()).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    return wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), lambda c: c.get("payments"), timeout=90,
                    what="the simulator's payment")


def test_duplicate_unbalanced_reversal_and_unmatched(api):
    """A second payment posts, its resend posts nothing, an unbalanced file posts nothing, its
    reversal takes back exactly what it posted, and a payment for no claim waits in suspense."""
    claim = submitted_claim(api)
    pcn, claim_id = claim["patient_control_number"], claim["claim_id"]
    balance_before = Decimal(claim["balance"])

    trace = uuid.uuid4().hex[:12]
    text = era(paid_claim(pcn), "100", trace)
    first = post(api, text)
    assert first.status_code == 202 and first.json()["status"] == "accepted"
    again = post(api, text)
    assert again.status_code == 202 and again.json()["status"] == "duplicate" and "nothing posted" in again.json()["detail"]

    unbalanced = post(api, era(paid_claim(pcn), "110", uuid.uuid4().hex[:12]))
    assert unbalanced.status_code == 422 and "check total 110.00" in unbalanced.json()["detail"]

    after_payment = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), lambda c: len(c["payments"]) == 2,
                             what="the second payment to post")
    assert Decimal(after_payment["balance"]) == balance_before - Decimal("147.00")

    reversal = post(api, era(paid_claim(pcn, sign="-", status="22"), "-100", uuid.uuid4().hex[:12]))
    assert reversal.status_code == 202
    reversed_claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(),
                              lambda c: any(p["kind"] == "reversal" for p in c["payments"]), what="the reversal")
    assert Decimal(reversed_claim["balance"]) == balance_before

    stranger = "NOSUCHCLAIM" + uuid.uuid4().hex[:9].upper()
    assert post(api, era(paid_claim(stranger), "100", uuid.uuid4().hex[:12])).status_code == 202
    suspense = wait_for(lambda: api.get("/v1/suspense").json()["items"],
                        lambda items: any(i["patient_control_number"] == stranger for i in items), what="suspense")
    assert any("no submitted claim" in i["reason"] for i in suspense)

    # Worked from the queue: the payer garbled CLP01, so a person applies it to the right claim.
    [item] = [i for i in suspense if i["patient_control_number"] == stranger]
    applied = api.post(f"/v1/suspense/{item['id']}/apply", json={"claim_id": claim_id, "note": "PCN typo"})
    assert applied.status_code == 200 and applied.json()["status"] == "posted", applied.text
    assert api.post(f"/v1/suspense/{item['id']}/close", json={"reason": "again"}).status_code == 409
    after_apply = api.get(f"/v1/claims/{claim_id}").json()
    assert Decimal(after_apply["balance"]) == balance_before - Decimal("147.00")
    assert api.post(f"/v1/suspense/{item['id']}/apply",
                    json={"claim_id": str(uuid.uuid4()), "note": "x"}).status_code in (404, 409)

    orphan = "NOSUCHCLAIM" + uuid.uuid4().hex[:9].upper()
    post(api, era(paid_claim(orphan), "100", uuid.uuid4().hex[:12]))
    waiting = wait_for(lambda: api.get("/v1/suspense").json()["items"],
                       lambda items: any(i["patient_control_number"] == orphan for i in items), what="suspense")
    [item] = [i for i in waiting if i["patient_control_number"] == orphan]
    closed = api.post(f"/v1/suspense/{item['id']}/close", json={"reason": "returned to payer"})
    assert closed.json()["status"] == "closed" and closed.json()["resolution"] == "returned to payer"
    assert all(i["id"] != item["id"] for i in api.get("/v1/suspense").json()["items"])


def test_malformed_835_names_the_segment(api):
    broken = era(paid_claim("X"), "100", "t").replace("SE*", "SE*9", 1)
    response = post(api, broken)
    assert response.status_code == 422 and "SE01 at segment" in response.json()["detail"]


def test_the_original_file_is_kept_accepted_or_rejected(api, stack, gateway_url):
    import re

    import httpx

    from tests.e2e.support import create_tenant

    text = era(paid_claim("KEPT" + uuid.uuid4().hex[:8].upper()), "100", uuid.uuid4().hex[:12])
    remit_id = post(api, text).json()["remit_id"]
    kept = api.get(f"/v1/remits/{remit_id}/835")
    assert kept.status_code == 200 and kept.text == text and kept.headers["content-type"].startswith("application/edi-x12")

    rejected = post(api, era(paid_claim("X"), "100", "t").replace("SE*", "SE*9", 1))
    rejected_id = re.search(r"kept as remittance ([0-9a-f-]{36})", rejected.json()["detail"]).group(1)
    assert api.get(f"/v1/remits/{rejected_id}").json()["status"] == "rejected"
    assert "SE*9" in api.get(f"/v1/remits/{rejected_id}/835").text

    other = create_tenant(stack, "Other Practice")
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {other['api_key']}"}) as stranger:
        assert stranger.get(f"/v1/remits/{remit_id}/835").status_code == 404
        orphan = "ORPHAN" + uuid.uuid4().hex[:10].upper()
        post(api, era(paid_claim(orphan), "100", uuid.uuid4().hex[:12]))
        items = wait_for(lambda: api.get("/v1/suspense").json()["items"],
                         lambda found: any(i["patient_control_number"] == orphan for i in found), what="suspense")
        [item] = [i for i in items if i["patient_control_number"] == orphan]
        assert stranger.post(f"/v1/suspense/{item['id']}/close", json={"reason": "mine now"}).status_code == 404
        assert all(i["id"] != item["id"] for i in stranger.get("/v1/suspense").json()["items"])


def partly_denied_claim(pcn: str, payer_claim_number: str) -> list[str]:
    """The office visit paid; the venipuncture denied CO-50 (not medically necessary)."""
    return [f"CLP*{pcn}*1*147*90*10*12*{payer_claim_number}*11*1",
            "SVC*HC:99213*135*90**1", "CAS*CO*45*35", "CAS*PR*3*10", "REF*6R*x-1",
            "SVC*HC:36415*12*0**1", "CAS*CO*50*12", "REF*6R*x-2"]


def suspense_item(client, pcn: str, status: str = "open") -> dict:
    items = wait_for(lambda: client.get("/v1/suspense", params={"status": status, "limit": 200}).json()["items"],
                     lambda found: any(i["patient_control_number"] == pcn for i in found), what=f"{status} suspense")
    [item] = [i for i in items if i["patient_control_number"] == pcn]
    return item


def test_an_applied_suspense_item_reaches_claims_and_denials_and_posts_once(api, stack):
    """Applied from suspense, the claim payment is emitted as remit.received with its claim: claims records
    the adjudication, denials opens the denial, and payments, consuming its own event, posts nothing more."""
    from tests.e2e.kafka_tools import group_lag

    claim = submitted_claim(api)
    # claims, too, has applied the simulator's own 835 (payments posting it first is not enough): a later
    # adjudication would otherwise set the payer claim number after the applied one
    claim = wait_for(lambda: api.get(f"/v1/claims/{claim['claim_id']}").json(), settled, what="claims to adjudicate")
    claim_id, balance_before = claim["claim_id"], Decimal(claim["balance"])
    garbled, icn = "GARBLED" + uuid.uuid4().hex[:10].upper(), "ICN" + uuid.uuid4().hex[:12].upper()
    remit_id = post(api, era(partly_denied_claim(garbled, icn), "90", uuid.uuid4().hex[:12])).json()["remit_id"]
    item = suspense_item(api, garbled)
    assert item["remit_id"] == remit_id and "no submitted claim" in item["reason"]
    applied = api.post(f"/v1/suspense/{item['id']}/apply", json={"claim_id": claim_id, "note": "CLP01 garbled"})
    assert applied.status_code == 200 and applied.json()["status"] == "posted", applied.text

    seen = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(),
                    lambda c: any(t["event"] == "adjudicated" and t.get("detail", {}).get("remit_id") == remit_id
                                  for t in c["timeline"]), what="claims to record the applied adjudication")
    assert seen["payer_claim_number"] == icn  # claims found its claim by the claim's own CLP01
    denials = wait_for(lambda: api.get("/v1/denials", params={"claim_id": claim_id}).json()["items"],
                       lambda found: any(d["remit_id"] == remit_id for d in found), what="denials to detect CO-50")
    assert any("50" in d["carc_codes"] for d in denials if d["remit_id"] == remit_id)

    # payments consumed its own remit.received too (every group caught up); the payment is in the ledger once
    wait_for(lambda: group_lag(stack.kafka.bootstrap, "payments", ["remit.received"]), lambda lag: lag == 0,
             what="payments to consume its own remit.received")
    after = api.get(f"/v1/claims/{claim_id}").json()
    assert [p["kind"] for p in after["payments"] if p["remit_id"] == remit_id] == ["payment"]
    assert Decimal(after["balance"]) == balance_before - Decimal("135.00")  # the denied 12.00 stays open
    assert api.get(f"/v1/claims/{claim_id}/balance").json()["consistent"]


def test_suspense_lists_by_status_in_cursor_pages(api):
    pcns = ["PAGED" + uuid.uuid4().hex[:10].upper() for _ in range(3)]
    for pcn in pcns:
        assert post(api, era(paid_claim(pcn), "100", uuid.uuid4().hex[:12])).status_code == 202
    items = [suspense_item(api, pcn) for pcn in pcns]
    api.post(f"/v1/suspense/{items[0]['id']}/close", json={"reason": "returned to payer"})

    open_items, closed = (all_pages(api, "/v1/suspense", {"status": s, "limit": 2}) for s in ("open", "closed"))
    ids = [i["id"] for i in open_items]
    assert ids == sorted(set(ids)) and all(i["status"] == "open" for i in open_items)
    assert {items[1]["id"], items[2]["id"]} <= set(ids) and items[0]["id"] not in ids
    assert items[0]["id"] in [i["id"] for i in closed] and all(i["status"] == "closed" for i in closed)
    assert api.get("/v1/suspense", params={"status": "lost"}).status_code == 422
    assert api.get("/v1/suspense", params={"cursor": "0"}).status_code == 422


def test_a_reversal_of_a_payment_never_posted_or_posted_by_another_tenant_waits(api, stack, gateway_url):
    import httpx

    from tests.e2e.support import create_tenant

    claim = submitted_claim(api)
    pcn, claim_id = claim["patient_control_number"], claim["claim_id"]
    # the payer reverses a payment this claim never had (another claim number, another amount)
    never = [f"CLP*{pcn}*22*-147*-77*0*12*NEVERPAID{uuid.uuid4().hex[:6]}*11*1", "CAS*CO*45*-70"]
    assert post(api, era(never, "-77", uuid.uuid4().hex[:12])).json()["status"] == "accepted"
    item = suspense_item(api, pcn)
    assert item["claim_id"] == claim_id and "no unreversed payment" in item["reason"]
    unbilled = "UNBILLED" + uuid.uuid4().hex[:10].upper()
    post(api, era(paid_claim(unbilled, sign="-", status="22"), "-100", uuid.uuid4().hex[:12]))
    assert "no submitted claim" in suspense_item(api, unbilled)["reason"]

    # another practice receives a reversal naming this tenant's claim: it waits in their suspense, ours is untouched
    other = create_tenant(stack, "Reversing Practice")
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {other['api_key']}"}) as stranger:
        reversal = era(paid_claim(pcn, sign="-", status="22"), "-100", uuid.uuid4().hex[:12])
        assert post(stranger, reversal).json()["status"] == "accepted"
        theirs = suspense_item(stranger, pcn)
        assert "no submitted claim" in theirs["reason"] and theirs["claim_id"] != claim_id
    mine = api.get(f"/v1/claims/{claim_id}").json()
    assert not any(p["kind"] == "reversal" for p in mine["payments"]) and mine["balance"] == claim["balance"]


def test_provider_level_adjustments_post_so_the_remittances_cash_is_its_bpr02(api):
    """A payment of 100.00, a 25.00 recoupment (WO) of the claim it names and 2.50 of interest (L6): the
    check is 77.50, and so is the cash the ledger holds for the file."""
    claim = submitted_claim(api)
    pcn = claim["patient_control_number"]
    plb = [f"PLB*1234567893*20261231*WO:{pcn}*25*L6:INTEREST*-2.50"]
    accepted = post(api, era(paid_claim(pcn) + plb, "77.50", f"PLB{uuid.uuid4().hex[:10]}"))
    assert accepted.status_code == 202, accepted.text
    remit_id = accepted.json()["remit_id"]
    remit = wait_for(lambda: api.get(f"/v1/remits/{remit_id}").json(),
                     lambda r: Decimal(r["posted_cash"]) == Decimal(r["total_paid"]), what="cash to equal BPR02")
    assert Decimal(remit["total_paid"]) == Decimal("77.50")
