"""An animal's vaccination, written after a bite or scratch to weigh the rabies risk, is not a dose given to the
patient: no encounter for immunization (Z23); a vaccine given to the patient after the bite still is."""
import pytest

from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9


@pytest.mark.parametrize("note", [
    "Scratched by the neighbour's cat on the left forearm; cat is vaccinated and observed. Wound washed.",
    "Bitten on the right calf by a vaccinated dog this morning. Cleaned, no antibiotics needed.",
    "Puppy bite to the left thumb; the puppy's vaccinated per the owner. Irrigated.",
    "Bitten on the L wrist by a friend's dog last night; the dog's rabies vaccination is on file. Irrigated.",
])
def test_an_animals_vaccination_is_not_an_immunization_encounter(suggest, note):
    assert "Z23" not in {s.code for s in suggest(note) if s.confidence >= THRESHOLD}


def test_a_vaccine_given_to_the_patient_after_a_bite_still_is(suggest):
    note = "Stray dog bite of the right hand. Rabies vaccine and immune globulin given today."
    assert "Z23" in {s.code for s in suggest(note) if s.confidence >= THRESHOLD}
