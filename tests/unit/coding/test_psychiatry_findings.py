"""ADHD, social phobia, bipolar disorder, dependence with withdrawal and major depression take the characters
their sentence states; the unspecified code of a condition coded with its type is dropped."""
import pytest

from services.coding.domain.conventions import apply_conventions
from services.coding.domain.psychiatry_findings import depression_episode
from services.coding.domain.same_condition import same_condition
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


# the note, the codes made from it
NOTES = [
    ("Attention-deficit hyperactivity disorder, combined presentation.", ["F90.2"]),
    ("Attention deficit disorder, predominantly inattentive.", ["F90.0"]),
    ("Attention-deficit hyperactivity disorder, hyperactive/impulsive type.", ["F90.1"]),
    ("Social phobia, generalized, since college.", ["F40.11"]),
    ("Social anxiety disorder limited to public speaking.", ["F40.10"]),
    ("Bipolar I disorder, current episode manic, severe, no psychotic features.", ["F31.13"]),
    ("Bipolar 1 disorder, current episode depressed, mild.", ["F31.31"]),
    ("Bipolar I disorder, current episode manic, mod, on valproate.", ["F31.12"]),
    ("Bipolar disorder, currently hypomanic.", ["F31.0"]),
    ("Bipolar affective disorder, current episode mixed, severe with psychotic features.", ["F31.64"]),
    ("Bipolar II disorder on lamotrigine.", ["F31.81"]),
    ("Bipolar disorder, stable on lithium.", ["F31.9", "Z79.899"]),  # lithium kept up: its long-term use
    ("Alcohol dependence with withdrawal, shaky this morning.", ["F10.239"]),
    ("Alcohol dependence with withdrawal delirium.", ["F10.231"]),
    ("Benzodiazepine dependence with withdrawal, uncomplicated.", ["F13.230"]),
    ("Opioid use disorder, severe with withdrawal.", ["F11.23"]),
    ("Insomnia secondary to PTSD.", ["F51.05"]),
    ("Insomnia due to nocturia.", ["G47.01"]),
    # in remission: partial or full with the most recent episode's kind, the tabular's F31.7- titles
    ("Bipolar disorder, currently in partial remission, most recent episode depressed.", ["F31.75"]),
    ("Bipolar I disorder in full remission, last episode manic; continue lithium.", ["F31.74", "Z79.899"]),
    ("Bipolar affective disorder, most recent episode hypomanic, now in partial remission.", ["F31.71"]),
    ("Bipolar 1 disorder, most recent episode mixed, in full remission.", ["F31.78"]),
    # the drug written for the tabular's sedative and stimulant classes, by the DSM-5 severity
    ("Methamphetamine use disorder, moderate, in a residential program.", ["F15.20"]),
    ("Stimulant use disorder, mild (amphetamine pills).", ["F15.10"]),
    ("Benzodiazepine dependence, slow clonazepam taper.", ["F13.20"]),
    ("Benzodiazepine use disorder, mild, in sustained remission.", ["F13.11"]),
    ("Amphetamine use disorder, severe, in early remission.", ["F15.21"]),
    ("Sedative-hypnotic abuse.", ["F13.10"]),
    # on maintenance therapy is dependence; remission only as stated
    ("Opioid use disorder on buprenorphine, UDS as expected.", ["F11.20"]),
    ("Opioid dependence on methadone 90 mg daily via the clinic.", ["F11.20"]),
    ("Opioid use disorder on Suboxone, in early remission.", ["F11.21"]),
    ("Opioid use disorder in sustained remission on methadone via the clinic.", ["F11.21"]),
    # the episode opens the next sentence
    ("Bipolar I disorder, seen monthly. Current episode manic, moderate, pressured speech.", ["F31.12"]),
    ("Bipolar I d/o since 2010. Most recent episode depressed, in full remission.", ["F31.76"]),
]


@pytest.mark.parametrize("note, expected", NOTES)
def test_a_psychiatric_condition_takes_the_characters_its_sentence_states(tabular, note, expected):
    assert codes(apply_conventions([], note, tabular)) == expected


@pytest.mark.parametrize("note, prefix", [("Bipolar disorder, in partial remission.", "F31"),
                                          ("Bipolar disorder in remission, most recent episode depressed.", "F31.7"),
                                          ("Bipolar I disorder, not in full remission, last episode manic.", "F31.7"),
                                          ("Methamphetamine use disorder, UDS positive.", "F15"),
                                          ("Stimulant use disorder (cocaine), severe.", "F15"),
                                          ("No history of benzodiazepine dependence.", "F13"),
                                          ("Insomnia due to alcohol.", "G47.01"),
                                          # a later sentence's episode is not the disorder's when it is not
                                          # the next sentence's opening
                                          ("Bipolar I disorder. Sleeping well. Current episode manic.", "F31.1")])
def test_what_the_words_do_not_settle_is_left_to_a_coder(tabular, note, prefix):
    assert not any(c.startswith(prefix) for c in codes(apply_conventions([], note, tabular)))


@pytest.mark.parametrize("note, expected", [
    ("Major depression, recurrent, moderate.", "F33.1"),
    ("Major depression, single episode, severe with psychotic features.", "F32.3"),
    ("Major depression, recurrent, severe without psychotic features.", "F33.2"),
    ("Major depression, recurrent, in partial remission.", "F33.41"),
    ("Major depression, recurrent, in remission.", "F33.40"),
    ("Major depression, in full remission.", "F32.5"),
    ("Major depression.", "F32.9"),
    # a recurrent disorder's episode resolved is in remission, unspecified; a single episode's is left alone
    ("Major depression, recurrent, severe - now resolved.", "F33.40"),
    ("Major depression, recurrent, mild, resolved with therapy.", "F33.40"),
    ("Major depression, recurrent, moderate, not resolved.", "F33.1"),
    ("Major depression, recurrent, moderate; back pain resolved.", "F33.1"),
    ("Major depression, single episode, mod, starting CBT.", "F32.1"),  # the severity abbreviated
])
def test_major_depression_by_episode_severity_and_remission(tabular, note, expected):
    out, _ = depression_episode(found(note, ("F32.9", "Major depression")), note, tabular)
    assert codes(out) == [expected]


def test_depression_of_a_relative_is_not_rewritten(tabular):
    note = "Major depression, recurrent, severe in her mother."
    out, _ = depression_episode(found(note, ("F32.9", "Major depression"), context="family"), note, tabular)
    assert codes(out) == ["F32.9"]


@pytest.mark.parametrize("given, expected", [
    ((("F32.A", "depression"), ("F33.1", "recurrent MDD")), ["F33.1"]),
    ((("G40.909", "epilepsy"), ("G40.B09", "JME")), ["G40.B09"]),
    ((("F41.0", "depression"), ("F41.1", "JME")), ["F41.0", "F41.1"]),
])
def test_the_unspecified_code_of_a_condition_coded_with_its_type_is_dropped(tabular, given, expected):
    note = "depression; recurrent MDD; epilepsy: JME."
    out, _ = same_condition(found(note, *given), note, tabular)
    assert codes(out) == expected



def test_a_printed_title_gives_way_to_the_remission_its_sentence_states(suggest):
    found = {x.code for x in suggest("Major depressive disorder, recurrent, severe without psychotic features - "
                                     "resolved, off bupropion.") if x.confidence >= 0.90}
    assert "F33.40" in found and "F33.2" not in found


# "depression" qualified by its episode is the index's major depressive disorder (Depression, recurrent: see
# Disorder, depressive, recurrent), read by severity like MDD; "depression" alone stays F32.A
@pytest.mark.parametrize("note, expected", [
    ("Depression, single episode, moderate - sertraline 50 mg started.", "F32.1"),
    ("Pulm f/u. COPD stable. Depression, single episode, mild - per PCP.", "F32.0"),
    ("Depression, recurrent, severe without psychotic features - venlafaxine increased.", "F33.2"),
    ("A/P: 1. HTN - continue lisinopril. 2. Depression, recurrent, moderate - therapy.", "F33.1"),
])
def test_depression_named_with_its_episode_is_a_major_depressive_disorder(suggest, note, expected):
    billed = {x.code for x in suggest(note) if x.confidence >= 0.90}
    assert expected in billed and "F32.A" not in billed


@pytest.mark.parametrize("note, not_billed", [
    ("Depression, single episode, moderate in 2015, resolved, off meds.", "F32.1"),
    ("Mother with depression, recurrent, severe.", "F33.2"),
    ("Denies depression, recurrent or otherwise.", "F33.9"),
])
def test_depression_with_its_episode_keeps_its_context(suggest, note, not_billed):
    assert not_billed not in {x.code for x in suggest(note) if x.confidence >= 0.90}
