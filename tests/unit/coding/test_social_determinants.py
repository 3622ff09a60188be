"""Social determinants (Z55-Z65) in the words clinics use for the tabular's titles and inclusion terms, read as
the patient's present circumstance: not denied, a relative's, past, or only the start of another condition."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("COPD follow-up. Social: widowed, lives by herself in a second-floor flat.", "Z60.2"),
    ("Hypertension recheck. He lives alone and manages his own pills.", "Z60.2"),
    ("Diabetic foot check. Homeless, stays at the Mission shelter most nights.", "Z59.01"),
    ("Cellulitis of the shin. Unhoused; has been sleeping in a tent by the river.", "Z59.02"),
    ("Wound check. Patient is homeless, no fixed address given.", "Z59.00"),
    ("Asthma. Received an eviction notice last week and may lose the apartment.", "Z59.811"),
    ("Anemia. The household often runs out of food by the third week of the month.", "Z59.41"),
    ("Gout. Uninsured at present; samples given.", "Z59.71"),
    ("CHF. Has no reliable transportation and missed two cardiology visits.", "Z59.82"),
    ("Back pain. He was laid off in March and is looking for work.", "Z56.0"),
    ("Insomnia. Currently unemployed, spends most days at home.", "Z56.0"),
    ("Panic disorder. Recently released from jail after 18 months.", "Z65.2"),
    ("Depression. She is going through a divorce and has moved in with a friend.", "Z63.5"),
    ("Anxiety. Primary caregiver for her elderly mother, who has had a stroke.", "Z63.6"),
    ("Eczema. Bed bug infestation in the building, landlord notified.", "Z59.19"),
    ("Hypertension. Power was shut off at home last month for unpaid bills.", "Z59.12"),
    ("Diabetes education. Limited health literacy; teach-back used.", "Z55.6"),
    ("Insomnia. Her wife passed away two weeks ago; uncomplicated bereavement.", "Z63.4"),
    ("PTSD intake. Victim of a carjacking in June, still avoids driving at night.", "Z65.4"),
    ("Anxiety. Reports being sexually abused as a child by a neighbor.", "Z62.810"),
    ("ADHD, 15 yo. Failing three subjects this term.", "Z55.3"),
    ("Hearing check. Sheet-metal worker with occupational noise exposure, wears plugs sometimes.", "Z57.0"),
    ("Chronic cough. Occupational exposure to grain dust on the farm.", "Z57.2"),
    ("Hand numbness. Jackhammer operator, occupational hand-arm vibration exposure.", "Z57.7"),
    ("Prediabetes. Physically inactive, desk job, drives everywhere.", "Z72.3"),
    ("Hyperlipidemia. Poor eating habits, takeout most nights.", "Z72.4"),
    ("Fatigue. Teacher, feels burned out by the end of each week.", "Z73.0"),
    ("Statin refill. Insufficient health insurance for the brand drug.", "Z59.71"),
])
def test_a_circumstance_the_note_documents_is_its_social_determinant_code(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Hypertension. Does not live alone; her daughter moved in.", "Z60.2"),
    ("Knee pain. Not homeless; rents a room from his cousin.", "Z59.00"),
    ("Knee pain. Formerly homeless, in permanent housing since 2021.", "Z59.00"),
    ("Asthma. Her son is unemployed and lives with her.", "Z56.0"),
    ("Depression. Mother lives alone in another state.", "Z60.2"),
    ("Adjustment disorder with anxiety after a recent divorce.", "Z63.5"),
    ("Generalized anxiety, worse with job stress before deadlines.", "Z56.6"),
    ("Social needs screen: denies running out of food; housing stable.", "Z59.41"),
    ("Prior authorization filed; no insurance authorization needed for the MRI. Low back pain.", "Z59.71"),
    ("Depression that began after his father passed away last winter.", "Z63.4"),
    ("Her husband has burnout from night shifts.", "Z73.0"),
    ("Her mother leads a sedentary lifestyle since the hip fracture.", "Z72.3"),
    ("Denies physical or sexual abuse in childhood.", "Z62.810"),
])
def test_a_circumstance_denied_past_a_relatives_or_a_cause_is_not_coded(suggest, note, code):
    assert code not in billed(suggest, note)


def test_a_relative_who_reports_the_circumstance_does_not_make_it_theirs(suggest):
    assert "Z59.41" in billed(suggest, "Asthma, 8 yo. Father says they run out of food before payday.")


def test_a_lack_named_in_a_list_of_lacks_is_read(suggest):
    assert "Z59.82" in billed(suggest, "Epilepsy. Lives in the county with no bus and no transportation to clinic.")


def test_homelessness_beside_its_risk_is_the_homelessness(suggest):
    codes = billed(suggest, "Homeless since the eviction notice; sleeping in his van. Hypertension.")
    assert "Z59.02" in codes and "Z59.811" not in codes


@pytest.mark.parametrize("note, code", [
    ("Hypertension. Gave up his phone plan and pawned tools: material hardship.", "Z59.87"),
    ("Insomnia. A/P: 2. Opioid addiction in family (son) - referred to a family group.", "Z63.72"),
    ("Asthma f/u. Reports a lot of stress since the semester began.", "Z73.3"),
    ("A/P: 1. Tension headache. 2. Stress - breathing exercises.", "Z73.3"),
])
def test_hardship_a_relatives_addiction_and_stress_are_read_in_the_tabulars_words(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Chest pain. Exercise stress test negative.", "Z73.3"),
    ("Urinary stress incontinence, worse with coughing.", "Z73.3"),
    ("FH: father with alcoholism, died 2010.", "Z63.72"),
])
def test_a_stress_test_or_a_relatives_history_is_not_a_present_circumstance(suggest, note, code):
    assert code not in billed(suggest, note)


def test_a_relatives_addiction_read_as_the_familys_problem_is_not_also_its_family_history(suggest):
    found = billed(suggest, "Depression. Her brother's alcoholism upsets the household. 2. Alcoholism in family.")
    assert "Z63.72" in found and "Z81.1" not in found
