"""A past episode told to its end after the condition ("in 2021, treated with steroids, now resolved"), and a
condition named as the reason for a procedure done at a past time ("cholecystectomy 2020 for gallstones"), are over:
not current conditions. Sentences of our own wording."""
import pytest

from services.coding.domain.note_text import current
from services.coding.domain.first_sight import stated_over_elsewhere
from services.coding.domain.spelling import Respeller
from services.coding.domain.suggestions import Suggestion

pytestmark = pytest.mark.unit


def _current(note: str, condition: str) -> bool:
    start = note.index(condition)
    return current(note, start, start + len(condition))


@pytest.mark.parametrize("note, condition", [
    ("Optic neuritis of the right eye in 2021, given IV methylprednisolone, vision recovered.", "Optic neuritis"),
    ("Vestibular neuritis last winter, dizzy for two weeks, then fully resolved.", "Vestibular neuritis"),
    ("Frozen shoulder on the right in 2020, regained full motion with stretching.", "Frozen shoulder"),
    ("Pityriasis rosea in June, itchy for a month, rash since cleared.", "Pityriasis rosea"),
    ("Hyponatremia 3 months ago from a thiazide, corrected after stopping it.", "Hyponatremia"),
    ("Reactive arthritis at 19, knee swelling for weeks, no relapse.", "Reactive arthritis"),
    ("Iron deficiency in the past, corrected.", "Iron deficiency"),
    ("Panic disorder in her twenties, treated with CBT in 2012, ended with the therapy.", "Panic disorder"),
    ("Sudden hearing loss on the left in March 2024, steroids given, hearing long since recovered.",
     "Sudden hearing loss"),
])
def test_a_dated_episode_told_to_its_end_is_not_current(note, condition):
    assert not _current(note, condition)


@pytest.mark.parametrize("note, condition", [
    # the end belongs to another subject of the clause
    ("Type 2 diabetes in 2015, on metformin, foot ulcer healed.", "Type 2 diabetes"),
    # the time dates the onset
    ("Psoriasis diagnosed in 2019 by dermatology, on adalimumab, plaques cleared.", "Psoriasis"),
    ("Ulcerative colitis since 2018 per the GI records, now resolved bleeding on mesalamine.", "Ulcerative colitis"),
    # not over, only in part, or back
    ("Bell palsy in May 2024, not fully recovered, mild droop persists.", "Bell palsy"),
    ("Gout of the left first MTP in 2023, resolved, flaring again this week.", "Gout"),
    ("Plantar fasciitis of the left heel in 2022, treated with orthotics, partially resolved.", "Plantar fasciitis"),
    # a time without an end
    ("Atrial fibrillation in 2021, rate controlled on metoprolol.", "Atrial fibrillation"),
])
def test_a_dated_condition_not_told_as_ended_is_current(note, condition):
    assert _current(note, condition)


@pytest.mark.parametrize("note, condition", [
    ("Prior mitral valve replacement in 2018 for mitral stenosis; INR at goal.", "mitral stenosis"),
    ("Laparoscopic cholecystectomy 2020 for symptomatic gallstones.", "gallstones"),
    ("Thyroidectomy 5 years ago for a multinodular goiter, on levothyroxine.", "multinodular goiter"),
    ("Indication: follow-up of mitral valve replacement 2017 for mitral stenosis.", "mitral stenosis"),
    ("Double lung transplant in 2019 for COPD; tacrolimus level today.", "COPD"),
    ("Orthotopic heart transplant 2016 for dilated cardiomyopathy. Biopsies show no rejection.",
     "dilated cardiomyopathy"),
])
def test_a_condition_a_past_procedure_was_done_for_is_not_current(note, condition):
    assert not _current(note, condition)


@pytest.mark.parametrize("note, condition", [
    ("Aortic valve replacement planned in 2026 for aortic stenosis.", "aortic stenosis"),
    ("Referred for cholecystectomy for gallstones.", "gallstones"),
    ("Carotid endarterectomy for carotid stenosis to be scheduled.", "carotid stenosis"),
    ("Listed for lung transplant for idiopathic pulmonary fibrosis.", "idiopathic pulmonary fibrosis"),
    # a graft's kidney disease may go on: a kidney transplant does not end it
    ("Kidney transplant 2018 for diabetic nephropathy; creatinine 1.6.", "diabetic nephropathy"),
])
def test_a_condition_a_procedure_is_only_planned_for_is_current(note, condition):
    assert _current(note, condition)


def test_regained_is_a_word_of_its_own_not_a_misspelt_retained():
    assert Respeller(["retained", "urine"]).meant("regained") is None


@pytest.mark.parametrize("note, condition", [
    ("Right cubital tunnel syndrome; left cubital tunnel release 2021, no numbness since.", "left cubital tunnel"),
    ("Umbilical hernia repair 4 years ago, scar intact.", "Umbilical hernia"),
])
def test_a_condition_named_by_a_past_procedure_on_it_is_not_current(note, condition):
    assert not _current(note, condition)


@pytest.mark.parametrize("note, condition", [
    ("Right carpal tunnel release planned for next month.", "Right carpal tunnel"),
    ("Inguinal hernia repair 2019, now a recurrent bulge on the same side.", "Inguinal hernia"),
])
def test_a_procedure_on_it_only_planned_or_undone_leaves_it_current(note, condition):
    assert _current(note, condition)


@pytest.mark.parametrize("note, condition, over", [
    ("Hypokalemia corrected with oral potassium, K 4.1 today.", "Hypokalemia", True),
    ("Hypocalcemia, corrected calcium 7.6, recheck.", "Hypocalcemia", False),
    ("Myopia, corrected with glasses.", "Myopia", False),
])
def test_a_deficiency_corrected_is_over_but_not_a_corrected_lab_value_or_sight(note, condition, over):
    assert _current(note, condition) is not over


def test_the_other_sides_procedure_does_not_send_a_current_syndrome_to_a_coder():
    note = "Impression: moderate right carpal tunnel syndrome. Left carpal tunnel release 2021, no symptoms since."
    start = note.index("carpal tunnel syndrome")
    current_side = Suggestion(code="G56.01", description="Carpal tunnel syndrome, right upper limb", confidence=0.94,
                              start=start, end=start + len("carpal tunnel syndrome"), evidence="carpal tunnel syndrome",
                              context="affirmed")
    assert stated_over_elsewhere([current_side], note) == [current_side]


@pytest.mark.parametrize("note, condition", [
    ("Pulmonary embolism after hip surgery in 2020, completed 6 months of rivaroxaban.", "Pulmonary embolism"),
    ("AV nodal reentrant tachycardia, slow pathway ablation 2 years ago, palpitations gone.",
     "AV nodal reentrant tachycardia"),
    ("Liver abscess drained by CT-guided drainage in August, antibiotics finished.", "Liver abscess"),
    ("Acute appendicitis, laparoscopic appendectomy 2019, no abdominal pain since.", "Acute appendicitis"),
])
def test_a_course_completed_or_an_ending_procedure_after_a_dated_condition_ends_it(note, condition):
    assert not _current(note, condition)


@pytest.mark.parametrize("note, condition", [
    ("Persistent atrial fibrillation, pulmonary vein ablation 2021, back in AF since spring.",
     "atrial fibrillation"),
    ("Symptomatic gallstones, cholecystectomy planned in March.", "gallstones"),
    ("Hypothyroidism in 2016 after a bout of thyroiditis, on levothyroxine, finished the group education sessions.",
     "Hypothyroidism"),
])
def test_a_procedure_that_did_not_end_it_or_a_course_of_learning_leaves_it_current(note, condition):
    assert _current(note, condition)


def test_a_condition_the_procedure_caused_is_not_what_it_ended():
    assert _current("Hypothyroidism after radioiodine ablation for toxic nodule in 2018, on levothyroxine.",
                    "Hypothyroidism")


def test_a_condition_named_after_the_procedure_by_its_prefix_is_its_result():
    assert _current("Hypoparathyroidism, postsurgical (thyroidectomy 2017 for goiter) - on calcitriol.",
                    "Hypoparathyroidism")
