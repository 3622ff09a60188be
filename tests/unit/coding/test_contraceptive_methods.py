"""Contraception by its method: the initial prescription by the method started, the intrauterine device's
procedures, the injection repeated, and at a visit for something else the device in place and the hormonal method
in use. Sentences of our own wording."""
import pytest

from services.coding.domain.contraceptive_methods import NAME, contraceptive_methods
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("For contraception she chooses the pill: norethindrone-EE started today, 3 packs.", "Z30.011"),
    ("Birth control pills prescribed today, first pack.", "Z30.011"),
    ("Plan B prescribed after unprotected intercourse yesterday.", "Z30.012"),
    ("First Depo-Provera injection given today for contraception.", "Z30.013"),
    ("NuvaRing started this cycle.", "Z30.015"),
    ("Xulane prescribed, to start Sunday.", "Z30.016"),
    ("Nexplanon inserted in the left arm without complication.", "Z30.017"),
])
def test_the_method_started_is_its_initial_prescription(tabular, note, code):
    out, reasons = contraceptive_methods([], note, tabular)
    assert codes(out) == [code] and reasons and out[0].convention == NAME


@pytest.mark.parametrize("note, code", [
    ("Mirena placed today after a negative urine hCG.", "Z30.430"),
    ("Copper IUD removed at her request, intact.", "Z30.432"),
    ("Kyleena removed and a new one inserted, strings trimmed to 3 cm.", "Z30.433"),
    ("IUD string check: strings seen at the os.", "Z30.431"),
])
def test_the_intrauterine_devices_procedures(tabular, note, code):
    assert codes(contraceptive_methods([], note, tabular)[0]) == [code]


def test_the_injection_repeated_is_its_surveillance(tabular):
    note = "DMPA 150 mg IM given today, next injection due in 12 weeks."
    assert codes(contraceptive_methods([], note, tabular)[0]) == ["Z30.42"]


@pytest.mark.parametrize("note", [
    "Discussed options: IUD vs implant; she will think about it.",
    "She declined Depo-Provera.",
    "OCPs started for acne by her dermatologist.",
    "No IUD; uses condoms.",
])
def test_a_method_discussed_declined_denied_or_not_for_contraception_is_not_coded(tabular, note):
    assert contraceptive_methods([], note, tabular)[0] == []


def test_at_a_visit_for_something_else_the_device_in_place_is_a_status(tabular):
    note = "Seen for a UTI. LNG-IUD in place since 2023."
    out, _ = contraceptive_methods(found(note, ("N39.0", "UTI")), note, tabular)
    assert codes(out) == ["N39.0", "Z97.5"]


def test_at_a_visit_for_something_else_the_hormonal_method_in_use_is_long_term_use(tabular):
    note = "Migraine follow-up. Takes a combined oral contraceptive daily for contraception."
    assert codes(contraceptive_methods([], note, tabular)[0]) == ["Z79.3"]


def test_no_status_beside_the_visits_own_contraceptive_code(tabular):
    note = "Continues her birth control pills; refilled."
    out, _ = contraceptive_methods(found(note, ("Z30.41", "birth control pills")), note, tabular)
    assert codes(out) == ["Z30.41"]


def test_the_method_prescribed_takes_the_place_of_general_counselling(tabular):
    note = "Contraceptive counseling; Nexplanon inserted today."
    out, _ = contraceptive_methods(found(note, ("Z30.09", "Contraceptive counseling")), note, tabular)
    assert codes(out) == ["Z30.017"]


@pytest.mark.parametrize("note", [
    "Wants a hormonal IUD: Liletta prescribed, insertion at her next visit.",
    "Copper IUD ordered for contraception; placement scheduled in two weeks.",
])
def test_the_device_prescribed_for_a_later_insertion_is_its_initial_prescription(tabular, note):
    assert codes(contraceptive_methods([], note, tabular)[0]) == ["Z30.014"]


def test_a_device_only_discussed_is_not_prescribed(tabular):
    note = "Discussed IUD vs implant; she will consider and call; nothing prescribed yet."
    assert contraceptive_methods([], note, tabular)[0] == []


def test_an_insertion_scheduled_for_later_is_no_insertion_today(tabular):
    note = "A/P: Kyleena prescribed; insertion scheduled once her period starts."
    assert codes(contraceptive_methods([], note, tabular)[0]) == ["Z30.014"]
