"""Coordination of benefits: after one payer's 835, whether and how the next coverage is billed.

An encounter may carry several coverages in order (primary, secondary, tertiary). The payer billed now
answers with an 835; its adjudication (what it paid, its adjustments, per line) goes on the next payer's
claim, so that payer pays only what remains. Medicare often forwards the claim to a supplemental payer
itself (a crossover, told by CLP02 19-21 or the remarks below): billing that payer as well would be a
duplicate claim.
"""
import dataclasses
from datetime import date
from enum import StrEnum

from shared.contracts.claim import ClaimCoded
from shared.contracts.common import Coverage
from shared.contracts.remit import RemitReceived, RemitServiceLine
from shared.money import ZERO
from services.claims.domain.model import Claim, ClaimLine, LineAdjudication, Payer, PriorPayer
from services.claims.domain.replacement import cut_with_digest

SEQUENCE = ("P", "S", "T")
ADJUDICATED = {"1", "2", "3"}          # CLP02: processed as primary, secondary, tertiary
FORWARDED = {"19", "20", "21"}         # CLP02: processed as P/S/T and forwarded to additional payer(s)
CROSSOVER_REMARKS = {"MA18", "N89"}    # the claim information was also forwarded to another payer
ANSWERED_AS = {"1": "P", "19": "P", "2": "S", "20": "S", "3": "T", "21": "T"}  # CLP02 -> the payer's place
PCN_MAX = 20
# A full-length primary's number already ending as a later payer's claim would end would give that claim the
# primary's own number, and so its claim id: the stored id would then read as "already billed" and the next payer
# would never be billed. Such a primary's next claims keep a digest of its number in place of its cut end.
_LATER_SUFFIXES = tuple(f"{sequence}{position + 1}" for position, sequence in enumerate(SEQUENCE) if position)


def answered_from_a_later_place(claim_sequence: str, status_code: str) -> bool:
    """An answer in a later place than the claim was billed in (a crossover payer's 835 on the primary's claim):
    its CLP07 is that payer's number, not the one a replacement or void of this claim must name in REF*F8."""
    place = ANSWERED_AS.get(status_code)
    return place is not None and claim_sequence in SEQUENCE and SEQUENCE.index(place) > SEQUENCE.index(claim_sequence)


class NextStep(StrEnum):
    BILL_NEXT_PAYER = "bill_next_payer"
    CROSSED_OVER = "crossed_over"          # the payer forwarded it; the next payer's 835 will come by itself
    PATIENT = "patient"                    # no payer left: what remains is billed to the patient, only now
    SETTLED = "settled"                    # nothing left for anyone after this payer
    WORK_FIRST = "work_first"              # denied or reversed: the denial is worked before anyone else is billed


def next_step(remit: RemitReceived, *, sequence: str, coverage_count: int) -> NextStep:
    """What follows this payer's answer for a claim billed as `sequence` of `coverage_count` coverages."""
    if remit.status_code in FORWARDED or CROSSOVER_REMARKS & set(remit.remark_codes):
        return NextStep.CROSSED_OVER
    if remit.status_code not in ADJUDICATED:
        return NextStep.WORK_FIRST
    if remit.patient_responsibility <= ZERO:
        return NextStep.SETTLED
    if SEQUENCE.index(sequence) + 1 >= min(coverage_count, len(SEQUENCE)):
        return NextStep.PATIENT
    return NextStep.BILL_NEXT_PAYER


def answered_as(status_code: str, billed_as: str) -> str:
    """The place of the payer that answered: a crossover payer answers on the claim billed to the payer
    before it (CLP02 2 on a primary's claim); a denial or reversal answers as the claim was billed, and so
    does a payer that calls itself primary (CLP02 1) on a claim billed to it as secondary."""
    return max(ANSWERED_AS.get(status_code, billed_as), billed_as, key=SEQUENCE.index)


def coverage_count(billed_as: str, payers_after: int) -> int:
    return SEQUENCE.index(billed_as) + 1 + payers_after


def next_payer_pcn(pcn: str, sequence: str) -> str:
    """CLM01 of the next payer's claim: the earlier claim's number with S2 or T3, cut to fit; always the same
    for the same claim and place, so its claim id names it before it exists."""
    suffix = f"{sequence}{SEQUENCE.index(sequence) + 1}"
    if sequence == SEQUENCE[1] and len(pcn) + len(suffix) > PCN_MAX and pcn.endswith(_LATER_SUFFIXES):
        return cut_with_digest(pcn, suffix)
    return f"{pcn[:PCN_MAX - len(suffix)]}{suffix}"


def next_payer_claim(claim: Claim, remit: RemitReceived, *, coverage: Coverage, payer: Payer, claim_id: str,
                     patient_control_number: str, adjudicated_on: date) -> Claim:
    """The same services billed to the next payer, carrying every earlier payer's adjudication."""
    position = SEQUENCE.index(claim.payer_sequence) + 1
    if position >= len(SEQUENCE):
        raise ValueError("no payer comes after the tertiary")
    prior = PriorPayer(
        payer=claim.payer, coverage=claim.coverage, sequence=claim.payer_sequence,
        payer_claim_number=remit.payer_claim_control_number, paid=remit.paid,
        patient_responsibility=remit.patient_responsibility, adjudicated_on=remit.payment_date or adjudicated_on,
        claim_adjustments=tuple(remit.claim_adjustments),
        lines=tuple(_line_adjudication(line, _remit_line_for(line, remit.service_lines)) for line in claim.lines),
    )
    return dataclasses.replace(
        claim, claim_id=claim_id, patient_control_number=patient_control_number, coverage=coverage, payer=payer,
        frequency_code="1", original_payer_claim_number=None, payer_sequence=SEQUENCE[position],
        prior_payers=(*claim.prior_payers, prior),
    )


def _remit_line_for(line: ClaimLine, remit_lines: list[RemitServiceLine]) -> RemitServiceLine | None:
    """By our line control number (REF*6R echoed back), else by procedure code and date in order."""
    for remit_line in remit_lines:
        number = (remit_line.line_control_number or "").rpartition("-")[2]
        if number.isdigit() and int(number) == line.line_number:
            return remit_line
    for remit_line in remit_lines:
        if remit_line.line_control_number is None and remit_line.procedure_code == line.procedure_code and \
                remit_line.date_of_service in (None, line.date_of_service):
            return remit_line
    return None


def _line_adjudication(line: ClaimLine, remit_line: RemitServiceLine | None) -> LineAdjudication:
    if remit_line is None:
        return LineAdjudication(line.line_number, line.procedure_code, line.modifiers, line.units, ZERO, ())
    units = int(remit_line.units) if remit_line.units and remit_line.units.isdigit() else line.units
    return LineAdjudication(line.line_number, remit_line.procedure_code or line.procedure_code,
                            tuple(remit_line.modifiers) or line.modifiers, units, remit_line.paid,
                            tuple(remit_line.adjustments))


def next_payer_coded(coded: ClaimCoded, claim: Claim) -> ClaimCoded:
    """The coded claim the next payer's claim is stored as: its coverage, the coverages after it, and the
    charges as first billed (a fee schedule changed meanwhile must not change what the next payer is sent)."""
    procedures = [p.model_copy(update={"charge": line.charge}) for p, line in zip(coded.procedures, claim.lines)]
    return coded.model_copy(update={
        "claim_id": claim.claim_id, "patient_control_number": claim.patient_control_number,
        "coverage": claim.coverage, "other_coverages": coded.other_coverages[1:], "procedures": procedures,
        "edits": []})
