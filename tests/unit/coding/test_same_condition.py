"""One condition named twice, once specified and once not: the specified code stands."""
import pytest

from services.coding.domain.same_condition import same_condition
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.test_conventions import codes, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _found(note: str, tabular, *coded: tuple[str, str], context: str = "affirmed") -> list[Suggestion]:
    out = []
    for code, evidence in coded:
        start = note.index(evidence)
        out.append(Suggestion(code=code, description=tabular.description(code), confidence=0.95, start=start,
                              end=start + len(evidence), evidence=evidence, context=context))
    return out


@pytest.mark.parametrize("note, given, expected", [
    ("PTSD after MVC in 2022. Dx: PTSD, chronic.", (("F43.10", "PTSD"), ("F43.12", "PTSD, chronic")), ["F43.12"]),
    ("Knee pain. Right knee pain after a fall.", (("M25.569", "Knee pain"), ("M25.561", "Right knee pain")),
     ["M25.561"]),
    ("XR: chondrocalcinosis. Dx: chondrocalcinosis, left knee.",
     (("M11.20", "chondrocalcinosis"), ("M11.262", "chondrocalcinosis, left knee")), ["M11.262"]),
    # the same category: the unspecified code is the category's residual
    ("Hx COPD. A/P: COPD with exacerbation.", (("J44.9", "COPD"), ("J44.1", "COPD with exacerbation")), ["J44.1"]),
    ("Emphysema on CT. Dx: centrilobular emphysema.",
     (("J43.9", "Emphysema"), ("J43.2", "centrilobular emphysema")), ["J43.2"]),
    ("Asthma clinic. Dx: mild intermittent asthma with exacerbation.",
     (("J45.909", "Asthma"), ("J45.21", "mild intermittent asthma with exacerbation")), ["J45.21"]),
    # the category's unspecified code beside a type or cause named in another sentence
    ("Hip OA on XR. Also primary OA, L hip.", (("M16.9", "Hip OA"), ("M16.12", "primary OA, L hip")), ["M16.12"]),
    ("Knee osteoarthritis. Bilat primary knee OA.",
     (("M17.9", "Knee osteoarthritis"), ("M17.0", "Bilat primary knee OA")), ["M17.0"]),
    ("ILD on HRCT. Dx: IPF.", (("J84.9", "ILD"), ("J84.112", "IPF")), ["J84.112"]),
    ("OCD sx. Mixed obsessional thoughts and acts.",
     (("F42.9", "OCD"), ("F42.2", "Mixed obsessional thoughts and acts")), ["F42.2"]),
    ("Low thyroid. Dx: hypothyroidism. Hashimoto's.", (("E03.9", "hypothyroidism"), ("E06.3", "Hashimoto's")),
     ["E06.3"]),
    # another category, a code that names no second condition
    ("Insomnia f/u. Primary insomnia.", (("G47.00", "Insomnia"), ("F51.01", "Primary insomnia")), ["F51.01"]),
])
def test_the_unspecified_code_of_a_subcategory_gives_way_to_the_specified_one(tabular, note, given, expected):
    out, reasons = same_condition(_found(note, tabular, *given), note, tabular)
    assert codes(out) == expected and reasons


@pytest.mark.parametrize("note, given", [
    ("Panic disorder; GAD.", (("F41.0", "Panic disorder"), ("F41.1", "GAD"))),  # two conditions of one category
    ("Anxiety disorder. PTSD, chronic.", (("F41.9", "Anxiety disorder"), ("F43.12", "PTSD, chronic"))),
    ("Hip pain. Right knee pain.", (("M25.559", "Hip pain"), ("M25.561", "Right knee pain"))),  # another joint
    ("Exercise-induced bronchospasm. Moderate persistent asthma.",
     (("J45.990", "Exercise-induced bronchospasm"), ("J45.40", "Moderate persistent asthma"))),
    ("OCD. Hoarding disorder.", (("F42.9", "OCD"), ("F42.3", "Hoarding disorder"))),  # a disorder of its own
    ("Hypothyroidism. Thyroid nodule.", (("E03.9", "Hypothyroidism"), ("E04.1", "Thyroid nodule"))),
    # a combination code of another category names a second condition: the stage it asks for stays
    ("CKD. Type 2 diabetes with diabetic chronic kidney disease.",
     (("N18.9", "CKD"), ("E11.22", "Type 2 diabetes with diabetic chronic kidney disease"))),
])
def test_two_conditions_stay_two_codes(tabular, note, given):
    out, reasons = same_condition(_found(note, tabular, *given), note, tabular)
    assert codes(out) == sorted(code for code, _ in given) and not reasons


def test_a_specified_code_in_the_past_does_not_replace_a_current_one(tabular):
    note = "PTSD. History of chronic PTSD."
    given = [*_found(note, tabular, ("F43.10", "PTSD")),
             *_found(note, tabular, ("F43.12", "chronic PTSD"), context="history")]
    assert codes(same_condition(given, note, tabular)[0]) == ["F43.10", "F43.12"]
