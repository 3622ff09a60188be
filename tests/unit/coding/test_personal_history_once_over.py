"""A condition an operation or a finished course ended is its personal history (Z86.-), never the current code: a
benign tumour its dated operation removed, an overactive thyroid its thyroidectomy removed, a Cushing disease its
adenoma's resection ended, a deficiency made up beside a hypothyroidism. One still there, only
planned, kept in check by its drug, or a relative's, is not. A meningitis left "no sequelae", a subdural bleed its
drainage resolved, a cerebral infarct named by its territory with the recovery said, are over too."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, history, current", [
    ("Endo f/u. Acromegaly cured: pituitary macroadenoma, transsphenoidal resection 2016, IGF-1 normal since.",
     "Z86.018", "D35.2"),
    ("Endo. Cushing disease, endoscopic resection of a pituitary adenoma 2020, cortisol normal since.", "Z86.018",
     "D35.2"),
    ("Neuro f/u. Prolactinoma, transsphenoidal resection 2018, prolactin normal, off cabergoline.", "Z86.018", "D35.2"),
    ("Endo. Graves disease, s/p total thyroidectomy 2019; postsurgical hypothyroidism on levothyroxine 100 mcg.",
     "Z86.39", "E05.00"),
    ("Neuro. Bacterial meningitis 2012, no sequelae. Migraine on propranolol.", "Z86.61", "G00.9"),
    ("Neuro f/u. R chronic subdural hematoma, burr hole drainage 2021, resolved on CT.", "Z86.79", "I62.03"),
    ("Neuro. 77M, a thalamic infarct in 2018, full recovery. Now essential tremor.", "Z86.73", "I63.9"),
    ("Endo. Cushing disease, transsphenoidal resection of a pituitary adenoma 2017, cortisol normal since.", "Z86.39",
     "E24.0"),
    # a hypothyroidism elsewhere in the note is no radioiodine's hypothyroidism for a deficiency made up
    ("Lab order: TSH, B12. Dx: hypothyroidism on levothyroxine; hx of B12 deficiency, repleted, off injections.",
     "Z86.39", "E53.8"),
    ("Neuro. Remote L MCA infarct (2015) on MRI; he recovered fully, no residual deficits.", "Z86.73", "I63.9"),
    # a hypothyroidism is no thyroid ablation's for a Cushing syndrome over
    ("Endo. Hypothyroidism on levothyroxine. Cushing syndrome from prednisone 2019, tapered off 2020, cushingoid "
     "features resolved.", "Z86.39", "E24.9"),
])
def test_the_condition_its_operation_removed_is_history(suggest, note, history, current):
    codes = billed(suggest, note)
    assert history in codes and current not in codes


@pytest.mark.parametrize("note, history", [
    ("Endo. Pituitary macroadenoma, transsphenoidal resection planned next month.", "Z86.018"),
    ("Endo. Prolactinoma, transsphenoidal resection 2018, residual tumor, back on cabergoline.", "Z86.018"),
    ("Endo. Graves disease on methimazole 10 mg, TSH improving; thyroidectomy discussed.", "Z86.39"),
    # radioiodine may need repeating: the set codes its hypothyroidism alone
    ("Endo. Graves disease s/p RAI 2015, now postablative hypothyroidism on levothyroxine.", "Z86.39"),
    ("Endo. Graves disease, thyroidectomy for her sister; she is on methimazole.", "Z86.39"),
    ("Neuro. Chronic subdural hematoma L 2025, burr hole evacuation planned, not resolved.", "Z86.79"),
    ("Neuro. Subdural hematoma 2019 after a fall, burr hole drainage, resolved.", "Z86.79"),
    ("Neuro. Her father had a subdural hematoma 2020, drained, resolved.", "Z86.79"),
    ("Neuro. Viral meningitis last month, headaches persist.", "Z86.61"),
    ("Neuro. Lacunar infarct on MRI today, no residual deficits on exam.", "Z86.73"),
    ("Lab order: TSH, B12. Dx: hypothyroidism on levothyroxine; B12 deficiency on monthly injections.", "Z86.39"),
    ("Endo. Cushing disease, transsphenoidal resection of pituitary adenoma 2021, residual tumor, on osilodrostat.",
     "Z86.39"),
    ("Neuro. Her mother had a pontine infarct 2019, full recovery.", "Z86.73"),
    ("Endo. Hypothyroidism on levothyroxine. Cushing syndrome from prednisone, still on prednisone 10 mg.", "Z86.39"),
])
def test_a_condition_still_there_planned_held_or_a_relatives_is_not_history(suggest, note, history):
    assert history not in billed(suggest, note)
