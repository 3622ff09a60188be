"""The scope rules that keep a condition the note names from being coded as current, one cue at a time."""
import pytest

from services.coding.domain.note_context import clause, mention_scope
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def rule_for(text: str, mention: str) -> str | None:
    start = text.index(mention)
    scope = mention_scope(text, start, start + len(mention))
    return scope.rule if scope else None


@pytest.mark.parametrize("text, mention", [
    ("Screening for lung cancer with low-dose CT.", "lung cancer"),
    ("Lung cancer screening CT ordered.", "Lung cancer"),
    ("Depression screen negative.", "Depression"),
    ("Depression: PHQ-9 0.", "Depression"),
    ("Screened for diabetes with an A1c.", "diabetes"),
])
def test_a_condition_only_screened_for_is_not_current(text, mention):
    assert rule_for(text, mention) == "screening"


@pytest.mark.parametrize("text, mention", [
    ("Call if headache develops.", "headache"),
    ("Return if symptoms recur or chest pain starts.", "chest pain"),
    ("Discussed the risk of stroke off anticoagulation.", "stroke"),
    ("Discussed stroke risk if anticoagulation is stopped.", "stroke"),
    ("Statin to prevent myocardial infarction.", "myocardial infarction"),
    ("Panic attacks may occur when tapering.", "Panic attacks"),
    ("Reassess for asthma in 4 wks if it persists.", "asthma"),
])
def test_a_supposed_condition_is_not_current(text, mention):
    assert rule_for(text, mention) == "hypothetical"


@pytest.mark.parametrize("text, mention", [
    ("Cellulitis of the leg, resolved.", "Cellulitis"),
    ("Cellulitis of the left lower leg, resolved.", "Cellulitis"),
    ("Resolved cellulitis of the leg.", "cellulitis"),
    ("Breast cancer status post treatment, no recurrence.", "Breast cancer"),
    ("Prior pneumonia in 2019.", "pneumonia"),
    ("Cellulitis resolved since the last visit.", "Cellulitis"),
    ("Dysphagia as a late effect of cerebral infarction.", "cerebral infarction"),
])
def test_a_resolved_condition_is_not_current(text, mention):
    assert rule_for(text, mention) == "resolved"


def test_an_episode_that_began_and_ended_at_the_visit_is_still_current():
    assert rule_for("Epistaxis this morning, resolved with pressure.", "Epistaxis") is None
    assert rule_for("Cellulitis recurred after it had resolved.", "Cellulitis") is None


@pytest.mark.parametrize("text, mention", [
    ("Mother has breast cancer.", "breast cancer"),
    ("Family history: coronary artery disease.", "coronary artery disease"),
    ("Brother with schizophrenia.", "schizophrenia"),
    ("Colon cancer in her father at 60.", "Colon cancer"),
])
def test_a_relatives_condition_is_read_as_family_history(text, mention):
    assert rule_for(text, mention) == "family"


def test_living_with_or_reported_by_a_relative_is_not_a_family_history():
    assert rule_for("Lives with daughter. Hypertension controlled.", "Hypertension") is None
    assert rule_for("Daughter reports memory loss and dementia.", "dementia") is None
    assert rule_for("Lives with daughter, hypertension controlled.", "hypertension") is None


@pytest.mark.parametrize("text, mention", [
    ("Denies chest pain, shortness of breath, nausea with vomiting.", "chest pain"),
    ("Denies chest pain, shortness of breath, nausea with vomiting.", "shortness of breath"),
    ("Denies chest pain, shortness of breath, nausea with vomiting.", "nausea with vomiting"),
    ("No fever or cough.", "cough"),
    ("Negative for pneumonia on x-ray.", "pneumonia"),
    ("Myocardial infarction ruled out.", "Myocardial infarction"),
    ("Pulmonary embolism was excluded by CTA.", "Pulmonary embolism"),
    ("Two high readings in clinic, but she has never been told she has high blood pressure.", "high blood pressure"),
    ("Never diagnosed with diabetes; fasting glucose 104.", "diabetes"),
])
def test_a_denied_condition_is_not_current_across_a_list(text, mention):
    assert rule_for(text, mention) == "negated"


@pytest.mark.parametrize("text, mention", [
    ("Hypertension, controlled.", "Hypertension"),
    ("Acute pharyngitis, rapid strep negative.", "Acute pharyngitis"),
    ("Denies chest pain but has hypertension.", "hypertension"),
    ("No fever; asthma worse at night.", "asthma"),
    ("Never told he had diabetes. New type 2 diabetes, A1c 8.1.", "type 2 diabetes"),
    ("Pre-op eval prior to R TKA for primary OA of R knee.", "primary OA"),  # "prior to" an event, not a past
    ("Depression screening positive; depression, started sertraline.", "depression, started"[:10]),
])
def test_a_current_condition_outside_every_scope_is_coded(text, mention):
    start = text.rindex(mention)
    assert mention_scope(text, start, start + len(mention)) is None


def test_the_scope_is_the_clause_around_the_mention():
    text = "No fever; cough for two days but no wheeze."
    start = text.index("cough")
    first, last = clause(text, start, start + 5)
    assert text[first:last].strip() == "cough for two days"


def test_the_cue_is_named_in_the_scope():
    text = "Denies chest pain."
    assert mention_scope(text, 7, 17).cue == "Denies"


def test_a_decimal_point_ends_no_sentence():
    from services.coding.domain.note_text import sentence
    note = "T2DM. A1c 9.6, poorly controlled. Next."
    start = note.index("poorly")
    assert sentence(note, start, start + 6) == " A1c 9.6, poorly controlled"


def test_a_result_on_prior_labs_is_not_a_past_condition_but_a_prior_history_is():
    from services.coding.domain.note_text import current
    note = "Reason: abnormal TSH 6.8 on prior labs."
    assert current(note, note.index("abnormal"), note.index(" 6.8"))
    note = "Abnormal TSH, prior history."
    assert not current(note, 0, 12)


@pytest.mark.parametrize("text, mention", [
    ("Single unprovoked seizure; criteria for epilepsy not met.", "epilepsy"),
    ("Asthma not confirmed on spirometry.", "Asthma"),
    ("Diagnosis of COPD was not established by PFTs.", "COPD"),
])
def test_a_diagnosis_the_note_sets_aside_after_naming_it_is_not_established(text, mention):
    assert rule_for(text, mention) == "not-established"


def test_not_established_reaches_only_the_condition_it_follows_closely():
    assert rule_for("Epilepsy on levetiracetam, seizure free; criteria for status not met.", "Epilepsy") is None


def test_a_seizure_whose_epilepsy_is_not_established_is_coded_as_the_seizure(suggest):
    suggestions, skipped = suggest.read("Impression: single unprovoked seizure; criteria for epilepsy not met.")
    assert {s.code for s in suggestions} == {"R56.9"}
    assert ("G40.909", "not-established") in {(k.code, k.rule) for k in skipped}


@pytest.mark.parametrize("text, expected", [
    ("Prior MI 2020.", {"I25.2"}),
    ("Prior stroke, no residual deficits.", {"Z86.73"}),
    ("Previous PE, completed anticoagulation.", {"Z86.711"}),
    ("Prior cellulitis of the leg.", set()),  # no History entry: nothing, as before
    ("Cellulitis of the leg, resolved.", set()),
])
def test_a_condition_named_prior_or_previous_is_its_history_entry_where_the_index_has_one(suggest, text, expected):
    suggestions, skipped = suggest.read(text)
    assert {s.code for s in suggestions} == expected
    assert all(s.convention == "past-by-name" and s.context == "history" for s in suggestions)
    if not expected:
        assert [k.rule for k in skipped] == ["resolved"]


@pytest.mark.parametrize("text, mention", [
    ("Finished 10 days of amoxicillin-clavulanate for acute maxillary sinusitis last wk.", "acute maxillary sinusitis"),
    ("Surveillance visit after completed tx for LUL lung adenocarcinoma.", "lung adenocarcinoma"),
])
def test_the_condition_a_completed_course_was_for_is_past(text, mention):
    from services.coding.domain.note_context import past_by_name
    start = text.index(mention)
    scope = mention_scope(text, start, start + len(mention))
    assert scope.rule == "resolved" and past_by_name(scope)


@pytest.mark.parametrize("text, mention", [
    ("Completed 3 of 6 cycles of chemo for breast cancer.", "breast cancer"),  # a course under way
    ("Has not completed the antibiotics for cellulitis.", "cellulitis"),
])
def test_a_course_not_complete_leaves_its_condition_current(text, mention):
    assert rule_for(text, mention) is None


@pytest.mark.parametrize("text, mention", [
    ("Lab order: hepatitis B surface antibody titer.", "hepatitis B"),
    ("Lyme IgM and IgG sent.", "Lyme"),
])
def test_a_condition_named_as_a_tests_analyte_is_not_a_diagnosis(text, mention):
    assert rule_for(text, mention) == "lab-test-analyte"


def test_a_condition_followed_by_other_words_is_not_an_analyte():
    assert rule_for("Hepatitis B, chronic, on tenofovir.", "Hepatitis B") is None


@pytest.mark.parametrize("text, mention", [
    ("DMT: none since pregnancy 2023, pt declines restarting.", "pregnancy"),
    ("Doing well since her stroke in 2019.", "stroke"),
    ("Off anticoagulation since the DVT.", "DVT"),
])
def test_the_event_something_is_dated_from_is_past(text, mention):
    from services.coding.domain.note_context import Z_CODE_RULES, past_by_name
    start = text.index(mention)
    scope = mention_scope(text, start, start + len(mention))
    assert scope.rule == "since-event" and past_by_name(scope)
    # a Z code's text carries its own context, not the date of its event: this rule reads it too
    assert mention_scope(text, start, start + len(mention), Z_CODE_RULES).rule == "since-event"


@pytest.mark.parametrize("text, mention", [
    ("Worse since diabetes was diagnosed in 2015.", "diabetes"),  # when the condition began
    ("Since dx of hypertension, on lisinopril.", "hypertension"),
    ("Asthma since childhood, on albuterol prn.", "Asthma"),  # "since" after the mention dates it, it is current
])
def test_since_dating_a_current_condition_leaves_it_current(text, mention):
    assert rule_for(text, mention) is None


def test_a_pregnancy_something_is_dated_from_is_no_pregnant_state_and_an_mi_is_an_old_mi(suggest):
    suggestions, skipped = suggest.read("MS clinic. DMT: none since pregnancy 2023. On aspirin since MI 2020.")
    assert "Z33.1" not in {s.code for s in suggestions}
    assert ("Z33.1", "since-event") in {(k.code, k.rule) for k in skipped}
    assert {s.code: s.convention for s in suggestions}.get("I25.2") == "past-by-name"
