"""A condition that is over where the time of life is written before its name and the ending after it ("Childhood
asthma, none since", "Teenage migraines - none since age 16"), where a treatment named over closes it ("hepatitis C
s/p treatment"), or where it is named as a diagnosis held before ("past dx of migraine"), is not coded as current;
the History entry is, where the index has one. A time of life that names an onset or a kind, a span up to today or a
treatment that goes on keeps it current."""
import pytest

from services.coding.domain.dated_past import NONE_SINCE_CHILDHOOD
from services.coding.domain.note_context import RESOLVED, past_by_name
from tests.unit.coding.test_note_readings import coded
from tests.unit.coding.test_problem_list_and_superseded_readings import _current, _scope
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, mention", [
    ("PMH: Childhood eczema, none since.", "eczema"),
    ("A/P: 2. Teenage migraines - none since age 16.", "migraines"),
    ("Hx: adolescent panic attacks, no attacks in 20 yrs.", "panic attacks"),
    ("Dx: HTN; childhood seizures, none now; HLD.", "seizures"),
    ("Childhood reflux disease, none since, off meds.", "reflux"),
])
def test_a_time_of_life_before_the_name_and_none_after_it_is_over(note, mention):
    scope = _scope(note, mention)
    assert scope.rule == NONE_SINCE_CHILDHOOD and past_by_name(scope) and not _current(note, mention)


@pytest.mark.parametrize("note, mention", [
    # an onset, a kind of the condition, a span up to today, or episodes counted since the last visit
    ("Childhood-onset asthma, none since.", "asthma"),
    ("Childhood absence epilepsy on ethosuximide, seizure diary reviewed.", "epilepsy"),
    ("Asthma since childhood, on albuterol prn, none since last visit.", "Asthma"),
    ("Childhood asthma, still on budesonide, none since 2 weeks.", "asthma"),
    ("Syncope x2 this week, none since.", "Syncope"),
    ("Childhood asthma, GERD, none since.", "GERD"),
])
def test_an_onset_a_kind_or_a_span_to_today_is_not_read_as_over(note, mention):
    assert _scope(note, mention) is None


@pytest.mark.parametrize("note, mention", [
    ("Dx: hepatitis C s/p treatment, SVR.", "hepatitis C"),
    ("A/P: 2. Depression status post treatment, off sertraline.", "Depression"),
])
def test_a_treatment_named_over_after_the_condition_closes_it(note, mention):
    scope = _scope(note, mention)
    assert scope.rule == RESOLVED and past_by_name(scope) and not _current(note, mention)


@pytest.mark.parametrize("note, mention", [
    ("Osteoporosis s/p treatment with zoledronic acid, T-score -2.6.", "Osteoporosis"),
    ("Hepatitis B s/p treatment, still on tenofovir.", "Hepatitis B"),
    ("Breast cancer s/p treatment for the right side, new left mass.", "Breast cancer"),
])
def test_a_treatment_that_goes_on_or_is_named_further_is_not_read_as_over(note, mention):
    assert _scope(note, mention) is None


def test_childhood_asthma_over_is_its_history_beside_a_current_copd(suggest):
    found = coded(suggest, "Dx: COPD w/ emphysema - start tiotropium. Childhood asthma, none since. HTN on losartan.")
    assert "Z87.09" in found and "J43.9" in found and "I10" in found
    assert not any(code.startswith("J45") for code in found)


def test_a_treatment_over_gives_the_history_entry(suggest):
    found = coded(suggest, "A/P: 1. HTN - continue lisinopril. 2. Kidney stones s/p treatment.")
    assert "Z87.442" in found and "I10" in found and "N20.0" not in found


def test_a_past_diagnosis_is_not_coded_by_the_conditions_own_finding(suggest):
    found = coded(suggest, "A/P: 1. HTN - continue lisinopril. 2. Past dx of migraine, none in 10 yrs.")
    assert "I10" in found and not any(code.startswith("G43") for code in found)


def test_a_condition_still_treated_since_childhood_stays_coded(suggest):
    found = coded(suggest, "A/P: 1. Moderate persistent asthma since childhood, on budesonide-formoterol, none since "
                           "last visit. 2. Recurrent UTI, 3rd episode this year - nitrofurantoin.")
    assert "J45.40" in found and "N39.0" in found and "Z87.09" not in found


def test_a_treatment_over_gives_the_chapters_history_where_the_index_names_none(suggest):
    found = coded(suggest, "A/P: 1. HTN - continue lisinopril. 2. Eczema s/p treatment.")
    assert "Z87.2" in found and "I10" in found and not any(code.startswith("L30") for code in found)
