"""Onboarding refuses a billing provider that would hold or get rejected every claim, naming the field."""
import json
from pathlib import Path

import pytest

from shared.contracts.tenant import BillingProvider
from services.gateway.domain.onboarding import billing_provider_problems

pytestmark = pytest.mark.unit
DEMO = json.loads((Path(__file__).resolve().parents[3] / "deploy" / "seed" / "demo_tenant.json").read_text())


def provider(**changes) -> BillingProvider:
    body = json.loads(json.dumps(DEMO["billing_provider"]))
    for path, value in changes.items():
        *parents, leaf = path.split("__")
        target = body
        for part in parents:
            target = target[part]
        if value is None:
            target.pop(leaf)
        else:
            target[leaf] = value
    return BillingProvider.model_validate(body)


def fields(p: BillingProvider) -> list[str]:
    return [field for field, _ in billing_provider_problems(p)]


def test_the_demo_practice_passes():
    assert billing_provider_problems(provider()) == []


@pytest.mark.parametrize("change, field", [
    ({"npi": "1234567890"}, "billing_provider.npi"),
    ({"tax_id": "07-3456789"}, "billing_provider.tax_id"),
    ({"tax_id": "00-1234567"}, "billing_provider.tax_id"),
    ({"address__zip": "62701"}, "billing_provider.address.zip"),
    ({"address__line1": "PO BOX 12"}, "billing_provider.address.line1"),
    ({"address__line1": "P.O. Box 12"}, "billing_provider.address.line1"),
    ({"taxonomy_code": "ABCDEFGHIX"}, "billing_provider.taxonomy_code"),
    ({"contact": None}, "billing_provider.contact"),
])
def test_each_problem_names_its_field(change, field):
    assert fields(provider(**change)) == [field]


def test_a_street_named_box_is_not_a_po_box():
    assert fields(provider(address__line1="12 BOXWOOD LN")) == []
