"""A joint's pain on both sides is each side's code; a joint's pain beside the same joint's diagnosis is that
diagnosis's part, read where the site is written after the diagnosis's words or taken by the pain's; the pain of the
other side, of another joint, or beside a doubted or denied condition is kept."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

FRAMES = ("A/P: 1. {}", "A/P: 1. HTN - continue lisinopril. 2. {}")


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, codes", [
    ("Pain in both knees for 6 mo, worse on stairs.", {"M25.561", "M25.562"}),
    ("Both shoulders hurt at night, no injury.", {"M25.511", "M25.512"}),
    ("Aching and stiffness in both shoulders x 2 mo, ESR and CRP normal.",
     {"M25.511", "M25.512", "M25.611", "M25.612"}),
    ("Hips ache bilaterally after long walks.", {"M25.551", "M25.552"}),
    ("Pain in both hands, worse typing; RA not suspected.", {"M79.641", "M79.642"}),
])
def test_both_sides_pain_is_each_sides_code(suggest, frame, text, codes):
    assert codes <= billed(suggest, frame.format(text))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text", [
    "No pain in both knees, no swelling.",
    "Her father has pain in both knees.",
    "Primary OA of both knees with pain in both knees after walking.",
])
def test_denied_a_relatives_or_explained_both_sides_pain_stays_out(suggest, frame, text):
    assert not {"M25.561", "M25.562"} & billed(suggest, frame.format(text))


@pytest.mark.parametrize("frame", FRAMES)
def test_one_side_explained_leaves_the_other_sides_pain(suggest, frame):
    found = billed(suggest, frame.format("Both knees ache on stairs; primary OA L knee on XR."))
    assert {"M25.561", "M17.12"} <= found and "M25.562" not in found


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, diagnosis, pain", [
    ("Osteoarthritis of the right knee: pain on stairs, mild effusion.", "M17.11", "M25.561"),
    ("Primary OA of the left hip: pain with walking.", "M16.12", "M25.552"),
])
def test_the_site_after_a_diagnosis_is_the_diagnosis_not_the_pains(suggest, frame, text, diagnosis, pain):
    found = billed(suggest, frame.format(text))
    assert diagnosis in found and pain not in found


@pytest.mark.parametrize("frame", FRAMES)
def test_a_site_written_after_an_unspecified_diagnosis_takes_that_joints_pain(suggest, frame):
    found = billed(suggest, frame.format("L hip pain x 3 mo; MRI: osteonecrosis of the L femoral head."))
    assert "M25.552" not in found


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, pain", [
    ("Osteonecrosis of the L femoral head; R hip pain after a fall, no fracture.", "M25.551"),
    ("OA of the right knee. Left knee pain after a fall.", "M25.562"),
    ("Osteonecrosis of the L femoral head ruled out on MRI; L hip pain x 3 mo.", "M25.552"),
])
def test_the_other_sides_or_a_ruled_out_diagnosis_pain_is_kept(suggest, frame, text, pain):
    assert pain in billed(suggest, frame.format(text))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, pain, kept", [
    ("Primary OA R knee, injection today. L knee pain-free.", "M25.562", False),
    ("R hip pain free since PT, discharged from therapy.", "M25.551", False),
    ("L knee pain after a fall, free of swelling.", "M25.562", True),
])
def test_a_pain_the_word_free_is_joined_to_is_denied(suggest, frame, text, pain, kept):
    assert (pain in billed(suggest, frame.format(text))) is kept
