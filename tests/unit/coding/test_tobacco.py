"""Nicotine dependence by the tobacco product the note names; a current smoker is nicotine dependence."""
import pytest

from services.coding.domain.tobacco import tobacco_product
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("sentence, expected", [
    ("Nicotine dependence, one pack per day of cigarettes.", "F17.210"),
    ("Nicotine dependence, uses chewing tobacco daily.", "F17.220"),
    ("Nicotine dependence, smokes cigars on weekends.", "F17.290"),
    ("Nicotine dependence, e-cigarettes (vapes daily).", "F17.290"),  # not cigarettes, though the word is in it
    ("Nicotine dependence.", "F17.200"),
])
def test_the_product_makes_nicotine_dependence_specific(tabular, sentence, expected):
    out, _ = tobacco_product(found(sentence, ("F17.200", "Nicotine dependence")), sentence, tabular)
    assert codes(out) == [expected]


@pytest.mark.parametrize("note", ["Active smoker, half a pack of cigarettes daily.",
                                  "Smokes 10 cigarettes a day, wants to cut down.",
                                  # counselling given to one who smokes now leaves the smoking current
                                  "Smokes 15 cigarettes daily; cessation advice given, nicotine patch offered."])
def test_a_current_cigarette_smoker_is_f17_210_not_z72_0(tabular, note):
    out, reasons = tobacco_product(found(note, ("Z72.0", note.split(",")[0])), note, tabular)
    assert codes(out) == ["F17.210"] and out[0].convention == "tobacco-product" and reasons


@pytest.mark.parametrize("note", ["Former smoker of cigarettes, quit 2010.", "Denies smoking cigarettes.",
                                  "Never smoker.", "Father smokes cigarettes at home.", "Smokes marijuana.",
                                  "Smoking cessation program for cigarettes completed in 2019."])
def test_a_former_denied_relatives_or_other_smoking_is_not(tabular, note):
    assert tobacco_product([], note, tabular)[0] == []


def test_a_nicotine_vaper_is_nicotine_dependence_on_another_product(tabular):
    note = "Vapes nicotine daily, not ready to quit."
    assert codes(tobacco_product([], note, tabular)[0]) == ["F17.290"]
    assert tobacco_product([], "Vapes THC on weekends.", tabular)[0] == []  # no nicotine named


@pytest.mark.parametrize("note, expected", [
    ("Tobacco use disorder - about 12 cigarettes daily, considering a quit date.", "F17.210"),
    ("Tobacco use d/o (snuff), in early remission since spring.", "F17.221"),
    ("Nicotine use disorder.", "F17.200"),
])
def test_a_tobacco_use_disorder_is_nicotine_dependence_not_tobacco_use(tabular, note, expected):
    out, reasons = tobacco_product(found(note, ("Z72.0", "use d")), note, tabular)
    assert codes(out) == [expected] and reasons


@pytest.mark.parametrize("note", ["Tobacco use disorder, mild - a few cigarettes at weekends.",
                                  "Her brother has a tobacco use disorder.", "No tobacco use disorder."])
def test_a_mild_a_relatives_or_a_denied_tobacco_use_disorder_is_not_read(tabular, note):
    assert tobacco_product([], note, tabular)[0] == []


@pytest.mark.parametrize("note", ["Chews tobacco most days, about a tin a week.",
                                  "Dips snuff after every meal.",
                                  "Uses smokeless tobacco: dips 2 cans weekly, cannot stop."])
def test_a_current_chewer_or_dipper_is_dependent_on_chewing_tobacco(tabular, note):
    out, _ = tobacco_product([], note, tabular)
    assert codes(out) == ["F17.220"]


@pytest.mark.parametrize("note", ["Her boyfriend chews tobacco on the porch.",
                                  "Roommate smokes a pack of cigarettes a day.",
                                  "Stopped chewing tobacco in 2012.",
                                  "SpO2 dips to 86% at night."])
def test_another_persons_habit_a_past_one_or_another_dip_is_no_dependence(tabular, note):
    out, _ = tobacco_product([], note, tabular)
    assert not any(code.startswith("F17") for code in codes(out))


@pytest.mark.parametrize("note, expected", [
    ("Smokes 1 ppd cigarettes. A/P: 3. Nicotine dependence - advised to quit.", "F17.210"),
    ("Chews tobacco daily. Plan: Nicotine dependence - counseled.", "F17.220"),
    # no single product of the patient's own: left unspecified
    ("Father smokes cigarettes. Nicotine dependence - counseled.", "F17.200"),
    ("Smokes cigarettes and cigars. Nicotine dependence - counseled.", "F17.200"),
])
def test_nicotine_dependence_takes_the_one_product_the_patient_smokes_elsewhere_in_the_note(tabular, note, expected):
    out, _ = tobacco_product(found(note, ("F17.200", "Nicotine dependence")), note, tabular)
    assert codes(out) == [expected]


def test_nicotine_dependence_with_a_nicotine_induced_disorder_takes_the_sixth_character_8(tabular):
    note = "Nicotine dependence, cigarettes, with nicotine-induced sleep disorder - NRT."
    out, reasons = tobacco_product(found(note, ("F17.210", "Nicotine dependence, cigarettes")), note, tabular)
    assert codes(out) == ["F17.218"] and reasons


def test_a_denied_nicotine_induced_disorder_leaves_plain_dependence(tabular):
    note = "Nicotine dependence, cigarettes; no nicotine-induced disorder."
    out, _ = tobacco_product(found(note, ("F17.210", "Nicotine dependence, cigarettes")), note, tabular)
    assert codes(out) == ["F17.210"]


@pytest.mark.parametrize("note, expected", [
    ("Quit cigarettes 4 days ago; irritable, cravings. A/P: Nicotine withdrawal - patch.", "F17.213"),
    ("Nicotine withdrawal since stopping, NRT started.", "F17.203"),
])
def test_nicotine_withdrawal_is_dependence_with_withdrawal_by_the_product(tabular, note, expected):
    out, reasons = tobacco_product([], note, tabular)
    assert codes(out) == [expected] and reasons


@pytest.mark.parametrize("note", ["Denies nicotine withdrawal symptoms; never smoked.", "Mother in nicotine withdrawal.",
                                  "Monitor for nicotine withdrawal if admitted."])
def test_a_denied_relatives_or_watched_for_nicotine_withdrawal_is_not(tabular, note):
    assert tobacco_product([], note, tabular)[0] == []


@pytest.mark.parametrize("note", ["A/P: 3. Tobacco use: 1/2 ppd cigarettes x 20 yrs.",
                                  "Tob use - 10 cigs/day, counseled.",
                                  "Tobacco use - 2 packs a day."])
def test_a_daily_quantity_under_tobacco_use_is_a_smoker_not_z72_0(tabular, note):
    out, _ = tobacco_product(found(note, ("Z72.0", "Tob")), note, tabular)
    assert codes(out) == ["F17.210"]


@pytest.mark.parametrize("note", ["Husband smokes 1 ppd at home.", "Former smoker, 1 ppd x 20 yrs, quit 2010.",
                                  "Tobacco use - 30 pack-years, none now.", "Denies tobacco; wife 1 ppd."])
def test_a_quantity_someone_else_smokes_or_smoked_is_no_dependence(tabular, note):
    assert not [c for c in codes(tobacco_product([], note, tabular)[0]) if c.startswith("F17")]
