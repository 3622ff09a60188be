"""What liveness and readiness mean, as pure judgements over the state the runtime reports.

Liveness: every long-running loop (consumer, outbox relay) runs and has turned recently; if not,
restarting the process is the cure. Readiness adds the dependencies: while the database or the
broker is unreachable the process is alive but cannot do its work.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class LoopState:
    name: str
    running: bool
    heartbeat: float | None  # time.monotonic() of the loop's last completed turn


def loop_problems(states: list[LoopState], *, now: float, stale_after: float) -> list[str]:
    """PHI-free reasons the process should be restarted; empty when it is alive."""
    problems = []
    for state in states:
        if not state.running:
            problems.append(f"{state.name} is not running")
        elif state.heartbeat is None or now - state.heartbeat > stale_after:
            problems.append(f"{state.name} has not completed a cycle in {stale_after:.0f}s")
    return problems


def report(service: str, problems: list[str]) -> tuple[int, dict]:
    """The HTTP status and body of a health answer."""
    if problems:
        return 503, {"status": "failing", "service": service, "problems": problems}
    return 200, {"status": "ok", "service": service}
