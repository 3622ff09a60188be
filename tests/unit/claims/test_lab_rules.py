"""Laboratory claims: the CLIA number on every claim with an in-house test (REF*X4), QW on waived tests for
Medicare, 91 on a same-day repeat; a reference lab's test (90) needs none of it."""
from datetime import datetime, timezone

import pytest

from services.claims.domain.lab_rules import lab_certification
from services.claims.domain.scrub import scrub_claim
from services.claims.adapters.x12_validation import validate_x12
from services.claims.domain.x837 import write_837p
from tests.unit.claims.builders import BILLING, TODAY, claim

pytestmark = pytest.mark.unit
WITH_CLIA = BILLING.model_copy(update={"clia_number": "14D0123456"})
WITHOUT_CLIA = BILLING.model_copy(update={"clia_number": None})


def lab_claim(payer="AETNA", billing=WITH_CLIA, procedures=None):
    procedures = procedures or [{"code": "99213", "diagnosis_pointers": [1]},
                                {"code": "83036", "diagnosis_pointers": [1]}]
    return claim(payer, billing=billing, procedures=procedures)


def ids(edits) -> list[str]:
    return [e.edit_id for e in edits]


def test_an_in_house_lab_test_needs_the_practice_clia_number():
    assert ids(lab_certification(lab_claim(billing=WITHOUT_CLIA))) == ["SCRUB-CLIA-NUMBER"]
    assert lab_certification(lab_claim()) == []
    assert lab_certification(claim(billing=WITHOUT_CLIA)) == []  # 99213 + 36415: no lab test


def test_the_clia_number_is_sent_in_ref_x4_and_pyx12_accepts_the_file():
    text = write_837p([lab_claim()], sender_id="BILLINGPLATFORM", receiver_id="60054", interchange_control_number=3,
                      group_control_number=3, created_at=datetime(2026, 11, 22, tzinfo=timezone.utc))
    assert validate_x12(text) == []
    assert "~REF*X4*14D0123456~" in text
    plain = write_837p([claim(billing=WITH_CLIA)], sender_id="BILLINGPLATFORM", receiver_id="60054",
                       interchange_control_number=4, group_control_number=4,
                       created_at=datetime(2026, 11, 22, tzinfo=timezone.utc))
    assert "REF*X4" not in plain


def test_medicare_wants_qw_on_a_waived_test_but_not_on_the_listed_exceptions():
    assert ids(lab_certification(lab_claim("MEDICARE"))) == ["SCRUB-CLIA-QW"]
    qw = [{"code": "83036", "modifiers": ["QW"], "diagnosis_pointers": [1]}]
    assert lab_certification(lab_claim("MEDICARE", procedures=qw)) == []
    dipstick = [{"code": "81002", "diagnosis_pointers": [1]}]  # waived, and one of CMS's no-QW exceptions
    assert lab_certification(lab_claim("MEDICARE", procedures=dipstick)) == []
    assert lab_certification(lab_claim("AETNA")) == []  # QW is Medicare's rule


def test_a_reference_lab_test_needs_neither_the_practice_number_nor_qw():
    sent_out = [{"code": "83036", "modifiers": ["90"], "diagnosis_pointers": [1]}]
    assert lab_certification(lab_claim("MEDICARE", billing=WITHOUT_CLIA, procedures=sent_out)) == []


def test_a_same_day_repeat_needs_91():
    twice = [{"code": "82947", "modifiers": ["QW"], "diagnosis_pointers": [1]},
             {"code": "82947", "modifiers": ["QW"], "diagnosis_pointers": [1]}]
    assert ids(lab_certification(lab_claim("MEDICARE", procedures=twice))) == ["SCRUB-LAB-REPEAT-91"]
    twice[1]["modifiers"] = ["QW", "91"]
    assert lab_certification(lab_claim("MEDICARE", procedures=twice)) == []


def test_the_scrubber_runs_the_lab_rules():
    assert "SCRUB-CLIA-NUMBER" in ids(scrub_claim(lab_claim(billing=WITHOUT_CLIA), today=TODAY, existing_keys=set()))
