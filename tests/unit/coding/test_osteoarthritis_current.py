"""An osteoarthritis stays current when its entry goes on to a treatment already given."""
import pytest

from services.coding.domain.osteoarthritis_current import osteoarthritis_current

pytestmark = pytest.mark.unit


def _read(note: str, mention: str) -> bool:
    start = note.index(mention)
    return osteoarthritis_current(note, start, start + len(mention))


@pytest.mark.parametrize("note", [
    "R knee OA - s/p steroid inj 3 wks ago, improved.",
    "L hip OA, cortisone injection in March helped.",
    "Knee OA on the right - after PT x 6 wks last year, still sore.",
])
def test_a_treatment_already_given_dates_the_treatment_not_the_disease(note):
    assert _read(note, "OA")


@pytest.mark.parametrize("note", [
    "Hx of R knee OA - s/p steroid inj 2019.",
    "No R knee OA - s/p steroid inj for bursitis.",
    "Mother with knee OA - injections.",
    "R knee OA 2015 - s/p R TKA, no pain.",
])
def test_what_places_the_disease_elsewhere_still_does(note):
    assert not _read(note, "OA")
