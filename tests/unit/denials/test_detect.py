import pytest

pytestmark = pytest.mark.unit

# Real denial patterns as payers send them in the 835, categorized from the CARC/RARC data files.
from decimal import Decimal


from services.denials.domain.detect import detect_denials
from tests.unit.denials.remits import line, remit



@pytest.mark.parametrize("group,carc,category,action,preventable", [
    ("CO", "197", "authorization", "appeal", True),
    ("CO", "29", "timely_filing", "appeal", True),
    ("CO", "18", "duplicate", "write_off", True),
    ("CO", "50", "medical_necessity", "appeal", True),
    ("CO", "4", "coding", "correct_and_resubmit", True),
    ("PR", "204", "non_covered", "rebill_patient", False),
    ("CO", "97", "bundling_ncci", "correct_and_resubmit", True),
])
def test_line_denials_are_categorized(group, carc, category, action, preventable):
    [denial] = detect_denials(remit(line("99213", "100", "0", (group, carc, "100"), number=1)))
    assert (denial.level, denial.category, denial.recommended_action) == ("line", category, action)
    assert denial.preventable is preventable and not denial.partial
    assert denial.carc_codes == (carc,) and denial.amount == Decimal("100.00")
    assert (denial.line_index, denial.line_number, denial.procedure_code) == (0, 1, "99213")
    assert denial.explanation[0].startswith(f"{group}-{carc}: ")


def test_co_197_reads_as_the_published_reason():
    [denial] = detect_denials(remit(line("71046", "250", "0", ("CO", "197", "250")), status="4"))
    assert denial.level == "claim" and denial.line_index is None
    assert denial.carc_texts == ("Precertification/authorization/notification absent",)


def test_claim_level_co_16_with_ma130_is_missing_information():
    denied = remit(line("99213", "100", "0", ("CO", "16", "100"), remarks=("N290",)), status="4", remarks=("MA130",))
    [denial] = detect_denials(denied)
    assert (denial.level, denial.category, denial.recommended_action) == ("claim", "missing_information",
                                                                          "correct_and_resubmit")
    assert denial.rarc_codes == ("MA130", "N290") and denial.amount == Decimal("100.00")
    assert "unprocessable" in denial.rarc_texts[0]


def test_generic_co_16_takes_its_category_from_the_remark():
    [denial] = detect_denials(remit(line("99213", "100", "0", ("CO", "16", "100"), remarks=("M76",))))
    assert denial.category == "coding"


def test_ma130_overrides_a_specific_carc():
    [denial] = detect_denials(remit(line("99213", "100", "0", ("CO", "4", "100")), status="4", remarks=("MA130",)))
    assert (denial.category, denial.recommended_action) == ("missing_information", "correct_and_resubmit")


def test_partial_denial_units_reduced_on_a_paid_line():
    paid_in_part = line("97110", "160", "60", ("CO", "45", "20"), ("CO", "151", "40"), ("PR", "2", "40"), number=2)
    [denial] = detect_denials(remit(line("99213", "100", "70", ("CO", "45", "30"), number=1), paid_in_part))
    assert denial.partial and (denial.line_index, denial.line_number) == (1, 2)
    assert (denial.category, denial.carc_codes, denial.amount) == ("medical_necessity", ("151",), Decimal("40.00"))


def test_pure_contractual_and_patient_share_are_not_denials():
    assert detect_denials(remit(line("99213", "135", "70", ("CO", "45", "43"), ("PR", "1", "22")))) == []
    assert detect_denials(remit(line("17000", "200", "90", ("CO", "59", "60"), ("CO", "253", "2"),
                                     ("CO", "45", "48")))) == []


def test_co_non_covered_is_written_off_not_billed_to_the_patient():
    [denial] = detect_denials(remit(line("99397", "180", "0", ("CO", "204", "180"))))
    assert (denial.category, denial.recommended_action) == ("non_covered", "write_off")


def test_unknown_carc_is_queued_as_unknown_never_dropped():
    [denial] = detect_denials(remit(line("99213", "100", "0", ("OA", "Z99", "100"))))
    assert denial.category == "unknown" and denial.explanation == ("OA-Z99: Unknown CARC Z99",)


def test_the_largest_reason_drives_the_category():
    both = line("99214", "200", "0", ("CO", "16", "20"), ("CO", "50", "180"))
    [denial] = detect_denials(remit(both))
    assert denial.category == "medical_necessity" and denial.carc_codes == ("16", "50")
    assert denial.amount == Decimal("200.00")


def test_claim_denied_without_any_reason_still_opens_a_denial():
    [denial] = detect_denials(remit(line("99213", "100", "0"), status="4"))
    assert (denial.category, denial.amount, denial.carc_codes) == ("unknown", Decimal("100.00"), ())


def test_reversal_is_not_a_denial():
    assert detect_denials(remit(line("99213", "-100", "-60", ("CO", "50", "-40")), status="22")) == []


# --- one RemitReceived per denial pattern, built as remit.received carries them ---------------------

from datetime import date  # noqa: E402

from shared.contracts.common import Adjustment  # noqa: E402
from shared.contracts.remit import RemitReceived, RemitServiceLine  # noqa: E402
from services.denials.domain.detect import echoed_line_number, is_denial_adjustment  # noqa: E402
from services.denials.domain.codes import codebook  # noqa: E402

CLAIM_ID = "5d1e7a0c-2f4b-4c8e-9a11-0b2c3d4e5f60"
REF = CLAIM_ID.replace("-", "")


def cas(group: str, carc: str, amount: str) -> Adjustment:
    return Adjustment(group_code=group, reason_code=carc, amount=amount)


def svc(code: str, charge: str, paid: str, *adjustments: Adjustment, remarks=(), number=1) -> RemitServiceLine:
    return RemitServiceLine(procedure_code=code, charge=charge, paid=paid, date_of_service=date(2026, 11, 2),
                            line_control_number=f"{REF}-{number}", adjustments=list(adjustments),
                            remark_codes=list(remarks))


def received(*lines: RemitServiceLine, status="1", claim_adjustments=(), remarks=(), pr="0") -> RemitReceived:
    return RemitReceived(
        remit_id="remit-77", claim_id=CLAIM_ID, patient_control_number="PCN9001", payer_id="SIMPAYER01",
        payer_name="SIMULATED HEALTH PLAN", status_code=status,
        charge=sum((l.charge for l in lines), Decimal(0)), paid=sum((l.paid for l in lines), Decimal(0)),
        patient_responsibility=pr, payer_claim_control_number="PAYERCLM9001",
        claim_adjustments=list(claim_adjustments), remark_codes=list(remarks), service_lines=list(lines),
        payment_method="ACH", trace_number="EFT9001", payment_date=date(2026, 11, 22))


def only(remit: RemitReceived):
    found = detect_denials(remit)
    assert len(found) == 1, found
    return found[0]


def test_rr_co_197_authorization_claim_denied():
    denial = only(received(svc("71046", "250", "0", cas("CO", "197", "250")), status="4"))
    assert (denial.level, denial.category, denial.recommended_action, denial.preventable) == (
        "claim", "authorization", "appeal", True)
    assert denial.reasons == ("CO-197",) and denial.amount == Decimal("250.00") and not denial.partial


def test_rr_co_16_with_ma130_is_missing_information():
    denial = only(received(svc("99213", "100", "0", cas("CO", "16", "100")), status="4", remarks=("MA130",)))
    assert (denial.category, denial.recommended_action) == ("missing_information", "correct_and_resubmit")
    assert denial.rarc_codes == ("MA130",) and denial.carc_codes == ("16",)


def test_rr_co_16_on_a_line_with_ma130_on_the_claim():
    denial = only(received(svc("99213", "100", "0", cas("CO", "16", "100"), number=3), remarks=("MA130",)))
    assert (denial.level, denial.line_number, denial.category) == ("line", 3, "missing_information")


@pytest.mark.parametrize("group,carc,category", [
    ("CO", "29", "timely_filing"), ("CO", "18", "duplicate"), ("CO", "50", "medical_necessity"),
    ("CO", "4", "coding"), ("PR", "204", "non_covered"), ("CO", "97", "bundling_ncci"),
])
def test_rr_line_denial_categories(group, carc, category):
    remit = received(svc("99214", "180", "0", cas(group, carc, "180"), number=2))
    denial = only(remit)
    assert (denial.level, denial.category, denial.line_index, denial.line_number) == ("line", category, 0, 2)
    assert denial.procedure_code == "99214" and denial.amount == Decimal("180.00")
    assert denial.reasons == (f"{group}-{carc}",)


def test_rr_pr_204_is_rebilled_to_the_patient():
    denial = only(received(svc("99397", "180", "0", cas("PR", "204", "180")), pr="180"))
    assert denial.recommended_action == "rebill_patient"


def test_rr_partial_denial_co_151_on_a_paid_line():
    remit = received(svc("99213", "100", "70", cas("CO", "45", "30"), number=1),
                     svc("97110", "160", "60", cas("CO", "45", "20"), cas("CO", "151", "40"), cas("PR", "2", "40"),
                         number=2), pr="40")
    denial = only(remit)
    assert denial.partial and denial.level == "line" and (denial.line_index, denial.line_number) == (1, 2)
    assert denial.amount == Decimal("40.00") and denial.carc_codes == ("151",)
    assert denial.category == "medical_necessity"


def test_rr_pure_co_45_is_no_denial():
    assert detect_denials(received(svc("99213", "135", "92", cas("CO", "45", "43")))) == []


def test_rr_co_45_at_claim_level_is_no_denial():
    remit = received(svc("99213", "135", "92"), claim_adjustments=[cas("CO", "45", "43")])
    assert detect_denials(remit) == []


def test_rr_unknown_carc_z99_is_unknown():
    denial = only(received(svc("99213", "100", "0", cas("CO", "Z99", "100"))))
    assert denial.category == "unknown" and denial.carc_texts == ("Unknown CARC Z99",)
    assert denial.recommended_action == "appeal" and not denial.preventable


def test_rr_reversal_status_22_is_never_a_denial():
    remit = received(svc("71046", "-250", "0", cas("CO", "197", "-250")), status="22")
    assert detect_denials(remit) == []
    remit = received(svc("99213", "-135", "-92", cas("CO", "50", "-43")), status="22")
    assert detect_denials(remit) == []


def test_rr_claim_level_denying_cas_on_a_paid_claim_is_partial():
    remit = received(svc("99213", "135", "92", cas("CO", "45", "13")), claim_adjustments=[cas("CO", "29", "30")])
    [denial] = detect_denials(remit)
    assert (denial.level, denial.partial, denial.category, denial.amount) == ("claim", True, "timely_filing",
                                                                             Decimal("30.00"))


def test_rr_line_and_claim_denials_are_both_reported_claim_first():
    remit = received(svc("99213", "100", "0", cas("CO", "4", "100"), number=1),
                     svc("36415", "12", "12", number=2), claim_adjustments=[cas("OA", "18", "5")])
    found = detect_denials(remit)
    assert [d.level for d in found] == ["claim", "line"] and found[1].line_number == 1


def test_rr_explanation_lines():
    denial = only(received(svc("71046", "250", "0", cas("CO", "197", "250"), remarks=("N54",))))
    assert denial.explanation == ("CO-197: Precertification/authorization/notification absent",
                                  "N54: Claim information inconsistent with the pre-certified/authorized services")


def test_rr_line_number_falls_back_to_position_without_ref_6r():
    line = RemitServiceLine(procedure_code="99213", charge="100", paid="0", adjustments=[cas("CO", "50", "100")])
    filler = RemitServiceLine(procedure_code="36415", charge="12", paid="12")
    denial = only(received(filler, line))
    assert (denial.line_index, denial.line_number) == (1, 2)
    assert echoed_line_number(line) is None and echoed_line_number(svc("x", "1", "1", number=7)) == 7


@pytest.mark.parametrize("group,carc,expected", [
    ("CO", "45", False), ("CO", "197", True), ("PR", "1", False), ("PR", "204", True), ("OA", "23", False),
    ("PI", "50", True), ("CR", "50", False), ("OA", "Z99", True),
])
def test_rr_is_denial_adjustment(group, carc, expected):
    assert is_denial_adjustment(cas(group, carc, "10"), codebook()) is expected
