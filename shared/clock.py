"""The time a use case sees: injected, so that tests and replays decide what "now" is."""
from collections.abc import Callable
from datetime import date, datetime, timezone

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(timezone.utc)


def fixed_clock(at: datetime) -> Clock:
    """A clock that always answers `at` (timezone-aware UTC)."""
    if at.tzinfo is None:
        raise ValueError("a clock answers timezone-aware times")
    return lambda: at


def today(clock: Clock) -> date:
    return clock().astimezone(timezone.utc).date()
