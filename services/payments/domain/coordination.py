"""Coordination of benefits as posting sees it: which payer answered, and whether one comes after it.

A claim billed to the first of several coverages keeps the patient's share its payer leaves in
insurance A/R (the next payer is billed for it); only the last payer's patient share becomes patient
A/R. A later payer's answer, on the first claim or on its own claim, posts against the first claim's
receivable, where the earlier payer's part (CARC 23 on the later 835) is already posted.
"""
from dataclasses import dataclass

SEQUENCE = ("P", "S", "T")
ANSWERED_AS = {"1": "P", "19": "P", "2": "S", "20": "S", "3": "T", "21": "T"}  # CLP02 -> the payer's place


@dataclass(frozen=True)
class Coordination:
    """How one answer posts: hold the patient's share for the next payer; skip the earlier payer's impact;
    whether it may pay the patient A/R on the receivable (a crossover answer on the first claim). A later payer
    answering on its own claim pays what insurance A/R holds for it, never patient A/R: what the patient owes
    there is another answer's (the same payer's earlier answer, before its reversal arrives)."""

    hold_patient_share: bool = False
    prior_payer_posted: bool = False
    pays_patient_ar: bool = True


def coordination(status_code: str, *, payer_sequence: str, payers_after: int, answered_on: str = "P"
                 ) -> Coordination:
    """For an answer with this CLP02 on a receivable billed as `payer_sequence` with `payers_after` coverages
    after it, arriving on the claim billed as `answered_on` (a later payer's own claim, or the first one). A
    payer answers at least in the place it was billed in, whatever its CLP02 says (a secondary that processed
    the claim "as primary" is still the secondary). A denial or a reversal holds nothing back."""
    if payer_sequence not in SEQUENCE:
        return Coordination()
    billed = SEQUENCE.index(payer_sequence)
    if status_code not in ANSWERED_AS:
        # A later payer denying on its own claim: the earlier payer's part (OA-23) is posted already all the same.
        own_claim = answered_on in SEQUENCE and billed < SEQUENCE.index(answered_on) <= billed + payers_after
        return Coordination(prior_payer_posted=own_claim, pays_patient_ar=not own_claim)
    answered = max(SEQUENCE.index(ANSWERED_AS[status_code]), SEQUENCE.index(answered_on) if answered_on in SEQUENCE
                   else 0)
    last = billed + payers_after
    own_claim = answered_on in SEQUENCE and SEQUENCE.index(answered_on) > billed
    return Coordination(hold_patient_share=answered < last, prior_payer_posted=billed < answered <= last,
                        pays_patient_ar=not own_claim)
