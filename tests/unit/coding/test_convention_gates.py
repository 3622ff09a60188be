"""The gates that spare a convention the notes it cannot act on: opt-in, open on a code or the words a pattern needs,
and never closed where the convention would change anything (the suggester's output must not change)."""
import csv
import functools
import re

import pytest

from services.coding.adapters.tabular_notes import TabularNotes
from services.coding.domain import conventions as c
from services.coding.domain.convention_gates import GatedConventions, Gate, any_of, any_word, called, needs
from services.coding.domain.pattern_literals import lowered_note
from services.coding.domain.suggestions import Suggestion

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def tabular(reference):
    return TabularNotes(reference.icd10[-1])


def found(note: str, *coded: tuple[str, str]) -> list[Suggestion]:
    out = []
    for code, evidence in coded:
        start = note.index(evidence)
        out.append(Suggestion(code=code, description="d", confidence=0.95, start=start, end=start + len(evidence),
                              evidence=evidence, context="affirmed"))
    return out


def _unchanged(suggestions, note, tabular):
    return suggestions, []


def test_a_convention_without_a_gate_is_called_on_every_note():
    assert called(_unchanged, [], lowered_note("Knee pain, no injury."))
    assert called(_unchanged, [], None)


def test_a_gate_opens_on_a_code_it_names_by_its_prefix():
    note = "Gout flare of the right great toe."
    gate = Gate(codes=("M10",))
    assert gate.opens(found(note, ("M10.071", "Gout")), lowered_note(note))
    assert not gate.opens(found(note, ("M25.571", "toe")), lowered_note(note))


def test_a_gate_opens_on_the_words_one_of_its_patterns_needs():
    marked = needs(patterns=(re.compile(r"\bpacemaker\b", re.IGNORECASE), re.compile(r"\bicd\b", re.IGNORECASE)))(
        _unchanged)
    assert called(marked, [], lowered_note("Dual-chamber PACEMAKER checked today."))
    assert called(marked, [], lowered_note("ICD interrogated, no shocks."))
    assert not called(marked, [], lowered_note("Palpitations for two weeks."))


def test_a_gate_opens_on_every_note_beyond_ascii():
    marked = needs(patterns=(re.compile(r"\bpacemaker\b", re.IGNORECASE),))(_unchanged)
    assert called(marked, [], lowered_note("Caf\u00e9 au lait spots, follow-up in a year."))


def test_a_gate_opens_on_a_code_its_test_of_the_tabular_passes(tabular):
    note = "Cellulitis of the left leg. Gout of the right toe."
    marked = needs(coded_as=lambda code, tabular: tabular.description(code).startswith("Cellulitis"))(_unchanged)
    assert called(marked, found(note, ("M10.9", "Gout"), ("L03.119", "Cellulitis")), lowered_note(note), tabular)
    assert not called(marked, found(note, ("M10.9", "Gout")), lowered_note(note), tabular)
    assert called(marked, found(note, ("M10.9", "Gout")), lowered_note(note))  # no tabular: open


def test_the_dispatch_tests_a_code_once_for_a_tabular():
    tested = []

    def test(code, tabular):
        tested.append((code, tabular))
        return code == "L03.119"
    calls = []

    @needs(coded_as=test)
    def convention(suggestions, note, tabular):
        calls.append(note)
        return suggestions, []
    dispatch, note = GatedConventions((convention,)), "Gout. Cellulitis."
    first, second = object(), object()
    for tabular in (first, first, second):
        dispatch.apply(found(note, ("M10.9", "Gout")), note, tabular)
        dispatch.apply(found(note, ("M10.9", "Gout"), ("L03.119", "Cellulitis")), note, tabular)
    assert tested == [("M10.9", first), ("L03.119", first), ("M10.9", second), ("L03.119", second)]
    assert len(calls) == 3


def test_a_gate_must_name_something():
    with pytest.raises(ValueError):
        needs()


# notes of our own wording on which each gated convention's gate is closed: calling it anyway changes nothing
CLOSED = [
    ("Follow-up for gout and hypertension. Uric acid drawn.", (("M10.9", "gout"), ("I10", "hypertension"))),
    ("Seen for low back pain after lifting boxes; no leg symptoms.", (("M54.50", "low back pain"),)),
    ("Type 2 diabetes, A1c 7.1, on metformin.", (("E11.9", "Type 2 diabetes"),)),
    ("Annual visit. Asthma stable on inhaler, no wheeze today.", (("J45.909", "Asthma"),)),
    ("Recheck of anemia; fatigue improving with oral iron.", (("D64.9", "anemia"), ("R53.83", "fatigue"))),
    ("Acne on the forehead and cheeks, started on a topical retinoid.", (("L70.0", "Acne"),)),
]


@pytest.mark.parametrize("note, coded", CLOSED)
def test_a_closed_gate_skips_only_what_would_change_nothing(tabular, note, coded):
    suggestions = found(note, *coded)
    lowered = lowered_note(note)
    for convention in c.CONVENTIONS:
        if getattr(convention, "gate", None) is None or called(convention, suggestions, lowered, tabular):
            continue
        after, reasons = convention(list(suggestions), note, tabular)
        assert (after, reasons) == (suggestions, []), convention.__name__


def test_the_declared_gates_close_on_a_note_with_nothing_for_them(tabular):
    note = "Acne on the forehead and cheeks, started on a topical retinoid."
    gated = [convention for convention in c.CONVENTIONS if getattr(convention, "gate", None) is not None]
    assert gated and not any(called(convention, found(note, ("L70.0", "Acne")), lowered_note(note), tabular)
                             for convention in gated)


# each reason a convention gated on its own patterns acts: its gate is open there, and closed on a follow-up with none
ACTING = [
    (c.encounter_z_codes, "Colon cancer screening colonoscopy performed today.", ()),
    (c.encounter_z_codes, "Annual physical exam, no complaints.", ()),
    (c.encounter_z_codes, "Well child visit at 4 years.", ()),
    (c.encounter_z_codes, "Counseled on diet for obesity today.", ()),
    (c.encounter_z_codes, "Atrial fibrillation on warfarin long-term.", ()),
    (c.encounter_z_codes, "Tobacco use discussed.", (("Z71.6", "Tobacco use"),)),
    (c.status_z_codes, "Dual-chamber pacemaker in place, followed by cardiology.", ()),
    (c.status_z_codes, "Right mastectomy in 2019 for breast cancer.", ()),
    (c.status_z_codes, "Doing well after a kidney transplant in 2015.", ()),
    (c.status_z_codes, "Type 2 diabetes on insulin glargine nightly.", (("E11.9", "Type 2 diabetes"),)),
    (c.status_z_codes, "Declined the flu vaccine today.", ()),
    (c.status_z_codes, "INR check today, on warfarin.", (("Z79.01", "warfarin"),)),
    (c.immunization_encounter, "Influenza vaccine given today.", ()),
    (c.drug_effects, "Hives caused by amoxicillin, stopped.", ()),
    (c.underdosing, "Missed doses of lisinopril for a week due to cost.", (("I10", "lisinopril"),)),
    (c.radioiodine_given, "History of radioactive iodine ablation in 2015 for Graves disease.", ()),
    (c.diabetic_retinopathy, "Type 2 diabetes with mild nonproliferative diabetic retinopathy of the right eye.",
     (("E11.9", "Type 2 diabetes"),)),
    (c.tobacco_product, "Current smoker, one pack of cigarettes a day.", ()),
    (c.tobacco_product, "Nicotine dependence, cigarettes.", (("F17.200", "Nicotine dependence"),)),
    (c.tobacco_product, "Tobacco use disorder, moderate - cigarettes, counselled.", (("Z72.0", "Tobacco use"),)),
    (c.dementia_named_cause, "Alzheimer's dementia, stable on donepezil.", ()),
    (c.single_nerve_neuropathy, "Ulnar neuropathy at the left elbow.", (("G62.9", "neuropathy"),)),
    (c.injury_specificity, "History of left wrist fracture, healed.", ()),
    (c.injury_specificity, "Fell while walking the dog.", (("Y93.9", "walking"),)),
    (c.injury_specificity, "Bridging callus on XR of the tibia.", (("L84", "callus"),)),
    (c.injury_specificity, "Inversion injury of the left ankle; sprain of the anterior talofibular ligament.",
     (("S99.912A", "Inversion injury"), ("S93.492A", "sprain"))),
    (c.diabetes_control, "Type 2 diabetes, poorly controlled, A1c 9.8.", (("E11.9", "Type 2 diabetes"),)),
    (c.diabetes_control, "Type 2 diabetes with a right heel ulcer, fat layer exposed.",
     (("E11.9", "Type 2 diabetes"),)),
    (c.diabetes_control, "Type 2 diabetes. Hypoglycemia this week after skipping lunch.",
     (("E11.9", "Type 2 diabetes"), ("E16.2", "Hypoglycemia"))),
    (c.diabetes_secondary_type, "Diabetes due to chronic prednisone use.", (("E11.9", "Diabetes"),)),
    (c.diabetes_secondary_type, "Steroid-induced diabetes, on insulin.", (("E11.9", "diabetes"),)),
    (c.noncompliance, "Severe OSA. Noncompliant with CPAP, mask discomfort.", ()),
    (c.ablated_arrhythmias, "Problem list: paroxysmal atrial fibrillation, ablated 2020, no recurrence since.", ()),
    (c.contraceptive_management, "Birth control pills refilled for a year.", ()),
    (c.maintenance_drug_therapy, "Paroxysmal AF on apixaban 5 mg BID.", ()),
    (c.social_determinants, "Wound check. Patient is homeless, no fixed address given.", ()),
    (c.artificial_openings, "Dysphagia after stroke; fed through a G-tube, tolerating feeds.", ()),
]


@pytest.mark.parametrize("convention, note, coded", ACTING)
def test_a_gate_opens_where_its_convention_acts(tabular, convention, note, coded):
    suggestions = found(note, *coded)
    assert convention(list(suggestions), note, tabular)[0] != suggestions
    assert called(convention, suggestions, lowered_note(note), tabular)


# each convention gated on its codes or words since: a note it acts on (its codes described as the tabular describes
# them, as some read the description), where its gate is open
NEWLY_GATED = [
    (c.self_harm_history, "History of suicide attempt by overdose in 2015.", ()),
    (c.elevated_readings, "BP 152/96 today, no known diagnosis of hypertension.", ()),
    (c.surgical_absence, "Status post hysterectomy in 2010.", ()),
    (c.coronary_with_angina, "CAD with stable angina.", (("I20.89", "stable angina"),)),
    (c.hypertensive_heart_disease, "Hypertension with left ventricular hypertrophy.",
     (("I10", "Hypertension"), ("I51.7", "left ventricular hypertrophy"))),
    (c.dependence_withdrawal, "Alcohol dependence, in withdrawal today, tremulous.", (("F10.20", "Alcohol dependence"),)),
    (c.diabetes_named_by_complication, "Diabetic retinopathy on the last eye exam.", ()),
    (c.diabetes_named_by_complication, "She is a type 1 diabetic, pump settings reviewed.", ()),
    (c.stroke_sequela, "Right hemiparesis after a stroke in 2019.", ()),
    (c.stroke_sequela, "Late effect dysphagia; oropharyngeal phase dysphagia on swallow study.",  # by its code
     (("I69.391", "Late effect dysphagia"), ("R13.12", "oropharyngeal phase dysphagia"))),
    (c.diabetes_type_elsewhere, "Diabetes education visit. Type? A: type 1.", (("E11.9", "Diabetes"),)),
    (c.surgical_aftercare, "Post-op visit after laparoscopic cholecystectomy last week.", ()),
    (c.surgical_aftercare, "Here for her post-op, s/p robotic hysterectomy two weeks ago.", ()),
    (c.surgical_aftercare, "Aftercare s/p CABG x3, sternal wound healing.", ()),
    (c.diabetic_neuropathy_type, "Diabetic neuropathy. Diabetic polyneuropathy of both feet.",
     (("E11.40", "Diabetic neuropathy"), ("E11.42", "Diabetic polyneuropathy"))),
    (c.lumbago_with_sciatica, "Low back pain with right sciatica.", (("M54.50", "Low back pain"), ("M54.31", "sciatica"))),
    (c.osteoporotic_fracture, "Osteoporosis. Wrist fracture after a fall from standing height.",
     (("M81.0", "Osteoporosis"), ("S52.501A", "Wrist fracture"))),
    (c.vertebral_fragility_fracture, "Osteoporosis. New T12 compression fracture.", (("M81.0", "Osteoporosis"),)),
    (c.cough_by_duration, "Cough for 10 weeks.", (("R05.9", "Cough"),)),
    (c.one_side_replaced, "Bilateral knee osteoarthritis, s/p right knee replacement.",
     (("M17.0", "Bilateral knee osteoarthritis"), ("Z96.651", "right knee replacement"))),
    (c.ckd_stage, "T2DM w/ diabetic CKD stage 3a.", (("E11.22", "T2DM w/ diabetic CKD"),)),
    (c.hypertensive_partners, "Hypertensive heart and kidney disease with heart failure and CKD stage 3.",
     (("I13.0", "Hypertensive heart and kidney disease"), ("N18.30", "CKD stage 3"))),
    (c.contraceptive_methods, "Nexplanon inserted today in the left arm.", ()),
    # on what the tabular says of a code: no side, an unspecified site, a 7th character still to come
    (c.laterality, "Cellulitis of the left leg, started on cephalexin.", (("L03.119", "Cellulitis"),)),
    (c.site_specificity, "Chondrocalcinosis (pseudogout), left knee.", (("M11.20", "Chondrocalcinosis"),)),
    (c.seventh_character, "Wrist fracture after a fall, initial encounter.", (("S52.501", "Wrist fracture"),)),
]


def described(tabular, note: str, *coded: tuple[str, str]) -> list[Suggestion]:
    return [s.model_copy(update={"description": tabular.description(s.code)}) for s in found(note, *coded)]


@pytest.mark.parametrize("convention, note, coded", NEWLY_GATED)
def test_a_newly_gated_convention_opens_where_it_acts(tabular, convention, note, coded):
    suggestions = described(tabular, note, *coded)
    assert convention(list(suggestions), note, tabular)[0] != suggestions
    assert called(convention, suggestions, lowered_note(note), tabular)


# open on the follow-up by its codes (I10, E11.9) or by its words (" of " and "hypertension", as "no diagnosis of
# hypertension" needs): they act on neither
_OPEN_ON_THE_FOLLOW_UP = {c.hypertensive_heart_disease, c.diabetes_type_elsewhere, c.elevated_readings}


@pytest.mark.parametrize("convention", sorted({convention for convention, _, _ in [*ACTING, *NEWLY_GATED]
                                               if convention not in _OPEN_ON_THE_FOLLOW_UP},
                                              key=lambda f: f.__name__))
def test_the_gates_close_on_a_follow_up_with_nothing_for_them(tabular, convention):
    note = "Follow-up for type 2 diabetes and hypertension. Denies chest pain. Family history of diabetes."
    suggestions = found(note, ("E11.9", "type 2 diabetes"), ("I10", "hypertension"))
    assert not called(convention, suggestions, lowered_note(note), tabular)
    assert convention(list(suggestions), note, tabular) == (suggestions, [])


def test_a_gate_of_many_patterns_is_one_alternation_of_them():
    either = any_of((re.compile(r"\bpacemaker\b", re.IGNORECASE), re.compile(r"\bicd\b", re.IGNORECASE)))
    assert either.search("ICD interrogated") and either.search("pacemaker checked")
    assert not called(needs(patterns=(either,))(_unchanged), [], lowered_note("Palpitations for two weeks."))
    with pytest.raises(ValueError):
        any_of((re.compile(r"pace maker", re.VERBOSE),))


def test_a_gate_of_words_opens_where_the_lowered_note_holds_one():
    marked = needs(patterns=(any_word(("nexplanon", "plan b", "c-section")),))(_unchanged)
    assert called(marked, [], lowered_note("Took Plan B yesterday."))
    assert called(marked, [], lowered_note("Prior C-SECTION in 2019."))
    assert not called(marked, [], lowered_note("Planning a trip; no section of the form left blank."))


class _Recorded:
    """The conventions in their order, each standing in for itself (its gate kept) and changing nothing, so that
    every one is offered the same suggestions; which the dispatch called is recorded."""

    def __init__(self, tabular):
        self.calls, self.tabular = [], tabular
        self.dispatch = GatedConventions(tuple(map(self._stand_in, c.CONVENTIONS)))

    def _stand_in(self, convention):
        @functools.wraps(convention)  # keeps the gate
        def recorded(suggestions, note, tabular):
            self.calls.append(convention)
            return suggestions, []
        return recorded

    def called(self, suggestions, note) -> list:
        self.calls.clear()
        self.dispatch.apply(suggestions, note, self.tabular)
        return list(self.calls)


def _alone(suggestions, note, tabular) -> list:
    return [convention for convention in c.CONVENTIONS
            if called(convention, suggestions, lowered_note(note), tabular)]


@pytest.mark.parametrize("note, coded", [*CLOSED, *((note, coded) for _, note, coded in [*ACTING, *NEWLY_GATED]),
                                         ("Caf\u00e9 au lait spots, follow-up in a year.", ())])
def test_the_conventions_dispatch_calls_each_convention_where_its_gate_alone_opens(tabular, note, coded):
    suggestions = found(note, *coded)
    assert _Recorded(tabular).called(suggestions, note) == _alone(suggestions, note, tabular)


def test_the_dispatch_calls_what_every_gate_alone_opens_on_the_development_notes(tabular):
    from services.coding.evaluate_suggestions import DEVELOPMENT_SET
    with open(DEVELOPMENT_SET, newline="") as source:
        notes = [row["note"] for row in csv.DictReader(source)]
    recorded, gated_count = _Recorded(tabular), sum(getattr(cv, "gate", None) is not None for cv in c.CONVENTIONS)
    ungated, opened = len(c.CONVENTIONS) - gated_count, 0
    for note in notes:
        calls = recorded.called([], note)
        assert calls == _alone([], note, tabular), note[:60]
        opened += len(calls) - ungated
    assert 0 < opened < len(notes) * gated_count
