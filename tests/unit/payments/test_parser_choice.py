import pytest

pytestmark = pytest.mark.unit

# Why the 835 reader is our own and not x12sdk (the usual first choice): on files payers really
# send, x12sdk 2.2.0 refuses what must post. When a new x12sdk passes these, revisit the choice.
import re
from decimal import Decimal
from pathlib import Path

from x12sdk.io import X12ModelReader

from services.payments.domain.balancing import check_balance
from services.payments.domain.x835 import parse_835

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "x835"


def x12sdk_reads(text: str) -> bool:
    try:
        with X12ModelReader(text) as reader:
            return bool(list(reader.models()))
    except Exception:  # noqa: BLE001 - any failure means it could not read the file
        return False


def crlf_file() -> str:
    return (FIXTURES / "one_claim_paid.835").read_text().replace("~\n", "~\r\n")


def zero_cas_file() -> str:
    """A CAS triple of 0.00 (the guide allows it; payers send it for informational reasons)."""
    return (FIXTURES / "one_claim_paid.835").read_text().replace("CAS*CO*45*43", "CAS*CO*45*43**253*0", 1)


def two_plb_file() -> str:
    """Two PLB segments: a recoupment and interest, as the guide repeats PLB."""
    text = (FIXTURES / "provider_adjustment.835").read_text()
    plb = re.search(r"PLB\*[^~]*~", text).group(0)
    text = text.replace(plb, plb + "\nPLB*1234567893*20261231*L6*-5~", 1)
    total = re.search(r"BPR\*I\*([0-9.]+)\*", text).group(1)
    text = text.replace(f"BPR*I*{total}*", f"BPR*I*{Decimal(total) + 5}*", 1)
    count = re.search(r"SE\*(\d+)\*", text).group(1)
    return text.replace(f"SE*{count}*", f"SE*{int(count) + 1}*", 1)


def test_both_read_the_plain_fixture():
    text = (FIXTURES / "one_claim_paid.835").read_text()
    assert x12sdk_reads(text) and check_balance(parse_835(text)) == []


@pytest.mark.parametrize("make", [crlf_file, zero_cas_file, two_plb_file])
def test_x12sdk_refuses_files_our_reader_reads_and_balances(make):
    text = make()
    assert not x12sdk_reads(text)
    assert check_balance(parse_835(text)) == []


def test_two_plbs_are_both_kept():
    assert [p.reason for p in parse_835(two_plb_file()).provider_adjustments][-1] == "L6"
