"""Dementia "with" a behavioural or psychological disturbance is coded in the characters after its severity."""
import pytest

from services.coding.domain.dementia_disturbance import dementia_disturbance, disturbance_suffix, with_disturbance
from services.coding.domain.dementia_in_disease import dementia_in_disease
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("after, suffix", [
    (" with agitation.", "11"),
    (", now with pacing and exit-seeking at dusk.", "11"),
    (" (moderate) with combative behavior toward aides.", "11"),
    (" with sleep disturbance.", "18"),
    (" w/ behavioral disturbance.", "18"),
    (", moderate, with BPSD managed by the care team.", "18"),
    (" with visual hallucinations and paranoia.", "2"),
    (" with psychotic features.", "2"),
    (" with apathy.", "3"),
    (" with depression.", "3"),
    (" with anxiety.", "4"),
    # a carer's report after the dementia, a behavioural or psychotic kind
    (". Son reports agitation in the evenings.", "11"),
    ("; wife says he becomes physically aggressive at bath time.", "11"),
    (", moderate. Her carer describes pacing and exit-seeking after supper.", "11"),
    ("; husband reports visual hallucinations of children in the garden.", "2"),
    # what the dementia's own clause says the patient becomes
    (", moderate, becomes combative and agitated when bathed.", "11"),
    (" - gets paranoid delusions about theft most nights.", "2"),
])
def test_the_kind_named_with_the_dementia_or_reported_after_it_gives_its_characters(after, suffix):
    assert disturbance_suffix(after)[0] == suffix


@pytest.mark.parametrize("after", [
    " without behavioral disturbance.",
    ", no agitation or psychosis.",
    "; depression, on sertraline.",
    ", lives with her son and is anxious about the move.",
    ". Son reports no agitation in the evenings.",
    "; daughter reports low mood and tearfulness.",
    " with her husband present.",
    ", mild; she becomes anxious in crowds.",
    ". Gets agitated? Not per staff.",
])
def test_a_disturbance_not_written_with_the_dementia_is_not_read(after):
    assert disturbance_suffix(after)[0] is None


@pytest.mark.parametrize("after, suffix", [
    (" and paranoid delusions that staff steal from her.", "2"),
    (", and aggressive behavior toward her husband.", "11"),
    (" and depression, on sertraline.", None),  # a mood or anxiety disorder joined by "and" may be its own
    (" and anxiety disorder.", None),
    (", lives alone and agitated at times.", None),  # "and" not right after the dementia's words
])
def test_and_right_after_the_dementia_joins_a_behavioural_or_psychotic_disturbance(after, suffix):
    assert disturbance_suffix(after)[0] == suffix


def test_two_kinds_named_together_are_for_a_coder():
    assert disturbance_suffix(" with agitation and hallucinations.")[0] == ""


@pytest.mark.parametrize("code, suffix, expected", [
    ("F03.B0", "11", "F03.B11"), ("F03.90", "18", "F03.918"), ("F01.50", "2", "F01.52"), ("F03.A0", "4", "F03.A4"),
])
def test_the_characters_follow_the_severity(code, suffix, expected):
    assert with_disturbance(code, suffix) == expected


@pytest.mark.parametrize("note, given, expected", [
    ("Moderate dementia with agitation - striking at staff.", "F03.B0", "F03.B11"),
    ("Severe dementia, now with delusions of theft.", "F03.C0", "F03.C2"),
    ("Vascular dementia with apathy, severity not staged.", "F01.50", "F01.53"),
    ("Mild dementia with anxiety, worse when her routine changes.", "F03.A0", "F03.A4"),
])
def test_dementia_with_one_kind_of_disturbance_is_its_code(tabular, note, given, expected):
    out, reasons = dementia_disturbance(found(note, (given, "dementia")), note, tabular)
    assert codes(out) == [expected] and reasons
    assert out[0].convention == "dementia-disturbance"


def test_the_disturbance_is_not_coded_again_as_a_disorder_of_its_own(tabular):
    note = "Mild dementia with paranoia about neighbours."
    given = found(note, ("F03.A0", "dementia"), ("F22", "paranoia"))
    out, _ = dementia_disturbance(given, note, tabular)
    assert codes(out) == ["F03.A2"]


def test_a_disorder_written_apart_from_the_dementia_stays(tabular):
    note = "Mild dementia; generalized anxiety disorder, on sertraline."
    given = found(note, ("F03.A0", "dementia"), ("F41.1", "generalized anxiety disorder"))
    out, reasons = dementia_disturbance(given, note, tabular)
    assert codes(out) == ["F03.A0", "F41.1"] and reasons == []


def test_two_kinds_hold_the_dementia_below_the_threshold(tabular):
    note = "Moderate dementia with agitation and hallucinations."
    out, _ = dementia_disturbance(found(note, ("F03.B0", "dementia")), note, tabular)
    assert out[0].code == "F03.B0" and out[0].confidence < 0.9


@pytest.mark.parametrize("context", ["family", "history"])
def test_a_relatives_or_past_dementia_is_left_alone(tabular, context):
    note = "Mother had dementia with agitation."
    out, reasons = dementia_disturbance(found(note, ("F03.90", "dementia"), context=context), note, tabular)
    assert codes(out) == ["F03.90"] and reasons == []


def test_in_alzheimers_disease_the_read_disturbance_moves_to_f02(tabular):
    note = "Alzheimer disease, late onset, with severe dementia with delusions."
    given = found(note, ("G30.1", "Alzheimer disease"), ("F03.90", "dementia"))
    out, _ = dementia_disturbance(given, note, tabular)
    out, _ = dementia_in_disease(out, note, tabular)
    assert codes(out) == ["F02.C2", "G30.1"]
