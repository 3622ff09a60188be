"""Long-term drug therapy read from a course written right after the drug in its own item, and the antimetabolite
chemotherapy a cancer is kept in check with (Z79.631); a course that closes what the drug holds off, a relative's
drug, or a drug stopped, considered or begun at the visit is no long-term therapy."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Bipolar II disorder - on lamotrigine 150 mg daily since 2020, mood stable.",
    "A/P: 1. HTN - continue lisinopril. 2. ADHD, inattentive type - on atomoxetine 40 mg every morning for 3 years.",
    "Pulmonary fibrosis, idiopathic - takes pirfenidone 801 mg tid for the past 2 years, tolerating it.",
])
def test_a_course_of_years_after_a_drug_named_without_long_term_words_is_its_own(suggest, note):
    assert "Z79.899" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Epilepsy, not intractable, on levetiracetam 500 mg bid, seizure-free for 4 years.",
    "Epilepsy on lacosamide 100 mg bid, no seizures for 2 years.",
    "Gout on allopurinol 300 mg, no flares for 3 years.",
    "Bipolar II disorder - lamotrigine stopped for a rash since 2022.",
    "Father has ADHD, on methylphenidate for 10 years.",
    "Bipolar II disorder - lamotrigine 25 mg started today, titrate over 6 weeks.",
])
def test_a_time_that_is_not_the_drugs_course_nor_a_drug_taken_now_reads_nothing(suggest, note):
    assert "Z79.899" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Colon cancer with liver metastases on capecitabine 1000 mg bid, cycle 4.",
    "A/P: 1. HTN - continue lisinopril. 2. MDS - on azacitidine per hematology.",
    "Rheumatoid arthritis on long-term methotrexate, adalimumab not started.",
])
def test_an_antimetabolite_the_patient_is_on_is_its_long_term_use(suggest, note):
    assert "Z79.631" in billed(suggest, note)


def test_a_chemotherapy_s_blood_counts_are_not_a_drug_level_monitored(suggest):
    codes = billed(suggest, "Order: CBC weekly. Dx: MDS on maintenance azacitidine; monitoring for cytopenias.")
    assert "Z79.631" in codes and "Z51.81" not in codes


@pytest.mark.parametrize("note", [
    "Metastatic colon cancer - capecitabine stopped in May after 8 cycles; surveillance CT.",
    "AML in first remission; maintenance azacitidine discussed, not started.",
    "Sickle cell anemia (HbSS) without crisis on hydroxyurea.",
])
def test_an_antimetabolite_stopped_or_only_discussed_or_another_class_is_not(suggest, note):
    assert "Z79.631" not in billed(suggest, note)
