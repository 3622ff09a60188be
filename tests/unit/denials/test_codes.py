"""The shipped CARC/RARC lists load, are complete enough to categorize, and lookups never raise."""
import pytest

from services.denials.domain.codes import ACTIONS, CATEGORIES, codebook

pytestmark = pytest.mark.unit


def test_lists_cover_professional_billing():
    book = codebook()
    assert len(book.carcs) >= 200 and len(book.rarcs) >= 60
    assert {c.category for c in book.carcs.values()} <= CATEGORIES
    assert {c.recommended_action for c in book.carcs.values()} <= ACTIONS
    assert {"P1", "MA130", "N290"} <= set(book.carcs) | set(book.rarcs)


@pytest.mark.parametrize("code,category", [
    ("45", "contractual"), ("59", "contractual"), ("94", "contractual"), ("253", "contractual"),
    ("1", "patient_responsibility"), ("197", "authorization"), ("16", "missing_information"),
    ("29", "timely_filing"), ("18", "duplicate"), ("97", "bundling_ncci"), ("204", "non_covered"),
])
def test_categories_follow_the_published_meaning(code, category):
    assert codebook().carc(code).category == category


def test_unknown_codes_never_raise():
    assert codebook().carc(" z99 ").description == "Unknown CARC Z99"
    assert codebook().carc("Z99").category == "unknown"
    assert codebook().rarc("N9999").description == "Unknown RARC N9999"
    assert codebook().carc("197").description == "Precertification/authorization/notification absent"
