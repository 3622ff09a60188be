"""Signs and symptoms routinely part of a confirmed heart, lung, circulatory, thyroid, blood,
eye or joint diagnosis are not coded."""
import pytest

from services.coding.domain import conventions as c
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, diagnosis, symptom", [
    ("Acute on chronic HFrEF. 2+ LE edema bilat.", ("I50.23", "HFrEF"), ("R60.9", "edema")),
    ("AECOPD: increased SOB and sputum.", ("J44.1", "AECOPD"), ("R06.02", "SOB")),
    ("Asthma exacerbation with wheezing.", ("J45.901", "Asthma exacerbation"), ("R06.2", "wheezing")),
    ("Orthostatic hypotension; lightheaded on standing.", ("I95.1", "Orthostatic hypotension"), ("R42", "lightheaded")),
    ("Stable angina, chest pain on exertion.", ("I20.89", "Stable angina"), ("R07.9", "chest pain")),
    ("Fatigue and cold intolerance; primary hypothyroidism.", ("E03.9", "hypothyroidism"), ("R53.83", "Fatigue")),
    ("Sneezing, itchy eyes. Allergic rhinitis due to pollen.", ("J30.1", "Allergic rhinitis"), ("R06.7", "Sneezing")),
    ("PCOS with hirsutism.", ("E28.2", "PCOS"), ("L68.0", "hirsutism")),
    ("Paronychia of the R toe, mild erythema.", ("L03.031", "Paronychia"), ("L53.9", "erythema")),
    ("Low back pain radiating down the R leg. Dx: lumbago with sciatica, right side.",
     ("M54.41", "lumbago with sciatica, right side"), ("M54.50", "Low back pain")),
    ("Lumbar spinal stenosis w/ neurogenic claudication: bilat leg pain w/ walking.",
     ("M48.062", "Lumbar spinal stenosis"), ("M79.606", "leg pain")),
    ("G6PD anemia with hemolysis after fava beans, LDH elevated.", ("D55.0", "G6PD anemia"),
     ("R74.02", "LDH elevated")),
    ("Cold agglutinin disease; high LDH.", ("D59.12", "Cold agglutinin disease"), ("R74.02", "high LDH")),
    ("Blurry vision at night from a nuclear cataract, left eye.", ("H25.12", "nuclear cataract"),
     ("H53.8", "Blurry vision")),
    ("Steroid-induced cataract OD; glare with oncoming headlights.", ("H26.31", "Steroid-induced cataract"),
     ("H53.71", "glare")),
    ("Parkinson disease with peak-dose dyskinesias.", ("G20.B1", "Parkinson disease"), ("G24.9", "dyskinesias")),
    ("Films of the L knee show spurring; degenerative arthritis L knee.", ("M17.12", "degenerative arthritis L knee"),
     ("M25.762", "spurring")),
    ("Bilateral hip OA, osteophytes R hip on AP pelvis.", ("M16.0", "Bilateral hip OA"), ("M25.751", "osteophytes")),
    ("Post-traumatic OA of the R ankle; talar osteophytes.", ("M19.171", "Post-traumatic OA of the R ankle"),
     ("M25.771", "talar osteophytes")),
    ("Cervical spondylosis, anterior osteophytes C5-6.", ("M47.812", "Cervical spondylosis"),
     ("M25.78", "anterior osteophytes")),
    ("Whiplash after a fender bender, sore neck; cervical strain.", ("S16.1XXA", "cervical strain"),
     ("M54.2", "sore neck")),
    ("LBP for a year. L3-4 facet arthropathy: lumbar spondylosis w/o radiculopathy.",
     ("M47.816", "lumbar spondylosis"), ("M54.50", "LBP")),
    ("Mid back pain since the fall; T11 compression fx.", ("S22.080A", "T11 compression fx"),
     ("M54.6", "Mid back pain")),
    ("Pain below the R kneecap; Osgood-Schlatter R.", ("M92.521", "Osgood-Schlatter R"), ("M25.561", "Pain")),
    ("Shaky hands and a racing heart; toxic multinodular goiter.", ("E05.20", "toxic multinodular goiter"),
     ("R25.1", "Shaky hands")),
    ("Numb fingertips at night from R carpal tunnel.", ("G56.01", "R carpal tunnel"), ("R20.0", "Numb")),
    ("Low energy, anhedonia; MDD, recurrent, mild.", ("F33.0", "MDD, recurrent, mild"), ("R53.83", "Low energy")),
    ("Years of a morning cough, emphysema on CT.", ("J43.9", "emphysema"), ("R05.3", "morning cough")),
    ("IFG on two fasting draws (108, 115); prediabetes.", ("R73.03", "prediabetes"), ("R73.01", "IFG")),
    ("Thyroid labs off, TSH 9.8; autoimmune thyroiditis.", ("E06.3", "autoimmune thyroiditis"),
     ("R94.6", "Thyroid labs off")),
    ("Lump at the front of the neck: a colloid nodule of the thyroid.", ("E04.1", "colloid nodule of the thyroid"),
     ("R22.1", "Lump at the front of the neck")),
    ("T1DM with Kimmelstiel-Wilson disease, protein in the urine.", ("E10.21", "T1DM with Kimmelstiel-Wilson disease"),
     ("R80.9", "protein in the urine")),
    ("Heartburn most nights from acid reflux disease.", ("K21.9", "acid reflux disease"), ("R12", "Heartburn")),
    ("Upset stomach after NSAIDs: acute erosive gastritis.", ("K29.00", "acute erosive gastritis"),
     ("R10.13", "Upset stomach")),
    ("Harsh murmur at the LLSB from a perimembranous VSD.", ("Q21.0", "VSD"), ("R01.1", "murmur")),
    ("Temp 101.2 with a head cold; viral URI.", ("J06.9", "viral URI"), ("R50.9", "Temp 101.2")),
    ("Migraine attack with vomiting twice.", ("G43.909", "Migraine"), ("R11.10", "vomiting")),
])
def test_a_symptom_integral_to_the_confirmed_diagnosis_is_dropped(tabular, note, diagnosis, symptom):
    out, reasons = c.integral_symptoms(found(note, diagnosis, symptom), note, tabular)
    assert codes(out) == [diagnosis[0]] and f"integral to {diagnosis[0]}" in reasons[0]


@pytest.mark.parametrize("note, given", [
    ("COPD, stable. Shortness of breath on exertion.", (("J44.9", "COPD"), ("R06.02", "Shortness of breath"))),
    ("Edema of the ankles; HTN.", (("I10", "HTN"), ("R60.9", "Edema"))),  # no heart failure to explain it
    ("Lumbar spinal stenosis. Leg pain at night.", (("M48.061", "Lumbar spinal stenosis"), ("M79.606", "Leg pain"))),
    ("Iron deficiency anemia; LDH high.", (("D50.9", "Iron deficiency anemia"), ("R74.02", "LDH high"))),
    ("Blurred vision; dry eye syndrome, both eyes.", (("H04.123", "dry eye syndrome"), ("H53.8", "Blurred vision"))),
    # a knee's osteoarthritis explains no shoulder's osteophyte
    ("OA of the R knee; osteophyte L shoulder on CXR.", (("M17.11", "OA of the R knee"), ("M25.712", "osteophyte"))),
    # the other knee's pain is no part of this knee's osteoarthritis (guideline I.B.6)
    ("Primary OA of the L knee; R knee aches after jogging.",
     (("M17.12", "Primary OA of the L knee"), ("M25.561", "R knee aches"))),
    ("Bucket-handle tear R medial meniscus. Also pain in the left knee.",
     (("S83.211A", "Bucket-handle tear R medial meniscus"), ("M25.562", "pain in the left knee"))),
    # a glucose finding with no prediabetes named; a neck lump beside a thyroid disorder with no goiter or nodule
    ("Impaired fasting glucose; hypothyroidism.", (("E03.9", "hypothyroidism"), ("R73.01", "Impaired fasting glucose"))),
    ("Lump under the jaw; primary hypothyroidism.", (("E03.9", "primary hypothyroidism"), ("R22.1", "Lump"))),
    # heartburn, fever and vomiting beside diagnoses they are no part of
    ("Heartburn at night; asthma, mild.", (("J45.909", "asthma"), ("R12", "Heartburn"))),
    ("Fever to 102 for a week; primary hypothyroidism.", (("E03.9", "primary hypothyroidism"), ("R50.9", "Fever"))),
    ("Vomiting since this morning; essential tremor.", (("G25.0", "essential tremor"), ("R11.10", "Vomiting"))),
    # a chronic cough the assessment treats as its own problem beside a stable COPD
    ("Assessment: 1. COPD, stable. 2. Chronic cough - CXR.", (("J44.9", "COPD"), ("R05.3", "Chronic cough"))),
])
def test_a_symptom_the_confirmed_diagnoses_do_not_explain_stays(tabular, note, given):
    assert codes(c.integral_symptoms(found(note, *given), note, tabular)[0]) == sorted(code for code, _ in given)

