import random

import pytest

from shared.npi import PREFIX, npi_is_valid

pytestmark = pytest.mark.unit


def _luhn_holds(npi: str) -> bool:
    """The check written out again as the standard states it: Luhn over 80840 and all ten digits sums to 0 mod 10."""
    total = 0
    for position, char in enumerate(reversed(PREFIX + npi)):
        digit = int(char) * (2 if position % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


def test_the_remembered_check_answers_as_the_sum_first_time_and_again():
    rng = random.Random(11)
    texts = [f"{rng.randrange(10**10):010d}" for _ in range(6000)] + ["1234567893", "1234567890"]
    expected = [_luhn_holds(text) for text in texts]
    assert [npi_is_valid(text) for text in texts] == expected
    assert [npi_is_valid(text) for text in reversed(texts)] == expected[::-1]
    assert sum(expected) > 400


def test_texts_that_are_not_ten_digits_are_refused_before_the_cache():
    for text in ("", "123456789", "12345678930", "12345678 3", "123456789a"):
        assert not npi_is_valid(text)
