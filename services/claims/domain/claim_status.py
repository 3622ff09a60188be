"""Claim status (X12 276/277, 005010X212): the inquiry about a silent claim, the payer's answer, what it means.

TRN02 of each 2200D is the claim's patient control number; the 277 echoes it (TRN01 = 2). Messages
and timeline details carry status codes and amounts, never patient data.
"""
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from shared.money import format_x12_amount
from shared.x12 import X12SyntaxError, element, segments
from services.claims.domain.x12_text import (check_trailers, clean, envelope, information_source, seg, transaction,
                                             x12_date)

VERSION = "005010X212"
NOT_FOUND = {"A4", "D0"}  # not found in the adjudication system; data search unsuccessful
REJECTED = {"A3", "A6", "A7", "A8"}  # returned as unprocessable, rejected for missing/invalid information
FINALIZED = {"F0", "F1", "F2", "F3", "F3F", "F3N", "F4", "F5"}


@dataclass(frozen=True)
class StatusInquiry:
    trace: str  # the patient control number
    member_id: str
    last_name: str
    first_name: str
    birth_date: date
    sex: str
    relationship: str
    payer_claim_number: str | None
    total_charge: Decimal
    first_service: date
    last_service: date


@dataclass(frozen=True)
class StatusAnswer:
    trace: str
    statuses: tuple[str, ...]  # STC01 composites, category:status[:entity]
    payer_claim_number: str | None = None
    charge: Decimal | None = None
    paid: Decimal | None = None
    remittance_trace: str | None = None

    @property
    def category(self) -> str:
        return self.statuses[0].split(":")[0] if self.statuses else ""


@dataclass(frozen=True)
class Outcome:
    """What an answer does to the claim: its timeline event and, when it moves, the target status."""

    event: str
    target: str | None
    next_inquiry_days: int | None  # when to ask again; None: no more asking


def write_276(inquiries: list[StatusInquiry], *, payer_name: str, payer_x12_id: str, submitter_id: str,
              provider_name: str, provider_npi: str, control_number: int, created_at: datetime,
              usage: str = "T") -> str:
    """One 276: payer (2000A), submitter (2000B), billing provider (2000C), a 2000D per claim."""
    if not inquiries:
        raise ValueError("a 276 needs at least one claim")
    body = [
        *information_source("0010", control_number, created_at, payer_name=payer_name, payer_x12_id=payer_x12_id),
        seg("HL", "2", "1", "21", "1"),
        seg("NM1", "41", "2", clean(submitter_id, 60), "", "", "", "", "46", clean(submitter_id, 80)),
        seg("HL", "3", "2", "19", "1"),
        seg("NM1", "1P", "2", clean(provider_name, 60), "", "", "", "", "XX", provider_npi),
    ]
    number = 3
    for inquiry in inquiries:
        body += _claim(inquiry, number + 1)
        number += 1 if inquiry.relationship == "self" else 2
    return envelope([transaction("276", VERSION, "0001", body)], functional_id="HR", version=VERSION,
                    sender_id=submitter_id, receiver_id=payer_x12_id, control_number=control_number,
                    created_at=created_at, usage=usage)


def _claim(inquiry: StatusInquiry, hl: int) -> list[str]:
    demographics = seg("DMG", "D8", x12_date(inquiry.birth_date), inquiry.sex)
    tracking = [seg("TRN", "1", clean(inquiry.trace, 50))]
    if inquiry.payer_claim_number:
        tracking.append(seg("REF", "1K", clean(inquiry.payer_claim_number, 50)))
    tracking += [seg("REF", "EJ", clean(inquiry.trace, 50)), seg("AMT", "T3", format_x12_amount(inquiry.total_charge)),
                 seg("DTP", "472", "RD8", f"{inquiry.first_service:%Y%m%d}-{inquiry.last_service:%Y%m%d}")]
    if inquiry.relationship == "self":
        return [seg("HL", str(hl), "3", "22", "0"), demographics,
                seg("NM1", "IL", "1", clean(inquiry.last_name, 60), clean(inquiry.first_name, 35), "", "", "", "MI",
                    clean(inquiry.member_id, 80)), *tracking]
    return [seg("HL", str(hl), "3", "22", "1"),
            seg("NM1", "IL", "1", clean(inquiry.last_name, 60), "", "", "", "", "MI", clean(inquiry.member_id, 80)),
            seg("HL", str(hl + 1), str(hl), "23", "0"), demographics,
            seg("NM1", "QC", "1", clean(inquiry.last_name, 60), clean(inquiry.first_name, 35)), *tracking]


def is_claim_status_277(text: str) -> bool:
    """A 277 answering a 276 (X212), as opposed to a 277CA (X214) acknowledging an 837."""
    return "ST*277*" in text and VERSION in text and "005010X214" not in text


def read_277(text: str) -> list[StatusAnswer]:
    """One answer per claim-level (2200D/2200E) TRN; raises X12SyntaxError when the text is not a 277."""
    segs = segments(text)
    check_trailers(segs)
    if not any(s[0] == "ST" and element(s, 1) == "277" for s in segs):
        raise X12SyntaxError("ST: not a 277 claim status response")
    answers: list[StatusAnswer] = []
    current: dict | None = None
    level = ""
    for s in segs:
        tag = s[0]
        if tag == "HL":
            _flush(current, answers)
            current, level = None, element(s, 3)
        elif level not in ("22", "23"):
            continue
        elif tag == "TRN" and element(s, 1) == "2":
            _flush(current, answers)
            current = {"trace": element(s, 2), "stc": [], "1K": None}
        elif current is None:
            continue
        elif tag == "STC":
            current["stc"].append(s)
        elif tag == "REF" and element(s, 1) == "1K":
            current["1K"] = element(s, 2)
    _flush(current, answers)
    return answers


def _flush(current: dict | None, answers: list[StatusAnswer]) -> None:
    if not current or not current["trace"]:
        return
    stc = current["stc"]
    first = stc[0] if stc else []
    answers.append(StatusAnswer(
        trace=current["trace"], statuses=tuple(element(s, 1) for s in stc), payer_claim_number=current["1K"],
        charge=_decimal(element(first, 4)) if first else None, paid=_decimal(element(first, 5)) if first else None,
        remittance_trace=(element(first, 9) or None) if first else None))


def _decimal(value: str) -> Decimal | None:
    try:
        return Decimal(value) if value else None
    except InvalidOperation:
        return None


def status_outcome(answer: StatusAnswer) -> Outcome:
    """The payer's status category decides: not found goes back to the fix queue for resubmission."""
    category = answer.category
    if not answer.statuses:
        return Outcome("status_unreadable", None, 1)
    if category in NOT_FOUND:
        return Outcome("status_not_found", "rejected", None)
    if category in REJECTED:
        return Outcome("status_rejected", "rejected", None)
    if category == "F1":
        return Outcome("status_finalized", "paid", 14)  # the 835 should follow; ask again if it does not
    if category == "F2":
        return Outcome("status_finalized", "denied", 14)
    if category in FINALIZED:
        return Outcome("status_finalized", None, 14)
    if category.startswith("E"):
        return Outcome("status_inquiry_error", None, 2)
    if category.startswith("P") or category.startswith("R") or category in ("A0", "A1", "A2", "A5"):
        return Outcome("status_pending", "accepted", 7)
    return Outcome("status_unrecognized", None, 7)


def inquiry_due(*, submitted_at: datetime, expected_days: int, last_inquiry_at: datetime | None,
                next_inquiry_on: date | None, now: datetime) -> bool:
    """Past the payer's expected days without an answer, and not asked again before the planned date."""
    if now < submitted_at + timedelta(days=expected_days):
        return False
    if next_inquiry_on is not None:
        return now.date() >= next_inquiry_on
    return last_inquiry_at is None
