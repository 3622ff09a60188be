"""An 835 the reader accepts can be kept and posted: elements longer than the guide allows, amounts the
ledger cannot hold and procedure codes no claim line carries are refused by segment and position."""
from pathlib import Path

import pytest

from services.payments.domain.x835 import Malformed835, parse_835

pytestmark = pytest.mark.unit
PAID = (Path(__file__).resolve().parents[2] / "fixtures" / "x835" / "one_claim_paid.835").read_text()


def _problems(text: str) -> list[str]:
    with pytest.raises(Malformed835) as refused:
        parse_835(text)
    return refused.value.problems


@pytest.mark.parametrize("old,new,problem", [
    ("TRN*1*EFT0000101*", "TRN*1*" + "9" * 51 + "*", "TRN02 at segment 5: longer than 50 characters"),
    ("CLP*PCN1001*", "CLP*" + "P" * 39 + "*", "CLP01 at segment 15: longer than 38 characters"),
    ("*PAYERCLM1001*", "*" + "C" * 51 + "*", "CLP07 at segment 15: longer than 50 characters"),
    ("REF*2U*SIMPAYER01~", "REF*2U*" + "S" * 51 + "~", "REF02 at segment 10: longer than 50 characters"),
    ("SVC*HC:99213:25*", "SVC*HC:992130:25*", "SVC01 at segment 18: procedure code or modifier of the wrong length"),
    ("SVC*HC:99213:25*", "SVC*ZZ:99213:25*", "SVC01 at segment 18: not a product or service id qualifier"),
])
def test_overlong_or_impossible_elements_are_named(old, new, problem):
    assert any(p.startswith(problem) for p in _problems(PAID.replace(old, new, 1)))


def test_an_amount_the_ledger_cannot_hold_is_refused():
    text = PAID.replace("BPR*I*76*", "BPR*I*76000000000000*", 1)
    assert "BPR02 at segment 4: amount larger than can be posted" in _problems(text)
