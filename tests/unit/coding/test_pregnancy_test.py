"""A visit for a pregnancy test read with its stated result: sentences of our own wording."""
import pytest

from services.coding.domain.pregnancy_test import NAME, pregnancy_test_result
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Walk-in for a pregnancy test. Serum hCG positive.", "Z32.01"),
    ("Here for a pregnancy test after a late period; UPT was negative.", "Z32.02"),
    ("Pregnancy test visit: positive urine hCG, dating US ordered.", "Z32.01"),
])
def test_the_visit_for_a_pregnancy_test_by_its_result(tabular, note, code):
    word = "Pregnancy" if "Pregnancy" in note else "pregnancy"
    given = found(note, ("Z32.00", f"{word} test"), ("Z33.1", word))
    out, reasons = pregnancy_test_result(given, note, tabular)
    assert codes(out) == [code] and out[0].convention == NAME and reasons


def test_a_test_result_at_a_visit_for_something_else_is_no_visit_reason(tabular):
    note = "Pelvic pain work-up: urine hCG negative, US ordered."
    assert pregnancy_test_result([], note, tabular)[0] == []


def test_the_result_unknown_stays_without_one(tabular):
    note = "Encounter for pregnancy test; sent to the lab."
    out, _ = pregnancy_test_result(found(note, ("Z32.00", "pregnancy test")), note, tabular)
    assert codes(out) == ["Z32.00"]
