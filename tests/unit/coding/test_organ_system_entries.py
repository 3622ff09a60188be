"""Eye, ear, upper airway, digestive and genitourinary conditions read by the index entries the tabular's titles
hide behind their defaults ("Acute gastritis without bleeding", "Diaphragmatic hernia without obstruction"), with
the acuity, degree, complication and side the sentence states; denied or a relative's conditions are not read."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, codes", [
    ("Impression: moderate hiatal hernia on the barium swallow; continue the PPI.", {"K44.9"}),
    ("Problem list: sliding hiatus hernia - elevate the head of the bed.", {"K44.9"}),
    ("A/P: acute gastritis after a weekend of NSAIDs, no bleeding; stop ibuprofen.", {"K29.00"}),
    ("EGD: chronic gastritis with bleeding from several erosions; biopsies sent.", {"K29.51"}),
    ("Impression: duodenitis on endoscopy, biopsies pending.", {"K29.80"}),
    ("Assessment: gastroduodenitis; H. pylori breath test ordered.", {"K29.90"}),
    ("A: chronic gastric ulcer without bleeding; PPI for eight weeks.", {"K25.7"}),
    ("A/P: bleeding duodenal ulcer, transfused two units last week; twice-daily PPI.", {"K26.4"}),
    ("Problem list: duodenal ulcer, on omeprazole.", {"K26.9"}),
    ("Dx: internal hemorrhoids, grade II, spotting on the paper.", {"K64.1"}),
    ("Assessment: third-degree hemorrhoids; rubber band ligation scheduled.", {"K64.2"}),
    ("A/P: internal hemorrhoids - fiber and fluids.", {"K64.8"}),
    ("Exam: thrombosed external hemorrhoid, excised under local today.", {"K64.5"}),
    ("Dx: gallstones with acute cholecystitis; surgery consulted.", {"K80.00"}),
    ("A: chronic calculous cholecystitis, elective laparoscopic cholecystectomy.", {"K80.10"}),
    ("Assessment: biliary dyskinesia, gallbladder ejection fraction 18% on HIDA.", {"K82.8"}),
    ("A/P: bilateral Eustachian tube dysfunction - nasal steroid and autoinflation.", {"H69.83"}),
    ("Assessment: right ETD since a cold, popping and fullness.", {"H69.81"}),
    ("Impression: deviated nasal septum to the left, referral for septoplasty.", {"J34.2"}),
    ("Assessment: chronic rhinosinusitis without polyps; saline irrigation.", {"J32.9"}),
    ("A: acute rhinosinusitis, day 12 and worsening; amoxicillin-clavulanate.", {"J01.90"}),
    ("Dx: acute suppurative otitis media, left ear; amoxicillin.", {"H66.002"}),
    ("Dx: recurrent acute suppurative otitis media, both ears; ENT for tubes.", {"H66.006"}),
    ("Dx: acute suppurative otitis media with perforation, right ear, otorrhea.", {"H66.011"}),
    ("A: allergic conjunctivitis, both eyes; olopatadine drops.", {"H10.13"}),
    ("A: acute conjunctivitis of the right eye, warm compresses and hygiene.", {"H10.31"}),
    ("A: mucopurulent conjunctivitis, left eye; erythromycin ointment.", {"H10.022"}),
    ("A/P: dry eye syndrome, both eyes - artificial tears four times a day.", {"H04.123"}),
    ("Exam: bilateral nuclear sclerotic cataracts, 2+; referral for surgery.", {"H25.13"}),
    ("A: nuclear cataract, left eye, visually significant.", {"H25.12"}),
    ("Slit lamp: nuclear sclerotic cataract OU, 2+; monitor.", {"H25.13"}),
    ("A: allergic conjunctivitis OD > OS; olopatadine.", {"H10.13"}),
    ("Slit lamp: senile cortical cataract in the left eye, spokes to the visual axis.", {"H25.012"}),
    ("Imp: posterior subcapsular cataract OD, age related; glare testing ordered.", {"H25.041"}),
    ("A: age-related PSC cataracts, both eyes, worse on the right.", {"H25.043"}),
    ("A/P: steroid-induced cataract OS after years of inhaled and oral steroids.", {"H26.32"}),
    ("Exam: posterior capsular opacification of the right eye 2 yrs after phaco; YAG offered.", {"H26.491"}),
    ("Imp: PCO OU, YAG capsulotomy left first.", {"H26.493"}),
    ("Assessment: acute renal failure, creatinine 3.1 from a baseline of 1.0.", {"N17.9"}),
    ("A/P: 5 mm left ureteral stone; tamsulosin, strain the urine.", {"N20.1"}),
    ("Problem list: stress urinary incontinence - pelvic floor therapy.", {"N39.3"}),
    ("A: urge incontinence on oxybutynin, improving.", {"N39.41"}),
    ("Assessment: mixed urinary incontinence; bladder diary.", {"N39.46"}),
    ("A/P: menopausal hot flashes waking her nightly; discussed hormone therapy.", {"N95.1"}),
    ("A: atrophic vaginitis, vaginal estrogen cream twice weekly.", {"N95.2"}),
    ("Audiogram: bilateral SNHL; hearing aids fitted.", {"H90.3"}),
    ("A/P: BPH with urinary obstruction, start tamsulosin.", {"N40.1"}),
])
def test_an_entry_the_title_hides_is_its_code(suggest, note, codes):
    assert codes <= billed(suggest, note)


@pytest.mark.parametrize("note, category", [
    ("Denies a hiatal hernia on prior imaging review.", "K44"),
    ("No history of a gastric ulcer.", "K25"),
    ("Mother has stress incontinence.", "N39"),
    ("Denies dry eyes or blurred vision.", "H04"),
    ("Acute gastritis ruled out; pain is biliary.", "K29"),
    ("Assessment: acute cystitis; pyelonephritis not suspected, afebrile.", "N12"),
])
def test_a_denied_or_relatives_condition_is_not_read(suggest, note, category):
    assert not any(code.startswith(category) for code in billed(suggest, note))


@pytest.mark.parametrize("note, code", [
    ("Slit lamp: cortical cataract, right eye.", "H25.011"),  # the index's bare "Cataract (cortical)" is H26.9
    ("A: traumatic cortical cataract, left eye, age-related changes in the right.", "H25.012"),
    ("A: PCO on the ultrasound, irregular menses.", "H26.499"),  # polycystic ovaries, not the lens capsule
    ("A: PSC, ALP rising, MRCP ordered.", "H25.049"),
])
def test_a_cataract_kind_needs_its_own_words(suggest, note, code):
    assert code not in billed(suggest, note)


def test_the_degree_of_hemorrhoids_wins_over_the_internal_default(suggest):
    assert "K64.8" not in billed(suggest, "Internal hemorrhoids, grade III, prolapse with straining.")


@pytest.mark.parametrize("note", [
    "CT: right nephrolithiasis and a 4 mm distal ureteral stone.",
    "CT: moderate left hydronephrosis with an obstructing ureteral stone at the UVJ.",
])
def test_a_ureteral_stone_beside_its_combination_is_not_read_alone(suggest, note):
    assert "N20.1" not in billed(suggest, note)


def test_hiatal_hernia_with_obstruction_is_left_to_a_coder(suggest):
    assert "K44.9" not in billed(suggest, "CT: incarcerated hiatal hernia with obstruction; surgery called.")
