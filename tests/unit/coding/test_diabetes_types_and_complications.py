"""Diabetes coded to the category its cause names (E08 due to an underlying condition, E09 due to a drug), and the
index's "Diabetes, with" complications of the nerves and vessels as their combination codes."""
import pytest

from services.coding.domain.diabetes_secondary_type import secondary_cause
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Dexamethasone-induced diabetes since chemotherapy began; glipizide 5 mg daily.", "E09.9"),
    ("Diabetes due to high-dose prednisone for her vasculitis, on NPH insulin.", "E09.9"),
    ("Secondary diabetes after recurrent alcoholic pancreatitis, insulin glargine nightly.", "E08.9"),
    ("CF-related diabetes, on mealtime insulin; lung function stable.", "E08.9"),
    ("Diabetes mellitus secondary to hemochromatosis, phlebotomy monthly.", "E08.9"),
])
def test_a_diabetes_its_sentence_attributes_to_a_drug_or_a_condition_is_e09_or_e08(suggest, note, code):
    coded = billed(suggest, note)
    assert code in coded and not any(c.startswith("E11") for c in coded)


def test_the_complication_stays_when_the_category_moves(suggest):
    coded = billed(suggest, "Steroid-induced diabetes with hyperglycemia, sugars in the 300s on prednisone.")
    assert "E09.65" in coded and "E11.65" not in coded


@pytest.mark.parametrize("sentence", [
    "Type 2 diabetes; glucose higher since the steroid-induced flare of his asthma.",
    "Possible steroid-induced diabetes, A1c pending.",
    "Her steroid-induced diabetes has resolved since the taper.",
    "Gestational diabetes in both pregnancies.",
    "Diabetes, well controlled on metformin.",
])
def test_a_stated_type_a_doubted_or_resolved_cause_or_no_cause_moves_nothing(sentence):
    at = sentence.lower().find("diabetes")
    assert secondary_cause(sentence, at, at + len("diabetes")) is None


@pytest.mark.parametrize("note, code, replaced", [
    ("Type 2 diabetes with peripheral vascular disease, ABI 0.7 on the left; walking program.", "E11.51", "I73.9"),
    ("T2DM with wet gangrene of the left fifth toe, vascular surgery consulted.", "E11.52", "E11.51"),
    ("Type 2 diabetes, with diabetic amyotrophy of the right thigh, slowly improving.", "E11.44", "E11.9"),
    ("Type 2 diabetes with an ulnar mononeuropathy at the elbow, splint at night.", "E11.41", "E11.9"),
])
def test_diabetes_with_a_vessel_or_nerve_complication_is_its_combination_code(suggest, note, code, replaced):
    coded = billed(suggest, note)
    assert code in coded and replaced not in coded


def test_a_past_gangrene_is_no_current_complication(suggest):
    coded = billed(suggest, "T2DM, s/p left second toe amputation (gangrene, 2021). Feet intact today.")
    assert "E11.52" not in coded


def test_a_foot_ulcer_beside_another_complication_is_one_more_combination_code(suggest):
    coded = billed(suggest, "Type 2 diabetes with diabetic polyneuropathy; ulcer of the right heel with fat layer "
                            "exposed, offloading shoe.")
    assert {"E11.42", "E11.621", "L97.412"} <= coded


def test_a_healed_foot_ulcer_beside_another_complication_adds_nothing(suggest):
    coded = billed(suggest, "Type 2 diabetes with diabetic polyneuropathy. Left toe ulcer healed in May.")
    assert "E11.621" not in coded and not any(c.startswith("L97") for c in coded)


@pytest.mark.parametrize("note, stage", [
    ("Type 2 diabetes with stage 3b chronic kidney disease, nephrology yearly.", "N18.32"),
    ("Longstanding type 2 diabetes and stage IV CKD; metformin stopped last year.", "N18.4"),
])
def test_a_stage_written_before_the_kidney_disease_stages_it_and_makes_the_combination(suggest, note, stage):
    coded = billed(suggest, note)
    assert {"E11.22", stage} <= coded and "N18.9" not in coded


@pytest.mark.parametrize("note, code", [
    ("Gout of the right ankle induced by chlorthalidone; diuretic changed.", "M10.271"),
    ("Thiazide-induced gout, left great toe, colchicine for 5 days.", "M10.272"),
    ("Gout flare of the left wrist due to chronic renal insufficiency, stage 4.", "M10.332"),
])
def test_gout_is_coded_by_the_cause_its_sentence_names(suggest, note, code):
    assert code in billed(suggest, note)


def test_gout_beside_a_kidney_disease_it_is_not_said_to_be_due_to_stays_idiopathic(suggest):
    coded = billed(suggest, "Gout of the right knee, colchicine; CKD stage 3a followed by nephrology.")
    assert "M10.061" in coded and "M10.361" not in coded


@pytest.mark.parametrize("note", [
    "Type 2 diabetes with a Charcot foot on the right, in a walker boot.",
    "Type 1 diabetes; neuropathic arthropathy of the left ankle, offloading.",
])
def test_a_diabetic_charcot_joint_is_the_neuropathic_arthropathy_combination(suggest, note):
    coded = billed(suggest, note)
    assert any(code.endswith(".610") for code in coded) and not any(code.endswith(".9") for code in coded)


def test_charcot_marie_tooth_is_no_charcot_joint(suggest):
    assert "E11.610" not in billed(suggest, "Type 2 diabetes. Charcot-Marie-Tooth disease, braces for foot drop.")


def test_hypertriglyceridemia_is_e78_1_unless_the_sentence_names_raised_cholesterol_too(suggest):
    assert "E78.1" in billed(suggest, "Hypertriglyceridemia, TG 640, icosapent ethyl added.")
    assert "E78.1" not in billed(suggest, "Hypercholesterolemia and hypertriglyceridemia, on a statin.")


@pytest.mark.parametrize("note, code", [
    ("Seen today: a type 2 diabetic with a new toe ulcer on the right, skin breakdown only.", "E11.621"),
    ("Type 1 diabetic, pump user, here for a flu shot.", "E10.9"),
])
def test_the_patient_called_a_typed_diabetic_has_that_diabetes(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "His father was a type 2 diabetic and died of a stroke.",
    "She is not a type 1 diabetic; the antibodies were negative.",
])
def test_a_relatives_or_denied_typed_diabetic_is_no_diabetes(suggest, note):
    assert not any(code[:3] in ("E10", "E11") for code in billed(suggest, note))


def test_a_diabetic_cheiroarthropathy_is_the_arthropathy_combination(suggest):
    coded = billed(suggest, "Type 2 diabetes with cheiroarthropathy of both hands, hand therapy referral.")
    assert "E11.618" in coded and "E11.9" not in coded
