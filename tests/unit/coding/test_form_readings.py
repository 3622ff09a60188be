"""Readings of note forms met first on notes x1-x40: an encounter form's checkboxes, '#' problem lists, a denial
inside one item of a semicolon list, and the tabular's square-bracketed synonyms."""
import pytest

from services.coding.domain.note_context import mention_scope
from services.coding.domain.note_terms import variants
from tests.unit.coding.test_note_readings import coded
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, kept, denied", [
    ("PMH: HTN; AF, not on anticoagulation; T2DM on insulin.", {"I10", "E11.9", "Z79.4"}, set()),
    ("Hx: SVT s/p ablation 2020, no recurrence; hypothyroidism on levothyroxine.", {"E03.9"}, set()),
    ("Gout, no flares this year; hyperlipidemia on atorvastatin.", {"E78.5"}, set()),
    # a denial that opens its item still runs over the list
    ("ROS: denies fever; chills; night sweats. Assessment: acute bronchitis.", {"J20.9"}, {"R68.83", "R61"}),
])
def test_a_denial_inside_an_item_stops_at_its_semicolon(suggest, note, kept, denied):
    found, suggested = coded(suggest, note), {s.code for s in suggest(note)}
    assert kept <= set(found) and not denied & suggested


@pytest.mark.parametrize("note, mention", [
    ("Diagnoses addressed:\n[X] Essential hypertension\n[ ] Obesity", "Obesity"),
    ("ROS: [x] cough [ ] chills [x] wheezing", "chills"),
    ("[ ]Hyperlipidemia", "Hyperlipidemia"),
])
def test_an_empty_box_leaves_its_item_undocumented(note, mention):
    start = note.index(mention)
    assert mention_scope(note, start, start + len(mention)).rule == "negated"


@pytest.mark.parametrize("note, mention", [
    ("Diagnoses addressed:\n[X] Essential hypertension\n[ ] Obesity", "Essential hypertension"),
    ("ROS: [x] cough [ ] chills [x] wheezing", "wheezing"),
])
def test_a_marked_box_documents_its_item(note, mention):
    start = note.index(mention)
    assert mention_scope(note, start, start + len(mention)) is None


def test_an_encounter_form_codes_the_marked_diagnoses_only(suggest):
    found = coded(suggest, "Encounter form:\n[X] Essential hypertension\n[ ] Hyperlipidemia\n[X] Vitamin D "
                           "deficiency\n[ ] Obesity")
    assert {"I10", "E55.9"} <= set(found) and not {"E78.5", "E66.9"} & set(found)


def test_a_hash_line_starts_an_item_of_its_own(suggest):
    found = coded(suggest, "#No fever, no chills\n#Orthostatic hypotension - midodrine 5 mg tid")
    assert "I95.1" in found


def test_the_tabulars_square_brackets_are_a_synonym_the_note_may_leave_out(suggest):
    assert variants("Heterozygous familial hypercholesterolemia [HeFH]", "description")[0] == (
        "heterozygous familial hypercholesterolemia", "description")
    found = coded(suggest, "Heterozygous familial hypercholesterolemia, LDL 190 on rosuvastatin.")
    assert "E78.011" in found and found["E78.011"].confidence >= 0.9


@pytest.mark.parametrize("note", [
    "L ankle sprain, anterior talofibular ligament | 3 wks ago | healing, subsequent encounter",
    "Left ankle sprain (ATFL), subsequent encounter.",
])
def test_the_ligament_named_after_an_ankle_sprain_is_the_sprains(suggest, note):
    found = coded(suggest, note)
    assert "S93.492D" in found and "S93.402D" not in found


@pytest.mark.parametrize("note, code", [
    ("S: fell on outstretched R hand. B: age-related osteoporosis on alendronate. A: nondisplaced fracture of the "
     "right distal radius, initial encounter.", "M80.031A"),
    ("Osteoporosis. Ground-level fall: closed fracture of left femoral neck, initial encounter.", "M80.052A"),
    # the side read from the fracture code's text, wherever its code carries it
    ("Osteoporosis. Fragility fracture: displaced fracture of medial malleolus of left tibia, initial encounter.",
     "M80.072A"),
])
def test_a_fragility_fracture_in_osteoporosis_is_m80_at_its_site(suggest, note, code):
    found = coded(suggest, note)
    assert code in found and found[code].convention == "osteoporotic-fracture"
    assert not any(c.startswith(("S52", "S72", "S82", "M81")) for c in found)


def test_a_fracture_from_high_force_stays_traumatic_beside_osteoporosis(suggest):
    found = coded(suggest, "Osteoporosis on alendronate. MVC at 60 mph: fracture of right distal radius, initial "
                           "encounter.")
    assert "M81.0" in found and not any(c.startswith("M80") for c in found)
