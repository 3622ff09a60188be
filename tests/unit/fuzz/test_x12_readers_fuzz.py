"""Whatever text arrives, the 835 reader raises only Malformed835 and the 999/277CA readers only
X12SyntaxError, each naming a segment and never quoting a value."""
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.claims.domain.acks import read_277ca, read_999
from services.payments.domain.x835 import Malformed835, parse_835_transactions
from shared.x12 import X12SyntaxError
from tests.unit.fuzz.mutations import damaged_text

pytestmark = pytest.mark.unit
X835 = Path(__file__).resolve().parents[2] / "fixtures" / "x835"
SPECIMENS_835 = [path.read_text() for path in sorted(X835.glob("*.835"))]
ENVELOPE = ("ISA*00*          *00*          *ZZ*SIMPAYER01     *ZZ*BILLINGPLATFORM*261122*1030*^*00501*000000001*0*T*:~"
            "GS*{gs}*SIMPAYER01*BILLINGPLATFORM*20261122*1030*1*X*{version}~")
ACK_999 = ENVELOPE.format(gs="FA", version="005010X231A1") + (
    "ST*999*0001*005010X231A1~AK1*HC*1*005010X222A1~AK2*837*0001*005010X222A1~IK3*CLM*12**8~IK4*2**7~IK5*R*5~"
    "AK9*R*1*1*0~SE*8*0001~GE*1*1~IEA*1*000000001~")
ACK_277 = ENVELOPE.format(gs="HN", version="005010X214") + (
    "ST*277*0001*005010X214~HL*4*3*PT~NM1*QC*1*RIVERA*ANA****MI*W100200300~TRN*2*PCN123~STC*A3:21*20261122*U*100~"
    "HL*5*3*PT~TRN*2*PCN456~STC*A1:20*20261122*WQ*50~REF*1K*998877~SE*10*0001~GE*1*1~IEA*1*000000001~")
PHI = ("RIVERA", "ANA*", "W100200300")
WHERE = re.compile(r"segment|ISA|GS|ST|SE|835")
SEPARATORS = "~*:^\r\n\x00"
FUZZ = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _names_where_without_values(message: str) -> None:
    assert WHERE.search(message), message
    assert not any(marker in message for marker in PHI), message


@FUZZ
@given(st.sampled_from(range(len(SPECIMENS_835))).flatmap(lambda i: damaged_text(SPECIMENS_835[i], SEPARATORS)))
def test_835_reader_on_damaged_files(text):
    try:
        parse_835_transactions(text)
    except Malformed835 as exc:
        assert exc.problems
        for problem in exc.problems:
            _names_where_without_values(problem)


@FUZZ
@given(st.text(max_size=400) | st.text(max_size=300).map(lambda t: SPECIMENS_835[0][:106] + t))
def test_835_reader_on_random_text(text):
    try:
        parse_835_transactions(text)
    except Malformed835 as exc:
        assert all(WHERE.search(problem) for problem in exc.problems)


@FUZZ
@given(damaged_text(ACK_999, SEPARATORS) | st.text(max_size=300))
def test_999_reader(text):
    try:
        read_999(text)
    except X12SyntaxError as exc:
        _names_where_without_values(str(exc))


@FUZZ
@given(damaged_text(ACK_277, SEPARATORS) | st.text(max_size=300))
def test_277ca_reader(text):
    try:
        read_277ca(text)
    except X12SyntaxError as exc:
        _names_where_without_values(str(exc))


def test_a_control_character_is_named_by_segment_and_element():
    with pytest.raises(Malformed835) as refused:
        parse_835_transactions((X835 / "one_claim_paid.835").read_text().replace("*RIVERA*", "*RIVERA\x00*"))
    assert refused.value.problems == ["NM103 at segment 16: control character U+0000 is not allowed"]
    with pytest.raises(X12SyntaxError, match=r"NM103 at segment 5: control character U\+0001"):
        read_277ca(ACK_277.replace("RIVERA", "RIVERA\x01"))
    with pytest.raises(X12SyntaxError, match="AK901 at segment"):
        read_999(ACK_999.replace("AK9*R", "AK9*R\x7f"))


def test_control_characters_declared_as_delimiters_are_read():
    """A file may end its segments with a control character (the ISA declares it); that is no refusal."""
    assert read_277ca(ACK_277.replace("~", "\x1c"))[0].patient_control_number == "PCN123"
