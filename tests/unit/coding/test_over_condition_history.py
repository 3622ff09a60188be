"""A condition the note says has ended, that the History entries do not name, takes its chapter's personal
history code; one only dated, quiet, chronic or named as another's cause does not."""
import pytest

from services.coding.domain.context_z_codes import chapter_history_code, chapter_personal_history_codes
from services.coding.domain.note_context import COURSE_COMPLETED, DATED_PAST, RESOLVED, SINCE_EVENT
from services.coding.domain.over_condition_history import ended_condition
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

CHAPTERS = [("A00", "B99", "Certain infectious and parasitic diseases"),
            ("C00", "D49", "Neoplasms"),
            ("H60", "H95", "Diseases of the ear and mastoid process"),
            ("J00", "J99", "Diseases of the respiratory system"),
            ("N00", "N99", "Diseases of the genitourinary system"),
            ("R00", "R99", "Symptoms, signs and abnormal clinical and laboratory findings, not elsewhere classified")]
PERSONAL_CODES = [("Z86.11", "Personal history of tuberculosis"),
                  ("Z86.19", "Personal history of other infectious and parasitic diseases"),
                  ("Z87.01", "Personal history of pneumonia (recurrent)"),
                  ("Z87.09", "Personal history of other diseases of the respiratory system"),
                  ("Z87.448", "Personal history of other diseases of urinary system"),
                  ("Z85.118", "Personal history of other malignant neoplasm of bronchus and lung"),
                  ("Z82.5", "Family history of asthma and other chronic lower respiratory diseases")]


def test_each_chapter_takes_the_personal_code_of_its_other_diseases_read_from_the_titles():
    found = {c.first: c.code for c in chapter_personal_history_codes(CHAPTERS, PERSONAL_CODES)}
    # the genitourinary system is split by the Z codes (urinary, genital): no one code holds its title
    assert found == {"A00": "Z86.19", "J00": "Z87.09"}


@pytest.mark.parametrize("condition, expected", [("J86.9", "Z87.09"), ("B02.9", "Z86.19"), ("N17.9", None),
                                                 ("R05.9", None), ("C34.90", None)])
def test_a_condition_over_falls_back_to_its_chapters_personal_code(condition, expected):
    chapters = chapter_personal_history_codes(CHAPTERS, PERSONAL_CODES)
    assert chapter_history_code(condition, chapters) == expected


@pytest.mark.parametrize("code, rule, cue, before, after", [
    ("J86.9", RESOLVED, "2021, drained, resolved", "Hx: ", "."),
    ("L03.116", COURSE_COMPLETED, "treated with keflex, course completed", "Last spring ", "."),
    ("G56.22", RESOLVED, "Prior", "Prior ", " at the elbow, recovered after splinting."),
    ("A69.20", RESOLVED, "in 2019, completed", "Had ", " antibiotics and was well again."),
])
def test_a_condition_the_note_says_has_ended(code, rule, cue, before, after):
    assert ended_condition(code, rule, cue, before, after)


@pytest.mark.parametrize("code, rule, cue, before, after", [
    ("E16.2", DATED_PAST, "frequent last year", "", "."),  # only dated
    ("G44.209", SINCE_EVENT, "as a student, none lately", "", "."),  # the episodes stopped, not the condition
    ("E03.9", RESOLVED, "previous", "abnormal TSH on previous labs, likely subclinical ", "."),  # nothing over
    ("M81.0", COURSE_COMPLETED, ", completed", "", " 5 years of a bisphosphonate."),  # chronic
    ("E86.0", RESOLVED, "Prior", "prior kidney injury due to ", ", recovered."),  # another's cause
    ("K52.9", RESOLVED, "2024, treated, resolved", "E. coli ", "."),  # the organism's infection
    ("J30.9", RESOLVED, "(resolved 2022)", "", "."),  # a record's status
    ("J20.9", COURSE_COMPLETED, "doxycycline course finished", "Acute bronchitis over the holidays, ", "."),  # self-limited
    ("J40", RESOLVED, "2023, resolved", "bronchitis ", "."),  # self-limited
])
def test_a_condition_not_said_to_have_ended(code, rule, cue, before, after):
    assert not ended_condition(code, rule, cue, before, after)


@pytest.mark.parametrize("note, expected", [
    ("Sore throat today. Remote history: lung abscess of the right lower lobe 2019, drained, resolved.", "Z87.09"),
    ("HTN follow-up, stable. Remote Lyme disease (2016), treated, resolved.", "Z86.19"),
])
def test_a_past_condition_over_is_coded_by_its_chapters_personal_history(suggest, note, expected):
    found = [s for s in suggest(note) if s.code == expected]
    assert found and found[0].context == "history" and found[0].convention == "past-over-by-chapter"


def test_a_chronic_condition_on_a_past_list_takes_no_chapter_code(suggest):
    assert not [s for s in suggest("PMH: hyperlipidemia, GERD. On atorvastatin and omeprazole.")
                if s.code.startswith(("Z86", "Z87"))]


@pytest.mark.parametrize("note, past, history", [
    ("Sleep terrors as a toddler, outgrown. Here for a sports physical.", "F51.4", "Z86.59"),
    ("Bell palsy 2015, made a full recovery.", "G51.0", "Z86.69"),
    ("Seen for knee pain. Bell palsy (L) 2019, full recovery, face symmetric.", "G51.0", "Z86.69"),
    ("A/P: 1. HTN - continue amlodipine. 2. Bell palsy, right, 2022 - complete recovery.", "G51.0", "Z86.69"),
])
def test_a_condition_outgrown_or_fully_recovered_from_is_history(suggest, note, past, history):
    codes = [s.code for s in suggest(note)]
    assert past not in codes and history in codes


def test_a_condition_not_outgrown_is_current(suggest):
    assert "Z86.59" not in [s.code for s in suggest("Sleep terrors since age 4, not outgrown; worse this month.")]


@pytest.mark.parametrize("note", [
    "Bell palsy (R) 5 days ago, on prednisone, full recovery expected.",
    "Bell palsy of the left face 2 wks ago; full recovery is likely with time.",
])
def test_a_full_recovery_hoped_for_leaves_the_palsy_current(suggest, note):
    codes = [s.code for s in suggest(note)]
    assert "G51.0" in codes and "Z86.69" not in codes
