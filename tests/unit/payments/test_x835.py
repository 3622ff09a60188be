import pytest

pytestmark = pytest.mark.unit

# parse_835 over realistic 005010X221A1 files in tests/fixtures/x835.
from datetime import date
from decimal import Decimal
from pathlib import Path

from shared.contracts.common import Adjustment
from services.payments.domain.balancing import check_balance
from services.payments.domain.duplicates import remittance_key
from services.payments.domain.to_events import remittance_to_events
from services.payments.domain.x835 import Malformed835, parse_835, parse_835_transactions

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "x835"
BALANCED = ["one_claim_paid.835", "many_claims_one_check.835", "denial.835", "reversal_and_correction.835",
            "provider_adjustment.835", "secondary.835", "tertiary.835", "dental.835"]


def read(name: str) -> str:
    return (FIXTURES / name).read_text()


def D(value: str) -> Decimal:
    return Decimal(value)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.835")))
def test_fixture_isa_is_exactly_106_characters_with_standard_delimiters(name):
    isa = read(name)[:106]
    assert isa.startswith("ISA*") and isa.endswith("~") and isa[104] == ":" and isa.count("*") == 16


@pytest.mark.parametrize("name", BALANCED)
def test_balanced_fixtures_parse_and_balance(name):
    remittance = parse_835(read(name))
    assert check_balance(remittance) == []
    claims_paid = sum((c.paid for c in remittance.claims), D("0"))
    provider = sum((p.amount for p in remittance.provider_adjustments), D("0"))
    assert remittance.total_paid == claims_paid - provider


def test_one_claim_paid_reads_header_claim_and_lines():
    r = parse_835(read("one_claim_paid.835"))
    assert (r.payer_id, r.payer_name, r.payee_npi, r.payee_tax_id) == (
        "SIMPAYER01", "SIMULATED HEALTH PLAN", "1234567893", "123456789")
    assert (r.trace_number, r.payer_trace_id, r.payment_method) == ("EFT0000101", "1512345678", "ACH")
    assert r.total_paid == D("76.00") and r.payment_date == date(2026, 11, 22) and r.credit_debit == "C"
    assert r.position == 3
    [claim] = r.claims
    assert (claim.patient_control_number, claim.status_code, claim.charge, claim.paid,
            claim.patient_responsibility) == ("PCN1001", "1", D("147.00"), D("76.00"), D("19.00"))
    assert claim.payer_claim_control_number == "PAYERCLM1001"
    assert (claim.claim_filing_indicator, claim.frequency_code) == ("12", "1")
    first, second = claim.service_lines
    assert (first.procedure_qualifier, first.procedure_code, first.modifiers) == ("HC", "99213", ("25",))
    assert (first.charge, first.paid, first.units, first.allowed) == (D("135.00"), D("73.60"), "1", D("92.00"))
    assert first.date_of_service == date(2026, 11, 2) and first.line_control_number == "PCN1001-1"
    assert first.adjustments == (Adjustment(group_code="CO", reason_code="45", amount="43"),
                                 Adjustment(group_code="PR", reason_code="2", amount="18.4"))
    assert second.procedure_code == "36415" and second.modifiers == () and second.line_control_number == "PCN1001-2"
    assert claim.claim_adjustments == ()


def test_many_claims_one_check():
    r = parse_835(read("many_claims_one_check.835"))
    assert [c.patient_control_number for c in r.claims] == ["PCN2001", "PCN2002", "PCN2003"]
    assert [c.paid for c in r.claims] == [D("120.00"), D("60.00"), D("250.00")]
    assert r.total_paid == D("430.00")
    assert [len(c.service_lines) for c in r.claims] == [1, 1, 2]
    assert r.claims[2].service_lines[1].adjustments[1] == Adjustment(group_code="PR", reason_code="2", amount="10")


def test_denial_file_reads_status_4_and_co_197():
    r = parse_835(read("denial.835"))
    assert (r.total_paid, r.payment_method) == (D("0.00"), "NON")
    [claim] = r.claims
    assert claim.status_code == "4" and claim.paid == D("0.00")
    [svc] = claim.service_lines
    assert svc.adjustments == (Adjustment(group_code="CO", reason_code="197", amount="250"),)
    assert svc.remark_codes == ("N54",)


def test_reversal_then_correction():
    r = parse_835(read("reversal_and_correction.835"))
    reversal, correction = r.claims
    assert (reversal.status_code, reversal.charge, reversal.paid, reversal.patient_responsibility) == (
        "22", D("-147.00"), D("-76.00"), D("-19.00"))
    assert reversal.service_lines[0].adjustments[0].amount == D("-43.00")
    assert (correction.status_code, correction.paid, correction.frequency_code) == ("1", D("90.00"), "7")
    assert r.total_paid == D("14.00")


def test_provider_adjustment_plb():
    r = parse_835(read("provider_adjustment.835"))
    [plb] = r.provider_adjustments
    assert (plb.reason, plb.reference, plb.amount) == ("WO", "PCN4999OVERPAY", D("25.00"))
    assert r.total_paid == sum((c.paid for c in r.claims), D("0")) - D("25")


def test_secondary_payer_claim():
    [claim] = parse_835(read("secondary.835")).claims
    assert claim.status_code == "2" and claim.paid == D("19.00") and claim.patient_responsibility == D("0.00")
    assert {a.group_code + "-" + a.reason_code for l in claim.service_lines for a in l.adjustments} == {"OA-23"}


def test_dental_qualifier_and_code():
    [claim] = parse_835(read("dental.835")).claims
    assert [(l.procedure_qualifier, l.procedure_code) for l in claim.service_lines] == [("AD", "D1110"),
                                                                                       ("AD", "D0120")]


def test_unbalanced_parses_but_does_not_balance():
    r = parse_835(read("unbalanced.835"))
    problems = check_balance(r)
    assert len(problems) == 1 and "BPR02" in problems[0] and "86.00" in problems[0] and "76.00" in problems[0]


def test_bad_se_count_is_malformed_naming_the_segment():
    with pytest.raises(Malformed835) as error:
        parse_835(read("bad_se_count.835"))
    assert any(p.startswith("SE01 at segment") and "counted" in p for p in error.value.problems)


def test_malformed_problems_never_quote_patient_data():
    text = read("one_claim_paid.835").replace("CLP*PCN1001*1*147*76", "CLP*PCN1001*1*14x7*76")
    with pytest.raises(Malformed835) as error:
        parse_835(text)
    joined = " ".join(error.value.problems)
    assert "CLP03" in joined and "PCN1001" not in joined and "RIVERA" not in joined


@pytest.mark.parametrize("text", ["", "hello", "ISA*short~", "x" * 300])
def test_garbage_raises_only_malformed(text):
    with pytest.raises(Malformed835):
        parse_835(text)


def test_crlf_line_endings_and_bom_are_tolerated():
    text = "\ufeff" + read("one_claim_paid.835").replace("\n", "\r\n")
    assert parse_835(text).total_paid == D("76.00")


def test_unknown_cas_group_is_malformed():
    text = read("one_claim_paid.835").replace("CAS*CO*45*43", "CAS*XX*45*43")
    with pytest.raises(Malformed835) as error:
        parse_835(text)
    assert any("CAS01" in p for p in error.value.problems)


def test_unknown_claim_status_is_malformed():
    with pytest.raises(Malformed835):
        parse_835(read("one_claim_paid.835").replace("CLP*PCN1001*1*", "CLP*PCN1001*99*"))


def test_non_835_transaction_is_refused():
    with pytest.raises(Malformed835):
        parse_835(read("one_claim_paid.835").replace("ST*835*0001", "ST*837*0001"))


def test_two_transaction_sets_are_refused_by_parse_835_but_read_by_parse_835_transactions():
    text = read("one_claim_paid.835")
    body = text[text.index("ST*835"):text.index("GE*")]
    doubled = text.replace("GE*1*101~", body.replace("0001", "0002") + "GE*2*101~")
    assert len(parse_835_transactions(doubled)) == 2
    with pytest.raises(Malformed835):
        parse_835(doubled)


def test_duplicate_key_is_stable_and_trace_sensitive():
    one = parse_835(read("one_claim_paid.835"))
    assert remittance_key(one) == remittance_key(parse_835(read("one_claim_paid.835")))
    assert remittance_key(one) == "SIMPAYER01|EFT0000101|1512345678"
    assert remittance_key(one) != remittance_key(parse_835(read("unbalanced.835")))


def test_events_one_per_claim_with_billed_codes():
    events = remittance_to_events(parse_835(read("many_claims_one_check.835")), "remit-9",
                                  lambda pcn: None if pcn == "PCN2002" else f"claim-{pcn}")
    assert [e.claim_id for e in events] == ["claim-PCN2001", None, "claim-PCN2003"]
    assert all(e.trace_number == "EFT0000102" and e.remit_id == "remit-9" for e in events)
    assert events[2].service_lines[1].procedure_code == "99215"
    assert events[2].service_lines[1].line_control_number == "PCN2003-2"


def test_recoded_line_svc06_is_kept_as_the_billed_code():
    text = read("one_claim_paid.835").replace("SVC*HC:99213:25*135*73.6**1", "SVC*HC:99212*135*73.6**1*HC:99213:25")
    line = parse_835(text).claims[0].service_lines[0]
    assert (line.procedure_code, line.original_procedure_code, line.billed_code) == ("99212", "99213", "99213")
    assert line.billed_modifiers == ("25",)
    [event] = remittance_to_events(parse_835(text), "r", lambda pcn: "c")
    assert event.service_lines[0].procedure_code == "99213"
