"""The index's entries for preeclampsia, gestational hypertension, hyperemesis, gestational diabetes, postpartum
depression, lactational mastitis and a postpartum embolism, read as clinics write them (PEC, PIH, A2GDM, PPD) only in
a pregnancy, puerperium or lactation stated now: sentences of our own wording."""
import pytest

from services.coding.domain.pregnancy_entries import PREGNANCY_ENTRIES, PREGNANCY_WORDS
from tests.unit.coding.test_womens_health_entries import read_entries

pytestmark = pytest.mark.unit


def _read(sentence: str) -> list[str]:
    assert PREGNANCY_WORDS.search(sentence)
    return read_entries(PREGNANCY_ENTRIES, sentence)


@pytest.mark.parametrize("sentence, code", [
    ("G1P0 at 34 weeks: preeclampsia, BP 150/95, labs pending.", "O14.90"),
    ("At 31 weeks gestation, mild preeclampsia - twice-weekly NST.", "O14.00"),
    ("9 days postpartum: preeclampsia with severe features.", "O14.10"),
    ("IUP at 29 weeks with PIH, on labetalol.", "O13.9"),
    ("Gestational HTN since 30 weeks; she is 33 weeks pregnant.", "O13.9"),
    ("12 weeks pregnant, hyperemesis gravidarum, dehydrated, IV fluids.", "O21.1"),
    ("Hyperemesis gravidarum at 8 weeks gestation, tolerating fluids.", "O21.0"),
    ("A2GDM at 27 weeks of pregnancy, glyburide.", "O24.419"),
    ("3 weeks postpartum, weepy and not sleeping: PPD, start therapy.", "F53.0"),
    ("Breastfeeding at 5 months, lactational mastitis of the left breast.", "O91.23"),
    ("10 days postpartum, puerperal mastitis, cephalexin.", "O91.22"),
    ("4 weeks after delivery: postpartum pulmonary embolism, on enoxaparin.", "O88.23"),
])
def test_the_entry_in_a_pregnancy_a_puerperium_or_lactation_now(sentence, code):
    assert _read(sentence) == [code]


@pytest.mark.parametrize("sentence", [
    "PMH: preeclampsia with her second pregnancy, 2008.",
    "At 13 weeks pregnant: aspirin 81 mg daily for preeclampsia prevention.",
    "At 13 weeks pregnant: aspirin started given the risk of preeclampsia.",
    "2 weeks postpartum, PPD placed for her daycare job, read at 48 h: 0 mm.",  # the tuberculin test
    "2 weeks postpartum, still smokes 1/2 PPD.",  # packs per day
    "Low mood, PPD suspected by her sister; she delivered in 2015.",  # no puerperium now
])
def test_a_past_prevented_or_other_sense_is_not_read(sentence):
    assert _read(sentence) == []
