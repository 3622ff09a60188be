"""The control-character scan answers a clean file without looking at each element, and a damaged one
exactly as the element-by-element search does: same messages, same order, same cap."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared.x12 import MAX_CONTROL_PROBLEMS, _segment_control_problems, control_character_problems, delimiters
from tests.unit.fuzz.mutations import damaged_text
from tests.unit.fuzz.test_x12_readers_fuzz import ACK_277, ACK_999, SPECIMENS_835

pytestmark = pytest.mark.unit
SPECIMENS = [ACK_999, ACK_277, ACK_277.replace("~", "~\r\n"), ACK_999.replace("~", "\x1c"), *SPECIMENS_835[:3]]
SEPARATORS = "~*:^\x00\x01\x07\t\r\n\x1b\x1c\x1f\x7f"  # the first ends segments
FUZZ = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def element_by_element(text: str) -> list[str]:
    """Every segment searched element by element: what the scan answered before it had a quick path."""
    d, problems, position = delimiters(text), [], 0
    for raw in text.split(d.segment):
        stripped = raw.strip("\r\n ")
        if stripped:
            position += 1
            problems += _segment_control_problems(stripped, position, d)
            if len(problems) >= MAX_CONTROL_PROBLEMS:
                break
    return problems[:MAX_CONTROL_PROBLEMS]


def test_clean_files_have_no_problems():
    assert all(control_character_problems(text) == [] == element_by_element(text) for text in SPECIMENS)


@FUZZ
@given(st.sampled_from(range(len(SPECIMENS))).flatmap(lambda i: damaged_text(SPECIMENS[i], SEPARATORS)))
def test_damaged_files_get_the_element_by_element_answer(text):
    try:
        d = delimiters(text)
    except ValueError:
        return  # not X12: answered by one search over the text, unchanged
    if "\x00" in (d.element, d.component, d.repetition, d.segment):
        return  # refused outright, unchanged
    assert control_character_problems(text) == element_by_element(text)


@pytest.mark.parametrize("damage, problem", [
    (("PCN123", "PCN\r123"), "TRN02 at segment 6: control character U+000D is not allowed"),
    (("PCN123", "PCN\n123"), "TRN02 at segment 6: control character U+000A is not allowed"),
    (("STC*A3:21", "STC*A3:\x1b21"), "STC01 at segment 7: control character U+001B is not allowed"),
])
def test_line_breaks_are_allowed_only_between_segments(damage, problem):
    for text in (ACK_277, ACK_277.replace("~", "~\r\n")):
        damaged = text.replace(*damage)
        assert control_character_problems(damaged) == [problem] == element_by_element(damaged)
