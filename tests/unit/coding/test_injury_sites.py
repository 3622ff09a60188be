"""Sprains, strains, dislocations and fractures at the sites the index names ("Sprain, shoulder joint", "Whiplash",
"Fracture, medial malleolus", "Fracture, metatarsal, second"), by the side and encounter the note states; an
injury in the past, denied, or with no side where the code needs one is not billed."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Fell off his bike this morning onto the outstretched arm. Assessment: sprain of the left shoulder. Sling, ice.",
     "S43.402A"),
    ("Hockey check yesterday. Impression: right AC joint sprain, grade I. Sling for comfort, initial encounter.",
     "S43.51XA"),
    ("Rear-ended at a stoplight yesterday. Dx: whiplash. Soft collar not advised; NSAID, gentle ROM.", "S13.4XXA"),
    ("Pulled his left hip flexor sprinting at practice two days ago. A: left hip strain. Rest, ice, crutches.",
     "S76.012A"),
    ("Felt a pop in the back of the right calf on the court today. Strain of the right Achilles tendon, tendon "
     "intact on Thompson test. Boot with heel lift.", "S86.011A"),
    ("Twisted the R knee getting out of a car last night; dislocated R patella, reduced by EMS. Knee immobilizer.",
     "S83.004A"),
    ("Tripped on the stairs yesterday. XR: nondisplaced fracture of the left medial malleolus. CAM boot, NWB.",
     "S82.55XA"),
    ("Dropped a weight on the foot yesterday. XR: fracture of the right 2nd metatarsal. Post-op shoe.", "S92.321A"),
    ("Punched a door last night. XR: R boxer's fracture, 30 degrees of angulation. Ulnar gutter splint.",
     "S62.336A"),
    ("Fracture clinic, 4 weeks: left great toe fracture, healing well, buddy taping continued.", "S92.402D"),
    ("Urgent care: boxer's fracture, right hand, after hitting a wall today; splinted.", "S62.336A"),
    ("XR today: nondisplaced fracture of the base of the 2nd metacarpal, left hand; cast applied.", "S62.341A"),
    ("Hand clinic, 3 weeks out: fx shaft of the right 3rd metacarpal, routine healing, splint off.", "S62.322D"),
    ("Kicked a chair today. XR: nondisplaced fracture of the distal phalanx of the left 2nd toe; buddy taped.",
     "S92.535A"),
    ("Podiatry: fx of the proximal phalanx of the R big toe from a dropped weight today; rigid shoe.", "S92.411A"),
    ("Volleyball injury today: fracture of the middle phalanx of the right pinky, displaced; reduced.", "S62.626A"),
    ("Hand clinic, 5 wks: nondisplaced fx of the proximal phalanx of the left index finger, healing as expected.",
     "S62.641D"),
    ("Door slam today. Displaced fx of the distal phalanx of the R ring finger and nondisplaced fx of the R thumb's "
     "metacarpal head.", "S62.634A"),
    ("Urgent care, injured today: closed fracture of the distal phalanx of the left thumb; splinted.",
     "S62.522A"),
    ("Ortho: R Bennett's fracture after a fall on the thumb today; referred for pinning.", "S62.211A"),
    ("Hand surgery, 6 wks post-op: fracture of the shaft of the left first metacarpal, routine healing.", "S62.242D"),
    ("Slid into second base today. Assessment: fx L clavicle, initial encounter; sling.", "S42.002A"),
    ("Ortho, 4 wks: closed fx R clavicle, subsequent encounter, callus on film.", "S42.001D"),
    ("Bike crash this morning. XR: fx shaft of L clavicle, initial encounter, figure-of-8 brace.", "S42.022A"),
    ("Fell skiing today: midshaft R clavicle fx, nondisplaced; initial encounter, sling.", "S42.024A"),
    ("Hit by a pitch today: fx R 9th rib on XR, initial encounter; splinting advice.", "S22.31XA"),
    ("Sprinting yesterday, felt a pull: strain of L hamstring, initial encounter. Eccentric program.", "S76.312A"),
    ("Pickleball today, heard a pop: rupture of the right Achilles tendon, initial encounter; boot, ortho.",
     "S86.011A"),
    ("Ortho f/u, 5 wks: L Achilles tendon rupture, subsequent encounter, nonoperative in a boot.", "S86.012D"),
    ("Fracture clinic, 4 wks: displaced midshaft fracture of the L clavicle, routine healing, in a sling.",
     "S42.022D"),
    ("Fell down the stairs today: multiple rib fxs, R side, initial encounter; IS, analgesia.", "S22.41XA"),
    ("Twisting injury yesterday. MRI: complex tear of the lat meniscus, L knee, initial encounter.", "S83.272A"),
])
def test_an_injury_at_a_site_the_index_names_is_its_code(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, category", [
    ("History of a left shoulder sprain in high school, no problems since.", "S43"),
    ("Shoulder exam normal; no sprain of the right shoulder on stress testing.", "S43"),
    ("Fell on the hand yesterday: boxer's fracture suspected, XR pending; no side recorded.", "S62"),
    ("Denies whiplash or neck injury in the collision.", "S13"),
    ("Caught the ball awkwardly: 4th metacarpal shaft fracture seen today, hand side not recorded.", "S62.3"),
    ("Stubbed a toe today: fracture of the middle phalanx of the 3rd toe on XR, side not recorded.", "S92.52"),
    ("Jammed it today: fracture of the middle phalanx of the ring finger, hand not recorded.", "S62.6"),
    ("Fracture of the middle phalanx of the left thumb written in error, corrected to the proximal one.", "S62.53"),
    ("Bennett fracture years ago, no problems since.", "S62.21"),
    ("Fx of the lateral end of the L clavicle today, initial encounter; sling.", "S42.00"),
    ("Achilles tendinopathy of the right heel, no rupture on US; eccentric heel drops.", "S86"),
    ("Remote fx R clavicle as a teen, healed; no symptoms.", "S42"),
    ("Tight L hamstring on exam, no strain of the L hamstring; stretching program.", "S76"),
])
def test_an_injury_not_current_or_without_its_side_is_not_billed(suggest, note, category):
    assert not any(code.startswith(category) for code in billed(suggest, note))


@pytest.mark.parametrize("note, code", [
    ("DM follow-up. A1c 7.1 on metformin. Strained her mid back lifting a suitcase 2 days ago: thoracic muscle strain, "
     "tender paraspinals. Heat and acetaminophen.", "S29.012A"),
    ("HTN recheck, BP 126/80. Also twisted the left ankle on a hike 4 days ago: sprain of the left ankle. Brace.",
     "S93.402A"),
])
def test_a_follow_up_named_for_a_chronic_condition_does_not_make_a_new_injury_subsequent(suggest, note, code):
    assert code in billed(suggest, note)


def test_whiplash_beside_the_strain_it_describes_is_that_strain(suggest):
    note = "Car accident this morning. Dx: neck strain (whiplash), initial encounter. NSAID, gentle ROM."
    codes = billed(suggest, note)
    assert "S16.1XXA" in codes and not any(code.startswith("S13") for code in codes)
