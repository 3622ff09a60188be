"""A denial closes itself when a later remittance pays the claim or the denied line."""
import pytest

from services.denials.domain.closing import resolves_denial
from services.denials.domain.detect import detect_denials
from tests.unit.denials.remits import line, remit

pytestmark = pytest.mark.unit


def _opened(denied):
    [denial] = detect_denials(denied)
    return denial, denied.remit_id


class Stored:
    """The fields of a stored denial row that closing reads."""

    def __init__(self, denial, remit_id):
        self.remit_id, self.level = remit_id, denial.level
        self.procedure_code, self.line_number = denial.procedure_code, denial.line_number


def test_a_later_payment_overturns_a_line_denial():
    denied = remit(line("99213", "100", "0", ("CO", "197", "100"), number=1))
    opened = Stored(*_opened(denied))
    assert not resolves_denial(denied, opened)  # the same remittance redelivered
    assert resolves_denial(remit(line("99213", "100", "80", ("CO", "45", "20"), number=1), remit_id="r2"), opened)


def test_payment_of_another_line_or_a_repeated_denial_does_not_close_it():
    opened = Stored(*_opened(remit(line("99213", "100", "0", ("CO", "50", "100"), number=2))))
    assert not resolves_denial(remit(line("99213", "100", "80", number=1), remit_id="r2"), opened)
    assert not resolves_denial(remit(line("99213", "100", "40", ("CO", "50", "60"), number=2), remit_id="r2"), opened)
    assert not resolves_denial(remit(line("99213", "-100", "-80", number=2), status="22", remit_id="r2"), opened)


def test_a_later_paid_claim_overturns_a_claim_denial():
    opened = Stored(*_opened(remit(line("71046", "250", "0", ("CO", "197", "250")), status="4")))
    assert resolves_denial(remit(line("71046", "250", "150", ("CO", "45", "100")), remit_id="r2"), opened)
    assert not resolves_denial(remit(line("71046", "250", "0", ("CO", "197", "250")), status="4", remit_id="r2"),
                               opened)


def test_allowed_but_applied_to_the_deductible_also_overturns_it():
    opened = Stored(*_opened(remit(line("71046", "250", "0", ("CO", "197", "250")), status="4")))
    to_deductible = remit(line("71046", "250", "0", ("CO", "45", "100"), ("PR", "1", "150")), remit_id="r2")
    assert resolves_denial(to_deductible, opened)
    line_denial = Stored(*_opened(remit(line("99213", "100", "0", ("CO", "197", "100"), number=1))))
    assert resolves_denial(remit(line("99213", "100", "0", ("PR", "1", "100"), number=1), remit_id="r3"), line_denial)
