"""Infections read as the index files them: an influenza typed A or B, postherpetic
neuralgia, COVID-19 with its pneumonia, a carrier of MRSA or MSSA (a carrier is not an infection), C. difficile by
recurrence and herpes simplex by site. Sentences of our own wording."""
import pytest

from tests.unit.coding.test_conventions import tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected, not_expected", [
    ("A/P: influenza A, started oseltamivir 75 mg BID.", "J10.1", "J11.1"),
    ("Urgent care: flu B with cough and sore throat, day 2.", "J10.1", "J11.1"),
    ("Assessment: postherpetic neuralgia of the left T10 dermatome - gabapentin.", "B02.29", None),
    ("Neuro f/u: PHN along the trigeminal V1 branch, on carbamazepine.", "B02.22", None),
    ("Pre-op nares screen: MRSA carrier - mupirocin x 5 days.", "Z22.322", "B95.62"),
    ("Colonized with MRSA; no active infection.", "Z22.322", "B95.62"),
    ("Nasal PCR shows MSSA colonization before the arthroplasty.", "Z22.321", "B95.61"),
    ("A/P: COVID-19 pneumonia, day 5 of illness, SpO2 95% on room air.", "J12.82", "J18.9"),
    ("CXR: multifocal pneumonia due to COVID-19.", "J12.82", "J18.9"),
    ("A/P: C. diff colitis - oral vancomycin 125 mg QID x 10 days.", "A04.72", "K52.9"),
    ("Recurrent C. difficile infection, second episode this year - fidaxomicin.", "A04.71", "A04.72"),
    ("Assessment: herpes labialis - valacyclovir at the first tingle.", "B00.1", None),
    ("A/P: cold sore on the upper lip, day 1.", "B00.1", None),
    ("Genital herpes, recurrent outbreak - acyclovir.", "A60.00", None),
    ("Assessment: hepatitis A after a shellfish meal, LFTs trending down.", "B15.9", "B19.9"),
    ("A/P: acute hepatitis A, IgM positive - rest, fluids, no alcohol.", "B15.9", "B17.9"),
])
def test_an_infection_in_the_words_clinics_use_meets_its_code(suggest, note, expected, not_expected):
    codes = billed(suggest, note)
    assert expected in codes
    assert not_expected is None or not_expected not in codes


@pytest.mark.parametrize("note, kept_out", [
    ("Rapid flu A/B negative; viral URI, supportive care.", "J10.1"),
    ("Influenza A negative, COVID negative.", "J10.1"),
    ("Had the flu a week ago, now better.", "J10.1"),
    ("Wound culture grew MRSA; abscess of the right thigh drained.", "Z22.322"),
    ("No postherpetic neuralgia after her shingles last year.", "B02.29"),
    ("Denies COVID-19 pneumonia in the past.", "J12.82"),
    ("Stool requisition: C. difficile toxin PCR. Dx: diarrhea x 3 days.", "A04.72"),
    ("Personal history of C. difficile colitis, treated 2 months ago with vancomycin.", "A04.72"),
    ("Rule out C. diff infection; stool studies sent.", "A04.72"),
    ("Travel clinic: hepatitis A vaccine #1 today, typhoid oral series.", "B15.9"),
    ("Hepatitis A immune by IgG; no vaccine needed.", "B15.9"),
    ("Toddler check: hep A #1 and varicella given.", "B15.9"),
    ("Hepatitis A as a teenager, recovered.", "B15.9"),
])
def test_denied_supposed_past_or_infecting_organisms_are_not_read_so(suggest, note, kept_out):
    assert kept_out not in billed(suggest, note)
