"""Conditions whose code's characters are the site, side, kind or complication the words name, written the way
clinics write them (the site or side first, the kind as an adjective), read by the ICD-10-CM index's entries; a
denied, a relative's, a childhood or a removed condition is not read, and what the words leave open goes to a
coder."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, codes", [
    # the eyelid: eye and lid
    ("A/P: stye, right upper eyelid - warm compresses four times a day.", {"H00.011"}),
    ("Exam: tender left lower lid hordeolum, pointing; no cellulitis.", {"H00.015"}),
    ("Dx: chalazion of the right lower eyelid, 4 mm, non-tender.", {"H00.12"}),
    ("Assessment: left upper lid chalazion; refer for incision and curettage.", {"H00.14"}),
    ("A: blepharitis of the left upper and lower eyelids; lid scrubs.", {"H01.00B"}),
    ("Problem list: blepharitis.", {"H01.009"}),
    # the macula: type, eye and stage
    ("Assessment: dry AMD both eyes, early stage; AREDS2 vitamins.", {"H35.3131"}),
    ("A/P: right eye dry AMD, intermediate stage; Amsler grid at home.", {"H35.3112"}),
    ("Dx: geographic atrophy of the right eye from dry AMD, subfoveal.", {"H35.3114"}),
    ("Impression: wet AMD, left eye, with active choroidal neovascularization; aflibercept today.", {"H35.3221"}),
    ("Exudative age-related macular degeneration OS, inactive scar; observe.", {"H35.3223"}),
    # the ear, the side written first
    ("Audiology: age-related hearing loss, bilateral; hearing aids.", {"H91.13"}),
    ("Audiogram: presbycusis of the right ear; hearing aid trial.", {"H91.11"}),
    ("A/P: left otitis externa - ciprofloxacin drops, keep the ear dry.", {"H60.92"}),
    ("Assessment: R OM, amoxicillin for 10 days.", {"H66.91"}),
    # the bowel: site, extent, complication
    ("Assessment: ileal Crohn's disease, on ustekinumab, in clinical remission.", {"K50.00"}),
    ("Dx: Crohn's colitis with rectal bleeding; colonoscopy next week.", {"K50.111"}),
    ("A/P: ileocolonic Crohn's with stricture; surgery consult.", {"K50.812"}),
    ("Problem list: left-sided ulcerative colitis on mesalamine.", {"K51.50"}),
    ("A: pancolitis with rectal bleeding, flare; prednisone taper.", {"K51.011"}),
    ("Assessment: ulcerative proctosigmoiditis, mesalamine enemas.", {"K51.30"}),
    ("Dx: diarrhea-predominant IBS - trial of rifaximin.", {"K58.0"}),
    ("A/P: constipation-predominant irritable bowel syndrome, linaclotide.", {"K58.1"}),
    ("Problem list: alcoholic cirrhosis, abstinent 2 years.", {"K70.30"}),
    ("A: cirrhosis due to alcohol with ascites; paracentesis Friday.", {"K70.31"}),
    ("CT: sigmoid diverticulitis with abscess, 3 cm; IR drain.", {"K57.20"}),
    ("Dx: bleeding diverticulosis of the sigmoid colon, hemoglobin stable.", {"K57.31"}),
    ("Pathology: tubular adenoma of the sigmoid colon, 8 mm.", {"D12.5"}),
    ("Colonoscopy impression: adenomatous polyp of the ascending colon.", {"D12.2"}),
    ("Colonoscopy: rectal adenoma, 6 mm, snared.", {"D12.8"}),
    # the upper airway: recurrence
    ("Referral: recurrent tonsillitis, 7 episodes this year; for tonsillectomy.", {"J03.91"}),
    ("A/P: recurrent acute sinusitis, third course of antibiotics this year.", {"J01.91"}),
    ("A/P: acute frontal sinusitis, recurrent - CT sinuses.", {"J01.11"}),
    # the kidney and the genital tract
    ("CT: right kidney stone with a right ureteral stone, 5 mm; urology referral.", {"N20.2"}),
    ("UA: microscopic hematuria, 8 RBC/hpf; urine cytology sent.", {"R31.29"}),
    ("Dx: asymptomatic microscopic hematuria - CT urogram.", {"R31.21"}),
    ("A/P: bacterial vaginosis, clue cells on wet mount; metronidazole.", {"N76.0"}),
    ("Assessment: vulvovaginal candidiasis, fluconazole once.", {"B37.31"}),
    ("Problem list: chronic vulvovaginal candidiasis, weekly suppressive fluconazole.", {"B37.32"}),
    ("BPH with LUTS. Nocturia x3, weak stream; started tamsulosin.", {"N40.1", "R35.1"}),
    # the skin and joints: site and side
    ("Dx: tinea capitis, griseofulvin for 8 weeks.", {"B35.0"}),
    ("A/P: abscess of the right forearm, incised and drained.", {"L02.413"}),
    ("Assessment: left axillary abscess; I&D, packing.", {"L02.412"}),
    ("Dx: buttock abscess, drained in clinic.", {"L02.31"}),
    ("A/P: LLE cellulitis, cephalexin; mark the borders.", {"L03.116"}),
    ("Assessment: facial cellulitis, no orbital signs.", {"L03.211"}),
    ("Ortho: right knee effusion, aspirated 30 mL clear fluid.", {"M25.461"}),
    ("Exam: effusion of the left ankle, no warmth.", {"M25.472"}),
])
def test_the_site_side_or_kind_the_words_state_is_the_code(suggest, note, codes):
    assert codes <= billed(suggest, note)


@pytest.mark.parametrize("note, category", [
    ("Denies ileal Crohn's disease; her brother has it.", "K50"),
    ("Mother has wet AMD.", "H35"),
    ("No left knee effusion on exam.", "M25"),
    ("Recurrent tonsillitis as a child; outgrown.", "J03"),
    ("PMH: adenomatous colon polyps removed at colonoscopy 2021.", "D12"),
    ("History: stroke, no deficits; adenomatous colon polyps 2019, colonoscopy 2024 normal.", "D12"),
    ("Tubular adenoma of the sigmoid on colonoscopy 2020; repeat due next year.", "D12"),
    ("No bacterial vaginosis on the wet prep today.", "N76"),
])
def test_a_denied_relatives_childhood_or_removed_condition_is_not_read(suggest, note, category):
    assert not any(code.startswith(category) for code in billed(suggest, note))


@pytest.mark.parametrize("note, left", [
    ("Exam: chalazion of both lower eyelids.", "H00.1"),  # both eyes: a coder codes each
    ("Dry AMD with geographic atrophy, both eyes.", "H35.31"),  # the fovea's involvement unstated
    ("Abscess of the leg, drained.", "L02.41"),  # a limb's side unstated
])
def test_what_the_words_leave_open_goes_to_a_coder(suggest, note, left):
    assert not any(code.startswith(left) for code in billed(suggest, note))


def test_acute_bacterial_conjunctivitis_is_acute_conjunctivitis_by_eye(suggest):
    assert "H10.31" in billed(suggest, "A/P: acute bacterial conjunctivitis, right eye - erythromycin ointment.")


def test_the_sinus_written_before_a_trailing_recurrent_is_read(suggest):
    assert "J01.91" not in billed(suggest, "#1 Acute ethmoidal sinusitis, recurrent - amoxicillin.")


@pytest.mark.parametrize("note, code", [
    ("Psychiatry intake. On oral contraceptive pills long term. Dx: panic disorder.", "Z79.3"),
    ("Meds: levothyroxine 50 mcg, on birth control pills. A: hypothyroidism.", "Z79.3"),
    ("Contraception: on combined oral contraceptive pills, refilled for a year.", "Z30.41"),
    ("She is on oral contraceptives; continue the same pill.", "Z30.41"),
])
def test_a_pill_she_is_only_on_is_long_term_use_and_one_the_visit_manages_its_surveillance(suggest, note, code):
    assert code in billed(suggest, note)
    assert ({"Z79.3", "Z30.41"} - {code}).isdisjoint(billed(suggest, note))
