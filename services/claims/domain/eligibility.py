"""Eligibility (X12 270/271, 005010X279A1): the inquiry we send, the answer we read, the rule that holds.

One 270 asks about many members of one payer (one 2000C/2000D per claim to verify); TRN02 is the
claim's patient control number, so each 271 answer finds its way back. The texts hold PHI; messages
and edits name codes and loops only.
"""
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from shared.contracts.common import EditResult, Severity
from shared.x12 import X12SyntaxError, element, segments
from services.claims.domain.x12_text import (check_trailers, clean, envelope, information_source, seg, transaction,
                                             x12_date)

VERSION = "005010X279A1"
ACTIVE_CODES = {"1", "2", "3", "4", "5"}  # EB01: active coverage (and its variants)
INACTIVE_CODES = {"6", "7", "8"}  # inactive, inactive pending eligibility update, inactive pending investigation
NOT_FOUND_AAA = {"67", "72", "73", "75", "76"}  # patient/subscriber not found, invalid or duplicate member id
ORIGINATOR = "9000000000"  # TRN03: "9" + the submitter's ten-character id, as the guide recommends


@dataclass(frozen=True)
class Inquiry:
    """One member to ask about, for one claim (trace = its patient control number)."""

    trace: str
    member_id: str
    last_name: str
    first_name: str
    birth_date: date
    sex: str
    relationship: str
    date_of_service: date


@dataclass(frozen=True)
class EligibilityAnswer:
    trace: str
    status: str  # active | inactive | not_found | payer_error
    plan: str | None = None
    copay: Decimal | None = None
    deductible_remaining: Decimal | None = None
    coinsurance: Decimal | None = None  # a fraction: 0.20 is 20%
    reasons: tuple[str, ...] = ()

    def public(self) -> dict:
        return {"status": self.status, "plan": self.plan,
                "copay": None if self.copay is None else str(self.copay),
                "deductible_remaining": None if self.deductible_remaining is None else str(self.deductible_remaining),
                "coinsurance": None if self.coinsurance is None else str(self.coinsurance),
                "reasons": list(self.reasons)}


@dataclass
class EligibilityResponse:
    answers: dict[str, EligibilityAnswer] = field(default_factory=dict)
    source_errors: list[str] = field(default_factory=list)  # AAA at the payer or provider level

    def answer_for(self, trace: str) -> EligibilityAnswer:
        """The payer's answer, or a payer error when it answered the file but not this member."""
        if trace in self.answers:
            return self.answers[trace]
        reasons = tuple(self.source_errors) or ("271 has no answer for this inquiry",)
        return EligibilityAnswer(trace, "payer_error", reasons=reasons)


def write_270(inquiries: list[Inquiry], *, payer_name: str, payer_x12_id: str, provider_name: str,
              provider_npi: str, sender_id: str, control_number: int, created_at: datetime, usage: str = "T") -> str:
    """One interchange, one 270: the payer (2000A), the billing provider (2000B), a 2000C per member."""
    if not inquiries:
        raise ValueError("a 270 needs at least one inquiry")
    body = [
        *information_source("0022", control_number, created_at, payer_name=payer_name, payer_x12_id=payer_x12_id),
        seg("HL", "2", "1", "21", "1"),
        seg("NM1", "1P", "2", clean(provider_name, 60), "", "", "", "", "XX", provider_npi),
    ]
    number = 2
    for inquiry in inquiries:
        number += 1
        body += _member(inquiry, number)
        number += 0 if inquiry.relationship == "self" else 1
    return envelope([transaction("270", VERSION, "0001", body)], functional_id="HS", version=VERSION,
                    sender_id=sender_id, receiver_id=payer_x12_id, control_number=control_number,
                    created_at=created_at, usage=usage)


def _member(inquiry: Inquiry, hl: int) -> list[str]:
    """The subscriber is the patient: the question hangs on 2000C. Otherwise on a 2000D dependent."""
    question = [seg("DMG", "D8", x12_date(inquiry.birth_date), inquiry.sex),
                seg("DTP", "291", "D8", x12_date(inquiry.date_of_service)), seg("EQ", "30")]
    trace = seg("TRN", "1", clean(inquiry.trace, 50), ORIGINATOR)
    if inquiry.relationship == "self":
        return [seg("HL", str(hl), "2", "22", "0"), trace,
                seg("NM1", "IL", "1", clean(inquiry.last_name, 60), clean(inquiry.first_name, 35), "", "", "", "MI",
                    clean(inquiry.member_id, 80)), *question]
    return [seg("HL", str(hl), "2", "22", "1"),
            seg("NM1", "IL", "1", clean(inquiry.last_name, 60), "", "", "", "", "MI", clean(inquiry.member_id, 80)),
            seg("HL", str(hl + 1), str(hl), "23", "0"), trace,
            seg("NM1", "03", "1", clean(inquiry.last_name, 60), clean(inquiry.first_name, 35)), *question]


def read_271(text: str) -> EligibilityResponse:
    """Every member's answer by its TRN02 trace. Raises X12SyntaxError when the text is not a 271."""
    segs = segments(text)
    check_trailers(segs)
    if not any(s[0] == "ST" and element(s, 1) == "271" for s in segs):
        raise X12SyntaxError("ST: not a 271 eligibility response")
    response = EligibilityResponse()
    member: dict | None = None
    level = ""
    for s in segs:
        tag = s[0]
        if tag == "HL":
            _flush(member, response)
            level = element(s, 3)
            member = {"trace": None, "eb": [], "aaa": []} if level in ("22", "23") else None
        elif tag == "AAA" and member is None and level in ("20", "21"):
            where = "payer" if level == "20" else "provider"
            response.source_errors.append(f"AAA {element(s, 3)} at the {where} level")
        elif member is None:
            continue
        elif tag == "TRN" and element(s, 1) == "2":
            member["trace"] = element(s, 2)
        elif tag == "AAA":
            member["aaa"].append(element(s, 3))
        elif tag == "EB":
            member["eb"].append(s)
    _flush(member, response)
    return response


def _flush(member: dict | None, response: EligibilityResponse) -> None:
    if not member or not member["trace"]:
        return
    trace = member["trace"]
    if member["eb"]:
        codes = {element(eb, 1) for eb in member["eb"]}
        status = "active" if codes & ACTIVE_CODES else "inactive" if codes & INACTIVE_CODES else None
        if status:
            response.answers[trace] = _benefits(trace, status, member["eb"])
            return
    aaa = member["aaa"]
    if aaa and all(code in NOT_FOUND_AAA for code in aaa):
        response.answers[trace] = EligibilityAnswer(trace, "not_found", reasons=tuple(f"AAA {c}" for c in aaa))
    else:
        reasons = tuple(f"AAA {c}" for c in aaa) or ("271 without a coverage status (EB01)",)
        # A later HL for the same member (2000D after 2000C) may still carry the answer.
        response.answers.setdefault(trace, EligibilityAnswer(trace, "payer_error", reasons=reasons))


def _benefits(trace: str, status: str, benefits: list[list[str]]) -> EligibilityAnswer:
    plan = copay = deductible = coinsurance = None
    for eb in benefits:
        code, level = element(eb, 1), element(eb, 2)
        if code in ACTIVE_CODES | INACTIVE_CODES and element(eb, 5):
            plan = plan or element(eb, 5)
        elif code == "B" and copay is None:
            copay = _decimal(element(eb, 7))
        elif code == "C" and element(eb, 6) == "29" and level in ("", "IND") and deductible is None:
            deductible = _decimal(element(eb, 7))
        elif code == "A" and coinsurance is None:
            coinsurance = _decimal(element(eb, 8))
    return EligibilityAnswer(trace, status, plan, copay, deductible, coinsurance)


def _decimal(value: str) -> Decimal | None:
    try:
        return Decimal(value) if value else None
    except InvalidOperation:
        return None


EDITS = {
    "inactive": ("ELIG-COVERAGE-INACTIVE", "the payer reports the coverage inactive for the date of service (271)"),
    "not_found": ("ELIG-MEMBER-UNKNOWN", "the payer does not know the member (271)"),
    "payer_error": ("ELIG-PAYER-ERROR", "the payer could not answer the eligibility inquiry (271); fix or resend"),
}


def eligibility_edit(answer: EligibilityAnswer) -> EditResult | None:
    """Active coverage passes; anything else holds the claim before it is submitted, with the payer's codes."""
    if answer.status == "active":
        return None
    edit_id, message = EDITS[answer.status]
    return EditResult(edit_id=edit_id, severity=Severity.ERROR, message=message, codes=list(answer.reasons))


def is_cacheable(answer: EligibilityAnswer) -> bool:
    """A payer error is a moment's failure: asking again later may succeed, so it is not remembered."""
    return answer.status != "payer_error"
