"""Schemathesis against the live gateway's OpenAPI document: no operation answers 5xx, and every answer is one
the document describes (its status code, its media type, a body that validates against its schema).

Every operation gets a bounded number of generated cases (the run stays well under two minutes).
Schemathesis' pytest plugin (`from_fixture`) fails on pytest 9 ('Function' has no '_nodeid'), so the
operations are driven through its Python API with Hypothesis directly.
"""
import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.e2e.support import create_tenant

EXAMPLES_PER_OPERATION = 15
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@schemathesis.serializer("application/edi-x12", "x-application/hl7-v2+er7")
def _text_body(ctx, value) -> bytes:
    """X12 and HL7 bodies are text: send the generated string as it is."""
    return value.encode() if isinstance(value, str) else str(value).encode()


schemathesis.serializer.alias("application/fhir+json", "application/json")


@pytest.fixture(scope="module")
def fuzz_key(stack) -> str:
    return create_tenant(stack, "Fuzzed Practice")["api_key"]


def test_every_answer_is_one_the_document_describes(gateway_url, fuzz_key):
    schema = schemathesis.openapi.from_dict(httpx.get(f"{gateway_url}/openapi.json", timeout=30).json())
    headers = {"Authorization": f"Bearer {fuzz_key}"}
    failures, calls = [], []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 60

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
        def exercise(case):
            response = case.call(base_url=gateway_url, headers=headers, timeout=30)
            calls.append(response.status_code)
            try:
                case.validate_response(response, checks=CHECKS, headers=headers)
            except (AssertionError, BaseExceptionGroup) as failure:  # schemathesis groups its failures
                failures.append(f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}: "
                                f"{str(failure)[:400]}")

        exercise()
    assert len(calls) >= len(operations)
    assert not failures, "\n".join(failures[:20])
