"""Migraine, epilepsy, Parkinson's disease, multiple sclerosis, tension-type headache and concussion take the
characters their sentence states; a single nerve's neuropathy is not polyneuropathy."""
import pytest

from services.coding.domain.conventions import apply_conventions
from services.coding.domain.neurology_findings import single_nerve_neuropathy
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


# the note, the codes made from it: each axis the sentence states, a denied one not stated
NOTES = [
    ("Migraine with aura, refractory to three preventives.", ["G43.119"]),
    ("Migraine with visual aura, not intractable.", ["G43.109"]),
    ("Common migraine with status migrainosus since Monday, pharmacoresistant.", ["G43.011"]),
    ("Migraine without aura, well controlled on propranolol.", ["G43.009"]),
    ("Chronic migraine, poorly controlled despite onabotulinumtoxinA.", ["G43.719"]),
    ("Menstrual migraine, treatment resistant.", ["G43.839"]),
    ("Migraine without aura in a patient with chronic kidney disease.", ["G43.009"]),
    ("Migraine, no status migrainosus, not intractable.", ["G43.909"]),
    # "no aura" written as an axis of its own is the index's "without aura"
    ("Migraine, poorly controlled, no aura.", ["G43.019"]),
    ("Migraines: no aura, refractory to two preventives, no status migrainosus.", ["G43.019"]),
    ("Migraine without an aura, not intractable.", ["G43.009"]),
    ("Chronic migraine, no aura, intractable.", ["G43.719"]),
    ("Migraine with aura; no aura before the last two attacks.", ["G43.109"]),
    ("Juvenile myoclonic epilepsy, seizure-free on lamotrigine.", ["G40.B09"]),
    ("Absence epilepsy, intractable.", ["G40.A19"]),
    ("Symptomatic localization-related epilepsy with complex partial seizures, drug resistant.", ["G40.219"]),
    ("Focal epilepsy with simple partial seizures.", ["G40.109"]),
    ("Idiopathic generalized epilepsy with status epilepticus last month.", ["G40.301"]),
    ("Seizure disorder, stable on levetiracetam.", ["G40.909"]),
    ("Epilepsy with absence of seizures for two years.", ["G40.909"]),
    ("Focal epilepsy, on carbamazepine.", []),  # a type the rule does not settle: left to the index
    ("Parkinson's disease, tremor-predominant, on carbidopa-levodopa.", ["G20.A1"]),
    ("Parkinson disease with peak-dose dyskinesias.", ["G20.B1"]),
    ("Parkinson's disease with on-off fluctuations and dyskinesia.", ["G20.B2"]),
    ("Parkinson's disease: levodopa wears off before the next dose, no dyskinesia.", ["G20.A2"]),
    ("Parkinson disease without dyskinesia or motor fluctuations.", ["G20.A1"]),  # the denial carries over "or"
    # a follow-up names the disease, then its course in the next sentence
    ("Parkinson disease f/u, dx 2019. Now w/ wearing-off episodes and peak-dose dyskinesias.", ["G20.B2"]),
    ("Parkinson disease, on levodopa. Tardive dyskinesia from prior haloperidol.", ["G20.A1"]),
    ("Multiple sclerosis, relapsing-remitting, on natalizumab.", ["G35.A"]),
    ("Multiple sclerosis with left optic neuritis in 2019.", ["G35.D"]),
    ("Secondary progressive multiple sclerosis.", []),
    ("Chronic tension-type headache.", ["G44.229"]),
    ("Episodic tension headaches, intractable.", ["G44.211"]),
    ("Tension-type headache after long shifts.", ["G44.209"]),
    ("Episodic cluster headache, on verapamil.", ["G44.019"]),
    ("Cluster headaches, refractory.", ["G44.001"]),
    ("Concussion without loss of consciousness, initial encounter.", ["S06.0X0A"]),
    ("Concussion with brief LOC, initial encounter.", []),
    ("Concussion with LOC of about 2 minutes, initial encounter.", ["S06.0X1A"]),
    ("Concussion, lost consciousness < 30 sec, subsequent encounter.", ["S06.0X1D"]),
    ("Concussion with LOC for 40 minutes, initial encounter.", []),
    ("Focal epilepsy with impaired awareness seizures, intractable, on lacosamide.", ["G40.219"]),
    ("Focal epilepsy with preserved awareness seizures.", ["G40.109"]),
    ("Post-concussion syndrome after a fall 6 wks ago: persistent HA.", ["F07.81"]),
    ("Postconcussive syndrome, improving.", ["F07.81"]),
    ("Impression: idiopathic peripheral neuropathy. Plan: NCS.", ["G60.9"]),
    ("Hereditary neuropathy, stable.", ["G60.9"]),
]


@pytest.mark.parametrize("note, expected", NOTES)
def test_a_neurological_condition_takes_the_characters_its_sentence_states(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == expected


@pytest.mark.parametrize("note", ["No migraine; tension-type headache only.", "Mother has epilepsy.",
                                  "No idiopathic neuropathy on NCS.", "Possible post-concussion syndrome.",
                                  "Possible Parkinson's disease, DaTscan ordered."])
def test_a_denied_relative_or_uncertain_condition_is_not_made(tabular, note):
    assert not any(c.startswith(("G43", "G40", "G20", "G60", "F07")) for c in codes(apply_conventions([], note, tabular)))


def test_a_named_nerve_neuropathy_is_not_polyneuropathy(tabular):
    note = "EMG: ulnar neuropathy at the elbow. Separately, peripheral neuropathy of both feet."
    out, reasons = single_nerve_neuropathy(found(note, ("G62.9", "neuropathy at"), ("G62.9", "neuropathy of")),
                                           note, tabular)
    assert [s.evidence for s in out] == ["neuropathy of"] and reasons


@pytest.mark.parametrize("note, given, expected", [
    ("Bell's palsy on the right with facial droop.", [("G51.0", "Bell's palsy"), ("R29.810", "facial droop")],
     ["G51.0"]),
    ("Follow-up visit for a concussion without loss of consciousness. Headache and dizziness better.",
     [("R51.9", "Headache"), ("R42", "dizziness")], ["S06.0X0D"]),
])
def test_the_symptoms_of_the_neurological_diagnosis_are_not_coded_beside_it(tabular, note, given, expected):
    assert codes(apply_conventions(found(note, *given), note, tabular)) == expected



@pytest.mark.parametrize("note, expected", [
    ("Impression: syncope, most likely vasovagal.", ["R55"]), ("Vasovagal syncope after a blood draw.", ["R55"]),
    ("Presyncope when standing.", ["R55"]), ("Orthostatic syncope on diuretics.", []), ("Denies syncope.", []),
])
def test_syncope_is_r55_except_the_kinds_the_index_sends_elsewhere(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == expected
