"""NPI check digit: Luhn over the card-issuer prefix 80840 and the NPI's first nine digits (CMS NPI standard).

Payers reject a claim whose NPI fails its check digit; catching it here holds the claim with a reason
instead of waiting days for a 277CA rejection.
"""
from functools import lru_cache

PREFIX = "80840"


def npi_check_digit(first_nine: str) -> str:
    """The tenth digit that makes first_nine a valid NPI."""
    if len(first_nine) != 9 or not first_nine.isdigit():
        raise ValueError("an NPI's base is nine digits")
    total = 0
    # Rightmost digit of the payload is doubled, as the check digit will sit to its right.
    for position, char in enumerate(reversed(PREFIX + first_nine)):
        digit = int(char)
        if position % 2 == 0:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return str((10 - total % 10) % 10)


def npi_is_valid(npi: str) -> bool:
    return len(npi) == 10 and npi.isdigit() and _check_digit_holds(npi)


@lru_cache(maxsize=4096)
def _check_digit_holds(npi: str) -> bool:
    """Remembered: the scrubber checks the tenant's billing provider on every claim, a handful of NPIs over
    and over, and the sum took some 3 us each time. Only ten-digit texts reach it, so it holds nothing else."""
    return npi_check_digit(npi[:9]) == npi[9]


def make_npi(first_nine: str) -> str:
    """A valid NPI from nine digits: for test data and demo tenants (never issue one to a real provider)."""
    return first_nine + npi_check_digit(first_nine)
