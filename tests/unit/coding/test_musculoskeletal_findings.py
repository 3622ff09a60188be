"""Fractures, meniscus and rotator cuff tears, disc displacement and spinal stenosis in the note's words reach
the code the index sends them to, sided and completed with the encounter the note states."""
import pytest

from services.coding.domain.conventions import apply_conventions
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Fracture of the waist of the left scaphoid, initial encounter.", ["S62.022A"]),
    ("Nondisplaced fracture of the proximal pole of the right scaphoid; initial encounter.", ["S62.034A"]),
    ("Scaphoid fracture, right wrist, initial encounter.", ["S62.001A"]),
    ("Fracture of the left distal fibula, initial encounter.", ["S82.832A"]),
    ("Right lateral tibial plateau fracture, nondisplaced, initial encounter.", ["S82.124A"]),
    ("Fracture of the left tibial plateau, sequela.", ["S82.142S"]),
])
def test_a_fracture_is_displaced_unless_the_note_says_otherwise(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == expected


@pytest.mark.parametrize("note, expected", [
    ("Bucket-handle tear of the right medial meniscus, initial encounter.", ["S83.211A"]),
    ("Left lateral meniscus tear from a pivoting injury, initial encounter.", ["S83.282A"]),
    ("Degenerative tear of the right medial meniscus.", []),
])
def test_a_meniscus_tear_is_a_current_injury_unless_degenerative(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == expected


@pytest.mark.parametrize("note, expected", [
    ("Partial-thickness rotator cuff tear, left shoulder.", "M75.112"),
    ("Full-thickness tear of the right rotator cuff, atraumatic.", "M75.121"),
    ("Rotator cuff tear of the left shoulder.", "M75.102"),
    ("Traumatic rotator cuff tear, right shoulder, after a fall; initial encounter.", "S46.011A"),
])
def test_a_rotator_cuff_tear_is_nontraumatic_unless_stated(tabular, note, expected):
    assert expected in codes(apply_conventions([], note, tabular))


@pytest.mark.parametrize("note, expected", [
    ("Herniated disc at L5-S1 with S1 radiculopathy.", ["M51.17"]),
    ("L3-4 disc protrusion, no radicular symptoms.", ["M51.26"]),
    ("Thoracic disc herniation on MRI.", ["M51.24"]),
    ("Cervical disc herniation with radiculopathy.", []),
    ("Lumbar spinal stenosis with pseudoclaudication.", ["M48.062"]),
    ("Lumbar canal stenosis, no neurogenic claudication.", ["M48.061"]),
    ("Cervical spinal stenosis.", ["M48.02"]),
    ("Lumbar degenerative disc disease; axial back pain, no leg pain.", ["M51.360"]),
    ("Disc degeneration at L5-S1 with leg pain to the calf.", ["M51.371"]),
    ("Lumbar DDD with sciatica and low back pain.", ["M51.362"]),
    ("DDD of the lumbar spine, found on a CT for kidney stones.", ["M51.369"]),
    ("Lumbar degenerative disc disease with left L5 radiculopathy.", ["M51.16"]),
    ("Degenerative disc disease of the cervical spine.", []),  # no level: for a coder
    ("Cervical DDD at C6-7 on the MRI, mild.", ["M50.323"]),
    ("C4-5 disc degeneration; R C5 radiculopathy.", ["M50.121"]),
    ("Cervical DDD C3-4 and C5-6.", []),  # two levels: for a coder
    ("Cervical DDD C5-6. Lumbar radiculopathy, L5, on the left.", ["M50.322", "M54.16"]),
    ("Right S1 radiculopathy.", ["M54.17"]), ("Cervical radiculopathy, numb thumb.", ["M54.12"]),
])
def test_disc_displacement_and_spinal_stenosis_by_region(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == expected


def test_the_back_or_joint_pain_of_the_diagnosis_is_not_coded_beside_it(tabular):
    from tests.unit.coding.test_conventions import found
    note = "Low back pain. Lumbar disc herniation with radiculopathy."
    out = apply_conventions(found(note, ("M54.50", "Low back pain")), note, tabular)
    assert codes(out) == ["M51.16"]


@pytest.mark.parametrize("note, expected", [
    ("Post-traumatic osteoarthritis, right knee.", "M17.31"),
    ("Post-traumatic arthritis of the left hip.", "M16.52"),
])
def test_post_traumatic_osteoarthritis_of_knee_and_hip(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == [expected]


@pytest.mark.parametrize("note, expected", [
    ("Fracture of the shaft of the right clavicle, initial encounter.", ["S42.021A"]),
    ("Left clavicle fracture, initial encounter.", ["S42.002A"]),
    ("Right hip fracture after a fall at home; initial encounter.", ["S72.001A", "W19.XXXA"]),
    ("Nondisplaced fracture of the left lateral malleolus, initial encounter.", ["S82.65XA"]),
    ("Right trimalleolar fracture, cast check.", ["S82.851D"]),
    ("Jones fracture of the left foot, nondisplaced, initial encounter.", ["S92.355A"]),
    ("Fracture of the right radial head, initial encounter.", ["S52.121A"]),
    ("Left rib fracture from a fall off a ladder; initial encounter.", ["S22.32XA", "W11.XXXA"]),
    ("Right rib fractures x3 after a fall; initial encounter.", ["S22.41XA", "W19.XXXA"]),
    ("Torn right ACL, initial encounter.", ["S83.511A"]),
    ("Hamstring strain, left, initial encounter.", ["S76.312A"]),
])
def test_fracture_sites_and_ligaments_the_index_names(tabular, note, expected):
    got = codes(apply_conventions([], note, tabular))
    assert [c for c in got if c[0] == "S"] == [c for c in expected if c[0] == "S"]


@pytest.mark.parametrize("note, expected", [
    ("F/u left ATFL sprain from 2 wks ago, swelling down.", ["S93.492D"]),
    ("Sprain of the right anterior talofibular ligament, initial encounter.", ["S93.491A"]),
    ("Nondisplaced fracture of the right 5th metatarsal, routine healing.", ["S92.354D"]),
])
def test_a_sprain_or_fracture_named_by_its_ligament_or_bone(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == expected
