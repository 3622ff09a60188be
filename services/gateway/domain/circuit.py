"""A circuit breaker for one upstream service and tenant: pure state transitions; the caller supplies
the clock.

closed: calls pass; `threshold` consecutive failures open it.
open: calls are refused at once (503 with Retry-After) until `reset_seconds` have passed.
half-open: one probe call passes; its success closes the circuit, its failure opens it again.
"""
import math
from dataclasses import dataclass, replace
from enum import Enum


class State(str, Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


@dataclass(frozen=True)
class Circuit:
    state: State = State.CLOSED
    failures: int = 0
    opened_at: float = 0.0
    probe_in_flight: bool = False


@dataclass(frozen=True)
class Admission:
    allowed: bool
    circuit: Circuit
    retry_after_seconds: int = 0


def admit(circuit: Circuit, *, now: float, reset_seconds: float) -> Admission:
    """May a call go out now? An open circuit lets one probe through once its reset time is up."""
    if circuit.state is State.CLOSED:
        return Admission(True, circuit)
    waited = now - circuit.opened_at
    if circuit.state is State.OPEN and waited >= reset_seconds:
        return Admission(True, replace(circuit, state=State.HALF_OPEN, probe_in_flight=True))
    if circuit.state is State.HALF_OPEN and not circuit.probe_in_flight:
        return Admission(True, replace(circuit, probe_in_flight=True))
    return Admission(False, circuit, retry_after_seconds=max(1, math.ceil(reset_seconds - waited)))


def counts_as_failure(status_code: int) -> bool:
    """A 5xx is the service failing; a 4xx is the service answering that the request was bad."""
    return status_code >= 500


def record_success(circuit: Circuit) -> Circuit:
    return Circuit()


def record_failure(circuit: Circuit, *, now: float, threshold: int) -> Circuit:
    if circuit.state is State.HALF_OPEN:
        return Circuit(State.OPEN, circuit.failures + 1, opened_at=now)
    failures = circuit.failures + 1
    if circuit.state is State.CLOSED and failures >= threshold:
        return Circuit(State.OPEN, failures, opened_at=now)
    return replace(circuit, failures=failures)


def release_probe(circuit: Circuit) -> Circuit:
    """A probe that ended without an answer (cancelled) lets the next call probe instead."""
    return replace(circuit, probe_in_flight=False) if circuit.state is State.HALF_OPEN else circuit
