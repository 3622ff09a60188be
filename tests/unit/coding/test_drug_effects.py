"""A drug's adverse effect or poisoning (T36-T50) read by its class, with the intent the note states and the
encounter the visit's plan for it states; talk of side effects, denials, underdosing, the past and relatives'
harms are not read."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Potassium 5.9 today. Hyperkalemia due to lisinopril, taken as prescribed. Plan: stop lisinopril.", "T46.4X5A"),
    ("Assessment: statin-induced myalgia, CK normal. Plan: stop atorvastatin, retry pravastatin later.", "T46.6X5A"),
    ("Positive Coombs with anemia, an adverse effect of methyldopa; stop methyldopa, start labetalol.", "T46.5X5A"),
    ("Rash and fever on day 10: hypersensitivity reaction to rifampin as prescribed. Plan: hold rifampin.",
     "T36.6X5A"),
    ("HR 44 at rest: bradycardia, an adverse effect of metoprolol at the prescribed dose; reduce to 25 mg daily.",
     "T44.7X5A"),
    ("Urticarial rash due to amoxicillin on day 6 of the course. Discontinue amoxicillin, cetirizine prn.",
     "T36.0X5A"),
    ("Glipizide-induced hypoglycemia in an 80-year-old; stop glipizide, start linagliptin.", "T38.3X5A"),
    ("Nausea and a tremor, lithium toxicity (adverse effect), level 1.8. Hold lithium for two days.", "T43.595A"),
    ("Gout flare of the right great toe induced by hydrochlorothiazide; switch to amlodipine.", "T50.2X5A"),
    ("Accidental ingestion of ibuprofen by a 3-year-old this morning, about 10 tablets; poison control called.",
     "T39.311A"),
    ("Intentional overdose of sertraline in a suicide attempt; medically cleared and admitted to psychiatry.",
     "T43.222A"),
    ("Took two doses of warfarin by mistake for 4 days: accidental overdose, INR 7.2. Vitamin K given.", "T45.511A"),
    ("Adverse effect of prednisone: hyperglycemia, subsequent encounter, glucose improving on the taper.",
     "T38.0X5D"),
])
def test_the_drug_class_and_intent_the_note_states_are_coded(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, category", [
    ("Started sertraline 50 mg; discussed possible side effects of sertraline, including nausea.", "T43"),
    ("Tolerating metoprolol. No side effects from metoprolol.", "T44"),
    ("BP 168/100, uncontrolled due to not taking lisinopril (ran out two weeks ago).", "T46"),
    ("History of acetaminophen overdose in 2019, no recurrence since.", "T39"),
    ("Her mother had lithium toxicity last year.", "T43"),
    ("Opioid use disorder on buprenorphine. Accidental fentanyl overdose two years ago; naloxone kit renewed.", "T40"),
    ("Sarcoidosis. Steroid-induced hyperglycemia resolved after the prednisone taper.", "T38"),
    ("Counseled on the risk of bleeding due to warfarin; INR 2.4, no change.", "T45"),
])
def test_talk_of_a_harm_a_denial_underdosing_the_past_or_a_relative_is_not_coded(suggest, note, category):
    assert not any(code.startswith(category) for code in billed(suggest, note))


@pytest.mark.parametrize("note, code", [
    ("Chronic cough due to lisinopril.", "T46.4X5A"),  # no encounter and no action: a coder's question
    ("Acetaminophen overdose, level 180 at 4 hours; NAC started.", "T39.1X1A"),  # no intent stated
])
def test_an_unstated_encounter_or_intent_is_held_for_a_coder(suggest, note, code):
    assert code not in billed(suggest, note)


def test_a_suicide_attempt_by_a_named_poisoning_is_that_poisoning_not_the_unnamed_attempt(suggest):
    codes = billed(suggest, "Suicide attempt last night: intentional overdose of amitriptyline, about 20 tablets. "
                            "Admitted to the ICU for cardiac monitoring.")
    assert "T43.012A" in codes and not any(code.startswith("T14.91") for code in codes)


@pytest.mark.parametrize("note, code", [
    ("Hives on day 3 of cephalexin, which was stopped yesterday; A: urticaria due to cephalexin, loratadine daily.",
     "T36.1X5A"),
    ("Dry cough since starting enalapril. Enalapril discontinued. A/P: cough due to enalapril - allow 4 weeks.",
     "T46.4X5A"),
    ("Born prematurely, no sequelae. Myalgia due to rosuvastatin; rosuvastatin stopped, CK to be repeated.",
     "T46.6X5A"),
    ("Impression: nitrofurantoin pulmonary toxicity on CT; nitrofurantoin stopped, started prednisone.", "T37.8X5A"),
])
def test_a_drug_stopped_for_its_harm_is_the_harm_in_active_treatment(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, category", [
    ("Dyspnea on amiodarone; amiodarone lung toxicity should be considered, DLCO ordered.", "T46"),
    ("Mild nausea on metformin, stopped taking it on her own; no other side effects from metformin.", "T38"),
])
def test_a_toxicity_only_weighed_or_a_drug_stopped_without_harm_is_not_coded(suggest, note, category):
    assert not any(code.startswith(category) for code in billed(suggest, note))
