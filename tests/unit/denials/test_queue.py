import pytest

pytestmark = pytest.mark.unit

# Appeal deadlines, the 10-business-day SLA and queue priority.
from datetime import date
from decimal import Decimal


from services.denials.domain.queue import (
    add_business_days, appeal_deadline, breach_risk, business_days_between, due_risk, meets_sla, priority_score,
    sla_attainment, sla_due,
)

FRIDAY = date(2026, 11, 20)


def test_appeal_deadline_counts_calendar_days():
    assert appeal_deadline(date(2026, 1, 15), 90) == date(2026, 4, 15)
    with pytest.raises(ValueError):
        appeal_deadline(date(2026, 1, 15), 0)


def test_business_days_skip_weekends():
    assert add_business_days(FRIDAY, 1) == date(2026, 11, 23)
    assert business_days_between(FRIDAY, date(2026, 11, 23)) == 1
    assert business_days_between(FRIDAY, date(2026, 12, 4)) == 10
    assert business_days_between(date(2026, 12, 4), FRIDAY) == -10
    assert business_days_between(date(2026, 11, 21), date(2026, 11, 22)) == 0  # Saturday to Sunday
    assert all(business_days_between(date(2026, 1, 1), add_business_days(date(2026, 1, 1), n)) == n
               for n in range(40))


def test_sla_is_ten_business_days_and_breach_risk():
    assert sla_due(FRIDAY) == date(2026, 12, 4)
    assert sla_due(date(2026, 11, 21)) == date(2026, 12, 4)  # opened on a Saturday
    assert breach_risk(FRIDAY, date(2026, 11, 23)) == "ok"
    assert breach_risk(FRIDAY, date(2026, 12, 1)) == "ok"  # Tuesday: 3 business days left
    assert breach_risk(FRIDAY, date(2026, 12, 2)) == "at_risk"  # Wednesday: 2 left
    assert breach_risk(FRIDAY, date(2026, 12, 4)) == "at_risk"
    assert breach_risk(FRIDAY, date(2026, 12, 5)) == "breached"


def test_sla_attainment_against_the_95_percent_target():
    due, not_yet_due = sla_due(FRIDAY), sla_due(date(2026, 12, 1))
    on_time = [(due, date(2026, 11, 30), 19)]
    late = [(due, date(2026, 12, 7), 1)]
    still_open_not_due = [(not_yet_due, None, 4)]
    assert sla_attainment(on_time + late + still_open_not_due, today=date(2026, 12, 8)) == Decimal("0.95")
    one_by_one = [(due, date(2026, 11, 30), 1)] * 19 + late + [(not_yet_due, None, 1)] * 4
    assert sla_attainment(one_by_one, today=date(2026, 12, 8)) == Decimal("0.95")  # a row per denial: the same
    assert meets_sla(Decimal("0.95")) and not meets_sla(Decimal("0.9499"))
    assert sla_attainment([(due, None, 2)], today=date(2026, 12, 8)) == Decimal("0")  # open past due counts as missed
    assert sla_attainment([(due, due, 1)], today=date(2026, 12, 8)) == Decimal("1")  # acted on the due day: met


def test_priority_orders_by_expected_recovery_and_urgency():
    assert priority_score(Decimal("900"), "missing_information", 30) > priority_score(Decimal("900"), "duplicate", 30)
    assert priority_score(Decimal("900"), "coding", 30) > priority_score(Decimal("90"), "coding", 30)
    assert priority_score(Decimal("100"), "coding", 5) > priority_score(Decimal("100"), "coding", 80)
    queue = sorted([("small-late", Decimal("50"), "coding", 3), ("big-fresh", Decimal("5000"), "authorization", 85),
                    ("duplicate", Decimal("500"), "duplicate", 85)],
                   key=lambda d: priority_score(d[1], d[2], d[3]), reverse=True)
    assert [name for name, *_ in queue] == ["big-fresh", "small-late", "duplicate"]


def test_priority_formula_bounds():
    assert priority_score(Decimal("100000"), "coding", -5) == 100
    assert priority_score(Decimal("0"), "unknown", 365) == 0
    assert priority_score(Decimal("1000"), "authorization", 30) == 53  # 60 x 0.55 + 40 x 0.5


# --- SLA over weekends, breach risk, priority ordering, and closing by a later remittance ------------

from dataclasses import dataclass  # noqa: E402

from shared.contracts.common import Adjustment  # noqa: E402
from shared.contracts.remit import RemitReceived, RemitServiceLine  # noqa: E402
from services.denials.domain.closing import resolves_denial  # noqa: E402
from services.denials.domain.detect import detect_denials  # noqa: E402

SATURDAY, SUNDAY, MONDAY = date(2026, 11, 21), date(2026, 11, 22), date(2026, 11, 23)


@pytest.mark.parametrize("opened,due", [
    (FRIDAY, date(2026, 12, 4)), (SATURDAY, date(2026, 12, 4)), (SUNDAY, date(2026, 12, 4)),
    (MONDAY, date(2026, 12, 7)), (date(2026, 11, 25), date(2026, 12, 9)),
])
def test_sla_due_skips_weekends(opened, due):
    assert sla_due(opened) == due and due.weekday() < 5
    assert business_days_between(opened, due) == 10


def test_add_business_days_never_lands_on_a_weekend():
    for offset in range(14):
        start = date(2026, 11, 1) + (date(2026, 11, 2) - date(2026, 11, 1)) * offset
        for n in range(1, 12):
            assert add_business_days(start, n).weekday() < 5
    assert add_business_days(SATURDAY, 0) == SATURDAY


@pytest.mark.parametrize("today,risk", [
    (MONDAY, "ok"), (date(2026, 11, 28), "ok"), (date(2026, 11, 29), "ok"), (date(2026, 12, 1), "ok"),
    (date(2026, 12, 2), "at_risk"), (date(2026, 12, 3), "at_risk"), (date(2026, 12, 4), "at_risk"),
    (date(2026, 12, 5), "breached"), (date(2026, 12, 7), "breached"),
])
def test_breach_risk_by_day(today, risk):
    assert breach_risk(FRIDAY, today) == risk == due_risk(sla_due(FRIDAY), today)


def test_priority_is_bounded_and_monotonic():
    scores = [priority_score(Decimal(amount), "coding", 30) for amount in (0, 100, 500, 1000, 2000, 10_000)]
    assert scores == sorted(scores) and all(0 <= s <= 100 for s in scores)
    urgency = [priority_score(Decimal("300"), "coding", days) for days in (90, 60, 45, 30, 10, 0, -10)]
    assert urgency == sorted(urgency)
    assert priority_score(Decimal("500"), "no_such_category", 30) == priority_score(Decimal("500"), "unknown", 30)


def test_priority_queue_ordering():
    work = {"auth-big": (Decimal("2400"), "authorization", 75), "coding-due-soon": (Decimal("300"), "coding", 4),
            "dup": (Decimal("300"), "duplicate", 4), "timely-old": (Decimal("800"), "timely_filing", 20),
            "info-small": (Decimal("40"), "missing_information", 50)}
    ranked = sorted(work, key=lambda k: priority_score(*work[k]), reverse=True)
    # 60 x min(1, 1320/1000) + 0 = 60; 60 x .255 + 40 x 56/60 = 52.6; 1.8 + 37.3 = 39.1; 9.6 + 26.7 = 36.3; 2.2 + 6.7
    assert [priority_score(*work[k]) for k in ranked] == [60, 53, 39, 36, 9]
    assert ranked == ["auth-big", "coding-due-soon", "dup", "timely-old", "info-small"]


def _line(code, charge, paid, *adjustments, number=None):
    return RemitServiceLine(procedure_code=code, charge=charge, paid=paid,
                            line_control_number=f"ABC123-{number}" if number else None,
                            adjustments=[Adjustment(group_code=g, reason_code=c, amount=a) for g, c, a in adjustments])


def _remit(*lines, status="1", remit_id="r2", paid=None):
    return RemitReceived(remit_id=remit_id, claim_id="c1", patient_control_number="PCN1", payer_id="P",
                         status_code=status, charge=sum((l.charge for l in lines), Decimal(0)),
                         paid=sum((l.paid for l in lines), Decimal(0)) if paid is None else paid,
                         patient_responsibility="0", trace_number="t2", service_lines=list(lines))


@dataclass
class Open:
    remit_id: str
    level: str
    procedure_code: str | None
    line_number: int | None


def test_resolves_claim_denial_when_a_later_remit_pays():
    denial = Open("r1", "claim", None, None)
    assert resolves_denial(_remit(_line("71046", "250", "180", ("CO", "45", "70"))), denial)
    assert not resolves_denial(_remit(_line("71046", "250", "180", ("CO", "45", "70")), remit_id="r1"), denial)
    assert not resolves_denial(_remit(_line("71046", "250", "0", ("CO", "197", "250")), status="4"), denial)
    assert not resolves_denial(_remit(_line("71046", "-250", "-180", ("CO", "45", "-70")), status="22"), denial)
    assert not resolves_denial(_remit(_line("71046", "250", "0", ("CO", "45", "250"))), denial)


def test_resolves_line_denial_only_for_the_same_line_paid_without_a_new_denial():
    denial = Open("r1", "line", "97110", 2)
    assert resolves_denial(_remit(_line("97110", "160", "100", ("CO", "45", "60"), number=2)), denial)
    assert resolves_denial(_remit(_line("97110", "160", "100", ("CO", "45", "60"))), denial)  # no REF*6R echoed
    assert not resolves_denial(_remit(_line("97110", "160", "100", ("CO", "45", "60"), number=3)), denial)
    assert not resolves_denial(_remit(_line("99213", "160", "100", ("CO", "45", "60"), number=2)), denial)
    assert not resolves_denial(_remit(_line("97110", "160", "60", ("CO", "151", "100"), number=2)), denial)
    assert not resolves_denial(_remit(_line("97110", "160", "0", ("CO", "50", "160"), number=2)), denial)


def test_detected_denial_is_closed_by_its_later_payment():
    first = _remit(_line("99213", "100", "70", ("CO", "45", "30"), number=1),
                   _line("97110", "160", "0", ("CO", "50", "160"), number=2), remit_id="r1")
    [denial] = detect_denials(first)
    stored = Open("r1", denial.level, denial.procedure_code, denial.line_number)
    assert not resolves_denial(first, stored)
    later = _remit(_line("97110", "160", "110", ("CO", "45", "50"), number=2), remit_id="r3")
    assert resolves_denial(later, stored)
