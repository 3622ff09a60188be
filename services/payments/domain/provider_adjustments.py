"""Provider-level adjustments (PLB) as ledger postings, so a remittance's posted cash equals its BPR02.

A PLB amount reduces the check when positive and adds to it when negative; the cash side of each
posting moves by minus the amount. The other side depends on the reason (PLB03-1): interest paid
late (L6) is income; a recoupment of an earlier overpayment (WO) puts the named claim's insurance
receivable back (or waits in suspense when the reference names no claim we know); a balance the
payer forwards to a later remittance (FB) is owed to or by the payer until then; capitation (CV) is
revenue. Any other reason lands in one provider-level adjustment account for a person to read.
"""
from services.payments.domain.ledger import CASH, INSURANCE_AR, Entry, Transaction
from services.payments.domain.remittance import ProviderAdjustment

KIND = "provider_adjustment"
RECOUPMENT = "WO"
UNMATCHED_RECOUPMENT = "suspense:recoupment"
COUNTER_ACCOUNTS = {"L6": "revenue:interest", "FB": "asset:payer_forward_balance", "CV": "revenue:capitation"}
OTHER = "adj:provider_level"


def counter_account(reason: str, recouped_claim_id: str | None) -> str:
    if reason == RECOUPMENT:
        return INSURANCE_AR if recouped_claim_id else UNMATCHED_RECOUPMENT
    return COUNTER_ACCOUNTS.get(reason, OTHER)


def provider_adjustment_transaction(adjustment: ProviderAdjustment, *, recouped_claim_id: str | None = None
                                    ) -> Transaction:
    """One balanced posting per PLB adjustment; the recouped claim is the one WO's reference names."""
    claim_id = recouped_claim_id if adjustment.reason == RECOUPMENT else None
    memo = f"PLB {adjustment.reason}"
    return Transaction.of(KIND, [
        Entry(CASH, -adjustment.amount, claim_id, None, memo),
        Entry(counter_account(adjustment.reason, claim_id), adjustment.amount, claim_id, None, memo),
    ])


def recoupment_reference(adjustment: ProviderAdjustment) -> str | None:
    """What a WO names: the payer's claim number or our patient control number of the overpaid claim."""
    return adjustment.reference.strip() or None if adjustment.reason == RECOUPMENT else None
