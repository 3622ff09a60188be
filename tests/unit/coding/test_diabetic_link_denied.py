"""The "with" presumption links a diabetic's complication unless the note names another cause, gives the words to a
relative, or codes the mononeuropathy as the nerve's entrapment."""
import pytest

from services.coding.domain.diabetic_link_denied import entrapment_coded, link_denied, relatives
from tests.unit.coding.test_note_readings import FRAMES, billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("sentence, denied", [
    ("Polyneuropathy from CMT, not diabetic.", True),
    ("CKD 3a, hypertensive nephrosclerosis per renal, not diabetic kidney disease.", True),
    ("Nondiabetic neuropathy on biopsy.", True),
    ("Neuropathy not due to her diabetes.", True),
    ("Diabetic polyneuropathy, stocking loss.", False),
    ("CKD 3b attributed to T2DM.", False),
])
def test_a_sentence_denying_the_diabetes_as_cause(sentence, denied):
    assert link_denied(sentence) is denied


def test_a_relative_named_before_the_words_owns_them():
    assert relatives("Mother had diabetic ")
    assert not relatives("Moderate NPDR OU per ")


def test_a_median_mononeuropathy_is_the_carpal_tunnel_only_where_that_is_coded():
    assert entrapment_coded("moderate R median mononeuropathy", {"G56.01", "E11.9"})
    assert not entrapment_coded("moderate R median mononeuropathy", {"E11.9"})
    assert not entrapment_coded("oculomotor mononeuropathy", {"G56.01"})


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, linked, plain", [
    ("T2DM on metformin. Polyneuropathy from CMT, not diabetic.", "E11.42", "E11.9"),
    ("T2DM. Neuropathy due to chemotherapy, not diabetic.", "E11.42", "E11.9"),
    ("T1DM on pump. CKD stage 3a - per nephrology from IgA nephropathy, not diabetic kidney disease.", "E10.22",
     "E10.9"),
    ("T2DM on metformin. Mother had diabetic retinopathy.", "E11.319", "E11.9"),
    ("T2DM, A1c 6.9. EMG: R median mononeuropathy at the wrist - carpal tunnel syndrome R, splint.", "E11.41",
     "E11.9"),
])
def test_a_complication_the_note_gives_another_cause_or_a_relative_leaves_the_diabetes_uncombined(
        suggest, frame, item, linked, plain):
    coded = billed(suggest, frame.format(item))
    assert linked not in coded
    assert plain in coded


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("item, linked", [
    ("T2DM on metformin. Sensory polyneuropathy on NCS, felt to be diabetic.", "E11.42"),
    ("Type 1 DM on pump. Diabetic CKD stage 3b, eGFR 35.", "E10.22"),
    ("T2DM. Mononeuropathy of the R oculomotor nerve, pupil sparing.", "E11.41"),
])
def test_a_complication_with_no_other_cause_stays_linked(suggest, frame, item, linked):
    assert linked in billed(suggest, frame.format(item))


@pytest.mark.parametrize("frame", FRAMES)
def test_an_ulcer_with_its_plantar_site_written_after_it_is_the_diabetic_foot_ulcer(suggest, frame):
    coded = billed(suggest, frame.format("T2DM. Chronic ulcer plantar L 5th metatarsal head, fat layer exposed, no "
                                         "exposed bone - diabetic foot ulcer."))
    assert {"E11.621", "L97.522"} <= coded
    assert "E11.9" not in coded


@pytest.mark.parametrize("frame", FRAMES)
def test_an_ulcer_with_its_plantar_site_after_it_healed_is_no_current_ulcer(suggest, frame):
    coded = billed(suggest, frame.format("T2DM. Ulcer plantar R heel healed in May, skin intact now."))
    assert "E11.621" not in coded
    assert not any(code.startswith("L97") for code in coded)
