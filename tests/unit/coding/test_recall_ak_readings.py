"""Readings for histories, statuses and injuries missed at first sight: a problem list's bare "Hx" before an episode
that does not persist, a past gastrointestinal bleed, an organ taken out, and an osteoporotic vertebra that
collapsed."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Problem list: asthma. Hx concussion 2015 from a skateboard fall, no symptoms since.", "Z87.820"),
    ("Hx TBI (MVC 2012), back to baseline.", "Z87.820"),
    ("Hx GI bleed in 2019 on ibuprofen; stays off NSAIDs.", "Z87.19"),
    ("History of lower GI bleeding 2021, colonoscopy then showed diverticulosis.", "Z87.19"),
    ("PMH: gastrointestinal hemorrhage 2018, transfused, resolved.", "Z87.19"),
])
def test_an_episode_under_a_history_cue_is_its_personal_history(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("History: concussion at practice yesterday, headache and nausea since.", "Z87.820"),
    ("Family history concussion? Not relevant. Mother with migraines.", "Z87.820"),
    ("No hx GI bleed. Start apixaban.", "Z87.19"),
    ("Hx GI bleed from a gastric ulcer 2020.", "Z87.19"),
    ("Active GI bleed, melena since this morning; send to ED.", "Z87.19"),
])
def test_a_current_denied_relatives_or_ulcer_bleed_is_not(suggest, note, code):
    assert code not in billed(suggest, note)

