"""Radiation a cancer still treated has already had, chemotherapy named by its regimen, an IV antibiotic's trough as
its monitoring, and a level drawn for a suspected toxicity that is not; each alone and after another problem."""
import pytest

from tests.unit.coding.test_note_readings import FRAMES, billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, code", [
    ("Breast ca R 2018 s/p lumpectomy and radiation, now on letrozole.", "Z92.3"),
    ("Breast cancer L s/p mastectomy and XRT 2021, now on tamoxifen.", "Z92.3"),
    ("Hx colon ca 2019 s/p colectomy and adjuvant FOLFOX, NED.", "Z92.21"),
    ("History of Hodgkin lymphoma 2005, treated with ABVD, no disease since.", "Z92.21"),
    ("Cellulitis R leg on IV vancomycin day 4; vancomycin trough drawn this morning, 14.", "Z51.81"),
    ("Osteomyelitis L foot on IV gentamicin, gentamicin level today before dose 3.", "Z51.81"),
    ("Atrial flutter on amiodarone long term - monitoring for liver and lung toxicity.", "Z51.81"),
])
def test_a_treatment_given_or_a_level_watched_is_coded(suggest, frame, item, code):
    assert code in billed(suggest, frame.format(item))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, code", [
    ("Breast ca L s/p lumpectomy, radiation in progress, wk 3 of 5.", "Z92.3"),
    ("Prostate ca s/p prostatectomy, XRT to start next month.", "Z92.3"),
    ("Breast ca R, radiation planned after lumpectomy.", "Z92.3"),
    ("Mother had breast ca treated with radiation.", "Z92.3"),
    ("Lung ca s/p lobectomy, on chemo, cycle 3 today.", "Z92.21"),
    ("Colon ca stage III, FOLFOX cycle 4 today.", "Z92.21"),
    ("Cellulitis R leg on IV vancomycin day 4; vancomycin trough in 2 days.", "Z51.81"),
    ("HF on digoxin long term; vomiting, digoxin level drawn to rule out digoxin toxicity.", "Z51.81"),
    ("Lithium long term; level drawn today for suspected lithium toxicity.", "Z51.81"),
])
def test_a_planned_running_or_relatives_course_or_a_suspected_toxicity_is_not(suggest, frame, item, code):
    assert code not in billed(suggest, frame.format(item))
