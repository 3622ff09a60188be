"""One notion of 'contractual, not a denial' across claims, payments and denials."""
from decimal import Decimal

import pytest

from shared.carcs import CONTRACTUAL_CARCS, is_denial
from services.denials.domain.codes import codebook

pytestmark = pytest.mark.unit


def test_contractual_codes_are_never_denials():
    for code in ("45", "253", "23"):
        assert code in CONTRACTUAL_CARCS
        assert not is_denial("CO", code, Decimal("0")) and not is_denial("OA", code, Decimal("0"))


def test_payer_denials_and_patient_share():
    assert is_denial("CO", "197", Decimal("0")) and is_denial("CO", "97", Decimal("10"))
    assert is_denial("OA", "18", Decimal("0")) and not is_denial("OA", "18", Decimal("10"))
    assert not is_denial("PR", "1", Decimal("0")) and not is_denial("PR", "204", Decimal("0"))


def test_the_denials_code_book_agrees_on_every_contractual_code():
    book = codebook()
    disagree = sorted(code for code in CONTRACTUAL_CARCS if book.carc(code).category not in ("contractual", "patient_responsibility"))
    assert disagree == []
