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
    # named under a history heading or after "h/o", where a Q code has no history entry of its own
    ("Past history: coarctation of the aorta, surgical repair age 2, BP normal.", "Z87.74", "Q25.1"),
    ("PMH: tetralogy of Fallot, complete repair as an infant. Here for a sore throat.", "Z87.74", "Q21.3"),
    ("PMH: VSD repaired at age 1, echo 2019 with no residual shunt.", "Z87.74", "Q21.0"),
    ("Plan: 2. h/o repaired VSD - no cardiology needed.", "Z87.74", "Q21.0"),
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


@pytest.mark.parametrize("note", [
    "PMH: VSD, repair planned next year.",
    "History of coarctation of the aorta, followed by cardiology.",
])
def test_a_history_of_a_malformation_not_repaired_is_no_corrected_history(note_suggester, note):
    assert "Z87.74" not in _coded(note_suggester, note)
