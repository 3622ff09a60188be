"""`make run`'s supervisor restarts a service that exited or whose liveness keeps failing."""
import os
import signal
import time

import httpx

from tools.devstack.stack import Supervisor

VICTIM = "denials"


def _tick_until_restarted(supervisor: Supervisor, seconds: float = 90) -> list[str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        restarted = supervisor.tick()
        if restarted:
            return restarted
        time.sleep(0.2)
    raise AssertionError("the supervisor restarted nothing")


def test_a_service_whose_liveness_stops_answering_is_restarted(stack):
    supervisor = Supervisor(stack, probe_every=0.5, threshold=3, grace_seconds=2, log=lambda *a, **k: None)
    supervisor.tick()  # everything answers: seen alive
    frozen = stack.processes[VICTIM]
    os.killpg(frozen.pid, signal.SIGSTOP)  # alive as a process, answering nothing
    try:
        assert _tick_until_restarted(supervisor) == [VICTIM]
    finally:
        if frozen.poll() is None:
            os.killpg(frozen.pid, signal.SIGCONT)
    assert frozen.poll() is not None and stack.processes[VICTIM] is not frozen
    stack.wait_healthy(VICTIM)
    assert httpx.get(f"{stack.ports.url(VICTIM)}/health/live", timeout=5).status_code == 200


def test_a_service_that_exited_is_restarted(stack):
    supervisor = Supervisor(stack, probe_every=60, log=lambda *a, **k: None)
    os.killpg(stack.processes[VICTIM].pid, signal.SIGKILL)
    stack.processes[VICTIM].wait(10)
    assert _tick_until_restarted(supervisor, seconds=5) == [VICTIM]
    stack.wait_healthy(VICTIM)
