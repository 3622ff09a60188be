"""Two readings found on everyday visits: "MI" right after a substance's use heading its item is motivational
interviewing, not an infarction; oxygen by its flow ("3 L of O2 with activity", "O2-dependent") is the
supplemental oxygen the patient lives on, unless the flow is the one a saturation was measured on."""
import pytest

from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

_INFARCTIONS = ("I21", "I22", "I25.2")


def _codes(suggest, note: str) -> dict[str, float]:
    return {s.code: s.confidence for s in suggest(note)}


@pytest.mark.parametrize("note", [
    "Plan: 1. Marijuana use, daily - MI, pt wants to cut back.",
    "A/P: 1. HTN - amlodipine. 2. Alcohol use disorder: MI about drinking less on weekends.",
    "A/P: 1. Smoking - MI today, not ready to set a quit date.",
    "Impression: opioid use disorder on buprenorphine - MI x 20 min.",
])
def test_an_interview_about_a_substance_is_no_infarction(suggest, note):
    assert not any(code.startswith(_INFARCTIONS) for code in _codes(suggest, note))


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. Tobacco use - MI 2021, on aspirin and statin.", "I25.2"),
    ("A/P: 1. Tobacco use - MI 3 yr ago, stable.", "I25.2"),
    ("PMH: smoking, T2DM, MI.", "I25.2"),
    ("A/P: 1. Hx MI 2019 - continue aspirin.", "I25.2"),
])
def test_an_infarction_in_a_smokers_history_stays(suggest, note, code):
    assert code in _codes(suggest, note)


@pytest.mark.parametrize("note", [
    "A/P: 1. Pulmonary fibrosis on 3 L of O2 with activity - continue.",
    "A/P: 1. HTN - lisinopril. 2. COPD, O2-dependent, 2 L at night - continue.",
    "A/P: 1. Chronic hypoxemic respiratory failure - continue 2 L oxygen with exertion.",
])
def test_oxygen_by_its_flow_is_a_dependence(suggest, note):
    assert _codes(suggest, note).get("Z99.81", 0) >= 0.90


@pytest.mark.parametrize("note", [
    "Walk test: sat 88% on RA, 94% on 2 L O2 with walking.",
    "A/P: 1. COPD, dyspnea on exertion - start 2 L O2 with exertion, DME order.",
])
def test_a_flow_measured_or_started_at_the_visit_is_not(suggest, note):
    assert "Z99.81" not in _codes(suggest, note)
