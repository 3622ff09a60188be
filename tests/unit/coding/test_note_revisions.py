"""Text a note carries that today's assessment replaced: a diagnosis an addendum changed, a block copied forward."""
import pytest

from services.coding.domain.note_revisions import CHANGED_NAME, COPIED_NAME, changed_by_addendum, copied_forward
from tests.unit.coding.test_conventions import found
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

ADDENDUM = ("ASSESSMENT: Acute otitis media, left ear. Amoxicillin.\nADDENDUM 14:10: canal erythematous - dx changed "
            "to acute otitis externa L ear; amoxicillin cancelled.")


def test_a_diagnosis_an_addendum_changes_goes_to_a_coder_naming_the_new_one():
    given = found(ADDENDUM, ("H66.92", "Acute otitis media"), ("H60.502", "acute otitis externa"))
    out = {s.code: s for s in changed_by_addendum(given, ADDENDUM)}
    assert out["H66.92"].confidence < 0.9 and out["H66.92"].convention == CHANGED_NAME
    assert "H60.502" in out["H66.92"].reason and "dx changed to" in out["H66.92"].reason
    assert out["H60.502"].confidence == 0.95 and out["H60.502"].convention is None


@pytest.mark.parametrize("note, given", [
    # another chapter: the addendum changed something else
    ("Hypertension. Acute otitis media, left. Addendum: dx changed to acute otitis externa L ear.",
     [("I10", "Hypertension"), ("H66.92", "Acute otitis media"), ("H60.502", "acute otitis externa")]),
    # no change named
    ("Acute otitis media, left ear. Addendum: otitis externa also present.",
     [("H66.92", "Acute otitis media"), ("H60.502", "otitis externa")]),
])
def test_a_diagnosis_of_another_chapter_or_without_a_change_keeps_its_confidence(note, given):
    out = {s.code: s.confidence for s in changed_by_addendum(found(note, *given), note)}
    assert out.get("I10", 0.95) == 0.95 and (out["H66.92"] == 0.95) == ("changed" not in note)


COPIED = ("[Copied forward from 08/2025] Assessment: Asthma exacerbation - prednisone burst. [end copy]\n"
          "TODAY: Moderate persistent asthma, well controlled.")


def test_a_code_named_only_inside_a_copied_block_goes_to_a_coder():
    given = found(COPIED, ("J45.41", "Asthma exacerbation"), ("J45.40", "Moderate persistent asthma"))
    out = {s.code: s for s in copied_forward(given, COPIED)}
    assert out["J45.41"].confidence < 0.9 and out["J45.41"].convention == COPIED_NAME
    assert "Copied forward from 08/2025" in out["J45.41"].reason
    assert out["J45.40"].confidence == 0.95


@pytest.mark.parametrize("note, evidence", [
    ("Problem list (carried forward): Hypothyroidism - active.", "Hypothyroidism"),  # a list kept current
    ("Copied from note of 3/2: asthma.\nToday: asthma exacerbation.", "asthma exacerbation"),  # after its line
])
def test_a_list_kept_current_or_text_after_the_copied_block_keeps_its_confidence(note, evidence):
    assert [s.confidence for s in copied_forward(found(note, ("J45.41", evidence)), note)] == [0.95]


def test_on_the_real_index_the_changed_diagnosis_and_the_copied_episode_are_not_billed(suggest):
    for note, kept, replaced_before in ((ADDENDUM, "H60.502", ADDENDUM.index("ADDENDUM")),
                                        (COPIED, "J45.40", COPIED.index("[end copy]"))):
        suggestions = suggest(note)
        assert any(s.code == kept and s.confidence >= 0.9 for s in suggestions)
        assert all(s.confidence < 0.9 for s in suggestions if s.end <= replaced_before and s.code != kept)
        assert any(s.end <= replaced_before for s in suggestions)
