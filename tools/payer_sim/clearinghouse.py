"""One 837P in, the answers out: the 999 now, the 277CA and 835 scheduled for delivery."""
import json
from datetime import date, datetime, timezone

from shared.money import format_x12_amount
from shared.x12 import X12SyntaxError
from tools.payer_sim.adjudication import (REVERSIBLE, ClaimDecision, Rules, adjudicate, claim_adjustments,
                                          deductible_applied, initial_deductible, void)
from tools.payer_sim.later_payer import adjudicate_later, cross_over
from tools.payer_sim.members import MemberBook
from tools.payer_sim.state import SimState
from tools.payer_sim.x12_read import Submission, read_837p
from tools.payer_sim.x12_write import SUPPLEMENTAL_PAYER, write_277ca, write_835, write_999


PAID_FLOWS = ("normal", "crossover")


def structural_errors(text: str) -> list[str]:
    """What a clearinghouse front door checks before it accepts a file."""
    if "ST*837*" not in text or "CLM*" not in text:
        return ["ST: not an 837P with claims"]
    segment_count = 0
    errors = []
    for raw in text.split("~"):
        tag = raw.strip().split("*")[0]
        if tag == "ST":
            segment_count = 0
        segment_count += 1
        if tag == "SE" and raw.strip().split("*")[1] != str(segment_count):
            errors.append("SE segment count does not match")
    return errors


def process_837(text: str, *, mailbox: str, state: SimState, rules: Rules, seed: int, settings,
                book: MemberBook | None = None) -> str:
    """Members whose flow is "lost" get the 999 only; "pending" ones a 277CA but never an 835."""
    now = datetime.now(timezone.utc)
    book = book or MemberBook.load()
    try:
        submission = read_837p(text)
        errors = structural_errors(text)
    except (X12SyntaxError, ValueError, IndexError) as exc:
        submission, errors = Submission("", "", [], "", "", "", "", []), [str(exc)[:80] or "unreadable"]
    ack = write_999(submission, errors=errors, control=state.next_number("999"), at=now)
    if errors:
        return ack
    decisions = _adjudicate_all(submission, mailbox=mailbox, state=state, rules=rules, seed=seed)
    flows = {id(d): book.rule(d.claim.member_id, d.claim.group_number).claims for d in decisions}
    acknowledged = [d for d in decisions if flows[id(d)] != "lost"]
    if acknowledged:
        state.schedule(settings.ack_callback_url, mailbox,
                       write_277ca(submission, acknowledged, control=state.next_number("277"), at=now),
                       settings.payer_sim_ack_delay_seconds)
    payable = [d for d in acknowledged if not d.rejection and flows[id(d)] in PAID_FLOWS]
    crossed = _supplemental_answers(payable, flows, state=state, mailbox=mailbox, rules=rules, seed=seed)
    answers = [answer for d in payable for answer in d.answers]
    trace = _send_835(state, settings, mailbox, submission, answers, seed=seed, at=now) if answers else ""
    if crossed:  # the supplemental payer answers after the primary, on the claim number the primary received
        crossed_trace = _send_835(state, settings, mailbox, submission, crossed, seed=seed, at=now,
                                  **SUPPLEMENTAL_PAYER, delay=2 * settings.payer_sim_era_delay_seconds)
        _record_supplemental(state, supplemental_book(mailbox), crossed, crossed_trace, now)
    for decision in decisions:
        _record(state, mailbox, decision, flows[id(decision)], trace, now)
    state.record_submission(submission.control_number, mailbox, json.dumps({
        "claims": len(decisions), "rejected": len(decisions) - len(payable),
        "denied": sum(1 for d in payable if d.status == "4"),
        "paid": str(sum((d.paid for d in answers), 0))}))
    return ack


def supplemental_book(mailbox: str) -> str:
    """The supplemental plan keeps its own claim records, apart from the primary's."""
    return f"{mailbox}/{SUPPLEMENTAL_PAYER['payer_trn_id']}"


def _supplemental_answers(payable: list[ClaimDecision], flows: dict, *, state: SimState, mailbox: str, rules: Rules,
                          seed: int) -> list[ClaimDecision]:
    """The supplemental plan's CLPs: the primary's void or replacement crosses over like its answers did, so the
    plan reverses what it paid on the claim the primary reversed (CLP02 22), then answers each claim the primary
    crosses over now (a replacement's new adjudication among them)."""
    book, found = supplemental_book(mailbox), []
    for decision in payable:
        reversed_claim = decision.reversal_of or (decision.reversal.reversal_of if decision.reversal else None)
        paid_before = state.claim_record(book, reversed_claim["pcn"]) if reversed_claim else None
        if paid_before is not None and paid_before["outcome"] in REVERSIBLE:
            found.append(void(decision.claim, {**paid_before, "pcn": reversed_claim["pcn"]}, seed=seed))
        if flows[id(decision)] == "crossover" and (answer := cross_over(decision, rules=rules, seed=seed)):
            found.append(answer)
    return found


def _record_supplemental(state: SimState, book: str, answers: list[ClaimDecision], trace: str,
                         now: datetime) -> None:
    """What the supplemental plan paid, so the primary's later void or replacement finds it to reverse."""
    for answer in answers:
        if answer.reversal_of is not None:
            _record_reversed(state, book, answer.reversal_of, "voided" if answer.claim.frequency == "8" else "replaced")
        else:
            _record(state, book, answer, "normal", trace, now)


def _send_835(state: SimState, settings, mailbox: str, submission: Submission, decisions: list, *, seed: int,
              at: datetime, delay: float | None = None, **payer) -> str:
    number = state.next_number("835")
    trace = f"{seed:02d}{number:010d}"
    state.schedule(settings.era_callback_url, mailbox,
                   write_835(submission, decisions, control=number, trace_number=trace, at=at, **payer),
                   settings.payer_sim_era_delay_seconds if delay is None else delay)
    return trace


def _record(state: SimState, mailbox: str, decision, flow: str, trace: str, now: datetime) -> None:
    if flow not in PAID_FLOWS:
        outcome = flow
    else:
        outcome = "rejected" if decision.rejection else "denied" if decision.status == "4" else "paid"
    if decision.reversal_of is not None:  # the original is voided; the void itself was processed
        _record_reversed(state, mailbox, decision.reversal_of, "voided")
    if decision.reversal is not None and outcome in ("paid", "denied"):  # reversed, then answered anew
        _record_reversed(state, mailbox, decision.reversal.reversal_of, "replaced")
    state.record_claim(mailbox, decision.claim.pcn, outcome=outcome, charge=format_x12_amount(decision.claim.charge),
                       paid=format_x12_amount(decision.paid), payer_claim_number=decision.payer_claim_number,
                       adjudicated_on=now.strftime("%Y%m%d"),
                       remit_trace=trace if outcome in ("paid", "denied") else None,
                       adjustments=json.dumps(claim_adjustments(decision)))


def _record_reversed(state: SimState, mailbox: str, original: dict, outcome: str) -> None:
    """A reversed claim can be neither voided nor replaced again."""
    state.record_claim(mailbox, original["pcn"], **{**{k: v for k, v in original.items() if k != "pcn"},
                                                    "outcome": outcome})


def _adjudicate_all(submission: Submission, *, mailbox: str, state: SimState, rules: Rules, seed: int):
    """A void (8) is the reversal of the claim its REF*F8 names; a replacement (7) is that reversal followed by
    the corrected claim's own adjudication, for a primary and a later payer alike. Either is rejected when the
    payer never paid or denied the claim named."""
    seen = state.seen_services(mailbox, {claim.member_id for claim in submission.claims})
    already_seen = set(seen)
    decisions = []
    for claim in submission.claims:
        reversal = None
        if claim.frequency in ("7", "8"):
            reversal = void(claim, state.claim_by_payer_number(mailbox, claim.original_claim_number or ""), seed=seed)
            if reversal.reversal_of is not None:
                _give_back_deductible(state, mailbox, claim, reversal.reversal_of, seed=seed)
            if claim.frequency == "8" or reversal.rejection:
                decisions.append(reversal)
                continue
        decision = _adjudicate_one(claim, mailbox=mailbox, state=state, rules=rules, seed=seed, seen=seen)
        decision.reversal = reversal
        decisions.append(decision)
    state.remember_services(mailbox, seen - already_seen)
    return decisions


def _give_back_deductible(state: SimState, mailbox: str, claim, original: dict, *, seed: int) -> None:
    left = state.deductible_left(mailbox, claim.member_id, initial_deductible(seed, claim.member_id))
    state.set_deductible_left(mailbox, claim.member_id, left + deductible_applied(original))


def _adjudicate_one(claim, *, mailbox: str, state: SimState, rules: Rules, seed: int, seen: set[tuple]):
    if claim.sequence in ("S", "T"):
        return adjudicate_later(claim, rules=rules, seed=seed)
    left = state.deductible_left(mailbox, claim.member_id, initial_deductible(seed, claim.member_id))
    decision, left = adjudicate(claim, rules=rules, seed=seed, today=date.today(), deductible_left=left,
                                seen_services=seen)
    state.set_deductible_left(mailbox, claim.member_id, left)
    return decision
