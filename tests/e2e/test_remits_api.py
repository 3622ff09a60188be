"""835s posted through the gateway: duplicate, unbalanced, reversal and unmatched payment."""
import uuid
from decimal import Decimal

from tests.e2e.support import encounter_body, wait_for

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
