"""The pain of a joint is part of the bursitis, tendinitis, contusion or spondylosis at that joint, and a knee's
effusion part of its osteoarthritis (guideline I.B.5: not coded beside the confirmed diagnosis); a healed fracture
from a fall from standing height in a note naming the osteoporosis is a history of an osteoporotic fracture."""
import pytest

from services.coding.domain import conventions as c
from services.coding.domain.injury_specificity import injury_specificity
from services.coding.domain.same_site_signs import same_site_signs
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, diagnosis, symptom", [
    ("Left hip pain at night. Dx: left trochanteric bursitis; injection.", ("M70.62", "left trochanteric bursitis"),
     ("M25.552", "Left hip pain")),
    ("Left elbow pain. A: olecranon bursitis, left elbow.", ("M70.22", "olecranon bursitis, left elbow"),
     ("M25.522", "Left elbow pain")),
    ("Right knee pain. Dx: prepatellar bursitis, right knee.", ("M70.41", "prepatellar bursitis, right knee"),
     ("M25.561", "Right knee pain")),
    ("Left knee pain below the kneecap: patellar tendinitis of the left knee.",
     ("M76.52", "patellar tendinitis of the left knee"), ("M25.562", "Left knee pain")),
    ("Fell on the ice; right shoulder pain. Contusion of the right shoulder.",
     ("S40.011A", "Contusion of the right shoulder"), ("M25.511", "right shoulder pain")),
    ("Pain in the left shin after a kick; contusion of the left lower leg.",
     ("S80.12XA", "contusion of the left lower leg"), ("M79.662", "Pain in the left shin")),
    ("Swollen right knee with an effusion; primary osteoarthritis of the right knee.",
     ("M17.11", "primary osteoarthritis of the right knee"), ("M25.461", "effusion")),
])
def test_the_pain_of_a_bursitis_or_tendinitis_at_its_joint_is_not_coded_beside_it(tabular, note, diagnosis, symptom):
    out, reasons = same_site_signs(found(note, diagnosis, symptom), note, tabular)
    assert codes(out) == [diagnosis[0]] and f"part of {diagnosis[0]}" in reasons[0]


def test_neck_pain_is_part_of_the_cervical_spondylosis(tabular):
    note = "Neck pain for years; cervical spondylosis without radiculopathy."
    given = (("M47.812", "cervical spondylosis"), ("M54.2", "Neck pain"))
    out, reasons = c.integral_symptoms(found(note, *given), note, tabular)
    assert codes(out) == ["M47.812"] and "integral to M47.812" in reasons[0]


def test_the_pain_of_another_joint_stays_beside_a_bursitis(tabular):
    note = "Right shoulder pain. Dx: left trochanteric bursitis."
    given = (("M70.62", "left trochanteric bursitis"), ("M25.511", "Right shoulder pain"))
    assert codes(same_site_signs(found(note, *given), note, tabular)[0]) == ["M25.511", "M70.62"]


def test_a_healed_fracture_from_a_standing_height_fall_with_osteoporosis_is_an_osteoporotic_one(tabular):
    note = "Osteoporosis on alendronate. Left wrist fracture from a standing-height fall last year, healed."
    out, _ = injury_specificity(found(note, ("S52.502A", "Left wrist fracture")), note, tabular)
    assert "Z87.310" in codes(out)
