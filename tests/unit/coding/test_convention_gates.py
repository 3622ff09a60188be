"""The gates that spare a convention the notes it cannot act on: opt-in, open on a code or the words a pattern needs,
and never closed where the convention would change anything (the suggester's output must not change)."""
import re

import pytest

from services.coding.adapters.tabular_notes import TabularNotes
from services.coding.domain import conventions as c
from services.coding.domain.convention_gates import Gate, any_of, called, gated, needs
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
        if getattr(convention, "gate", None) is None or called(convention, suggestions, lowered):
            continue
        after, reasons = convention(list(suggestions), note, tabular)
        assert (after, reasons) == (suggestions, []), convention.__name__


def test_the_declared_gates_close_on_a_note_with_nothing_for_them():
    note = "Acne on the forehead and cheeks, started on a topical retinoid."
    gated = [convention for convention in c.CONVENTIONS if getattr(convention, "gate", None) is not None]
    assert gated and not any(called(convention, found(note, ("L70.0", "Acne")), lowered_note(note))
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
    assert called(convention, suggestions, lowered_note(note))


@pytest.mark.parametrize("convention", sorted({convention for convention, _, _ in ACTING}, key=lambda f: f.__name__))
def test_the_gates_close_on_a_follow_up_with_nothing_for_them(tabular, convention):
    note = "Follow-up for type 2 diabetes and hypertension. Denies chest pain. Family history of diabetes."
    suggestions = found(note, ("E11.9", "type 2 diabetes"), ("I10", "hypertension"))
    assert not called(convention, suggestions, lowered_note(note))
    assert convention(list(suggestions), note, tabular) == (suggestions, [])


def test_a_gate_of_many_patterns_is_one_alternation_of_them():
    either = any_of((re.compile(r"\bpacemaker\b", re.IGNORECASE), re.compile(r"\bicd\b", re.IGNORECASE)))
    assert either.search("ICD interrogated") and either.search("pacemaker checked")
    assert not called(needs(patterns=(either,))(_unchanged), [], lowered_note("Palpitations for two weeks."))
    with pytest.raises(ValueError):
        any_of((re.compile(r"pace maker", re.VERBOSE),))


def _dispatch_opens(convention, suggestions, note) -> bool:
    dispatch = gated(c.CONVENTIONS)
    gate = dict((id(step), gate) for step, gate in dispatch.steps)[id(convention)]
    return gate is None or dispatch.opens(gate, dispatch.words_met(note), suggestions)


@pytest.mark.parametrize("note, coded", [*CLOSED, *((note, coded) for _, note, coded in ACTING),
                                         ("Caf\u00e9 au lait spots, follow-up in a year.", ())])
def test_the_conventions_dispatch_opens_each_gate_as_the_gate_alone_does(note, coded):
    suggestions = found(note, *coded)
    for convention in c.CONVENTIONS:
        assert _dispatch_opens(convention, suggestions, note) == called(convention, suggestions, lowered_note(note)), \
            convention.__name__


def test_the_dispatch_reads_every_gates_words_as_the_gate_alone_on_the_development_notes():
    import csv

    from services.coding.evaluate_suggestions import DEVELOPMENT_SET
    with open(DEVELOPMENT_SET, newline="") as source:
        notes = [row["note"] for row in csv.DictReader(source)]
    dispatch = gated(c.CONVENTIONS)
    gates = [(convention, gate) for convention, gate in dispatch.steps if gate is not None]
    opened = 0
    for note in notes:
        met, lowered = dispatch.words_met(note), lowered_note(note)
        for convention, gate in gates:
            alone = convention.gate.opens([], lowered)
            assert dispatch.opens(gate, met, []) == alone, (convention.__name__, note[:60])
            opened += alone
    assert 0 < opened < len(notes) * len(gates)
