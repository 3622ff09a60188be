"""Valve lesions and rheumatic diseases written as clinics write them: an abbreviation shared with other words is
read only where its item decides it, a valve graded or studied or a spine disease's words; written alone it stays
uncoded; the index's own entries for the common names (mitral stenosis, tricuspid regurgitation, CPPD, giant cell
arteritis, scleroderma, lupus with an organ, ankylosing spondylitis by region)."""
import pytest

from services.coding.domain.valve_and_spine_shorthand import spine_disease, valve_lesion
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _at(text: str, abbreviation: str) -> tuple[str, int, int]:
    start = text.index(abbreviation)
    return text, start, start + len(abbreviation)


@pytest.mark.parametrize("text, abbreviation", [
    ("2. Moderate-severe AS, AVA 0.9", "AS"),
    ("Echo today: severe MR with flail leaflet", "MR"),
    ("3. TR - RVSP 45 on TTE", "TR"),
    ("1. AI, 3+ regurgitant jet", "AI"),
])
def test_a_graded_or_studied_valve_is_a_lesion(text, abbreviation):
    assert valve_lesion(*_at(text, abbreviation))


@pytest.mark.parametrize("text, abbreviation", [
    ("2. AS - f/u prn", "AS"),
    ("Cardiac MR: LVEF 52%", "MR"),
    ("MR brain w/o contrast ordered", "MR"),
    ("Echo: trace TR, normal valves", "TR"),
    ("1. AI on hydrocortisone, stress dosing reviewed", "AI"),
    ("AS, HLA-B27 positive, on etanercept", "AS"),
])
def test_an_abbreviation_its_item_does_not_make_a_valve_is_not_one(text, abbreviation):
    assert not valve_lesion(*_at(text, abbreviation))


def test_the_spine_disease_needs_its_words_and_no_valve():
    assert spine_disease(*_at("4. AS - BASDAI 2, continue certolizumab", "AS"))
    assert not spine_disease(*_at("4. AS - continue follow-up", "AS"))
    assert not spine_disease(*_at("4. Severe AS, rheum says no TNF", "AS"))


@pytest.mark.parametrize("note, code", [
    ("Assessment: 1. Mild AS on TTE - recheck in 2 yrs.", "I35.0"),
    ("Impression: 2. Moderate MR, LVEF 55%.", "I34.0"),
    ("Plan: 3. Severe TR - diuresis, repeat echo.", "I07.1"),
    ("Plan: rheumatic mitral stenosis follow-up; 1. Mitral stenosis, MVA 1.3 cm2.", "I05.0"),
    ("Plan: 1. AS - HLA-B27 pos, continue etanercept.", "M45.9"),
    ("Plan: 1. Ankylosing spondylitis of the cervical spine - PT.", "M45.2"),
    ("Dx: CPPD, no flare since spring.", "M11.20"),
    ("A/P: 2. GCA - tocilizumab weekly, ESR 12.", "M31.6"),
    ("A/P: 2. Giant cell arteritis with PMR - prednisone taper.", "M31.5"),
    ("A/P: 1. SSc with Raynaud's - nifedipine.", "M34.9"),
    ("A/P: 1. SLE nephritis, class V - on MMF.", "M32.14"),
    ("A/P: 1. Lupus pericarditis - colchicine.", "M32.12"),
    ("A/P: 1. nr-axSpA - start NSAID trial.", "M45.A0"),
    ("A/P: 1. Pulmonary MAC - azithro, ethambutol, rifampin.", "A31.0"),
])
def test_the_clinic_name_reads_its_index_entry(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, category", [
    ("A/P: 1. Known AS.", "I35"),
    ("A/P: 1. Known AS.", "M45"),
    ("A/P: 1. Primary AI - continue hydrocortisone.", "I35"),
    ("A/P: 1. MS - on natalizumab, JCV negative.", "I05"),
    ("Echo: RA dilated, trace TR, trivial MR.", "I07"),
    ("Echo: RA dilated, trace TR, trivial MR.", "I34"),
    ("Cardiac MR: LGE absent, LVEF 58%.", "I34"),
    ("A/P: 1. Morphea of the trunk - topical steroid.", "M34"),
    ("A/P: 1. HTN. Echo: no AS, no MR.", "I35"),
])
def test_an_undecided_or_normal_name_is_not_billed(suggest, note, category):
    assert not any(code.startswith(category) for code in billed(suggest, note))


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. HTN - continue lisinopril. 2. T2DM - metformin.", "I10"),
    ("A/P: 1. RA - on MTX, joints quiet.", "M06.9"),
    ("A/P: 1. Aortic stenosis, severe - TAVR eval.", "I35.0"),
    ("A/P: 1. Mitral regurgitation - echo yearly.", "I34.0"),
])
def test_controls_stay_coded(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, category", [
    ("Cardiology f/u, 69F. Mechanical AVR 2015 for severe AS; INR 2.7 on warfarin.", "I35"),
    ("Echo: trace tricuspid regurgitation, physiologic; normal valves.", "I07"),
])
def test_a_replaced_valve_and_a_physiologic_leak_are_no_lesion(suggest, note, category):
    assert not any(code.startswith(category) for code in billed(suggest, note))


def test_a_murmur_beside_a_physiologic_leak_stays_coded(suggest):
    assert "R01.1" in billed(suggest, "Echo. Indication: murmur. Trace tricuspid regurgitation, physiologic.")
