"""Every route of every service declares its answer, and a forwarded operation declares the same query and
response models as the service route it calls: one declaration, two users."""
import re

import pytest
from fastapi import Response
from fastapi.routing import APIRoute
from pydantic import BaseModel

from services.claims.entrypoints import (
    api as claims_api,
    claims_list,
    corrections_api,
    follow_up_api,
    patients_api,
    payers_api,
    reports as claims_reports,
)
from services.coding.entrypoints import api as coding_api, queries_api, reports as coding_reports
from services.denials.entrypoints import api as denials_api, reports as denials_reports
from services.gateway.entrypoints.route_table import CLAIMS, CODING, DENIALS, PAYMENTS
from services.payments.entrypoints import api as payments_api, api_accounts, reports as payments_reports

pytestmark = pytest.mark.unit
SERVICE_ROUTES = {
    "claims": [claims_api, claims_list, corrections_api, follow_up_api, patients_api, payers_api, claims_reports],
    "coding": [coding_api, queries_api, coding_reports], "denials": [denials_api, denials_reports],
    "payments": [payments_api, api_accounts, payments_reports],
}


def _routes(service: str) -> list[APIRoute]:
    return [r for module in SERVICE_ROUTES[service] for r in module.router.routes if isinstance(r, APIRoute)]


def _declares_an_answer(route: APIRoute) -> bool:
    """A pydantic model (a bare `-> dict` documents nothing), or a file answer (HTML, X12, PDF)."""
    model = route.response_model
    return (isinstance(model, type) and issubclass(model, BaseModel)) or route.response_class is Response


@pytest.mark.parametrize("service", sorted(SERVICE_ROUTES))
def test_every_service_route_declares_its_answer(service):
    undeclared = [f"{sorted(r.methods)} {r.path}" for r in _routes(service) if not _declares_an_answer(r)]
    assert undeclared == []


def _service_route(service: str, method: str, internal_path: str) -> list[APIRoute]:
    """The route with the same template, or else those a filled-in path reaches (apply|close as two routes)."""
    routes = [r for r in _routes(service) if method in r.methods]
    pattern = re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", internal_path) + "$")
    return [r for r in routes if r.path == internal_path] or [r for r in routes if pattern.match(r.path)]


@pytest.mark.parametrize("forward", CLAIMS + PAYMENTS + DENIALS + CODING, ids=lambda f: f.name)
def test_a_forward_declares_what_its_service_route_declares(forward):
    routes = _service_route(forward.service, forward.method, forward.internal_path)
    assert routes, f"no {forward.service} route answers {forward.method} {forward.internal_path}"
    for route in routes:
        assert route.response_model is forward.response
        service_query = [p.field_info.annotation for p in route.dependant.query_params]
        if forward.query is None:
            assert service_query == []
        else:  # the service's model, or one it extends (a list and its search read the same route)
            assert len(service_query) == 1 and issubclass(service_query[0], forward.query), service_query
