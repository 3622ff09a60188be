"""Client spans name the route, never the ids in it (a patient id is PHI)."""
import random
import re

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


def _per_segment(path: str) -> str:
    """The template as its definition reads: each segment between slashes kept when empty or a route word."""
    route_word = re.compile(r"^(?:[a-z][a-z_-]*|v\d+|\d{3})$")
    return "/".join(segment if not segment or route_word.match(segment) else "{id}" for segment in path.split("/"))


@pytest.mark.parametrize("path", ["", "/", "//", "claims", "Claims/x", "/v1/", "/v12a/v1", "/837/8370/83",
                                  "/abc\n/x", "/abc\n\n", "/abc\n", "/\n", "/a-b_c/-ab/_a", "/٣٣٣/v٣", "/é/ab"])
def test_edge_segments_as_the_definition_reads_them(path):
    assert path_template(path) == _per_segment(path)


def test_generated_paths_as_the_definition_reads_them():
    rng = random.Random(7)
    letters = [*"/ab v0123_-\nXZ.%é٣", "/", "/", "v1", "837", "claims"]
    for _ in range(20_000):
        path = "".join(rng.choice(letters) for _ in range(rng.randint(0, 14)))
        assert path_template(path) == _per_segment(path), repr(path)
