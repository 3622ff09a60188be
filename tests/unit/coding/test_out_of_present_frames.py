"""Conditions a sentence places out of the present (the past itself, a relative, a prevention) are not billed as
current, and the same condition stated now still is."""
import pytest

from tests.unit.coding.test_context_triggers import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, history, out", [
    # the past itself, written after the condition
    ("Knee pain today. Kidney stones in the past, ureteroscopy then.", "Z87.442", "N20"),
    ("Panic disorder in the distant past, off sertraline for a decade.", "Z86.59", "F41"),
    ("Ortho: R hip pain. Gout in the remote past - no attacks since 2012.", None, "M10"),
    # episodes counted, then none for years
    ("Renal colic from kidney stones x3, none for the last 6 yrs.", "Z87.442", "N20"),
    # a flare or a recurrence denied does not keep a dated condition current
    ("Gout 10 years ago, no flares since; BP fine.", None, "M10"),
    ("Pneumonia as a child without recurrence.", None, "J18"),
    # a kind named before the condition is not its course
    ("Severe persistent asthma as a child; no inhaler since 14.", None, "J45"),
    ("Recurrent strep tonsillitis as a kid, T&A at 6.", None, "J03"),
    # the condition's own qualifier between its word and the time
    ("Facial nerve palsy (Bell's) of the right side as a teenager, recovered fully.", None, "G51"),
    ("Asthma with status asthmaticus as a child; no inhalers for 20 years.", None, "J45"),
    ("Cubital tunnel syndrome of the left elbow in the past, release done.", None, "G56"),
    # "recurrent" in a depression's name is its kind, not a recurrence
    ("Major depressive disorder, recurrent, mild as a young adult; well since.", "Z86.59", "F33"),
    # what a prophylaxis prevents
    ("Plan: incentive spirometry as prophylaxis against pneumonia after surgery.", None, "J18"),
    ("Pantoprazole as prophylaxis for GERD while on prednisone.", None, "K21"),
    ("Amiodarone for prophylaxis of atrial fibrillation after CABG.", None, "I48"),
    # a spouse's stroke left the spouse the deficits
    ("Lives with his wife, who has left hemiplegia after a CVA.", None, "I69"),
    ("Husband with R hemiparesis s/p stroke; she is his caregiver.", None, "I69"),
])
def test_a_condition_placed_out_of_the_present_is_not_billed(suggest, note, history, out):
    found = {s.code for s in suggest(note) if s.confidence >= 0.90}
    assert out not in {code[:3] for code in found} and (history is None or history in found)


@pytest.mark.parametrize("note, kept", [
    # a span up to today is no past
    ("Two gout attacks in the past 3 months, L great toe; colchicine prn.", "M10"),
    ("Migraine in the past several weeks, 8 headache days a month.", "G43"),
    # a course written after it, episodes that may be this visit's
    ("Asthma as a teen, persistent into his 30s, on an ICS daily.", "J45"),
    ("Syncope x2, none since; orthostatics today.", "R55"),
    # a prevented attack disorder is treated; a condition further on is not what is prevented
    ("Propranolol started as prophylaxis against migraine with aura.", "G43"),
    ("Allopurinol for prophylaxis of gout attacks; gout of L ankle.", "M10"),
    ("Rivaroxaban as prophylaxis of stroke in persistent atrial fibrillation.", "I48"),
    # a qualifier whose words say it began then, or is back
    ("Asthma with exacerbations since diagnosis as a child, using albuterol weekly now.", "J45"),
    ("MDD, recurrent, severe as a teen and again this spring, PHQ-9 21.", "F33"),
    # the patient's own deficits after a stroke
    ("Old stroke with residual left hemiparesis, walks with a cane.", "I69"),
])
def test_the_same_condition_stated_now_is_still_read(suggest, note, kept):
    assert kept in {s.code[:3] for s in suggest(note)}
