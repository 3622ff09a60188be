"""Osteoarthritis, capsulitis, impingement and the knee's and hip band's syndromes by the site the index names,
primary unless the sentence says otherwise, by the side it states; another kind of arthritis or another joint
named beside it is left to the index."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, codes", [
    ("Assessment: osteoarthritis of the left shoulder, moderate on XR; glenohumeral injection today.", {"M19.012"}),
    ("Problem list: R wrist OA - splint at night.", {"M19.031"}),
    ("Impression: OA of the right ankle, post-fusion candidate later; brace for now.", {"M19.071"}),
    ("Dx: left thumb CMC arthritis, osteoarthritis on XR; thumb spica splint.", {"M18.12"}),
    ("Plan for primary OA both knees, R > L: meloxicam and home exercises.", {"M17.0"}),
    ("Frozen shoulder, right, 3 months of stiffness; PT and a hydrodilatation referral.", {"M75.01"}),
    ("A: L shoulder impingement, painful arc; subacromial injection.", {"M75.42"}),
    ("Runner with lateral knee pain: right IT band syndrome. Foam roller, reduce mileage.", {"M76.31"}),
    ("Patellofemoral pain syndrome of the left knee; quad strengthening.", {"M22.2X2"}),
    ("MRI: L3-4 lumbar stenosis, severe; leg pain on walking eased by sitting, neurogenic claudication.",
     {"M48.062"}),
])
def test_a_joint_condition_at_its_site_is_its_code(suggest, note, codes):
    assert codes <= billed(suggest, note)


@pytest.mark.parametrize("note, category", [
    ("Post-traumatic osteoarthritis of the right ankle after an old fracture.", "M19.07"),
    ("Rheumatoid arthritis of the right wrist, on methotrexate.", "M19.03"),
    ("Adhesive capsulitis of the left hip on arthrogram.", "M75.0"),
    ("No impingement of the right shoulder on exam; full painless arc.", "M75.4"),
])
def test_another_kind_or_site_or_a_denied_condition_is_not_read(suggest, note, category):
    assert not any(code.startswith(category) for code in billed(suggest, note))


def test_a_stenosis_its_sentence_says_was_decompressed_is_not_current(suggest):
    note = "Cervical stenosis treated by C5-6 decompression and fusion in 2018; no arm symptoms since."
    assert not any(code.startswith("M48") for code in billed(suggest, note))
