"""The dashboards' claims and denials figures are read back from maintained counts per key: the answer
must have the shape the reports always had, whatever keys a tenant has."""
import pytest

from services.claims.adapters.reports import figures_from_counts as claim_figures
from services.denials.adapters.reports import figures_from_counts as denial_figures

pytestmark = pytest.mark.unit


def test_claim_counts_become_statuses_scrubbed_clean_and_first_pass_by_payer():
    counts = {"status:paid": 7, "status:built": 1, "scrubbed": 9, "clean": 6, "adjudicated:AETNA": 5,
              "first_pass_paid:AETNA": 4, "adjudicated:UHC": 2, "first_pass_paid:MEDICAID-IL": 1}
    assert claim_figures(counts) == {
        "by_status": {"paid": 7, "built": 1}, "scrubbed": 9, "clean": 6,
        "adjudication": {"AETNA": {"adjudicated": 5, "first_pass_paid": 4},
                         "UHC": {"adjudicated": 2, "first_pass_paid": 0}}}


def test_no_claims_give_empty_figures():
    assert claim_figures({}) == {"by_status": {}, "scrubbed": 0, "clean": 0, "adjudication": {}}
    assert denial_figures({}) == {"denied_claims": 0, "by_category": {}, "by_payer": {}, "by_carc": {}, "open": 0}


def test_denial_counts_become_denied_claims_by_category_payer_and_reason():
    counts = {"denied": 3, "open": 1, "category:coding": 2, "category:eligibility": 1, "payer:BCBS": 3,
              "carc:16": 1, "carc:CO:45": 1}
    assert denial_figures(counts) == {
        "denied_claims": 3, "open": 1, "by_category": {"coding": 2, "eligibility": 1}, "by_payer": {"BCBS": 3},
        "by_carc": {"16": 1, "CO:45": 1}}
