"""The submission loop's pace: back-to-back rounds while claims arrive, the interval only when idle."""
import pytest

from services.claims.entrypoints.loops import pause_after_round

pytestmark = pytest.mark.unit


def test_a_round_that_batched_claims_starts_the_next_at_once():
    assert pause_after_round(batched=37, sent=True, interval=0.5) == 0.0


def test_an_empty_round_waits_the_interval():
    assert pause_after_round(batched=0, sent=True, interval=0.5) == 0.5


def test_an_unreachable_clearinghouse_waits_longer_whatever_was_batched():
    assert pause_after_round(batched=37, sent=False, interval=0.5) == 2.0
