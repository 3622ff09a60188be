"""Rheumatology subtypes in the shorthand rheumatologists write (the factor, tophi, the eponym without its
umlaut, pseudogout) read to the tabular's own subterm, and a relative's dementia, Alzheimer's, Parkinson's,
bipolar disorder or autism read to its family history code, never to the patient's condition; the patient's own
stays coded. Sentences of our own wording, each alone and after another problem."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

_AFTER_ANOTHER = "A/P: 1. Essential HTN - losartan 50 unchanged. 2. {}"


def _both(sentence: str) -> list[str]:
    return [f"A/P: 1. {sentence}", _AFTER_ANOTHER.format(sentence)]


@pytest.mark.parametrize("sentence, code", [
    ("RF-pos RA - stable on leflunomide.", "M05.9"),
    ("Rheumatoid arthritis, seropositive - tapering prednisone.", "M05.9"),
    ("Seronegative RA, well controlled on hydroxychloroquine.", "M06.00"),
    ("RF negative RA of multiple joints, etanercept weekly.", "M06.09"),
    ("Tophaceous gout, uric acid 7.9 - raise allopurinol.", "M1A.9XX1"),
    ("Chronic gout, no tophi, urate 5.2 on allopurinol.", "M1A.9XX0"),
    ("Sjogren's - pilocarpine per rheum.", "M35.00"),
    ("Pseudogout of the right knee, tapped today.", "M11.261"),
    ("RA with ILD - HRCT stable, PFTs in 6 mo.", "M05.10"),
])
def test_the_rheumatology_shorthand_is_its_subterm(suggest, sentence, code):
    for note in _both(sentence):
        assert code in billed(suggest, note), note


@pytest.mark.parametrize("sentence, wrong", [
    ("RF-pos RA - stable on leflunomide.", "M06.9"),  # the factor is stated: not the unspecified arthritis
    ("Tophaceous gout, uric acid 7.9 - raise allopurinol.", "M10.9"),  # tophi make it chronic gout
    ("Seropositive RA of the left wrist, injected.", "M05.9"),  # a site named: not the unspecified site's code
])
def test_the_less_specific_reading_is_gone(suggest, sentence, wrong):
    for note in _both(sentence):
        assert wrong not in billed(suggest, note), note


@pytest.mark.parametrize("sentence, family_code, own", [
    ("FHx: maternal grandfather - dementia.", "Z81.8", "F03"),
    ("Dad w/ Alzheimer's, dx in his 70s.", "Z82.0", "G30"),
    ("Family hx significant for Alzheimer's.", "Z82.0", "G30"),
    ("Mom with Parkinson's since 2015.", "Z82.0", "G20"),
    ("Uncle had PD.", "Z82.0", "G20"),
    ("Sister has bipolar.", "Z81.8", "F31"),
    ("Son - autism, in ABA therapy.", "Z81.8", "F84"),
    ("FH: mother - seropositive RA.", "Z82.61", "M05"),
])
def test_a_relatives_condition_is_family_history_only(suggest, sentence, family_code, own):
    for note in _both(sentence):
        codes = billed(suggest, note)
        assert family_code in codes, note
        assert not any(code.startswith(own) for code in codes), note


@pytest.mark.parametrize("sentence, code", [
    ("Dementia - donepezil 10 mg nightly, safety at home reviewed.", "F03.90"),
    ("Parkinson's - carbidopa-levodopa, no dyskinesia.", "G20.A1"),
    ("Autism - speech therapy weekly.", "F84.0"),
    ("Seropositive RA - methotrexate 15 mg weekly. Mother had Alzheimer's.", "M05.9"),
])
def test_the_patients_own_condition_stays_coded(suggest, sentence, code):
    for note in _both(sentence):
        assert code in billed(suggest, note), note
