"""A congenital malformation its sentence says was repaired is its personal history (Z87.7-, guideline I.C.17); one
awaiting repair or left with a residual defect stays: sentences of our own wording."""
import pytest

pytestmark = pytest.mark.unit

AUTO_ACCEPT = 0.90


def _coded(note_suggester, note: str) -> set[str]:
    return {s.code for s in note_suggester(note) if s.confidence >= AUTO_ACCEPT}


@pytest.mark.parametrize("note, history, malformation", [
    ("Cardiology f/u: VSD closed surgically at 5 months, no residual shunt on echo.", "Z87.74", "Q21.0"),
    ("Cleft lip repaired at 3 months, feeding well.", "Z87.730", "Q36.9"),
])
def test_a_repaired_malformation_is_its_history(note_suggester, note, history, malformation):
    coded = _coded(note_suggester, note)
    assert history in coded and malformation not in coded


@pytest.mark.parametrize("note, malformation", [
    ("Moderate VSD, repair scheduled once she reaches 5 kg.", "Q21.0"),
    ("Muscular VSD, restrictive, followed yearly.", "Q21.0"),
])
def test_a_malformation_not_yet_repaired_stays(note_suggester, note, malformation):
    coded = _coded(note_suggester, note)
    assert malformation in coded and "Z87.74" not in coded
