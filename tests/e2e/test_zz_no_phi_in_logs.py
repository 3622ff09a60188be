"""Runs last in the e2e suite (after the hostile-input run too): the services' logs and trace spans of
this run hold none of the seeded PHI."""
from tests.e2e.phi_scan import log_findings, normalised, span_findings


def test_no_patient_data_in_any_service_log(stack):
    assert log_findings(stack) == []


def test_no_patient_data_in_any_span(stack):
    """Span attributes, names and events: what the dashboard and an OTLP collector would show."""
    assert span_findings(stack) == []


def test_escaped_control_characters_do_not_hide_a_marker():
    assert "Rivera" in normalised('{"msg": "Riv\\u0000era"}') and "Rivera" in normalised("Riv\\x01era")
