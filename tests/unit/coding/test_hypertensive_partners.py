"""A hypertensive combination is billed with the partners its "use additional code" notes ask for."""
import pytest

from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _billed(suggest, note):
    return sorted({s.code for s in suggest(note) if s.confidence >= 0.90})


@pytest.mark.parametrize("note, expected", [
    ("Problem list: hypertensive heart disease with heart failure, stable weights.", ["I11.0", "I50.9"]),
    ("Impression: HTN heart disease w/ CHF, on torsemide.", ["I11.0", "I50.9"]),
    ("Cards: hypertensive heart disease w/ chronic systolic HF, EF 30%.", ["I11.0", "I50.22"]),
    ("Dx: hypertensive heart and chronic kidney disease with heart failure, euvolemic.", ["I13.0", "I50.9", "N18.9"]),
    ("Dx - hypertensive heart and CKD with HF; CKD stage 3b on last labs.", ["I13.0", "I50.9", "N18.32"]),
    ("Renal: hypertensive heart and kidney disease without heart failure, CKD stage 2.", ["I13.10", "N18.2"]),
    ("Renal: hypertensive heart and kidney disease without heart failure, CKD 2.", ["I13.10"]),
    ("Hypertensive heart and chronic kidney disease with heart failure; echo EF 35%.", ["I13.0", "N18.9"]),
    ("Hypertensive heart disease without heart failure, LVH on echo.", ["I11.9"]),
])
def test_the_combination_takes_its_unspecified_partner_where_the_note_types_none(suggest, note, expected):
    assert _billed(suggest, note) == expected
