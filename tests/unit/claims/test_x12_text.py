import pytest

from services.claims.domain.x12_text import seg

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
