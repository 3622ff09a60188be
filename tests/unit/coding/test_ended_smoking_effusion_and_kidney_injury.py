"""A smoking told in the past tense with its end but no "quit" ("smoked in her twenties, none for 15 years") is a
former smoker's history (Z87.891), never nicotine dependence now; a smoker now, or a nicotine dependence current in
another product, keeps it out. A pleural effusion or an empyema drained and gone and an acute kidney injury
recovered take the index's History entries (Z87.09, Z87.448); one still there stays itself. A follow-up after
completed treatment whose condition comes after an organism's initial ("- E. coli pyelonephritis") is still Z09."""
import pytest

from services.coding.domain.context_z_codes import history_code
from services.coding.domain.encounter_reasons import encounter_reasons
from services.coding.domain.history_z_codes import history_z_codes
from services.coding.domain.tobacco import tobacco_product
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Smoked in her twenties, none for 15 years.",
    "Smoked a pack a day in college, none since 2019.",
    "Smoked until the diagnosis in May. Cleared for surgery.",
    "He smoked cigars until 2012.",
    "Smoked 1 ppd x 10 yrs, no cigarettes since 2008.",
])
def test_a_smoking_told_past_with_its_end_is_a_former_smokers_history(tabular, note):
    out, reasons = history_z_codes([], note, tabular)
    assert codes(out) == ["Z87.891"] and out[0].context == "history" and reasons


@pytest.mark.parametrize("note, current", [
    ("Smokes 1/2 ppd; smoked 2 ppd until 2020.", []),  # a smoker now
    ("Smoked in college, quit, restarted last year, 1/2 ppd.", []),  # back again
    ("Smoked until 2015, now smokes again.", []),
    ("Never smoked, none in the household since 2019.", []),
    # a nicotine dependence current in another product excludes its history
    ("Nicotine dependence, vapes daily. Smoked cigarettes in high school, none since.",
     [("F17.290", "Nicotine dependence")]),
])
def test_no_former_smokers_history_beside_smoking_now(tabular, note, current):
    out, _ = history_z_codes(found(note, *current), note, tabular)
    assert "Z87.891" not in codes(out)


def test_a_daily_quantity_in_an_ended_smoking_is_not_smoking_now(tabular):
    ended = "Smoked a pack a day in college, none since 2019."
    assert codes(tobacco_product([], ended, tabular)[0]) == []
    beside = "Smokes 1/2 ppd; smoked 2 ppd until 2020."
    assert codes(tobacco_product([], beside, tabular)[0]) == ["F17.210"]


@pytest.mark.parametrize("condition, personal", [("J90", "Z87.09"), ("J86.9", "Z87.09"), ("N17.9", "Z87.448")])
def test_an_effusion_empyema_or_kidney_injury_over_has_its_history_entry(condition, personal):
    assert history_code("history", condition) == personal and history_code("family", condition) is None


@pytest.mark.parametrize("note, coded, not_coded", [
    ("Lab order: BMP. Hx of AKI 2024, creatinine back to baseline.", "Z87.448", "N17.9"),
    ("Dx: CKD stage 3b. Prior acute kidney injury in 2024 from dehydration, recovered.", "Z87.448", "N17.9"),
    ("Pulm, 70F. Hx L pleural effusion 2018, drained, no recurrence.", "Z87.09", "J90"),
    ("PFT report. Hx: L empyema 2023, drained, resolved.", "Z87.09", "J86.9"),
    # still there: the condition, never its history
    ("AKI on admission, creatinine 2.1, improving.", "N17.9", "Z87.448"),
    ("R pleural effusion, s/p thoracentesis 1 wk ago, reaccumulating.", "J90", "Z87.09"),
])
def test_an_effusion_or_kidney_injury_is_history_once_over_and_itself_while_there(suggest, note, coded, not_coded):
    billed_codes = billed(suggest, note)
    assert coded in billed_codes and not_coded not in billed_codes


def test_the_condition_after_an_organisms_initial_is_the_followed_up_courses(tabular):
    note = ("Lab req: urine culture. Dx: follow-up after completed treatment - E. coli pyelonephritis, finished 10 "
            "days of ciprofloxacin 1 wk ago, afebrile.")
    past = found(note, ("Z87.440", "pyelonephritis"), context="history")
    assert codes(encounter_reasons(past, note, tabular)[0]) == ["Z09", "Z87.440"]
    still = note.replace("finished 10 days of ciprofloxacin 1 wk ago", "still on ciprofloxacin")
    assert codes(encounter_reasons(found(still, ("Z87.440", "pyelonephritis"), context="history"), still,
                                   tabular)[0]) == ["Z87.440"]
