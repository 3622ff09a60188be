"""A default entry whose sentence goes on to a treatment of that condition is under care at the visit."""
import pytest

from services.coding.domain.default_entry_treated import treated_in_its_sentence

pytestmark = pytest.mark.unit


def _read(note: str, mention: str, code: str, others: tuple[str, ...] = ()) -> bool:
    start = note.index(mention)
    spans = [(note.index(o), note.index(o) + len(o)) for o in others]
    return treated_in_its_sentence(code, note, start, start + len(mention), spans)


@pytest.mark.parametrize("note, mention, code", [
    ("Pt also reports constipation, takes senna qhs.", "constipation", "K59.00"),
    ("Labs show iron deficiency anemia, ferritin 6 - start oral iron.", "iron deficiency anemia", "D50.9"),
    ("Peripheral neuropathy of feet - gabapentin 300 mg tid.", "neuropathy", "G62.9"),
    ("Insomnia most nights; CBT-I referral placed.", "Insomnia", "G47.00"),
])
def test_a_treatment_of_the_condition_later_in_its_sentence(note, mention, code):
    assert _read(note, mention, code)


@pytest.mark.parametrize("note, mention, code, others", [
    ("Constipation resolved, stopped senna.", "Constipation", "K59.00", ()),
    ("Constipation - none since, stopped senna.", "Constipation", "K59.00", ()),
    ("Insomnia. Melatonin 3 mg for jet lag.", "Insomnia", "G47.00", ()),  # another sentence
    ("Constipation, declined Miralax.", "Constipation", "K59.00", ()),
    ("Dx: iron deficiency anemia in 2023, Hgb normalised after IV iron.", "iron deficiency anemia", "D50.9", ()),
    ("Iron deficiency anemia? - check ferritin before starting iron.", "Iron deficiency anemia", "D50.9", ()),
    ("Neuropathy and shingles pain, gabapentin.", "Neuropathy", "G62.9", ("shingles pain",)),
    ("Cataract, melatonin qhs.", "Cataract", "H26.9", ()),  # no treatment listed for its code
])
def test_no_treatment_of_it_taken_in_its_own_sentence(note, mention, code, others):
    assert not _read(note, mention, code, others)
