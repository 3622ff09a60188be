"""Clinical shorthand written out before term matching: each reading, its guards, case and word boundaries,
and the spans that lead back to the note as written."""
from pathlib import Path

import pytest

from services.coding.domain.shorthand import Abbreviation, Shorthand, parse_shorthand

pytestmark = pytest.mark.unit

SHORTHAND_CSV = Path(__file__).resolve().parents[3] / "services" / "coding" / "data" / "shorthand.csv"


@pytest.fixture(scope="module")
def expand():
    shorthand = Shorthand(parse_shorthand(SHORTHAND_CSV.read_text()))
    return lambda note: shorthand.expand(note).text


@pytest.mark.parametrize("note, expected", [
    ("HTN", "Hypertension"), ("HLD", "Hyperlipidemia"), ("T2DM", "Type 2 diabetes mellitus"),
    ("DM2", "Type 2 diabetes mellitus"), ("T1DM", "Type 1 diabetes mellitus"), ("CKD", "Chronic kidney disease"),
    ("CAD", "Coronary artery disease"), ("CHF", "Congestive heart failure"),
    ("HFrEF", "Heart failure with reduced ejection fraction"),
    ("HFpEF", "Heart failure with preserved ejection fraction"), ("AF", "Atrial fibrillation"),
    ("afib", "atrial fibrillation"), ("COPD", "Chronic obstructive pulmonary disease"),
    ("OSA", "Obstructive sleep apnea"), ("AECOPD", "Acute exacerbation of chronic obstructive pulmonary disease"),
    ("f/u after CAP", "f/u after community-acquired pneumonia"), ("h/o NSTEMI", "history of non-ST elevation "
    "myocardial infarction"), ("Vit D 24", "Vitamin D 24"), ("Vit B12 180", "Vitamin B12 180"),
    ("obesity class III", "obesity class 3"), ("PCOS", "Polycystic ovarian syndrome"),
    ("RUL nodule", "Right upper lobe nodule"), ("LLL infiltrate", "Left lower lobe infiltrate"),
    ("NYHA class II", "NYHA class 2"), ("GERD", "Gastro-esophageal reflux disease"),
    ("MDD", "Major depressive disorder"), ("GAD", "Generalized anxiety disorder"),
    ("PTSD", "Post-traumatic stress disorder"), ("ADHD", "Attention-deficit hyperactivity disorder"),
    ("BPH", "Benign prostatic hyperplasia"), ("UTI", "Urinary tract infection"),
    ("URI", "Acute upper respiratory infection"), ("OA", "Osteoarthritis"), ("RA", "Rheumatoid arthritis"),
    ("LBP", "Low back pain"), ("SOB", "Shortness of breath"), ("CP", "Chest pain"), ("HA", "Headache"),
    ("N/V", "Nausea with vomiting"), ("abd pain", "abdominal pain"), ("wrist fx", "wrist fracture"),
    ("R knee", "Right knee"), ("L ankle", "Left ankle"), ("B knees", "Bilateral knees"),
    ("bilat knees", "bilateral knees"), ("45 y/o", "45 year old"), ("12 yo", "12 year old"),
    ("h/o asthma", "history of asthma"), ("s/p PCI", "status post PCI"), ("r/o asthma", "rule out asthma"),
    ("c/o cough", "complains of cough"), ("asthma w/ wheeze", "asthma with wheeze"),
    ("migraine w/o aura", "migraine without aura"), ("troponin neg", "troponin negative"),
    ("strep (+)", "strep positive"), ("strep+", "strep positive"), ("flu (-)", "flu negative"),
    ("FHx: CAD", "Family history: coronary artery disease"), ("SSS s/p PPM", "Sick sinus syndrome status post PPM"),
    ("EF 30% (ischemic CM)", "EF 30% (ischemic cardiomyopathy)"), ("ICM", "Ischemic cardiomyopathy"),
    ("NICM", "Nonischemic cardiomyopathy"), ("Pulm nodule", "Pulmonary nodule"), ("1.8 cm nodule", "1.8 cm nodule"), ("FH of T1DM", "Family history of type 1 diabetes mellitus"),
])
def test_each_abbreviation_is_written_out(expand, note, expected):
    assert expand(note) == expected


def test_ra_after_an_oxygen_saturation_is_room_air_elsewhere_rheumatoid_arthritis(expand):
    assert expand("SpO2 97% on RA.") == "SpO2 97% on room air."
    assert expand("sat 95% RA") == "sat 95% room air"
    assert expand("Seropositive RA on methotrexate.") == "Seropositive rheumatoid arthritis on methotrexate."
    assert expand("RA sat 93%.") == "Room air sat 93%."
    assert expand("IPF, RA 95% at rest.") == "Idiopathic pulmonary fibrosis, room air 95% at rest."


def test_ms_after_a_course_only_multiple_sclerosis_has_is_written_out_else_left(expand):
    assert expand("relapsing remitting MS on ocrelizumab") == "relapsing remitting multiple sclerosis on ocrelizumab"
    assert expand("Secondary progressive MS.") == "Secondary progressive multiple sclerosis."
    assert expand("MS: alert and oriented.") == "MS: alert and oriented."
    assert expand("Severe MS, valve area 0.9 cm2.") == "Severe MS, valve area 0.9 cm2."
    # a problem list writes the course after it
    assert expand("(1) MS, relapsing-remitting, stable.") == "(1) multiple sclerosis, relapsing-remitting, stable."
    assert expand("MS, regular rate.") == "MS, regular rate."
    assert expand("IPF f/u. ILD clinic.") == "Idiopathic pulmonary fibrosis f/u. Interstitial lung disease clinic."


def test_pe_opening_the_exam_is_the_physical_exam_elsewhere_pulmonary_embolism(expand):
    assert expand("PE: lungs clear.") == "Physical exam: lungs clear."
    assert expand("PE unremarkable") == "Physical exam unremarkable"
    assert expand("CTA to r/o PE.") == "CTA to rule out pulmonary embolism."


def test_ambiguous_abbreviations_are_left_as_written(expand):
    assert expand("MS flare, ED visit last week.") == "MS flare, ED visit last week."


def test_a_questionnaire_named_like_a_disorder_is_left_as_written(expand):
    assert expand("GAD-7 of 12, PHQ-9 of 8.") == "GAD-7 of 12, PHQ-9 of 8."
    assert expand("GAD, on sertraline.") == "Generalized anxiety disorder, on sertraline."


def test_disorder_and_aspirin_shorthand(expand):
    assert expand("oppositional defiant d/o; ASA 81 mg") == "oppositional defiant disorder; aspirin 81 mg"


def test_chf_after_its_type_is_the_tabulars_heart_failure_of_that_type(expand):
    assert expand("chronic diastolic CHF") == "chronic diastolic heart failure"


def test_a_side_before_an_abbreviation_is_read_but_not_after_a_number(expand):
    assert expand("s/p R TKA; L ACL tear") == "status post right TKA; left ACL tear"
    assert expand("bolus 2 L NS") == "bolus 2 L NS"


def test_a_side_is_read_only_before_a_word(expand):
    assert expand("2 L fluid restriction") == "2 L fluid restriction"
    assert expand("hepatitis B vaccine") == "hepatitis B vaccine"
    assert expand("RR 16, R 98%") == "RR 16, R 98%"


def test_a_side_closing_a_phrase_after_a_comma_is_read(expand):
    assert expand("knee pain, R.") == "knee pain, right."
    assert expand("Closed scaphoid waist fracture, R, from a fall.") == "Closed scaphoid waist fracture, right, from a fall."
    assert expand("Vitals 98.6, 72, L") == "Vitals 98.6, 72, L"  # after a number, not a word


def test_a_side_closing_a_phrase_right_after_an_injury_is_read(expand):
    assert expand("XR: displaced Colles fx R. Closed reduction.") == "XR: displaced Colles fracture right. Closed reduction."
    assert expand("ACL tear L; brace") == "ACL tear left; brace"
    assert expand("fx R 5th metatarsal") == "fracture right 5th metatarsal"  # before a word, as before
    assert expand("Tibial plateau fx 2 L bags") == "Tibial plateau fracture 2 L bags"  # not after the injury


def test_a_side_before_an_ordinal_is_read(expand):
    assert expand("fx of the R 5th metatarsal") == "fracture of the right 5th metatarsal"
    assert expand("pain of L 2nd toe") == "pain of left 2nd toe"
    assert expand("2 L 3rd bag") == "2 L 3rd bag"


@pytest.mark.parametrize("note", ["Plan: MI, goal of weekends only.", "Used MI techniques for ambivalence.",
                                  "Brief MI provided.", "MI session on drinking.",
                                  "Drinks nightly, MI done, wants to cut back.", "Vaping daily - MI was offered."])
def test_mi_in_a_counselling_plan_is_motivational_interviewing(expand, note):
    assert "motivational interviewing" in expand(note).lower() and "myocardial" not in expand(note).lower()


@pytest.mark.parametrize("note", ["Hx of MI 2019, s/p PCI.", "Old MI on ECG.", "Rule out MI.",
                                  "Prior MI. Echo done today."])
def test_mi_elsewhere_is_a_myocardial_infarction(expand, note):
    assert "myocardial infarction" in expand(note).lower()


def test_case_rules_and_word_boundaries(expand):
    assert expand("ha ha, cp") == "ha ha, cp"  # exact-case readings need their capitals
    assert expand("htn") == "hypertension"  # an unambiguous one is read in any case
    assert expand("CADASIL, ORAL, THAT") == "CADASIL, ORAL, THAT"
    assert expand("He has HAs") == "He has headaches"
    assert expand("T2DM - stable") == "Type 2 diabetes mellitus - stable"  # a dash is not "negative"


def test_a_list_after_a_cue_is_written_out_item_by_item(expand):
    assert expand("Denies CP, SOB, N/V.") == "Denies chest pain, shortness of breath, nausea with vomiting."


def test_spans_of_the_expanded_text_lead_back_to_the_note_as_written():
    shorthand = Shorthand(parse_shorthand(SHORTHAND_CSV.read_text()))
    expanded = shorthand.expand("Hx: R ankle fx, HTN.")
    start = expanded.text.index("fracture")
    assert expanded.original_span(start, start + len("fracture")) == (12, 14)
    start = expanded.text.index("ankle")
    assert expanded.original[slice(*expanded.original_span(start, start + 5))] == "ankle"
    assert expanded.original_span(0, len(expanded.text)) == (0, len(expanded.original))


def test_an_unknown_guard_or_case_in_the_file_is_refused():
    with pytest.raises(ValueError, match="guard"):
        parse_shorthand("abbreviation,expansion,case,guard\nRA,room air,exact,nearby_oxygen\n")
    with pytest.raises(ValueError, match="case"):
        parse_shorthand("abbreviation,expansion,case,guard\nRA,room air,upper,\n")
    assert parse_shorthand("abbreviation,expansion,case,guard\nHTN,hypertension,any,\n") == (
        Abbreviation("HTN", "hypertension", False, ""),)


def test_ms_after_a_course_mitral_stenosis_also_has_is_left_as_written(expand):
    assert expand("Severe progressive MS, valve area 0.9 cm2.") == "Severe progressive MS, valve area 0.9 cm2."
