"""The simulated payer's eligibility desk: a 270 in, a real 271 (005010X279A1) out."""
from dataclasses import dataclass
from datetime import date, datetime

from shared.money import format_x12_amount
from shared.x12 import X12SyntaxError, element, segments
from tools.payer_sim.adjudication import initial_deductible
from tools.payer_sim.members import MemberBook
from tools.payer_sim.state import SimState
from tools.payer_sim.x12_write import PAYER_ID, _envelope, _seg, _transaction

VERSION = "005010X279A1"


@dataclass
class Ask:
    trace: str
    member_id: str
    last_name: str
    first_name: str
    dependent: dict | None  # the 2100D name when the patient is a dependent
    service_date: date | None


@dataclass
class Inquiry270:
    sender_id: str
    payer: tuple[str, str]
    provider: tuple[str, str]
    asks: list[Ask]


def read_270(text: str) -> Inquiry270:
    segs = segments(text)
    if not any(s[0] == "ST" and element(s, 1) == "270" for s in segs):
        raise X12SyntaxError("ST: not a 270")
    inquiry = Inquiry270("", ("", ""), ("", ""), [])
    subscriber: dict = {}
    ask: Ask | None = None
    for s in segs:
        tag, level = s[0], None
        if tag == "ISA":
            inquiry.sender_id = element(s, 6).strip()
        elif tag == "HL":
            level = element(s, 3)
            if level == "22":
                subscriber, ask = {}, None
        elif tag == "NM1" and element(s, 1) == "PR":
            inquiry.payer = (element(s, 3), element(s, 9))
        elif tag == "NM1" and element(s, 1) == "1P":
            inquiry.provider = (element(s, 3), element(s, 9))
        elif tag == "NM1" and element(s, 1) == "IL":
            subscriber = {"member_id": element(s, 9), "last_name": element(s, 3), "first_name": element(s, 4)}
            if ask is not None:
                ask.member_id, ask.last_name, ask.first_name = (subscriber[k] for k in ("member_id", "last_name",
                                                                                        "first_name"))
        elif tag == "TRN":
            ask = Ask(element(s, 2), subscriber.get("member_id", ""), subscriber.get("last_name", ""),
                      subscriber.get("first_name", ""), None, None)
            inquiry.asks.append(ask)
        elif tag == "NM1" and element(s, 1) == "03" and ask is not None:
            ask.dependent = {"last_name": element(s, 3), "first_name": element(s, 4)}
        elif tag == "DTP" and element(s, 1) == "291" and ask is not None:
            ask.service_date = datetime.strptime(element(s, 3)[:8], "%Y%m%d").date()
    return inquiry


def answer_270(text: str, *, mailbox: str, state: SimState, book: MemberBook, seed: int, control: int,
               at: datetime) -> str:
    """The 271 for every member asked about. Raises X12SyntaxError on a file that is not a 270."""
    inquiry = read_270(text)
    body = [
        _seg("BHT", "0022", "11", str(control), at.strftime("%Y%m%d"), at.strftime("%H%M")),
        _seg("HL", "1", "", "20", "1"),
        _seg("NM1", "PR", "2", inquiry.payer[0] or "SIMULATED HEALTH PLAN", "", "", "", "", "PI",
             inquiry.payer[1] or PAYER_ID),
        _seg("HL", "2", "1", "21", "1"),
        _seg("NM1", "1P", "2", inquiry.provider[0] or "PROVIDER", "", "", "", "", "XX", inquiry.provider[1]),
    ]
    number, garbled = 2, False
    for ask in inquiry.asks:
        rule = book.rule(ask.member_id)
        garbled = garbled or rule.coverage == "garbled"
        number += 1
        body += _member(ask, rule.coverage, number, mailbox=mailbox, state=state, book=book, seed=seed)
        number += 1 if ask.dependent else 0
    answer = _envelope(_transaction("271", VERSION, body), functional_id="HB", version=VERSION, control=control,
                       sender=PAYER_ID, receiver=inquiry.sender_id or "SUBMITTER", at=at)
    return answer[: len(answer) * 2 // 3] if garbled else answer


def _member(ask: Ask, coverage: str, hl: int, *, mailbox: str, state: SimState, book: MemberBook,
            seed: int) -> list[str]:
    subscriber = _seg("NM1", "IL", "1", ask.last_name, ask.first_name if not ask.dependent else "", "", "", "",
                      "MI", ask.member_id)
    trace = _seg("TRN", "2", ask.trace, "9000000000")
    answer = _coverage(ask, coverage, mailbox=mailbox, state=state, book=book, seed=seed)
    if not ask.dependent:
        return [_seg("HL", str(hl), "2", "22", "0"), trace, subscriber, *answer]
    if coverage == "not_found":
        answer = [_seg("AAA", "N", "", "67", "C")]
    return [_seg("HL", str(hl), "2", "22", "1"), subscriber, _seg("HL", str(hl + 1), str(hl), "23", "0"), trace,
            _seg("NM1", "03", "1", ask.dependent["last_name"], ask.dependent["first_name"]), *answer]


def _coverage(ask: Ask, coverage: str, *, mailbox: str, state: SimState, book: MemberBook, seed: int) -> list[str]:
    if coverage == "not_found":
        return [_seg("AAA", "N", "", "75", "C")]
    if coverage == "payer_error":
        return [_seg("AAA", "Y", "", "42", "R")]
    year = (ask.service_date or date.today()).year
    plan = book.plan(seed, ask.member_id)
    if coverage == "inactive":
        return [_seg("DTP", "346", "RD8", f"{year - 1}0101-{year - 1}1231"), _seg("EB", "6", "IND", "30")]
    left = state.deductible_left(mailbox, ask.member_id, initial_deductible(seed, ask.member_id))
    return [
        _seg("DTP", "346", "D8", f"{year}0101"),
        _seg("EB", "1", "IND", "30", "", plan.name),
        _seg("EB", "B", "IND", "30", "", "", "27", format_x12_amount(plan.copay)),
        _seg("EB", "C", "IND", "30", "", "", "29", format_x12_amount(left)),
        _seg("EB", "A", "IND", "30", "", "", "", "", str(plan.coinsurance.normalize())),
    ]
