"""The index's entries for premenstrual syndromes, postmenopausal bleeding, bacterial vaginosis, breast pain,
fibrocystic breasts and pelvic pain, read as clinics write them (PMS, PMDD, PMB; the side is the laterality rule's):
sentences of our own wording."""
import pytest

from services.coding.domain.organ_system_entries import ORGAN_SYSTEM_ENTRIES, ORGAN_SYSTEM_WORDS

pytestmark = pytest.mark.unit


def read_entries(entries, sentence: str) -> list[str]:
    """The codes a table of (words, family, resolve) entries reads in one sentence, in the table's order."""
    out = []
    for words, _, resolve in entries:
        m = words.search(sentence)
        if m is not None:
            found = resolve(m, sentence)
            if found:
                out.append(found[0])
    return out


def _read(sentence: str) -> list[str]:
    return read_entries(ORGAN_SYSTEM_ENTRIES, sentence)


@pytest.mark.parametrize("sentence, code", [
    ("PMS with breast tenderness and bloating each cycle.", "N94.3"),
    ("Premenstrual tension syndrome, tracking symptoms.", "N94.3"),
    ("PMDD, luteal-phase sertraline.", "F32.81"),
    ("Premenstrual dysphoric disorder by prospective charting.", "F32.81"),
    ("PMB for 2 weeks; endometrial biopsy today.", "N95.0"),
    ("Postmenopausal bleeding, TVUS ordered.", "N95.0"),
    ("Bacterial vaginosis on wet mount, metronidazole.", "N76.0"),
    ("Cyclic breast pain, both sides.", "N64.4"),
    ("Mastalgia, reassured.", "N64.4"),
    ("Fibrocystic breasts, tender before menses.", "N60.19"),
    ("Known fibrocystic breast disease; no dominant mass.", "N60.19"),
    ("Chronic pelvic pain for a year, laparoscopy discussed.", "R10.20"),
    ("Left-sided pelvic pain with intercourse.", "R10.20"),
])
def test_womens_health_entries(sentence, code):
    assert ORGAN_SYSTEM_WORDS.search(sentence) and _read(sentence) == [code]
