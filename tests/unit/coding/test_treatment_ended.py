"""A follow-up visit after a treatment whose end is written after it, or before a treatment closing its phrase, is
Z09 with the condition's history code; a condition without a History entry is held for a coder; a follow-up whose
condition is already read over is still Z09 where the visit's purpose is the follow-up and the outcome is said."""
import re

import pytest

from services.coding.domain.encounter_reasons import encounter_reasons
from services.coding.domain.treatment_ended import (COURSE_BY_ITS_PROCEDURE, TREATMENT_ENDED_AFTER_CUE,
                                                    TREATMENT_ENDED_BEFORE_CUE, follow_up_is_the_purpose,
                                                    outcome_said_after)
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit

_AFTER = re.compile(TREATMENT_ENDED_AFTER_CUE, re.IGNORECASE)
_BEFORE = re.compile(TREATMENT_ENDED_BEFORE_CUE, re.IGNORECASE)


@pytest.mark.parametrize("text", ["the steroid taper completed in May", "amoxicillin course over.",
                                  "naproxen done, knee quiet", "levofloxacin 10 days finished yesterday",
                                  "physical therapy completed"])
def test_a_treatment_with_its_end_written_after_it_has_ended(text):
    assert _AFTER.search(text)


@pytest.mark.parametrize("text", ["MRI done last week", "labs completed this morning", "symptoms over the past week",
                                  "the course is almost finished", "dressing changes done twice daily",
                                  "the taper is not yet completed", "was finished",
                                  "motivational interviewing done.", "relapse-prevention counseling completed",
                                  "cortisone injection done.", "L5 ESI done;", "genicular nerve block done."])
def test_a_test_a_span_of_time_or_an_unfinished_course_has_not(text):
    assert not _AFTER.search(text)


@pytest.mark.parametrize("text, ended", [("finished her steroid taper; grip strong", True),
                                         ("completed 6 weeks of cefazolin.", True),
                                         ("completed the referral form.", False),
                                         ("finished college.", False),
                                         ("finished doxycycline and started", False)])
def test_a_completion_written_before_a_treatment_that_closes_its_phrase(text, ended):
    assert bool(_BEFORE.search(text)) is ended


@pytest.mark.parametrize("note, purpose", [("Gout recheck. Uric acid 5.2.", True),
                                           ("Lab order: ESR. Reason: follow-up after septic bursitis.", True),
                                           ("Order: CRP. Diagnosis: follow-up, treated osteomyelitis.", True),
                                           ("Req: stool antigen, test of eradication.", True),
                                           ("Post-cystitis visit, 40F.", True),
                                           ("Hepatology clinic. Hep C, 12 wk course done. Discharged from clinic.", True),
                                           ("Post-op visit, 52M. Wound clean.", False),
                                           ("Chest clinic. Sarcoid stable, see again in a year.", False),
                                           ("New patient. Knee pain 2 weeks. Follow up in 6 weeks.", False)])
def test_the_visit_is_a_follow_up_when_it_opens_with_one_or_gives_it_as_its_reason(note, purpose):
    assert follow_up_is_the_purpose(note) is purpose


@pytest.mark.parametrize("rest, over", [(" Monday. Redness gone, afebrile.", True),
                                        ("; asymptomatic now.", True),
                                        (". Rash not resolved.", False),
                                        (". Healed wrist fracture 2019.", False),
                                        (". Knee still swollen. Plan: MRI.", False)])
def test_the_outcome_is_read_in_the_rest_of_the_sentence_or_the_next(rest, over):
    note = "Recheck. Course finished" + rest
    assert outcome_said_after(note, len("Recheck. Course finished")) is over


def test_a_follow_up_with_the_drug_completed_after_it_is_z09_with_the_history_code(tabular):
    note = "Cough recheck. 40M, left lower lobe pneumonia, levofloxacin course completed Tuesday; lungs clear."
    out, reasons = encounter_reasons(found(note, ("J18.9", "pneumonia")), note, tabular)
    assert codes(out) == ["Z09", "Z87.01"] and "J18.9 now personal history" in reasons[0]


def test_a_condition_treated_to_completion_without_a_history_entry_is_held_for_a_coder(tabular):
    """The ear's chapter has no personal history code of its own: a coder picks one."""
    note = "Follow-up. 6F, acute otitis media, 10 days of amoxicillin done; eardrum normal."
    out, _ = encounter_reasons(found(note, ("H66.90", "acute otitis media")), note, tabular)
    assert codes(out) == ["H66.90", "Z09"]
    held = next(s for s in out if s.code == "H66.90")
    assert held.confidence < 0.9 and held.convention == "encounter-reason"


def test_a_condition_treated_to_completion_takes_its_systems_history_where_the_index_has_no_entry(tabular):
    note = "Follow-up. 29F, acute sinusitis, 10 days of amoxicillin done; congestion gone."
    out, _ = encounter_reasons(found(note, ("J01.90", "acute sinusitis")), note, tabular)
    assert codes(out) == ["Z09", "Z87.09"]


@pytest.mark.parametrize("note", [
    "Post-treatment visit. Shingles of the left chest, valacyclovir finished last week. Lesions healed.",
    # a month of this season dates the episode the visit follows up, not one years back
    "Cellulitis f/u. Right shin cellulitis Oct 2026, completed cephalexin; skin healed.",
])
def test_a_follow_up_whose_condition_is_already_read_over_is_z09_when_the_outcome_is_said(tabular, note):
    assert codes(encounter_reasons([], note, tabular)[0]) == ["Z09"]


@pytest.mark.parametrize("note", [
    # a follow-up only planned: not the visit's purpose
    "Back pain 3 days. Naproxen done, no better. Follow up in 2 weeks.",
    # the outcome not said
    "Recheck. Bronchitis, azithromycin finished; still coughing at night.",
    # what is over is dated, another condition: not what the visit follows up
    "Anemia recheck. Iron deficiency last year, iron course finished. Hgb 12.9.",
    "Asthma f/u. Well controlled on budesonide. Pneumonia in 2015, completed antibiotics and cleared; lungs clear.",
])
def test_no_follow_up_after_completed_treatment_without_its_purpose_or_its_outcome(tabular, note):
    assert "Z09" not in codes(encounter_reasons([], note, tabular)[0])


def test_a_test_of_cure_after_a_course_is_a_follow_up_and_holds_the_organism_for_a_coder(tabular):
    note = "Req: throat culture, test of cure. Dx: S. pyogenes pharyngitis, 10 days of penicillin finished, well now."
    given = found(note, ("B95.0", "S. pyogenes"))
    out, _ = encounter_reasons(given, note, tabular)
    assert codes(out) == ["B95.0", "Z09"] and next(s for s in out if s.code == "B95.0").confidence < 0.9


_BY_ITS_PROCEDURE = re.compile(COURSE_BY_ITS_PROCEDURE, re.IGNORECASE)


@pytest.mark.parametrize("text", ["s/p AV node ablation 2 months ago", "cured by a thyroidectomy", "after excision",
                                  "burr hole drainage 5 weeks ago", "chest tube pulled Monday",
                                  "treated for cystitis with cephalexin", "took a full 10 d course of doxycycline"])
def test_a_course_written_by_its_procedure_or_its_drug(text):
    assert _BY_ITS_PROCEDURE.search(text)


@pytest.mark.parametrize("text", ["treated with no antibiotics", "ablation scheduled next month",
                                  "course of illness uncertain"])
def test_a_procedure_to_come_or_no_drug_is_no_course(text):
    assert not _BY_ITS_PROCEDURE.search(text)


@pytest.mark.parametrize("note, expected", [
    # Z09's "use additional code" for the history: the pathway ablated with no recurrence is a circulatory history
    ("Post-ablation visit. WPW, s/p accessory pathway ablation 4 months ago; no recurrence on event monitor.",
     ["Z09", "Z86.79"]),
    ("Sinusitis recheck. Acute maxillary sinusitis treated with doxycycline x 7 d; congestion resolved.",
     ["Z09", "Z87.09"]),
    ("A/P: 1. Cellulitis f/u - R forearm cellulitis treated with cephalexin, redness gone.", ["Z09", "Z87.2"]),
    # a carrier state ended by its course, in a clinic the note discharges the patient from
    ("Chest clinic, 30F. Latent tuberculosis infection; 9 months of isoniazid completed in May. Discharged from the "
     "chest clinic today.", ["Z09", "Z86.15"])])
def test_a_follow_up_after_a_procedure_or_a_treated_with_course_is_z09(suggest, note, expected):
    assert sorted(codes(suggest(note))) == expected


@pytest.mark.parametrize("note", [
    "Post-op check. s/p appendectomy 10 days ago, incisions healing, pain resolved.",
    "Ortho f/u. Distal radius fracture after a fall, s/p ORIF 8 weeks ago, pain resolved.",
    "Phone f/u. Otitis treated with amoxicillin, ear pain resolved.",
    "Pulm f/u. 70F COPD; flare treated with prednisone x 5 d, back to baseline.",
    "Derm f/u. Cellulitis treated with cephalexin 2021, resolved. Psoriasis plaques on elbows, start clobetasol.",
    "Rheum f/u. Seropositive RA on methotrexate. Pericarditis in 2020; completed 3 mo of colchicine.",
    "Sleep clinic f/u, 50M. OSA on CPAP. Bell palsy in 2018; completed prednisone course, fully recovered."])
def test_aftercare_an_injury_a_call_a_chronic_flare_or_a_dated_course_is_not_z09(suggest, note):
    assert "Z09" not in codes(suggest(note))


def test_the_condition_the_opening_names_is_history_after_its_course(suggest):
    note = "Otitis externa follow-up. Ciprofloxacin drops course over. Canal clean today; infection cleared."
    found_codes = codes(suggest(note))
    assert "Z09" in found_codes and not any(code.startswith("H60") for code in found_codes)


@pytest.mark.parametrize("note, condition", [
    ("Sports med f/u, 57M. Degenerative arthritis of the R knee, medial compartment. A/P: R knee OA - steroid "
     "injection done, quad strengthening.", "M17.11"),
    ("Hand clinic recheck, 49F. L trigger thumb catching daily. A/P: Trigger thumb L - injection done, splint at "
     "night.", "M65.312")])
def test_a_procedure_given_at_the_visit_does_not_end_the_condition_it_treats(suggest, note, condition):
    found_codes = codes(suggest(note))
    assert "Z09" not in found_codes and condition in found_codes
