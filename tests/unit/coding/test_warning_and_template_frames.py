"""Conditions named only in a warning, a drug's side effects, the patient's fear or reading, or a template's
answer are not billed as current, and the same condition stated now still is."""
import pytest

from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, out", [
    # return or ED precautions, and what to monitor or watch for
    ("Knee pain. ED precautions discussed for pulmonary embolism.", "I26"),
    ("Started glipizide; precautions reviewed re hypoglycemia.", "E16"),
    ("On prednisone burst - monitor carefully for hyperglycemia.", "R73"),
    ("Dad on amiodarone; nurse to watch closely for hypothyroidism.", "E03"),
    # a drug's side effects
    ("Adverse effects such as pancreatitis discussed with the GLP-1.", "K85"),
    ("Reviewed side effects incl. gynecomastia with spironolactone.", "N62"),
    # a risk or a warning the rule findings read as the term index does
    ("Discussed her high risk for COPD given 30 pk-yr.", "J44"),
    ("Pt counselled on pneumonia risk after splenectomy.", "J18"),
    ("Montelukast may cause depression; mood to be followed.", "F32"),
    # the patient's own fear or reading
    ("Anxious, worried that she might have multiple sclerosis; neuro exam normal.", "G35"),
    ("He researched online about gout after a friend's attack; no joint pain.", "M10"),
    ("Read up on palpitations after a smartwatch alert; reassured, ECG normal.", "R00"),
    # a template's answers: N, an empty box, a bare minus, a question answered no
    ("Intake checklist: Asthma - N, Seizures - N", "J45"),
    ("Sleep apnea: [ ]   Daytime somnolence: [x]", "G47.3"),
    ("ROS: chest pain -, dyspnea -, palpitations +", "R07"),
    ("Prior stroke? None. BP 128/80.", "Z86.73"),
])
def test_a_condition_only_warned_of_feared_or_answered_no_is_not_billed(suggest, note, out):
    found = {s.code for s in suggest(note) if s.confidence >= 0.90}
    assert not any(code.startswith(out) for code in found)


@pytest.mark.parametrize("note, kept", [
    # a monitor's own word names the reason: "Holter monitor for palpitations"
    ("Event monitor ordered for palpitations x2 wks.", "R00.2"),
    # a condition stated beside the warning is still the patient's
    ("COPD on tiotropium; return precautions for pneumonia reviewed.", "J44.9"),
    ("Gout of the L ankle, on allopurinol; side effects incl. rash reviewed.", "M10"),
    # a "?" that doubts the next word ends no item, nor hides the sign it follows
    ("Holter indication: palpitations - ?SVT.", "R00.2"),
    # a template's yes and a plus are no denial
    ("Checklist: Asthma - Y, on albuterol prn", "J45"),
    ("ROS: palpitations +, wheeze -", "R00.2"),
])
def test_the_same_condition_stated_now_is_still_read(suggest, note, kept):
    assert any(s.code.startswith(kept) and s.confidence >= 0.90 for s in suggest(note))
