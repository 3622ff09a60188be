"""A deep vein thrombosis or a pulmonary embolism whose anticoagulant course the note says is over is its personal
history (Z86.718, Z86.711), not the current clot; one still treated, come back, a relative's or denied is not."""
import pytest

from services.coding.domain.clot_course import anticoagulation_over
from tests.unit.coding.test_note_readings import FRAMES, billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("clot, history, current", [
    ("DVT L calf 2022 after a cast, 3 mo apixaban completed, no clot since.", "Z86.718", "I82"),
    ("PE 2021 after knee surgery, 6 mo rivaroxaban completed.", "Z86.711", "I26"),
    ("Pulmonary embolism in 2019; finished 3 months of warfarin, off anticoagulation since.", "Z86.711", "I26"),
    ("DVT R leg 2020 after hip surgery, anticoagulation completed.", "Z86.718", "I82"),
    ("PE 2023, six months of apixaban, no longer anticoagulated.", "Z86.711", "I26"),
])
def test_a_clot_whose_anticoagulant_course_ended_is_history(suggest, frame, clot, history, current):
    codes = billed(suggest, frame.format(clot))
    assert history in codes and not any(code.startswith(current) for code in codes)


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("clot, history", [
    ("DVT L leg 3 wk ago, on apixaban, month 1 of 3.", "Z86.718"),
    ("Mother had a DVT 2019, completed 3 mo warfarin.", "Z86.718"),
    ("No history of DVT or PE.", "Z86.718"),
    ("Brother with PE 2022, off anticoagulation since.", "Z86.711"),
    ("DVT R leg 2024, 3 mo apixaban not completed, still on it.", "Z86.718"),
])
def test_a_clot_still_treated_a_relatives_or_denied_is_not_history(suggest, frame, clot, history):
    assert history not in billed(suggest, frame.format(clot))


@pytest.mark.parametrize("note, over", [
    ("DVT L leg 2023 after the TKA, 3 mo enoxaparin completed.", True),
    ("PE 2024 after a long flight; completed 3 mo apixaban, off since.", True),
    ("PE 2022, anticoagulation stopped 2023, no recurrence.", True),
    ("DVT 2024, finished the enoxaparin bridge, now on warfarin.", False),
    ("PE 2024, completed 3 mo apixaban; recurrent PE 2025, back on apixaban indefinitely.", False),
    ("PE 2020, completed 6 mo apixaban; remains on apixaban 5 mg bid long term.", False),
    ("DVT 2023 after surgery. Completed 3 mo apixaban for it.", False),  # another sentence: not read
    ("DVT L leg 2023, apixaban started.", False),
])
def test_the_course_is_over_only_where_its_words_say_so_and_nothing_takes_it_on(note, over):
    start = note.index("DVT") if "DVT" in note else note.index("PE")
    assert anticoagulation_over(note, start, start + 3) is over
