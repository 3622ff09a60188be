"""A record is built from a read's row by position: each claim shape's columns must be ClaimRecord's first fields,
the hand-over's file read must be InterchangeFile's fields."""
import uuid
from dataclasses import fields
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from services.claims.adapters.claim_records import ClaimRecord, record_columns, record_names, to_record
from services.claims.adapters.claim_round import InterchangeFile
from services.claims.adapters.repositories import NEXT_WITH_STATUS
from services.claims.adapters.tables import Interchange

SHAPES = [{}, {"with_coded": True}, {"follow_up": True}]


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_reads_the_leading_fields_of_a_record_in_their_order(shape):
    names = record_names(**shape)
    assert names == [f.name for f in fields(ClaimRecord)][:len(names)]
    assert [column.name for column in record_columns(**shape)] == names


@pytest.mark.parametrize("shape", SHAPES)
def test_a_row_builds_the_record_its_columns_name(shape):
    names = record_names(**shape)
    values = {"id": uuid.uuid4(), "tenant_id": uuid.uuid4(), "encounter_id": uuid.uuid4(),
              "patient_control_number": "PCN1", "status": "ready", "payer_id": "AETNA", "frequency_code": "1",
              "original_claim_id": None, "payer_claim_number": "P1", "total_charge": Decimal("10.00"),
              "interchange_id": 7, "trace_context": None, "created_at": datetime(2026, 1, 1, tzinfo=timezone.utc),
              "submitted_at": None, "remit_received_at": None, "next_inquiry_on": date(2026, 2, 1),
              "payer_sequence": "S", "payers_after": 1, "prior_claim_id": uuid.uuid4(), "coded": {"a": 1},
              "prior_payers": [{"b": 2}], "eligibility": {"status": "active"},
              "eligibility_requested_at": datetime(2026, 1, 2, tzinfo=timezone.utc), "edits": [],
              "status_inquired_at": None, "last_payer_status": {"c": 3}}
    row = tuple(values[name] for name in names)
    assert to_record(row) == ClaimRecord(**{name: values[name] for name in names})


def test_the_hand_over_reads_a_file_as_the_record_of_its_columns_in_their_order():
    assert [f.name for f in fields(InterchangeFile)] == [column.name for column in NEXT_WITH_STATUS.selected_columns]
    assert [column.name for column in NEXT_WITH_STATUS.selected_columns] == list(Interchange.__table__.c.keys())
