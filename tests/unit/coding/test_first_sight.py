"""Unspecified codes reached through an index entry other than their description go to a coder when the note
says more near them: a word another code of their category uses."""
import pytest

from services.coding.domain.first_sight import NAME, OVER_ELSEWHERE_NAME, calibrated, stated_over_elsewhere
from services.coding.domain.note_terms import CONFIDENCE
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.test_conventions import found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9
PTSD = ("F43.10", "Post-traumatic stress disorder, unspecified")
CHRONIC = "Chronic PTSD after an assault in 2019."


def suggestion(confidence: float, code=PTSD, *, note: str = CHRONIC, evidence: str = "PTSD",
               context: str = "affirmed", convention: str | None = None):
    start = note.index(evidence)
    return Suggestion(code=code[0], description=code[1], confidence=confidence, start=start,
                      end=start + len(evidence), evidence=evidence, context=context, convention=convention)


@pytest.mark.parametrize("kind", ["inclusion", "default"])
def test_an_unspecified_code_from_an_index_entry_beside_a_word_of_a_more_specific_code_goes_to_a_coder(tabular,
                                                                                                       kind):
    [found] = calibrated([suggestion(CONFIDENCE[kind])], CHRONIC, tabular)
    assert found.confidence < THRESHOLD and found.convention == NAME
    assert "more specific" in found.reason and '"chronic"' in found.reason and "F43" in found.reason


@pytest.mark.parametrize("note, evidence, code", [
    ("Hyperlipidemia on atorvastatin 40 mg, LFTs normal.", "Hyperlipidemia", ("E78.5", "Hyperlipidemia, unspecified")),
    ("Obesity, BMI 31.2.", "Obesity", ("E66.9", "Obesity, unspecified")),
    ("Hyperlipidemia - on atorvastatin 40, LDL 92.", "Hyperlipidemia", ("E78.5", "Hyperlipidemia, unspecified")),
    # a test's name or its goal measures the condition: no kind of it
    ("Hyperlipidemia: LDL not at goal, increase rosuvastatin.", "Hyperlipidemia",
     ("E78.5", "Hyperlipidemia, unspecified")),
    ("Hyperlipidemia - repeat fasting lipid panel in 3 mo.", "Hyperlipidemia", ("E78.5", "Hyperlipidemia, unspecified")),
    # "disease" of a neighbour's name is what every disease is, no kind of this one
    ("Problems: coronary artery disease, hyperlipidemia.", "hyperlipidemia", ("E78.5", "Hyperlipidemia, unspecified")),
])
def test_a_bare_unspecified_mention_or_one_beside_a_measurement_keeps_its_index_confidence(tabular, note, evidence,
                                                                                           code):
    bare = suggestion(CONFIDENCE["default"], code, note=note, evidence=evidence)
    assert calibrated([bare], note, tabular) == [bare]


def test_a_qualifier_in_another_sentence_or_far_from_the_mention_is_not_its_own(tabular):
    note = "Chronic low back pain, on PT. PTSD, stable."
    kept = suggestion(CONFIDENCE["inclusion"], note=note)
    assert calibrated([kept], note, tabular) == [kept]


def test_the_category_words_are_the_other_codes_words_the_code_itself_lacks(tabular):
    words = tabular.category_words("F43.10")
    assert {"acute", "chronic"} <= words and not {"stress", "disorder", "other", "unspecified"} & words
    assert "primary" in tabular.category_words("E21.3")


def test_a_word_of_the_category_s_own_title_names_none_of_its_codes(tabular):
    assert "sleep" not in tabular.category_words("G47.00") and "medical" in tabular.category_words("G47.00")


def test_another_condition_of_the_category_names_no_kind_of_it(tabular):
    assert "apnea" not in tabular.category_words("G47.00")  # "Obstructive sleep apnea" shares no word of insomnia


def test_on_the_real_index_insomnia_beside_its_sleep_advice_is_coded(suggest):
    found = {s.code: s for s in suggest("Trouble staying asleep for months. A: Insomnia - sleep diary, no naps.")}
    assert found["G47.00"].confidence >= THRESHOLD


def test_a_specific_code_from_an_inclusion_term_keeps_its_confidence(tabular):
    htn = suggestion(CONFIDENCE["inclusion"], ("I10", "Essential (primary) hypertension"))
    assert calibrated([htn], CHRONIC, tabular) == [htn]


def test_an_unspecified_code_matched_by_its_own_description_keeps_its_confidence(tabular):
    own = suggestion(CONFIDENCE["description"])
    assert calibrated([own], CHRONIC, tabular) == [own]


def test_a_convention_s_code_or_a_family_or_history_reading_is_left_alone(tabular):
    kept = [suggestion(CONFIDENCE["inclusion"], convention="same-condition"),
            suggestion(CONFIDENCE["inclusion"], context="history")]
    assert calibrated(kept, CHRONIC, tabular) == kept


def test_a_confidence_is_never_raised(tabular):
    low = suggestion(0.55)
    assert calibrated([low], CHRONIC, tabular) == [low]


def test_on_the_real_index_chronic_ptsd_is_not_auto_coded_as_unspecified(suggest):
    found = {s.code: s for s in suggest("Chronic PTSD after an assault in 2019; nightmares improving.")}
    assert "F43.10" not in found or found["F43.10"].confidence < THRESHOLD


def test_on_the_real_index_a_bare_hyperlipidemia_is_coded(suggest):
    found = {s.code: s for s in suggest("Hyperlipidemia on atorvastatin, tolerating well.")}
    assert found["E78.5"].confidence >= THRESHOLD


@pytest.fixture(scope="module")
def suggest(note_suggester):
    return note_suggester


def test_a_condition_another_mention_calls_over_goes_to_a_coder_with_the_words_that_say_so():
    note = "Completed 7d levofloxacin for community acquired pneumonia. CXR clear. Pneumonia resolved."
    out = stated_over_elsewhere(found(note, ("J18.9", "community acquired pneumonia")), note)
    assert [(s.code, s.confidence, s.convention) for s in out] == [("J18.9", 0.7, OVER_ELSEWHERE_NAME)]
    assert "'resolved'" in out[0].reason


@pytest.mark.parametrize("note, code, evidence", [
    ("Community acquired pneumonia, on levofloxacin day 3.", "J18.9", "Community acquired pneumonia"),
    ("Gout flare of the R first MTP today; last flare resolved in May.", "M10.9", "Gout"),  # another word is over
    ("Mild persistent asthma on budesonide. Cough resolved.", "J45.30", "Mild persistent asthma"),
])
def test_a_condition_no_other_mention_calls_over_keeps_its_confidence(note, code, evidence):
    out = stated_over_elsewhere(found(note, (code, evidence)), note)
    assert [(s.code, s.confidence, s.convention) for s in out] == [(code, 0.95, None)]


@pytest.mark.parametrize("note, evidence", [
    ("Chronic obstructive pulmonary disease on tiotropium. Pulmonary embolism 2020, completed 6 mo of apixaban.",
     "Chronic obstructive pulmonary disease"),
    ("Chronic obstructive pulmonary disease, GOLD 2. Remote pulmonary sarcoidosis, resolved.",
     "Chronic obstructive pulmonary disease"),
])
def test_an_organs_word_in_the_name_is_not_the_condition_another_mention_calls_over(note, evidence):
    out = stated_over_elsewhere(found(note, ("J44.9", evidence)), note)
    assert [(s.code, s.confidence, s.convention) for s in out] == [("J44.9", 0.95, None)]


def test_an_eponym_before_the_generic_head_still_names_the_condition_called_over():
    note = "Graves disease, seen for labs. Graves resolved after RAI."
    out = stated_over_elsewhere(found(note, ("E05.00", "Graves disease")), note)
    assert [(s.code, s.confidence, s.convention) for s in out] == [("E05.00", 0.7, OVER_ELSEWHERE_NAME)]


def test_a_history_or_status_code_is_left_alone_by_a_mention_called_over():
    note = "Hx of pneumonia. Pneumonia resolved."
    assert stated_over_elsewhere(found(note, ("Z87.01", "Hx of pneumonia")), note)[0].confidence == 0.95


IDA = ("D50.9", "Iron deficiency anemia, unspecified")


@pytest.mark.parametrize("note", ["Dx: iron deficiency anemia due to chronic blood loss from menorrhagia.",
                                  "Labs for iron deficiency anemia secondary to chronic blood loss."])
def test_qualifiers_that_are_every_word_one_sibling_adds_name_that_code(tabular, note):
    [found] = calibrated([suggestion(CONFIDENCE["default"], IDA, note=note, evidence="iron deficiency anemia")],
                         note, tabular)
    assert (found.code, found.convention) == ("D50.0", "qualifier-names-code") and found.confidence >= THRESHOLD
    assert "D50.0" in found.reason and '"blood"' in found.reason


def test_a_single_qualifier_or_part_of_a_siblings_words_leaves_the_code_to_a_coder(tabular):
    [ptsd] = calibrated([suggestion(CONFIDENCE["inclusion"])], CHRONIC, tabular)  # "chronic" alone: F43.12?
    assert (ptsd.code, ptsd.convention) == ("F43.10", NAME)
    note = "Iron deficiency anemia, chronic; GI blood loss ruled out."  # "secondary"/"due to" not written
    [ida] = calibrated([suggestion(CONFIDENCE["default"], IDA, note=note, evidence="Iron deficiency anemia")],
                       note, tabular)
    assert ida.code == "D50.9" and ida.confidence < THRESHOLD


def test_the_sibling_named_reads_parentheses_as_nonessential(tabular):
    assert tabular.sibling_named_by("D50.9", frozenset({"secondary", "blood", "loss"})) == "D50.0"
    assert tabular.sibling_named_by("D50.9", frozenset({"due", "blood", "loss"})) == "D50.0"
    assert tabular.sibling_named_by("D50.9", frozenset({"blood"})) is None
    # "Other specified rheumatoid arthritis, multiple sites" is what is left over, not what "multiple sites" names
    assert tabular.sibling_named_by("M06.9", frozenset({"seropositive", "multiple", "site"})) is None


@pytest.mark.parametrize("note, code, evidence, procedure", [
    ("Typical atrial flutter s/p ablation 2021, in NSR since.", "I48.3", "Typical atrial flutter", "ablation"),
    ("Graves disease, status post total thyroidectomy.", "E05.00", "Graves disease", "thyroidectomy"),
    ("Severe aortic stenosis s/p TAVR 6 mo ago.", "I35.0", "Severe aortic stenosis", "TAVR"),
    # the condition named as what the procedure was for
    ("Hypothyroidism after RAI for Graves dz 2017, on levothyroxine.", "E05.00", "Graves", "RAI"),
    ("Hypothyroid s/p total thyroidectomy for multinodular goiter.", "E04.2", "multinodular goiter", "thyroidectomy"),
])
def test_a_condition_named_before_a_procedure_that_removes_it_goes_to_a_coder(note, code, evidence, procedure):
    from services.coding.domain.first_sight import TREATED_NAME, treated_by_procedure
    out = treated_by_procedure(found(note, (code, evidence)), note)
    assert [(s.code, s.confidence, s.convention) for s in out] == [(code, 0.7, TREATED_NAME)]
    assert procedure in out[0].reason


@pytest.mark.parametrize("note, code, evidence", [
    ("CAD s/p PCI with stent to LAD 2020.", "I25.10", "CAD"),  # a stent: the disease stays
    ("Persistent AF s/p cardioversion 2025, on warfarin.", "I48.19", "Persistent AF"),
    ("Ankle fx, s/p ORIF, healing.", "S82.61XD", "Ankle fx"),
    ("Atrial flutter. Plan: ablation next month, s/p TEE.", "I48.92", "Atrial flutter"),  # another sentence
    ("Plan: RAI for Graves disease next month.", "E05.00", "Graves disease"),  # planned, not done
    ("CAD s/p PCI for unstable angina 2021.", "I20.0", "unstable angina"),  # a stent leaves the disease
])
def test_a_condition_beside_a_procedure_that_leaves_it_keeps_its_confidence(note, code, evidence):
    from services.coding.domain.first_sight import treated_by_procedure
    assert [(s.code, s.confidence) for s in treated_by_procedure(found(note, (code, evidence)), note)] == [(code, 0.95)]


def test_a_condition_whose_sentence_says_no_episode_now_goes_to_a_coder():
    from services.coding.domain.first_sight import QUIET_NAME, treated_by_procedure
    note = "Urine culture. Reason: recurrent UTI, 3 in 6 mo, currently asymptomatic. On nitrofurantoin ppx."
    out = treated_by_procedure(found(note, ("N39.0", "UTI")), note)
    assert [(s.code, s.confidence, s.convention) for s in out] == [("N39.0", 0.7, QUIET_NAME)]
    assert "currently asymptomatic" in out[0].reason
    note = "UTI with dysuria. Hypertension, currently asymptomatic."  # another sentence's words
    assert treated_by_procedure(found(note, ("N39.0", "UTI")), note)[0].confidence == 0.95


def test_an_injury_whose_sites_pain_another_mention_calls_resolved_goes_to_a_coder():
    note = "ED f/u: thyroid nodule on CT neck done in ED for neck strain. FNA ordered. Neck pain resolved."
    out = stated_over_elsewhere(found(note, ("S16.1XXD", "neck strain")), note)
    assert [(s.code, s.confidence, s.convention) for s in out] == [("S16.1XXD", 0.7, OVER_ELSEWHERE_NAME)]
    note = "Neck strain, subsequent encounter, still sore. Back pain resolved."  # another site's pain
    assert stated_over_elsewhere(found(note, ("S16.1XXD", "Neck strain")), note)[0].confidence == 0.95


def test_a_code_that_leaves_open_what_the_note_states_goes_to_a_coder(tabular):
    from services.coding.domain.first_sight import STATED_OPEN_NAME
    note = "Dx: acute RSV bronchitis - cough, wheeze x 5d; supportive care."
    given = [s.model_copy(update={"description": "Bronchitis, not specified as acute or chronic"})
             for s in found(note, ("J40", "bronchitis"))]
    out = calibrated(given, note, tabular)
    assert [(s.code, s.confidence, s.convention) for s in out] == [("J40", 0.7, STATED_OPEN_NAME)]
    assert "'acute'" in out[0].reason
    note = "Bronchitis, cough x 5d; supportive care."  # nothing the code leaves open is stated
    given = [s.model_copy(update={"description": "Bronchitis, not specified as acute or chronic"})
             for s in found(note, ("J40", "Bronchitis"))]
    assert calibrated(given, note, tabular)[0].confidence == 0.95


@pytest.mark.parametrize("code, note, evidence", [
    (("D64.9", "Anemia, unspecified"), "Started iron for the anemia.", "anemia"),
    (("G47.00", "Insomnia, unspecified"), "Insomnia f/u, trazodone helps.", "Insomnia"),
    (("R05.9", "Cough, unspecified"), "Cough x3 mo.", "Cough"),
    # bare: no qualifier near it, yet not a condition a provider names bare, nor the head of an entry of its own
    (PTSD, "Her PTSD nightmares are improving.", "PTSD"),
])
def test_a_default_entry_outside_the_chronic_conditions_goes_to_a_coder(tabular, code, note, evidence):
    from services.coding.domain.first_sight import DEFAULT_ENTRY_NAME
    out = calibrated([suggestion(CONFIDENCE["default"], code, note=note, evidence=evidence)], note, tabular)
    assert [(s.code, s.convention) for s in out] == [(code[0], DEFAULT_ENTRY_NAME)]
    assert out[0].confidence < THRESHOLD and "default entry" in out[0].reason


@pytest.mark.parametrize("code, note, evidence, confidence, convention", [
    (("E78.5", "Hyperlipidemia, unspecified"), "Hyperlipidemia on atorvastatin.", "Hyperlipidemia", "default", None),
    (("M81.0", "Age-related osteoporosis without current pathological fracture"), "Osteoporosis, on alendronate.",
     "Osteoporosis", "default", None),
    (("D64.9", "Anemia, unspecified"), "Anemia, on iron.", "Anemia", "description", None),  # its own description
    (("D64.9", "Anemia, unspecified"), "Anemia, on iron.", "Anemia", "default", "documented-finding"),  # a rule's
])
def test_a_chronic_condition_or_another_entry_or_a_rules_code_keeps_its_confidence(tabular, code, note, evidence,
                                                                                   confidence, convention):
    given = suggestion(CONFIDENCE[confidence], code, note=note, evidence=evidence, convention=convention)
    assert [s.confidence for s in calibrated([given], note, tabular)] == [CONFIDENCE[confidence]]


@pytest.mark.parametrize("note, code", [
    ("Ortho, 62M. Primary OA L knee: PT, topical NSAID. Meniscectomy on the L knee in 2009, recovered fully.",
     "M17.12"),
    ("Fracture clinic. R distal radius fracture 5 wks ago, healing as expected. L ankle fracture 2016, long healed.",
     "S52.501D"),
])
def test_the_side_or_joint_another_sentence_calls_over_is_not_this_conditions_end(suggest, note, code):
    assert any(s.code == code and s.confidence >= 0.9 for s in suggest(note))
