"""A default entry written as the service's stated reason keeps its confidence; one doubted, denied, dated or
qualified in its item, or read anywhere else, goes to a coder. Sentences of our own wording."""
import pytest

from services.coding.domain.first_sight import (
    DEFAULT_ENTRY_NAME,
    STATED_REASON_NAME,
    calibrated,
)
from services.coding.domain.note_terms import CONFIDENCE
from services.coding.domain.stated_reason import stated_reason
from tests.unit.coding.test_conventions import tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_own_entry import _default_entry as _default_entry_of
from tests.unit.coding.test_own_entry import _span

pytestmark = pytest.mark.unit
THRESHOLD = 0.9


@pytest.mark.parametrize("note, term", [
    ("Labs: CBC, ferritin. Dx: anemia, Hgb 9.4.", "anemia"),
    ("Holter monitor ordered. Indication: syncope two days ago.", "syncope"),
    ("Requisition: stool studies. Reason: diarrhea for 9 days.", "diarrhea"),
    ("Order: MRI lumbar spine. Dx: r/o disc herniation; sciatica on the left.", "sciatica"),
    ("Urinalysis. Dx: possible pyelonephritis - flank pain and chills.", "flank pain"),
    ("EEG. Reason for referral: first unprovoked seizure.", "seizure"),
    ("Assessment: acute otitis media, amoxicillin started.", "otitis media"),
    ("Diagnoses (per GI): constipation, chronic.", "constipation"),
    ("Referred for insomnia that began after a night-shift rotation.", "insomnia"),
    ("Seen today for a left pleural effusion found on imaging.", "pleural effusion"),
    ("Her eating episodes meet criteria for bulimia nervosa.", "bulimia nervosa"),
    ("Pulmonary consult. 64M with a left pleural effusion on CT.", "pleural effusion"),
    ("Memory clinic. 79 yo F w/ Alzheimer's disease, living with her son.", "Alzheimer's disease"),
    ("Sleep clinic. 52 year old man with insomnia since a job change.", "insomnia"),
])
def test_a_condition_stated_as_the_services_reason(note, term):
    assert stated_reason(note, *_span(note, term))


@pytest.mark.parametrize("note, term", [
    ("Labs ordered. Dx: anemia? Recheck after iron.", "anemia"),  # doubted in its item
    ("Order: CXR. Indication: cough, pneumonia ruled out last visit.", "pneumonia"),  # denied in its item
    ("Dx: melanoma 2016, excised; skin check.", "melanoma"),  # dated in its item
    ("Dx: rebound headache from analgesics.", "headache"),  # a word before it names another code
    ("Indication: daytime sleepiness, observed apneas.", "apneas"),  # a word before it the index did not read
    ("Indication: r/o anemia.", "anemia"),  # doubted before it
    ("The anemia was treated last spring. Dx: fatigue.", "anemia"),  # outside the field
    ("She had an MRI done for headache in 2019.", "headache"),  # an earlier test's reason, not this visit's
    ("His symptoms do not meet criteria for panic disorder.", "panic disorder"),  # criteria not met
    ("Dx: family history of colon polyps; screening colonoscopy.", "colon polyps"),  # a relative's
    ("Dx: hypertension; family history: colon polyps.", "colon polyps"),  # a sub-label of the field
    ("Intake. 31F with low mood, poor appetite, insomnia for a month.", "insomnia"),  # not the first item
    ("Consult. 66M with a history of pleural effusion, now dyspneic.", "pleural effusion"),  # a history
    ("45F with a thyroid nodule removed in 2018.", "thyroid nodule"),  # dated
    ("70 year old F with status post repair of an inguinal hernia.", "inguinal hernia"),  # a procedure's past
])
def test_a_condition_the_field_qualifies_or_that_stands_outside_it(note, term):
    assert not stated_reason(note, *_span(note, term))


def _default_entry(note: str, term: str, code=("R53.83", "Other fatigue")):
    return _default_entry_of(note, term, code)


def test_a_default_entry_stated_as_the_reason_keeps_its_confidence_and_says_why(tabular):  # noqa: F811
    note = "Lab order: TSH, CBC, CMP. Indication: fatigue for six weeks."
    [s] = calibrated([_default_entry(note, "fatigue")], note, tabular)
    assert s.confidence == CONFIDENCE["default"] >= THRESHOLD and s.convention == STATED_REASON_NAME
    assert "stated reason" in s.reason


def test_the_same_default_entry_in_an_aside_still_goes_to_a_coder(tabular):  # noqa: F811
    note = "Back pain after lifting boxes; some fatigue too. Ibuprofen and rest."
    [s] = calibrated([_default_entry(note, "fatigue")], note, tabular)
    assert s.confidence < THRESHOLD and s.convention == DEFAULT_ENTRY_NAME


def test_a_stated_disorder_whose_note_says_remission_goes_to_a_coder(tabular):  # noqa: F811
    note = "41F with major depression. Off sertraline since spring; mood stable, in full remission."
    code = ("F32.9", "Major depressive disorder, single episode, unspecified")
    [s] = calibrated([_default_entry(note, "major depression", code)], note, tabular)
    assert s.confidence < THRESHOLD and s.convention == DEFAULT_ENTRY_NAME
    [kept] = calibrated([_default_entry(note.replace("in full remission", "improving"), "major depression", code)],
                        note.replace("in full remission", "improving"), tabular)
    assert kept.confidence >= THRESHOLD and kept.convention == STATED_REASON_NAME
