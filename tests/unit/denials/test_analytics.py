"""Denial analytics from figures summed per key: what one adjudication or denial adds to them, and the
analytics read back from them (rates, shares, root causes, SLA)."""
import random
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

import pytest

from services.denials.domain.analytics import (
    Adjudication, AdjudicationFigure, DenialFact, DenialFigure, adjudication_figures, analytics_from_figures,
    denial_analytics, denial_figures, root_causes, top_causes,
)
from services.denials.domain.queue import SlaFigures, sla_due, sla_from_figures, sla_summary

pytestmark = pytest.mark.unit

D = Decimal
ON = date(2026, 11, 2)


def adjudication(payer, npi, codes, denied_codes=(), on=ON) -> Adjudication:
    return Adjudication(payer, npi, tuple(codes), tuple(denied_codes), bool(denied_codes), on)


def denial(payer, carcs, category, code, amount, preventable=True, action="appeal") -> DenialFact:
    return DenialFact(payer, tuple(carcs), category, code, "111", D(amount), preventable, action, ON)


ADJUDICATIONS = [adjudication("AETNA", "111", ["99213", "71046"], ["71046"]),
                 adjudication("AETNA", "222", ["99213", "99213"]),
                 adjudication("BCBS", None, ["99214"], on=date(2026, 10, 30))]
DENIALS = [denial("AETNA", ["197", "16"], "authorization", "71046", "65.00"),
           denial("AETNA", ["197"], "authorization", "71046", "35.00", action="correct"),
           denial("AETNA", ["197"], "authorization", "71046", "10.00", action="correct"),
           denial("BCBS", ["50"], "medical_necessity", None, "120.00", preventable=False)]


def test_a_claim_payment_counts_once_per_key_and_a_procedure_is_denied_only_when_its_code_was():
    figures = {(f.dimension, f.key): (f.adjudicated, f.denied) for f in adjudication_figures(ADJUDICATIONS)}
    assert figures[("procedure", "99213")] == (2, 0) and figures[("procedure", "71046")] == (1, 1)
    assert figures[("payer", "AETNA")] == (2, 1) and ("provider", None) not in figures
    assert figures[("month", "2026-11")] == (2, 1) and figures[("month", "2026-10")] == (1, 0)


def test_the_analytics_of_the_figures_count_rate_and_rank():
    report = denial_analytics(ADJUDICATIONS, DENIALS, top=5)
    assert (report["adjudicated_claims"], report["denied_claims"], report["denial_rate"]) == (3, 1, D("0.3333"))
    assert [r["key"] for r in report["by_payer"]] == ["AETNA", "BCBS"]
    assert [r["key"] for r in report["by_month"]] == ["2026-10", "2026-11"]
    assert report["by_carc"][0] == {"key": "50", "denials": 1, "amount": D("120.00")}
    assert {r["key"]: r["denials"] for r in report["by_carc"]} == {"197": 3, "16": 1, "50": 1}
    assert report["preventable"] == {"denials": 3, "share": D("0.7500"), "amount": D("110.00")}
    assert report["denied_amount"] == D("230.00")


def test_a_root_cause_gathers_its_reasons_and_recommends_what_most_of_its_denials_carry():
    first, second = denial_analytics([], DENIALS, top=5)["top_root_causes"]
    assert (first["payer_id"], first["procedure_code"], first["preventable"]) == ("BCBS", None, False)
    assert second == {"payer_id": "AETNA", "category": "authorization", "procedure_code": "71046", "denials": 3,
                      "amount": D("110.00"), "preventable": True, "carc_codes": ["16", "197"],
                      "recommended_action": "correct"}
    assert len(denial_analytics([], DENIALS, top=1)["top_root_causes"]) == 1


def test_figures_summed_over_days_give_the_same_analytics_as_the_rows():
    days = [adjudication_figures(ADJUDICATIONS[:1]), adjudication_figures(ADJUDICATIONS[1:])]
    summed: dict = {}
    for figure in days[0] + days[1]:
        n, denied = summed.get((figure.dimension, figure.key), (0, 0))
        summed[figure.dimension, figure.key] = (n + figure.adjudicated, denied + figure.denied)
    figures = [AdjudicationFigure(d, k, n, denied) for (d, k), (n, denied) in summed.items()]
    assert analytics_from_figures(figures, denial_figures(DENIALS)) == denial_analytics(ADJUDICATIONS, DENIALS)


def test_no_figures_make_empty_analytics():
    report = analytics_from_figures([], [])
    assert (report["adjudicated_claims"], report["denial_rate"], report["denied_amount"]) == (0, None, D("0.00"))
    assert report["preventable"] == {"denials": 0, "share": None, "amount": D("0.00")}
    assert DenialFigure("all", "", 0, D(0)) not in denial_figures([])


def test_the_sla_counts_acted_denials_and_the_due_ones_still_waiting():
    opened = date(2026, 11, 2)
    due = sla_due(opened)
    today = due + timedelta(days=1)
    summary = sla_summary([(due, opened + timedelta(days=1), 3), (due, None, 1)],
                          [(due, 1), (sla_due(today - timedelta(days=1)), 2)], today)
    assert summary["attainment"] == "0.7500" and summary["meets_target"] is False
    assert (summary["waiting"], summary["breached"], summary["at_risk"]) == (3, 1, 0)
    assert sla_summary([], [], today)["attainment"] is None


def _sla_figures(denials, today) -> SlaFigures:
    """What the database keeps of (due, acted on, still workable) denials: verdict counts, and the unacted
    and waiting ones due `today` or later per due day."""
    def due_days(rows):
        return tuple(Counter(due for due, _, _ in rows if due >= today).items())

    unacted = [d for d in denials if d[1] is None]
    waiting = [d for d in unacted if d[2]]
    return SlaFigures(met=sum(1 for due, acted, _ in denials if acted is not None and acted <= due),
                      missed=sum(1 for due, acted, _ in denials if acted is not None and acted > due),
                      unacted=len(unacted), waiting=len(waiting), unacted_due=due_days(unacted),
                      waiting_due=due_days(waiting))


@pytest.mark.parametrize("seed", range(40))
def test_the_sla_from_verdict_counts_and_the_due_days_ahead_equals_the_sla_of_the_denials(seed):
    rng = random.Random(seed)
    today = date(2026, 12, 3) + timedelta(days=rng.randint(0, 6))
    denials = []
    for _ in range(rng.randint(0, 60)):
        due = sla_due(today - timedelta(days=rng.randint(-3, 40)))
        acted = None if rng.random() < 0.4 else due + timedelta(days=rng.randint(-10, 5))
        denials.append((due, acted, acted is None and rng.random() < 0.7))
    expected = sla_summary([(due, acted, 1) for due, acted, _ in denials],
                           [(due, 1) for due, acted, workable in denials if acted is None and workable], today)
    assert sla_from_figures(_sla_figures(denials, today), today) == expected


def test_only_the_top_causes_need_their_reasons():
    figures = denial_figures(DENIALS)
    assert top_causes(figures, top=1) == [("BCBS", "medical_necessity", None)]
    assert top_causes(figures, top=5) == [("BCBS", "medical_necessity", None), ("AETNA", "authorization", "71046")]
    kept = set(top_causes(figures, top=1))
    without_others = [f for f in figures if f.dimension in ("all", "cause") or f.key[:3] in kept]
    assert root_causes(without_others, top=1) == root_causes(figures, top=1)
