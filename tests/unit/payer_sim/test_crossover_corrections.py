"""A crossover primary voided (8) or replaced (7): the primary's correction crosses over like its answers did, so
the supplemental plan reverses what it paid on the original (CLP02 22, its own claim number in CLP07) and, for a
replacement, answers the corrected claim anew, in its own balanced 835; a claim it never paid is not reversed."""
from dataclasses import replace

import pytest

from services.payments.domain.x835 import parse_835
from tests.unit.claims.builders import ENCOUNTER, claim
from tests.unit.payer_sim.test_replacements import Payer, balanced, replacement_of

pytestmark = pytest.mark.unit
SUPPLEMENTAL = "SIMULATED MEDIGAP PLAN"


def crossover_claim(member_id: str):
    return claim("MEDICARE", coverage=dict(ENCOUNTER["coverage"], member_id="1EG4TE5MK73", group_number="XOVER-G1")
                 ) if member_id == "group" else claim("MEDICARE", coverage=dict(ENCOUNTER["coverage"], member_id=member_id))


def void_of(original, payer_claim_number: str, pcn: str):
    return replace(replacement_of(original, payer_claim_number, pcn=pcn), frequency_code="8")


def crossed_over(payer: Payer, original):
    """The primary's answer (CLP02 19) and the supplemental plan's (CLP02 2) to the original claim."""
    _, primary_era, supplemental_era = payer.send([original])
    (forwarded,) = balanced(primary_era).claims
    (paid,) = balanced(supplemental_era).claims
    assert forwarded.status_code == "19" and paid.status_code == "2" and paid.paid > 0
    return forwarded, paid


@pytest.mark.parametrize("member", ["XOVER-88001", "group"])
def test_a_voided_crossover_primary_brings_the_supplemental_plans_reversal_too(member):
    payer, original = Payer(), crossover_claim(member)
    forwarded, paid = crossed_over(payer, original)

    _, primary_era, supplemental_era = payer.send([void_of(original, forwarded.payer_claim_control_number, "VOID1")])

    (primary_reversal,) = balanced(primary_era).claims
    assert (primary_reversal.status_code, primary_reversal.paid) == ("22", -forwarded.paid)
    remittance = balanced(supplemental_era)
    (reversal,) = remittance.claims
    assert remittance.payer_name == SUPPLEMENTAL and remittance.signed_total == -paid.paid
    assert (reversal.patient_control_number, reversal.status_code) == (original.patient_control_number, "22")
    assert reversal.payer_claim_control_number == paid.payer_claim_control_number
    assert (reversal.charge, reversal.paid, reversal.patient_responsibility) == (
        -paid.charge, -paid.paid, -paid.patient_responsibility)


def test_a_replaced_crossover_primary_brings_the_supplemental_plans_reversal_then_its_new_answer():
    payer, original = Payer(), crossover_claim("XOVER-88002")
    forwarded, paid = crossed_over(payer, original)

    _, primary_era, supplemental_era = payer.send([replacement_of(original, forwarded.payer_claim_control_number)])

    primary_reversal, primary_answer = balanced(primary_era).claims
    assert (primary_reversal.status_code, primary_answer.status_code) == ("22", "19")
    reversal, answer = balanced(supplemental_era).claims
    assert (reversal.status_code, reversal.payer_claim_control_number, reversal.paid) == (
        "22", paid.payer_claim_control_number, -paid.paid)
    assert (answer.patient_control_number, answer.status_code, answer.paid) == ("REPL1", "2", paid.paid)
    assert answer.payer_claim_control_number != paid.payer_claim_control_number


def test_the_supplemental_plan_reverses_each_payment_once_and_a_replacement_of_the_replacement_finds_the_new_one():
    payer, original = Payer(), crossover_claim("XOVER-88003")
    forwarded, paid = crossed_over(payer, original)
    _, first_era, first_supplemental = payer.send([replacement_of(original, forwarded.payer_claim_control_number)])
    _, new_forwarded = balanced(first_era).claims
    _, new_paid = balanced(first_supplemental).claims

    again = payer.send([replacement_of(original, forwarded.payer_claim_control_number, pcn="REPL2")])
    _, second_era, second_supplemental = payer.send([replacement_of(
        replacement_of(original, forwarded.payer_claim_control_number), new_forwarded.payer_claim_control_number,
        pcn="REPL3")])

    assert len(again) == 1 and "STC*A7" in again[0]  # the original is replaced already: rejected, nothing reversed
    reversal, answer = balanced(second_supplemental).claims
    assert (reversal.patient_control_number, reversal.payer_claim_control_number) == (
        "REPL1", new_paid.payer_claim_control_number)
    assert answer.patient_control_number == "REPL3" and balanced(second_era).claims[0].status_code == "22"


def test_a_void_of_a_primary_that_crossed_nothing_over_brings_no_supplemental_answer():
    payer, original = Payer(), claim(coverage=dict(ENCOUNTER["coverage"], member_id="W000000615"))
    _, era = payer.send([original])
    number = parse_835(era).claims[0].payer_claim_control_number

    bodies = payer.send([void_of(original, number, "VOID2")])

    assert len(bodies) == 2 and SUPPLEMENTAL not in bodies[1]
