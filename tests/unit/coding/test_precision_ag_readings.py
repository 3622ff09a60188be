"""Readings that keep a condition the patient does not have today from being billed as current: the diabetes a
complication combines with is the one whose type the note states, a spouse's condition is no one's family history,
and a diagnosis the patient was only told of is not established."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected, wrong", [
    ("Diabetes follow-up. 31F with T1DM on an insulin pump; low sugars twice a week after exercise, treats with juice.",
     "E10.649", "E11.649"),
    ("Diabetic clinic visit. Type 1 diabetes since age 9, MDI; recurrent hypoglycemia, no seizures or coma.",
     "E10.649", "E11.649"),
    ("DM visit. 70M with type 2 DM on glipizide, hypoglycemia twice this month.", "E11.649", "E10.649"),
])
def test_a_complication_combines_with_the_diabetes_whose_type_is_stated(suggest, note, expected, wrong):
    found = billed(suggest, note)
    assert expected in found
    assert wrong not in found
    assert not {code for code in found if code.endswith(".9") and code[:3] in ("E10", "E11")}


@pytest.mark.parametrize("note, code", [
    ("Social history: married, his wife has multiple sclerosis and he is her caregiver.", "G35.D"),
    ("Lives with her husband, who has type 2 diabetes; she has no diabetes herself.", "E11.9"),
    ("Spouse with asthma. Nonsmoker.", "J45.909"),
    ("Caregiver stress: her partner has Parkinson disease.", "G20.A1"),
])
def test_a_spouses_condition_is_neither_the_patients_nor_a_family_history(suggest, note, code):
    found = billed(suggest, note)
    assert code not in found
    assert not {c for c in found if c[:3] in ("Z80", "Z81", "Z82", "Z83", "Z84")}


@pytest.mark.parametrize("note, expected", [
    ("Mother has asthma. Husband well.", "Z82.5"),
    ("Here with her husband, c/o dysuria since yesterday.", "R30.0"),
    ("His wife reports he has had loud snoring for years.", "R06.83"),
    ("Asthma, mild intermittent. Husband smokes outside.", "J45.20"),
])
def test_a_relative_or_the_patients_own_condition_is_still_read_beside_a_spouse(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("She was told she had fibromyalgia by a prior rheumatologist; exam today shows no tender points.", "M79.7"),
    ("He had been told that he has bipolar disorder; I find no history of mania.", "F31.9"),
    ("Was told he had gout years ago after one swollen toe, never on treatment.", "M10.9"),
])
def test_a_diagnosis_the_patient_was_only_told_of_is_not_billed(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("Was told she has diabetes, on metformin.", "E11.9"),
    ("She was told she had PCOS as a teen; cycles still irregular and I agree with PCOS.", "E28.2"),
    ("Was told she had hypertension, on lisinopril 10 with BP 128/78.", "I10"),
])
def test_a_told_diagnosis_the_note_treats_or_confirms_is_billed(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Graves disease, euthyroid on methimazole; she never had a thyroid storm.",
    "Graves disease on methimazole; no prior thyroid storm.",
])
def test_graves_disease_without_a_storm_the_patient_never_had(suggest, note):
    found = billed(suggest, note)
    assert "E05.00" in found
    assert "E05.01" not in found


def test_graves_disease_with_a_storm_today_is_still_the_storm(suggest):
    assert "E05.01" in billed(suggest, "Graves disease in thyroid storm, HR 150, sent to the ED.")


@pytest.mark.parametrize("note, expected, integral", [
    ("Neck pain into the left arm; MRI C6-7 disc herniation with C7 radiculopathy.", "M50.123", {"M54.2", "M54.12"}),
    ("C4-5 disc protrusion compressing the C5 root, radiculopathy on EMG; neck pain.", "M50.121", {"M54.2"}),
    ("Herniated disc C5-C6 without radiculopathy, axial neck pain.", "M50.222", {"M54.2"}),
    ("HNP C7-T1 with left C8 radiculopathy.", "M50.13", {"M51.14"}),
])
def test_a_cervical_disc_is_coded_by_its_level_with_its_radiculopathy(suggest, note, expected, integral):
    found = billed(suggest, note)
    assert expected in found
    assert not found & integral


@pytest.mark.parametrize("note, code", [
    ("Cervical disc herniation at C4-5 and C5-6, arm numbness.", "M50"),  # two levels: for a coder
    ("Herniated disc C3-4 with myelopathy, cord signal change.", "M50.2"),  # with myelopathy is M50.0-
])
def test_a_cervical_disc_the_level_does_not_settle_goes_to_a_coder(suggest, note, code):
    assert not {c for c in billed(suggest, note) if c.startswith(code)}


def test_photophobia_is_part_of_the_migraine_it_comes_with(suggest):
    found = billed(suggest, "Migraine without aura, 4 attacks a month with photophobia and nausea.")
    assert "G43.009" in found
    assert not {c for c in found if c.startswith("H53.14")}


@pytest.mark.parametrize("note", [
    "Diabetes teaching visit.\nQ: Which type? A: type 1, since age 8.\nQ: Insulin? A: MDI.",
    "Diabetes follow-up. Pump settings reviewed; she has had T1DM for 20 years.",
])
def test_an_untyped_diabetes_in_a_note_that_says_type_1_goes_to_a_coder(suggest, note):
    assert not {c for c in billed(suggest, note) if c.startswith("E11")}


@pytest.mark.parametrize("note, expected", [
    ("Diabetes mellitus on metformin; A1c 7.1. Hx type 1 MI in 2020.", "E11.9"),
    ("Diabetes follow-up. Type 2, on metformin, A1c 6.8.", "E11.9"),
])
def test_a_diabetes_without_type_1_stated_keeps_the_index_default(suggest, note, expected):
    assert expected in billed(suggest, note)
