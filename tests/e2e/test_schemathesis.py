"""Schemathesis against the live gateway's OpenAPI document: no operation answers 5xx.

Every operation gets a bounded number of generated cases (the run stays well under two minutes).
Schemathesis' pytest plugin (`from_fixture`) fails on pytest 9 ('Function' has no '_nodeid'), so the
operations are driven through its Python API with Hypothesis directly.
"""
import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from tests.e2e.support import create_tenant

EXAMPLES_PER_OPERATION = 15


@schemathesis.serializer("application/edi-x12", "x-application/hl7-v2+er7")
def _text_body(ctx, value) -> bytes:
    """X12 and HL7 bodies are text: send the generated string as it is."""
    return value.encode() if isinstance(value, str) else str(value).encode()


schemathesis.serializer.alias("application/fhir+json", "application/json")


@pytest.fixture(scope="module")
def fuzz_key(stack) -> str:
    return create_tenant(stack, "Fuzzed Practice")["api_key"]


def test_no_operation_answers_5xx(gateway_url, fuzz_key):
    schema = schemathesis.openapi.from_dict(httpx.get(f"{gateway_url}/openapi.json", timeout=30).json())
    headers = {"Authorization": f"Bearer {fuzz_key}"}
    server_errors, calls = [], []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 25

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
        def exercise(case):
            response = case.call(base_url=gateway_url, headers=headers, timeout=30)
            calls.append(response.status_code)
            if response.status_code >= 500:
                server_errors.append(f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}: "
                                     f"{response.text[:200]}")

        exercise()
    assert len(calls) >= len(operations)
    assert not server_errors, "\n".join(server_errors[:20])
