from datetime import date, datetime, timezone

import pytest

from services.claims.domain.x12_text import seg, x12_date

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("elements, text", [
    (("LX", "1"), "LX*1~"),
    (("SV1", "HC:99213", "100", "UN", "1", "", "", "1:2"), "SV1*HC:99213*100*UN*1***1:2~"),
    (("NM1", "QC", "1", "SMITH", "ANA", "", "", "", "", ""), "NM1*QC*1*SMITH*ANA~"),
    (("REF", ""), "REF~"),
    (("",), "~"),
    ((), "~"),
])
def test_a_segment_drops_its_trailing_empty_elements_only(elements, text):
    assert seg(*elements) == text


@pytest.mark.parametrize("day", [date(2026, 12, 1), date(1940, 1, 31), date(1000, 1, 1), date(999, 12, 31), date(5, 1, 1),
                                 datetime(2026, 3, 4, 5, 6, tzinfo=timezone.utc)])
def test_a_d8_date_is_strftimes_text(day):
    assert x12_date(day) == day.strftime("%Y%m%d")
