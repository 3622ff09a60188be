"""An infarction dated past its first four weeks is old (I25.2); an angina that was a stent's reason and has not come
back is not the visit's; coronary atherosclerosis by its other names is I25.1-, not the index's I70.90."""
import pytest

from services.coding.domain.calcified_coronary_lesion import calcified_coronary_lesions
from services.coding.domain.clinical_findings import coronary_with_angina
from services.coding.domain.dated_infarction import dated_infarctions
from services.coding.domain.documented_findings import documented_findings
from services.coding.domain.treated_angina import treated_angina
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, evidence", [
    ("Cardiology f/u. s/p PCI with DES to RCA 7 weeks ago for NSTEMI. On DAPT.", "NSTEMI"),
    ("Anterior STEMI 5 months ago, EF now 50%.", "STEMI"),
    ("DES to mid LAD 3/2024 for NSTEMI, no events since.", "NSTEMI"),
    ("NSTEMI 2019, stent to RCA.", "NSTEMI"),  # as before: a year after it
])
def test_an_infarction_dated_past_four_weeks_is_an_old_infarction(tabular, note, evidence):
    out, reasons = dated_infarctions(found(note, ("I21.4", evidence)), note, tabular)
    assert codes(out) == ["I25.2"] and out[0].context == "history" and reasons


@pytest.mark.parametrize("note", [
    "NSTEMI 3 weeks ago, s/p DES to LAD; cardiac rehab.",
    "NSTEMI 2 days ago, admitted, cath tomorrow.",
    "Recent NSTEMI 6 weeks ago per outside records, still in hospital rehab, admitted.",
    "NSTEMI; stent placed.",
])
def test_an_infarction_within_four_weeks_or_undated_stays_acute(tabular, note):
    given = found(note, ("I21.4", "NSTEMI"))
    assert codes(dated_infarctions(given, note, tabular)[0]) == ["I21.4"]


def test_an_angina_that_was_a_stents_reason_and_has_not_recurred_leaves_coronary_disease_without_angina(tabular):
    note = "59F CAD, s/p DES to LAD 6 months ago for stable angina; no angina since. On clopidogrel."
    out, reasons = treated_angina(found(note, ("I20.89", "stable angina")), note, tabular)
    assert codes(out) == ["I25.10"] and out[0].evidence == "CAD" and reasons


@pytest.mark.parametrize("note", [
    "CAD with stable angina on isosorbide, s/p drug-eluting stent to LAD 2022.",  # the angina is current
    "s/p DES to LAD 6 months ago for stable angina, now recurrent exertional angina.",  # it came back
    "Known stable angina, stress test ordered; no stent yet.",
])
def test_a_current_or_recurred_angina_stays(tabular, note):
    given = found(note, ("I20.89", "stable angina"))
    assert treated_angina(given, note, tabular)[0] == given


def test_coronary_disease_with_angina_stays_one_code_beside_its_stent(tabular):
    note = "Cardiology: CAD with stable angina on isosorbide, s/p drug-eluting stent to LAD 2022."
    out, _ = coronary_with_angina(found(note, ("I20.89", "stable angina")), note, tabular)
    assert codes(out) == ["I25.118"]


@pytest.mark.parametrize("note, evidence", [
    ("A/P: 1. Coronary atherosclerosis - continue statin.", "Coronary atherosclerosis"),
    ("Atherosclerosis of native coronary arteries, no angina.", "Atherosclerosis of native coronary arteries"),
    ("A/P: 2. ASCVD - continue aspirin.", "ASCVD"),
])
def test_coronary_atherosclerosis_by_its_other_names_is_i25_10(tabular, note, evidence):
    given = found(note, ("I70.90", "therosclerosis" if "therosclerosis" in evidence else evidence))
    out, reasons = documented_findings(given, note, tabular)
    assert codes(out) == ["I25.10"] and reasons


@pytest.mark.parametrize("note", ["10-yr ASCVD 8%. Start atorvastatin.", "ASCVD risk score 12%.",
                                  "No coronary atherosclerosis on CTA.", "Father with ASCVD."])
def test_an_ascvd_risk_or_a_denied_or_relatives_coronary_atherosclerosis_is_not(tabular, note):
    assert [s.code for s in documented_findings([], note, tabular)[0] if s.code.startswith("I25")] == []


@pytest.mark.parametrize("note", ["CAD: cath showed a severely calcified proximal RCA lesion, treated with a DES.",
                                  "CAD; the LAD stenosis was heavily calcified, atherectomy done."])
def test_a_calcified_coronary_lesion_beside_coronary_atherosclerosis_adds_i25_84(tabular, note):
    out, reasons = calcified_coronary_lesions(found(note, ("I25.10", "CAD")), note, tabular)
    assert codes(out) == ["I25.10", "I25.84"] and reasons


@pytest.mark.parametrize("note, coded", [
    ("CAD. CT chest: coronary calcification, calcified granuloma RUL.", ("I25.10", "CAD")),  # not a vessel's lesion
    ("CAD; no calcified LAD lesion on IVUS.", ("I25.10", "CAD")),
    ("Echo: calcified aortic valve. HTN.", ("I10", "HTN")),  # no coronary atherosclerosis coded
])
def test_calcification_elsewhere_denied_or_without_coronary_atherosclerosis_adds_nothing(tabular, note, coded):
    given = found(note, coded)
    assert calcified_coronary_lesions(given, note, tabular)[0] == given
