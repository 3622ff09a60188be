"""A pregnant patient's conditions read into chapter 15 with the trimester the weeks give, the weeks' Z3A code beside
a chapter 15 code, the incidental pregnancy, gestational diabetes by its control, early bleeding and the routine
postpartum visit: sentences of our own wording."""
import pytest

from services.coding.domain.pregnancy_chapter import (NAME, complicating_code, current_pregnancy, current_puerperium,
                                                      gestational_diabetes_control, pregnancy_chapter, trimester_of,
                                                      weeks_code)
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("weeks, trimester", [(6, 1), (13, 1), (14, 2), (27, 2), (28, 3), (40, 3)])
def test_the_trimester_by_completed_weeks(weeks, trimester):
    assert trimester_of(weeks) == trimester


@pytest.mark.parametrize("weeks, code", [(5, "Z3A.01"), (8, "Z3A.08"), (19, "Z3A.19"), (42, "Z3A.42"), (43, "Z3A.49")])
def test_the_weeks_code(weeks, code):
    assert weeks_code(weeks) == code


@pytest.mark.parametrize("note, weeks", [
    ("G3P2 at 31 weeks, here for a cough.", 31),
    ("She is 11 wks pregnant by dates.", 11),
    ("IUP at 9w2d on the dating scan, prenatal care with OB.", 9),
    ("Gestational age 25 weeks; pregnancy otherwise normal.", 25),
    ("Pregnant, 17 weeks by LMP, with a rash.", 17),
])
def test_the_current_pregnancy_by_its_weeks(note, weeks):
    assert current_pregnancy(note).weeks == weeks


@pytest.mark.parametrize("note", [
    "Her son was born at 34 weeks in 2019; no pregnancy now.",
    "Delivered at 38 weeks last spring, now breastfeeding.",
    "Miscarriage at 10 weeks of pregnancy in 2022.",
    "Urine hCG negative, not pregnant; LMP 4 weeks ago.",
    "Planning pregnancy next year, on folic acid.",
    # a newborn's note: the pregnancy and its preeclampsia are the mother's, the weeks the baby's
    "NICU day 4. 4 d old M, delivered by C/S for maternal preeclampsia at 30 weeks gestation.",
    "3 wk old girl seen for feeding; mother had GDM, follow-up echo at 2 wks.",
])
def test_a_pregnancy_ended_denied_or_planned_is_not_current(note):
    assert current_pregnancy(note) is None


def test_the_trimester_named_without_weeks():
    pregnancy = current_pregnancy("Pregnant, third trimester, with heartburn.")
    assert pregnancy.weeks is None and pregnancy.trimester == 3


@pytest.mark.parametrize("code, trimester, expected", [
    ("F41.1", 2, "O99.342"), ("G40.909", 1, "O99.351"), ("J45.909", 3, "O99.513"), ("E03.9", 1, "O99.281"),
    ("D50.9", 3, "O99.013"), ("K58.9", 2, "O99.612"), ("L20.9", 2, "O99.712"), ("I49.9", 3, "O99.413"),
    ("I10", 2, "O10.012"),
])
def test_the_chapter_15_code_of_a_condition(code, trimester, expected):
    assert complicating_code(code, trimester) == expected


@pytest.mark.parametrize("code", ["F17.210", "F10.20", "E11.9", "E66.9", "I26.99", "I82.401", "K80.20", "R10.9"])
def test_conditions_with_codes_of_their_own_in_pregnancy_are_left_to_a_coder(code):
    assert complicating_code(code, 2) is None


def test_a_condition_in_a_current_pregnancy_gets_its_chapter_15_code_and_the_weeks(tabular):
    note = "Pregnant at 23 weeks; panic disorder flaring, CBT referral."
    out, reasons = pregnancy_chapter(found(note, ("F41.0", "panic disorder")), note, tabular)
    assert codes(out) == ["F41.0", "O99.342", "Z3A.23"] and reasons
    assert all(s.convention == NAME for s in out if s.code != "F41.0")


def test_hypertension_in_pregnancy_is_its_o10_code_in_place_of_i10(tabular):
    note = "G1P0 at 9 weeks gestation with essential hypertension, on nifedipine."
    out, _ = pregnancy_chapter(found(note, ("I10", "essential hypertension")), note, tabular)
    assert codes(out) == ["O10.011", "Z3A.09"]


def test_an_incidental_pregnancy_is_z33_1_and_leaves_the_condition_in_its_chapter(tabular):
    note = "Sprained right ankle. She is 20 weeks pregnant, pregnancy incidental to this visit."
    out, _ = pregnancy_chapter(found(note, ("J06.9", "Sprained")), note, tabular)
    assert codes(out) == ["J06.9", "Z33.1", "Z3A.20"]


def test_the_index_default_pregnant_state_goes_once_the_chapter_codes_the_pregnancy(tabular):
    note = "Pregnant at 15 weeks with eczema of both hands."
    out, _ = pregnancy_chapter(found(note, ("L30.9", "eczema"), ("Z33.1", "Pregnant")), note, tabular)
    assert codes(out) == ["L30.9", "O99.712", "Z3A.15"]


def test_no_weeks_code_without_a_chapter_15_or_supervision_code(tabular):
    note = "Pregnant at 26 weeks with palpitations, reassured."
    out, _ = pregnancy_chapter(found(note, ("R00.2", "palpitations")), note, tabular)
    assert codes(out) == ["R00.2"]


def test_a_past_pregnancy_leaves_the_condition_alone(tabular):
    note = "Asthma since her pregnancy, which she delivered at 39 weeks in 2020."
    out, _ = pregnancy_chapter(found(note, ("J45.909", "Asthma")), note, tabular)
    assert codes(out) == ["J45.909"]


@pytest.mark.parametrize("text, character", [
    ("GDM managed with diet and exercise alone.", "0"),
    ("Diet-controlled gestational diabetes.", "0"),
    ("GDM, now on NPH insulin at bedtime.", "4"),
    ("Gestational diabetes on metformin 500 mg BID.", "5"),
    ("GDM on glyburide and insulin.", "4"),
    ("GDM; no insulin needed, diet controlled.", "0"),
    ("Gestational diabetes, control not yet settled.", None),
])
def test_gestational_diabetes_by_its_control(text, character):
    assert gestational_diabetes_control(text) == character


def test_gestational_diabetes_suggested_takes_the_code_of_its_control(tabular):
    note = "G2P1 at 33 weeks, GDM on insulin detemir."
    out, _ = pregnancy_chapter(found(note, ("O24.419", "GDM")), note, tabular)
    assert codes(out) == ["O24.414", "Z3A.33"]


@pytest.mark.parametrize("note, code", [
    ("Pregnant at 7 weeks with light vaginal bleeding since yesterday.", "O20.9"),
    ("Threatened miscarriage, 9 weeks pregnant, closed cervix.", "O20.0"),
])
def test_bleeding_before_20_weeks(tabular, note, code):
    out, _ = pregnancy_chapter([], note, tabular)
    assert code in codes(out)


def test_bleeding_denied_or_after_20_weeks_is_not_early_bleeding(tabular):
    for note in ("Pregnant at 8 weeks, no bleeding, mild nausea.", "Pregnant at 30 weeks with spotting after sex."):
        assert "O20.9" not in codes(pregnancy_chapter([], note, tabular)[0])


@pytest.mark.parametrize("note", ["Routine postpartum check 5 weeks after a cesarean.",
                                  "Postnatal visit: recovering well, breastfeeding."])
def test_the_routine_postpartum_visit(tabular, note):
    assert codes(pregnancy_chapter([], note, tabular)[0]) == ["Z39.2"]


@pytest.mark.parametrize("note", ["Lactation visit at 3 months: supply good, nipples healed.",
                                  "Seen for care and examination of a breastfeeding mother, 10 weeks after birth.",
                                  "A/P: lactating mother, routine check - continue nursing."])
def test_the_lactating_mothers_own_visit(tabular, note):
    assert codes(pregnancy_chapter([], note, tabular)[0]) == ["Z39.1"]


@pytest.mark.parametrize("note", ["5 d old M: poor latch, lactation consult today.",
                                  "No lactation visit needed, formula feeding."])
def test_a_babys_lactation_consult_or_a_denied_visit_is_no_lactating_mothers_care(tabular, note):
    assert "Z39.1" not in codes(pregnancy_chapter([], note, tabular)[0])


@pytest.mark.parametrize("note, expected", [
    ("Routine prenatal visit, G1P0 at 16 weeks, no concerns.", ["Z34.02", "Z3A.16"]),
    ("G3P2 at 30 weeks, prenatal care: fundal height 30 cm, FHR 140.", ["Z34.83", "Z3A.30"]),
    ("Supervision of normal pregnancy, first trimester; prenatal vitamins.", ["Z34.91"]),
])
def test_a_prenatal_visit_with_no_complication_is_supervision_by_trimester(tabular, note, expected):
    assert codes(pregnancy_chapter([], note, tabular)[0]) == expected


def test_a_complication_coded_is_no_normal_pregnancy(tabular):
    note = "Prenatal visit, G2P1 at 24 weeks, asthma flaring."
    out, _ = pregnancy_chapter(found(note, ("J45.909", "asthma")), note, tabular)
    assert codes(out) == ["J45.909", "O99.512", "Z3A.24"]


@pytest.mark.parametrize("note", [
    "Seen 2 weeks postpartum for a cough.",
    "Now 10 days after a cesarean delivery.",
    "Psoriasis flaring in the puerperium.",
])
def test_the_puerperium_stated_as_now(note):
    assert current_puerperium(note) is not None


@pytest.mark.parametrize("note", [
    "Three months postpartum; 12 weeks after delivery she has a cough.",
    "Not postpartum: her last delivery was in 2019.",
    "5 d old F, now 5 days after a vaginal delivery, jaundice check.",
])
def test_a_delivery_more_than_six_weeks_ago_is_no_puerperium(note):
    assert current_puerperium(note) is None


def test_a_condition_in_the_puerperium_gets_the_chapter_15_puerperium_code(tabular):
    note = "4 weeks postpartum, panic attacks most days. Dx: panic disorder."
    out, reasons = pregnancy_chapter(found(note, ("F41.0", "panic disorder")), note, tabular)
    assert codes(out) == ["F41.0", "O99.345"] and reasons


def test_an_injury_in_pregnancy_is_o9a_with_the_trimester(tabular):
    note = "Pregnant, 25 weeks by LMP; fell on the ice and sprained her left wrist."
    out, _ = pregnancy_chapter(found(note, ("S63.502A", "sprained her left wrist")), note, tabular)
    assert codes(out) == ["O9A.212", "S63.502A", "Z3A.25"]


@pytest.mark.parametrize("note, code, expected", [
    ("G2P1 at 35 weeks gestation with gestational hypertension.", "O13.9", "O13.3"),
    ("G1 at 22 weeks, new pre-eclampsia.", "O14.90", "O14.92"),
    ("8 days after delivery, pre-eclampsia with severe features.", "O14.10", "O14.15"),
])
def test_a_chapter_15_code_of_unspecified_trimester_takes_the_stated_one(tabular, note, code, expected):
    word = "pre-eclampsia" if "eclampsia" in note else "gestational hypertension"
    out, _ = pregnancy_chapter(found(note, (code, word)), note, tabular)
    assert expected in codes(out) and code not in codes(out)


def test_beside_gestational_diabetes_no_untyped_diabetes_nor_its_drug(tabular):
    note = "High-risk clinic for diabetes. G2P1 at 30 weeks, GDM on glyburide."
    given = found(note, ("E11.9", "diabetes"), ("O24.419", "GDM"), ("Z79.84", "glyburide"))
    assert codes(pregnancy_chapter(given, note, tabular)[0]) == ["O24.415", "Z3A.30"]


def test_a_threatened_miscarriage_is_no_miscarriage(tabular):
    note = "Threatened miscarriage at 8 weeks by LMP, os closed."
    out, _ = pregnancy_chapter(found(note, ("O03.4", "miscarriage")), note, tabular)
    assert codes(out) == ["O20.0", "Z3A.08"]


@pytest.mark.parametrize("note, expected", [
    ("Initial prenatal visit, 39 yo G3P2 at 11 weeks, advanced maternal age.", ["O09.521", "Z3A.11"]),
    ("First prenatal visit: G1P0, 36 yo, AMA, 15 weeks by dates.", ["O09.512", "Z3A.15"]),
    ("Prenatal visit at 24 weeks, G2P1 with a history of preterm delivery at 32 weeks.", ["O09.212", "Z3A.24"]),
    ("High-risk OB visit: IVF pregnancy, G1 at 9 weeks.", ["O09.01", "Z3A.09"]),
])
def test_a_prenatal_visit_for_a_high_risk_pregnancy_is_o09_by_its_reason(tabular, note, expected):
    assert codes(pregnancy_chapter([], note, tabular)[0]) == expected


def test_the_high_risk_reason_at_a_visit_for_something_else_is_not_o09(tabular):
    note = "Dermatology consult: 38 yo G2P1 at 20 weeks pregnant, AMA, with eczema."
    assert not any(c.startswith("O09") for c in codes(pregnancy_chapter([], note, tabular)[0]))


def test_a_symptom_the_provider_ties_to_the_pregnancy_is_o26_89_with_the_symptom(tabular):
    note = "G2P1 at 17 weeks gestation. Assessment: lightheadedness of pregnancy, hydrate."
    out, _ = pregnancy_chapter(found(note, ("R42", "lightheadedness")), note, tabular)
    assert codes(out) == ["O26.892", "R42", "Z3A.17"]


def test_the_metabolic_disturbance_of_hyperemesis_is_its_own(tabular):
    note = "Hyperemesis gravidarum with dehydration, 10 weeks pregnant; ketones 3+."
    given = found(note, ("O21.1", "Hyperemesis gravidarum"), ("E86.0", "dehydration"), ("R82.4", "ketones"))
    assert codes(pregnancy_chapter(given, note, tabular)[0]) == ["O21.1", "Z3A.10"]


@pytest.mark.parametrize("note", ["Seen 2 wks status post NSVD for a wound check.",
                                  "10 days after c-section, afebrile.", "4 weeks s/p cesarean section, incision healing."])
def test_a_puerperium_counted_from_the_delivery_by_its_abbreviation(note):
    assert current_puerperium(note) is not None
