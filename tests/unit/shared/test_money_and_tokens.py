import time
from decimal import Decimal

import pytest
from pydantic import BaseModel

from shared.contracts.identifiers import claim_id_for, new_patient_control_number
from shared.internal_auth import (Caller, InvalidInternalToken, TokenIssuer, TokenVerifier, issue_token,
                                  verify_token)
from shared.money import Money, format_x12_amount, to_money

pytestmark = pytest.mark.unit
SECRET = "s" * 40


class Priced(BaseModel):
    amount: Money


def test_money_is_cent_exact_decimal_and_refuses_floats():
    assert to_money("10.005") == Decimal("10.01")
    assert to_money(Decimal("0.1")) + to_money("0.2") == Decimal("0.30")
    with pytest.raises(TypeError):
        to_money(0.1)


def test_money_field_accepts_json_numbers_without_binary_error():
    assert Priced.model_validate_json('{"amount": 0.1}').amount == Decimal("0.10")
    assert Priced(amount="12.5").model_dump_json() == '{"amount":"12.50"}'


def test_x12_amounts_drop_trailing_zeros():
    assert [format_x12_amount(Decimal(v)) for v in ("100.00", "12.50", "0.00", "7.05")] == ["100", "12.5", "0", "7.05"]


def test_x12_amounts_remembered_give_what_each_amount_gives_alone():
    amounts = ["12.5", "12.50", "12.505", "1E+2", "-0.001", "0", "-0.00", "7.049", "9999999999.99"]
    expected = ["12.5", "12.5", "12.51", "100", "0", "0", "0", "7.05", "9999999999.99"]
    for _ in range(2):  # the first pass fills the memory, the second reads it
        assert [format_x12_amount(Decimal(v)) for v in amounts] == expected
    assert format_x12_amount(100) == "100"
    for refused, error in [(12.5, TypeError), (True, TypeError), (Decimal("NaN"), ValueError),
                           (Decimal("sNaN"), ValueError), (Decimal("Infinity"), ValueError),
                           (Decimal("1E+40"), ValueError)]:
        with pytest.raises(error):
            format_x12_amount(refused)


def test_internal_token_round_trip_and_tampering():
    token = issue_token(SECRET, Caller("tenant-1", "key-1", ("billing:read",)))
    assert verify_token(SECRET, token) == Caller("tenant-1", "key-1", ("billing:read",))
    body, signature = token.split(".")
    with pytest.raises(InvalidInternalToken):
        verify_token(SECRET, body + "x." + signature)
    with pytest.raises(InvalidInternalToken):
        verify_token("t" * 40, token)
    with pytest.raises(InvalidInternalToken):
        verify_token(SECRET, issue_token(SECRET, Caller("t", "k"), ttl_seconds=-1))


def test_token_issuer_reuses_a_token_for_half_its_life_then_signs_a_new_one():
    now = [time.time()]
    issuer = TokenIssuer(SECRET, ttl_seconds=300, clock=lambda: now[0])
    reader, other = Caller("t", "k", ("billing:read",)), Caller("t", "k2", ("billing:read",))
    first = issuer.token(reader)
    assert verify_token(SECRET, first) == reader
    assert issuer.token(other) != first
    now[0] += 149
    assert issuer.token(reader) == first
    now[0] += 1
    renewed = issuer.token(reader)
    assert renewed != first and verify_token(SECRET, renewed) == reader


def test_token_verifier_remembers_a_verdict_until_expiry_and_refuses_forgeries_every_time():
    now = [time.time()]
    verifier = TokenVerifier(SECRET, clock=lambda: now[0], max_entries=2)
    reader = Caller("tenant-1", "key-1", ("billing:read",))
    token = issue_token(SECRET, reader, ttl_seconds=60, now=now[0])
    assert verifier.verify(token) == reader
    assert verifier.verify(token) == reader  # remembered
    body, signature = token.split(".")
    forged = issue_token("t" * 40, Caller("tenant-2", "key-1"), ttl_seconds=60, now=now[0])
    # the signature's first character carries six whole bits of it (its last one may carry bits a decoder drops)
    altered = ("B" if signature[0] != "B" else "C") + signature[1:]
    for refused in (body + "x." + signature, body + "." + altered, forged, "", None, "a.b.c"):
        for _ in range(2):  # a refusal is never remembered as a verdict
            with pytest.raises(InvalidInternalToken):
                verifier.verify(refused)
    assert TokenVerifier("t" * 40).verify(forged) == Caller("tenant-2", "key-1")
    with pytest.raises(InvalidInternalToken):
        TokenVerifier("t" * 40).verify(token)  # another secret's verifier checks the signature itself
    now[0] += 61
    for _ in range(2):
        with pytest.raises(InvalidInternalToken, match="expired"):
            verifier.verify(token)
    fresh = [issue_token(SECRET, Caller("t", f"k{n}"), ttl_seconds=60, now=now[0]) for n in range(3)]
    assert [verifier.verify(t).key_id for t in fresh] == ["k0", "k1", "k2"]  # past its bound it starts over
    assert len(verifier._verified) <= 2


def test_claim_id_derives_from_tenant_and_pcn():
    pcn = new_patient_control_number()
    assert len(pcn) == 20 and pcn.isalnum()
    assert claim_id_for("t1", pcn) == claim_id_for("t1", pcn.lower())
    assert claim_id_for("t1", pcn) != claim_id_for("t2", pcn)
