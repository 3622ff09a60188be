"""Readings for injuries and operations missed at first sight: the encounter an injury's date, earlier care or
awaited operation states; fracture sites the index names (surgical neck and supracondylar humerus, intertrochanteric
femur); a post-operative visit's surgical aftercare, a left atrial appendage occluder, and the condition a removal
took out."""
import pytest

from services.coding.domain.injury_elapsed import INITIAL, SUBSEQUENT, encounter_by_elapsed_time
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Rolled the right ankle 12 days ago; seen at urgent care, now in a walking boot.",
    "Wrist sprain last week, treated in the ED, in a splint since.",
    "Fell 3 weeks ago and broke the left wrist, casted at urgent care; pain settling.",
    "Tibial shaft fracture, 5 wks after IM nailing, weight bearing as tolerated.",
    "Ankle fracture s/p ORIF 2 weeks ago, incision dry.",
])
def test_a_dated_injury_with_care_already_given_is_after_its_active_treatment(note):
    assert encounter_by_elapsed_time(note) == SUBSEQUENT


@pytest.mark.parametrize("note", [
    "Hurt the left knee skiing 4 days ago, swelling; exam today shows a sprain.",
    "Hip fracture from a fall, scheduled for ORIF tomorrow.",
    "Closed tibial fracture; for IM nailing in the morning.",
])
def test_an_injury_of_the_last_days_or_awaiting_its_operation_is_in_active_treatment(note):
    assert encounter_by_elapsed_time(note) == INITIAL


@pytest.mark.parametrize("note", [
    "Right ankle sprain 3 weeks ago. Ice and elevation.",
    "Left wrist pain since a fall; XR today.",
    "Shoulder strain, started ibuprofen yesterday.",
])
def test_a_weeks_old_injury_with_no_care_named_or_an_undated_one_is_left_open(note):
    assert encounter_by_elapsed_time(note) is None


@pytest.mark.parametrize("note, expected", [
    ("Twisted the left knee at football 3 days ago. Exam: MCL sprain, left knee. Brace.", "S83.412A"),
    ("Sprained his right knee MCL 2 days ago on the ski slope; first visit.", "S83.411A"),
    ("Closed displaced left intertrochanteric femur fracture, IM nailing scheduled for tomorrow.", "S72.142A"),
    ("Hip fracture follow-up. s/p IM nail of a left intertrochanteric fracture 4 wks ago, walking with a frame.",
     "S72.142D"),
])
def test_the_encounter_and_site_are_read_together(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("Fracture of the surgical neck of the left humerus, in a sling 3 weeks, healing.", "S42.212"),
    ("Supracondylar humerus fracture, right, in a child who fell off monkey bars yesterday.", "S42.411"),
    ("Right intertrochanteric hip fracture after a fall this morning.", "S72.141"),
    ("Hip fracture after a fall today: intertrochanteric on the right, nondisplaced on CT.", "S72.14"),
])
def test_a_fracture_takes_the_site_the_note_names(suggest, note, expected):
    assert any(s.code.replace(".", "").startswith(expected.replace(".", "")) for s in suggest(note))


@pytest.mark.parametrize("note, code", [
    ("Supracondylar femur fracture, right, after a fall yesterday.", "S42.41"),
    ("Left hip fracture, femoral neck, after a fall this morning.", "S72.14"),
])
def test_a_site_not_named_is_not_read(suggest, note, code):
    assert not any(s.code.startswith(code) for s in suggest(note))


@pytest.mark.parametrize("note, expected", [
    ("Post-op visit, 2 weeks after an open appendectomy; wound clean, eating well.", "Z48.815"),
    ("Seen for her post-op check 12 days after robotic hysterectomy, no bleeding.", "Z48.816"),
    ("Postoperative follow-up 1 month after carotid endarterectomy, neuro intact.", "Z48.812"),
    ("Here for a post-op wound check after right lower lobectomy; chest tube site dry.", "Z48.813"),
    ("Post-op visit following craniotomy, staples removed.", "Z48.811"),
])
def test_a_post_operative_visit_is_its_system_s_surgical_aftercare(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Gallstones with biliary colic; laparoscopic cholecystectomy scheduled next month.",
    "Pre-op visit before hysterectomy planned for fibroids.",
    "Post-op visit 3 weeks after ORIF of the left ankle; incision healed.",
    "s/p appendectomy 2009. Here for a cough.",
    "Post-op visit: mother recovering from her lobectomy, patient here for her own asthma.",
])
def test_an_operation_to_come_an_injury_s_fixation_or_no_post_op_visit_is_not(suggest, note):
    assert not any(s.code.startswith("Z48.81") for s in suggest(note))


@pytest.mark.parametrize("note", [
    "AF, CHA2DS2-VASc 4, Watchman placed 2023, off warfarin since.",
    "Paroxysmal atrial fibrillation s/p left atrial appendage occlusion; on aspirin only.",
    "Persistent AF; LAA closure device in place, TEE shows no leak.",
])
def test_a_left_atrial_appendage_occluder_is_a_cardiac_implant(suggest, note):
    assert "Z95.818" in billed(suggest, note)


def test_an_occluder_only_considered_is_not(suggest):
    assert "Z95.818" not in billed(suggest, "AF with GI bleeding on apixaban; discussed Watchman, she will think about it.")


@pytest.mark.parametrize("note, code", [
    ("Seen 2 weeks after laparoscopic cholecystectomy for cholelithiasis; pain gone.", "K80.20"),
    ("s/p appendectomy for acute appendicitis last week, afebrile, wound clean.", "K35.80"),
    ("Post-op visit: underwent VATS wedge resection of a pulmonary nodule, pathology benign.", "R91.1"),
])
def test_a_condition_an_operation_took_out_is_not_current(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Gallstones with biliary colic; referred for cholecystectomy.", "K80.20"),
    ("Post-op visit 3 weeks after CABG for CAD; no angina.", "I25.10"),
    ("After cholecystectomy for gallstones in 2015 she now has GERD, on omeprazole.", "K21.9"),
])
def test_a_condition_to_be_removed_bypassed_or_named_apart_stays(suggest, note, code):
    assert code in billed(suggest, note)
