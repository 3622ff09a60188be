import pytest

pytestmark = pytest.mark.unit

# match_lines: REF*6R first, then billed code + date + modifier set (exact, dropped, changed).
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from shared.contracts.remit import RemitServiceLine
from services.payments.domain.matching import line_number_from_control, match_lines
from services.payments.domain.remittance import ServicePayment

DOS = date(2026, 11, 2)
CLAIM = "0b6f1c2e-1111-4222-8333-444455556666"
PREFIX = CLAIM.replace("-", "")


@dataclass(frozen=True)
class Billed:
    line_number: int
    procedure_code: str
    modifiers: tuple[str, ...]
    date_of_service: date


def paid(code: str, *modifiers: str, ref=None, when=DOS, original=None, original_modifiers=None) -> ServicePayment:
    return ServicePayment("HC", code, tuple(modifiers), Decimal("100"), Decimal("50"), date_of_service=when,
                          line_control_number=ref, original_procedure_code=original,
                          original_modifiers=original_modifiers)


KNEES = [Billed(1, "20610", ("RT", "59"), DOS), Billed(2, "20610", ("LT", "59"), DOS)]


def numbers(remit_lines, billed, **kw):
    matches, unmatched = match_lines(remit_lines, billed, **kw)
    return [m.line_number for m in matches], [m.method for m in matches], unmatched


def test_reordered_modifiers_match_exactly():
    assert numbers([paid("20610", "59", "LT"), paid("20610", "59", "RT")], KNEES) == ([2, 1], ["exact", "exact"], [])


def test_modifier_case_and_whitespace_do_not_matter():
    assert numbers([paid("20610", " lt", "59 ")], KNEES)[0] == [2]


def test_payer_dropped_a_modifier_still_matches():
    result = numbers([paid("20610", "LT"), paid("20610")], KNEES)
    assert result == ([2, 1], ["modifiers_dropped", "modifiers_dropped"], [])


def test_payer_dropped_all_modifiers_on_a_single_line():
    billed = [Billed(1, "99213", ("25",), DOS), Billed(2, "36415", (), DOS)]
    assert numbers([paid("36415"), paid("99213")], billed) == ([2, 1], ["exact", "modifiers_dropped"], [])


def test_changed_modifiers_are_the_last_resort():
    billed = [Billed(1, "99213", ("25",), DOS)]
    assert numbers([paid("99213", "GT")], billed) == ([1], ["modifiers_changed"], [])


def test_exact_match_preferred_over_dropped():
    billed = [Billed(1, "20610", ("RT", "59"), DOS), Billed(2, "20610", ("59",), DOS)]
    assert numbers([paid("20610", "59")], billed)[0] == [2]


def test_ref_6r_preferred_over_code_matching():
    # the remit line looks exactly like line 1 by code and modifiers, but REF*6R names line 2
    result = numbers([paid("20610", "RT", "59", ref=f"{PREFIX}-2")], KNEES, claim_id=CLAIM)
    assert result == ([2], ["control_number"], [1])


def test_ref_6r_from_another_claim_falls_back_to_code_matching():
    result = numbers([paid("20610", "RT", "59", ref="SOMEOTHERCLAIM-2")], KNEES, claim_id=CLAIM)
    assert result == ([1], ["exact"], [2])


def test_ref_6r_naming_an_unknown_line_falls_back():
    assert numbers([paid("20610", "LT", "59", ref=f"{PREFIX}-9")], KNEES, claim_id=CLAIM)[0] == [2]


def test_date_of_service_must_agree():
    billed = [Billed(1, "99213", (), date(2026, 11, 1)), Billed(2, "99213", (), date(2026, 11, 2))]
    assert numbers([paid("99213", when=date(2026, 11, 2)), paid("99213", when=date(2026, 11, 1))], billed)[0] == [2, 1]
    assert numbers([paid("99213", when=date(2026, 12, 25))], billed) == ([None], ["unmatched"], [1, 2])


def test_split_line_reuses_the_billed_line_and_is_flagged():
    billed = [Billed(1, "97110", (), DOS)]
    matches, unmatched = match_lines([paid("97110"), paid("97110")], billed)
    assert [m.line_number for m in matches] == [1, 1] and [m.bundled for m in matches] == [False, True]
    assert unmatched == []


def test_recoded_line_matches_on_svc06_and_is_bundled():
    billed = [Billed(1, "99214", (), DOS), Billed(2, "36415", (), DOS)]
    matches, unmatched = match_lines([paid("99213", original="99214")], billed)
    assert (matches[0].line_number, matches[0].bundled) == (1, True)
    assert unmatched == [2]  # never named: bundled into another, paid 0


def test_unmatched_code():
    assert numbers([paid("99999")], KNEES) == ([None], ["unmatched"], [1, 2])


@pytest.mark.parametrize("reference,claim_id,expected", [
    (f"{PREFIX}-3", CLAIM, 3), (f"{PREFIX}-3", None, 3), ("OTHER-3", CLAIM, None), ("noline", None, None),
    (None, None, None), ("", CLAIM, None), (f"{PREFIX}-x", CLAIM, None), (f" {PREFIX}-12 ", CLAIM, 12),
])
def test_line_number_from_control(reference, claim_id, expected):
    assert line_number_from_control(reference, claim_id) == expected


def test_remit_received_lines_match_as_the_835s_own_lines_without_a_recoding():
    """remit.received's lines carry no SVC06: they match as an 835 line naming no original code does."""
    contract = [RemitServiceLine(procedure_code="20610", modifiers=["LT", "59"], charge=Decimal("100"),
                                 paid=Decimal("50"), date_of_service=DOS, line_control_number=ref)
                for ref in (f"{PREFIX}-1", None)]
    own = [paid("20610", "LT", "59", ref=f"{PREFIX}-1"), paid("20610", "LT", "59")]
    assert match_lines(contract, KNEES, claim_id=CLAIM) == match_lines(own, KNEES, claim_id=CLAIM)
    assert [m.method for m in match_lines(contract, KNEES, claim_id=CLAIM)[0]] == ["control_number", "exact"]
