"""Dementia with Alzheimer's or Parkinson's disease is F02.- by severity, not F03.-."""
import pytest

from services.coding.domain.dementia_in_disease import dementia_in_disease
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Late-onset Alzheimer disease with mild dementia, no behavioral disturbance.", "F02.A0"),
    ("Alzheimer disease with severe dementia.", "F02.C0"),
    ("Alzheimer disease with dementia, stable.", "F02.80"),
])
def test_dementia_in_alzheimers_disease_is_f02_by_severity(tabular, note, expected):
    out, reasons = dementia_in_disease(found(note, ("G30.1", "Alzheimer disease"), ("F03.90", "dementia")),
                                       note, tabular)
    assert codes(out) == sorted(["G30.1", expected]) and reasons
    assert next(s for s in out if s.code == expected).convention == "dementia-in-disease"


def test_a_behavioural_disturbance_is_left_to_a_coder(tabular):
    note = "Alzheimer disease with moderate dementia and agitation, hallucinations at night."
    out, _ = dementia_in_disease(found(note, ("G30.9", "Alzheimer disease"), ("F03.90", "dementia")), note, tabular)
    dementia = next(s for s in out if s.code == "F03.90")
    assert dementia.confidence < 0.9 and dementia.convention == "dementia-in-disease"


def test_dementia_without_a_classified_cause_stays_f03(tabular):
    note = "Moderate dementia, living with daughter."
    out, reasons = dementia_in_disease(found(note, ("F03.90", "dementia")), note, tabular)
    assert codes(out) == ["F03.90"] and reasons == []


@pytest.mark.parametrize("note, expected", [
    ("Alzheimer's disease, moderate dementia, now with agitation - hitting staff.", "F02.B11"),
    ("Alzheimer disease with dementia, combative with caregivers.", "F02.811"),
])
def test_dementia_with_agitation_named_alone_is_its_agitation_code(tabular, note, expected):
    given = found(note, ("G30.9", "Alzheimer"), ("F03.90", "dementia"))
    out, reasons = dementia_in_disease(given, note, tabular)
    assert codes(out) == sorted(["G30.9", expected]) and reasons


def test_agitation_denied_is_dementia_without_disturbance(tabular):
    note = "Alzheimer disease with mild dementia, no agitation."
    out, _ = dementia_in_disease(found(note, ("G30.9", "Alzheimer"), ("F03.90", "dementia")), note, tabular)
    assert codes(out) == ["F02.A0", "G30.9"]


@pytest.mark.parametrize("note, disease, expected", [
    ("Alzheimer disease with moderate dementia, living at home.", "Alzheimer disease", "G30.9"),
    ("Early onset Alzheimer disease with mild dementia.", "Alzheimer disease", "G30.0"),
])
def test_the_disease_of_a_coded_dementia_is_not_held_as_a_bare_term(tabular, note, disease, expected):
    given = found(note, ("G30.9", disease), ("F03.90", "dementia"), confidence=0.92)
    out, _ = dementia_in_disease(given, note, tabular)
    cause = next(s for s in out if s.code.startswith("G30"))
    assert cause.code == expected and cause.convention == "dementia-in-disease" and cause.confidence == 0.92


def test_a_disease_beside_a_more_specific_code_of_its_category_stays_as_found(tabular):
    note = "Alzheimer disease, late onset, with severe dementia."
    given = found(note, ("G30.9", "Alzheimer disease"), ("G30.1", "late onset"), ("F03.90", "dementia"))
    out, _ = dementia_in_disease(given, note, tabular)
    assert next(s for s in out if s.code == "G30.9").convention is None
