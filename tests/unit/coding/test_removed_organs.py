"""Organs an operation took out, read as the index's Absence (acquired) entries: the gallbladder and the appendix,
the uterus (with or without its cervix) and the ovaries; never an operation still to come, a relative's, or one
whose own post-op check is the visit."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Surgical history: laparoscopic cholecystectomy in 2016. Seen today for a sore shoulder after gardening.",
     "Z90.49"),
    ("PSH: lap chole 2011, tonsillectomy as a child.", "Z90.49"),
    ("He had an appendectomy at age 12 and no other operations.", "Z90.49"),
    ("Prior abdominal hysterectomy for fibroids (2009); no bleeding since.", "Z90.710"),
    ("Status post TAH-BSO 2013 for endometriosis.", "Z90.710"),
    ("Status post TAH-BSO 2013 for endometriosis.", "Z90.722"),
    ("Past surgical history: supracervical hysterectomy 2018.", "Z90.711"),
    ("Underwent a bilateral salpingo-oophorectomy in 2020 for a BRCA2 mutation.", "Z90.722"),
    ("She had a left oophorectomy for a torsed ovary in 2015.", "Z90.721"),
])
def test_an_organ_the_note_says_was_taken_out_is_its_acquired_absence(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Symptomatic gallstones; scheduled for laparoscopic cholecystectomy next month.", "Z90.49"),
    ("Surgical consult for possible appendectomy; exam equivocal.", "Z90.49"),
    ("Mother had a hysterectomy in her forties.", "Z90.710"),
    ("Heavy menses from fibroids; hysterectomy discussed as an option.", "Z90.710"),
    ("Post-op check two weeks after a laparoscopic cholecystectomy; port sites healed.", "Z90.49"),
])
def test_an_operation_to_come_a_relatives_or_in_its_aftercare_is_no_absence(suggest, note, code):
    assert code not in billed(suggest, note)


def test_a_supracervical_hysterectomy_leaves_the_cervix(suggest):
    assert "Z90.710" not in billed(suggest, "Past surgical history: supracervical hysterectomy 2018.")
