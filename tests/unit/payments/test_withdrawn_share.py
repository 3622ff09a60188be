"""The share a withdrawn later payer leaves the patient, as pure rules: the earlier payer's categories, never more
than its share, never more than insurance A/R holds, and nothing twice."""
from decimal import Decimal

import pytest

from services.payments.domain import ledger, withdrawn_share
from services.payments.domain.ledger import INSURANCE_AR, PATIENT_AR, Entry, Transaction
from services.payments.domain.withdrawn_share import Posted, held_split, share_to_patient

pytestmark = pytest.mark.unit
D = Decimal
CLAIM = "c1"


def charge(*amounts: str) -> Posted:
    return Posted(ledger.charge_transaction(CLAIM, [ledger.ChargedLine(n, "99213", (), "2026-11-02", D(a))
                                                    for n, a in enumerate(amounts, start=1)]))


def primary(held: dict, *, paid: dict | None = None, reversed: bool = False) -> Posted:
    """A primary payment holding {line: [(category, amount)]} for the next payer; `paid` {line: cash}."""
    entries = []
    for line, amount in (paid or {}).items():
        entries += [Entry(ledger.CASH, D(amount), CLAIM, line), Entry(INSURANCE_AR, -D(amount), CLAIM, line)]
    for line, shares in held.items():
        for category, amount in shares:
            entries += ledger.held_share(CLAIM, D(amount), line, "PR", category)
    return Posted(Transaction.of("payment", entries), reversed)


def secondary_paid(line: int | None, amount: str, *, reversed: bool = False) -> Posted:
    return Posted(Transaction.of("payment", [Entry(ledger.CASH, D(amount), CLAIM, line),
                                             Entry(INSURANCE_AR, -D(amount), CLAIM, line)]), reversed)


def moved(transaction: Transaction) -> dict:
    found: dict = {}
    for e in transaction.entries:
        if e.account == PATIENT_AR:
            found[(e.line_number, e.category)] = found.get((e.line_number, e.category), D(0)) + e.amount
    return found


def test_the_share_moves_in_the_categories_the_earlier_payer_gave_it_summing_exactly():
    history = [charge("100.00", "20.00"),
               primary({1: [("deductible", "10.00"), ("coinsurance", "8.41")], 2: [("copay", "0.59")]},
                       paid={1: "70.00", 2: "15.00"})]

    transaction = share_to_patient(CLAIM, history)

    assert moved(transaction) == {(1, "deductible"): D("10.00"), (1, "coinsurance"): D("8.41"),
                                  (2, "copay"): D("0.59")}
    assert sum(e.amount for e in transaction.entries if e.account == PATIENT_AR) == D("19.00")
    assert all(e.category for e in transaction.entries)


def test_nothing_moves_while_the_later_payers_payment_stands():
    history = [charge("100.00"), primary({1: [("coinsurance", "20.00")]}, paid={1: "80.00"}), secondary_paid(1, "20.00")]

    assert share_to_patient(CLAIM, history).entries == ()


def test_a_second_move_after_the_first_moves_nothing():
    history = [charge("100.00"), primary({1: [("coinsurance", "20.00")]}, paid={1: "80.00"})]
    history.append(Posted(share_to_patient(CLAIM, history)))

    assert share_to_patient(CLAIM, history).entries == ()


def test_never_more_than_the_share_even_when_insurance_holds_more_deductible_first():
    """A denied line keeps its balance in insurance A/R for the denials service; a part-reopened share fills the
    deductible first."""
    history = [charge("100.00"), primary({1: [("coinsurance", "5.00"), ("deductible", "10.00")]})]
    assert moved(share_to_patient(CLAIM, history)) == {(1, "deductible"): D("10.00"), (1, "coinsurance"): D("5.00")}

    part = history[:1] + [primary({1: [("coinsurance", "5.00"), ("deductible", "10.00")]}, paid={1: "85.00"}),
                          secondary_paid(1, "3.00")]
    assert moved(share_to_patient(CLAIM, part)) == {(1, "deductible"): D("10.00"), (1, "coinsurance"): D("2.00")}


def test_the_latest_unreversed_payment_holding_a_share_decides():
    """With a tertiary billed, a voided tertiary leaves the patient what the secondary left, not the primary."""
    history = [charge("100.00"), primary({1: [("deductible", "20.00")]}, paid={1: "80.00"}),
               primary({1: [("coinsurance", "4.00")]}, paid={1: "16.00"})]

    assert held_split(history) == {1: {"coinsurance": D("4.00")}}
    assert moved(share_to_patient(CLAIM, history)) == {(1, "coinsurance"): D("4.00")}
    history[2] = primary({1: [("coinsurance", "4.00")]}, paid={1: "16.00"}, reversed=True)
    assert held_split(history) == {1: {"deductible": D("20.00")}}


def test_a_claim_level_share_takes_what_the_lines_leave():
    history = [charge("60.00", "40.00"), primary({None: [("copay", "25.00")]}, paid={1: "50.00", 2: "25.00"})]

    assert moved(share_to_patient(CLAIM, history)) == {(None, "copay"): D("25.00")}


def test_payments_posted_before_shares_were_kept_fall_back_to_what_the_reversal_reopened():
    history = [charge("100.00"), secondary_paid(1, "80.00")]
    reversal = ledger.reverse_transaction(secondary_paid(1, "20.00").transaction)

    assert held_split(history) is None and share_to_patient(CLAIM, history).entries == ()
    assert moved(withdrawn_share.legacy_share(CLAIM, reversal)) == {(1, "other"): D("20.00")}


def test_a_held_share_leaves_the_receivable_as_it_was_and_figures_no_patient_responsibility():
    remit_entries = ledger.held_share(CLAIM, D("7.50"), 1, "PR-1", "deductible")

    assert ledger.claim_balance(remit_entries) == 0
    assert ledger.posted_figures(Transaction.of("payment", remit_entries))["deductible"] == 0


def test_a_later_payer_denying_on_its_own_claim_finds_the_earlier_payers_part_posted():
    from services.payments.domain.coordination import Coordination, coordination

    denial = coordination("4", payer_sequence="P", payers_after=1, answered_on="S")

    assert denial == Coordination(hold_patient_share=False, prior_payer_posted=True, pays_patient_ar=False)
    assert coordination("4", payer_sequence="P", payers_after=1, answered_on="P") == Coordination()
