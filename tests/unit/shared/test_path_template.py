"""Client spans name the route, never the ids in it (a patient id is PHI)."""
import pytest

from shared.telemetry import path_template

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("path,template", [
    ("/internal/patients/MRN-acc7dd31cc/balance", "/internal/patients/{id}/balance"),
    ("/internal/claims/9a871a20-b63e-50bd-9cf3-716d37f46683/837", "/internal/claims/{id}/837"),
    ("/v1/837", "/v1/837"),
    ("/internal/denials/analytics", "/internal/denials/analytics"),
    ("/internal/patients/12345678/statement", "/internal/patients/{id}/statement"),
])
def test_ids_become_placeholders(path, template):
    assert path_template(path) == template
