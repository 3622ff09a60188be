"""The simulated payer's claim status desk: a 276 in, a real 277 (005010X212) out, from what it recorded."""
from dataclasses import dataclass
from datetime import datetime

from shared.x12 import X12SyntaxError, element, segments
from tools.payer_sim.state import SimState
from tools.payer_sim.x12_write import PAYER_ID, _envelope, _seg, _transaction

VERSION = "005010X212"


@dataclass
class StatusAsk:
    trace: str
    member_id: str
    last_name: str
    first_name: str
    dependent: bool
    service_dates: str  # DTP03 as sent (RD8 range)


def read_276(text: str) -> tuple[str, tuple[str, str], tuple[str, str], list[StatusAsk]]:
    """(sender id, payer (name, id), provider (name, npi), the claims asked about)."""
    segs = segments(text)
    if not any(s[0] == "ST" and element(s, 1) == "276" for s in segs):
        raise X12SyntaxError("ST: not a 276")
    sender, payer, provider, asks = "", ("", ""), ("", ""), []
    member: dict = {}
    dependent = False
    for s in segs:
        tag = s[0]
        if tag == "ISA":
            sender = element(s, 6).strip()
        elif tag == "HL":
            dependent = element(s, 3) == "23"
        elif tag == "NM1" and element(s, 1) == "PR":
            payer = (element(s, 3), element(s, 9))
        elif tag == "NM1" and element(s, 1) == "1P":
            provider = (element(s, 3), element(s, 9))
        elif tag == "NM1" and element(s, 1) == "IL":
            member = {"member_id": element(s, 9), "last_name": element(s, 3), "first_name": element(s, 4)}
        elif tag == "TRN":
            asks.append(StatusAsk(element(s, 2), member.get("member_id", ""), member.get("last_name", ""),
                                  member.get("first_name", ""), dependent, ""))
        elif tag == "DTP" and element(s, 1) == "472" and asks:
            asks[-1].service_dates = element(s, 3)
    return sender, payer, provider, asks


def answer_276(text: str, *, mailbox: str, state: SimState, control: int, at: datetime) -> str:
    sender, payer, provider, asks = read_276(text)
    body = [
        _seg("BHT", "0010", "08", str(control), at.strftime("%Y%m%d"), at.strftime("%H%M"), "DG"),
        _seg("HL", "1", "", "20", "1"),
        _seg("NM1", "PR", "2", payer[0] or "SIMULATED HEALTH PLAN", "", "", "", "", "PI", payer[1] or PAYER_ID),
        _seg("HL", "2", "1", "21", "1"),
        _seg("NM1", "41", "2", sender or "SUBMITTER", "", "", "", "", "46", sender or "SUBMITTER"),
        _seg("HL", "3", "2", "19", "1"),
        _seg("NM1", "1P", "2", provider[0] or "PROVIDER", "", "", "", "", "XX", provider[1]),
    ]
    number = 3
    for ask in asks:
        number += 1
        body += [_seg("HL", str(number), "3", "22", "0"),
                 _seg("NM1", "IL", "1", ask.last_name, ask.first_name, "", "", "", "MI", ask.member_id),
                 *_status(ask, state.claim_record(mailbox, ask.trace), at)]
    return _envelope(_transaction("277", VERSION, body), functional_id="HN", version=VERSION, control=control,
                     sender=PAYER_ID, receiver=sender or "SUBMITTER", at=at)


def _status(ask: StatusAsk, record: dict | None, at: datetime) -> list[str]:
    """Not found (A4) for claims never received or lost; else what became of the claim."""
    day = at.strftime("%Y%m%d")
    segments = [_seg("TRN", "2", ask.trace)]
    outcome = record["outcome"] if record else "lost"
    if outcome == "lost":
        segments.append(_seg("STC", "A4:35", day))
    elif outcome == "rejected":
        segments.append(_seg("STC", "A3:21", day, "", record["charge"]))
    elif outcome == "pending":
        segments.append(_seg("STC", "P1:20", day, "", record["charge"]))
    else:
        category = "F1:65" if outcome == "paid" else "F2:1"
        adjudicated = record["adjudicated_on"]
        segments.append(_seg("STC", category, day, "", record["charge"], record["paid"], adjudicated, "ACH",
                             adjudicated, record["remit_trace"] or ""))
    if record and record["payer_claim_number"] and outcome != "lost":
        segments.append(_seg("REF", "1K", record["payer_claim_number"]))
    segments.append(_seg("REF", "EJ", ask.trace))
    if ask.service_dates:
        segments.append(_seg("DTP", "472", "RD8", ask.service_dates))
    return segments
