"""List cursors: anything but the next_cursor of a page is a 422 naming `cursor`, never a failed query."""
import base64
from datetime import datetime, timezone
from uuid import uuid4

import pytest

from shared.http.problems import Problem
from services.claims.entrypoints.claims_list import decode_cursor as decode_claims_cursor
from services.gateway.entrypoints.cursors import decode_cursor, encode_cursor

pytestmark = pytest.mark.unit
ROW = uuid4()


def _raw(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_a_cursor_round_trips_in_utc():
    at = datetime(2026, 12, 1, 20, 0, tzinfo=timezone.utc)
    assert decode_cursor(encode_cursor(at, ROW)) == (at, ROW)


@pytest.mark.parametrize("cursor", ["%%%", _raw("2026-12-01T00:00:00|x"), _raw(f"2026-12-01T00:00:00|{ROW}"),
                                    _raw(f"0001-01-01T00:00:00+14:00|{ROW}")])
def test_a_malformed_or_unrepresentable_cursor_is_422(cursor):
    with pytest.raises(Problem) as refused:
        decode_cursor(cursor)
    assert refused.value.status == 422 and refused.value.errors[0]["field"] == "query.cursor"


@pytest.mark.parametrize("cursor", [f"2026-12-01T00:00:00~{ROW}", f"0001-01-01T00:00:00+14:00~{ROW}", "x~y"])
def test_the_claims_list_refuses_naive_and_out_of_range_times(cursor):
    with pytest.raises(Problem) as refused:
        decode_claims_cursor(cursor)
    assert refused.value.status == 422 and refused.value.errors[0]["field"] == "cursor"


def test_the_claims_list_reads_its_own_cursor_in_utc():
    at, row = decode_claims_cursor(f"2026-12-01T10:00:00-05:00~{ROW}")
    assert at == datetime(2026, 12, 1, 15, 0, tzinfo=timezone.utc) and row == ROW
