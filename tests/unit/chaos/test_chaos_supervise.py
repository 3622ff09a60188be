"""The fault run's stand-in for the orchestrator: a crashed process and one whose liveness keeps
failing are both started again, and each restart is counted as a finding."""
import asyncio
from collections import Counter

import pytest

from tools.chaos.supervise import keep_running

pytestmark = pytest.mark.unit


class _Process:
    def __init__(self, code=None):
        self.code = code

    def poll(self):
        return self.code


class _Stack:
    def __init__(self, **processes):
        self.processes = processes
        self.started, self.killed = [], []

    def start_service(self, name):
        self.started.append(name)
        self.processes[name] = _Process()

    def kill_service(self, name):
        self.killed.append(name)
        self.processes.pop(name)


async def _supervise(stack, answers, seconds=0.5) -> Counter:
    crashes, stop = Counter(), asyncio.Event()

    async def probe(name):
        return answers[name]

    task = asyncio.create_task(keep_running(stack, crashes, stop, probe=probe, probe_every=0.01))
    await asyncio.sleep(seconds)
    stop.set()
    await task
    return crashes


async def test_a_process_that_exited_is_started_again_and_counted():
    stack = _Stack(claims=_Process(code=1), coding=_Process())
    crashes = await _supervise(stack, {"claims": True, "coding": True})
    assert stack.started == ["claims"] and crashes == Counter({"claims": 1}) and stack.killed == []


async def test_a_live_process_whose_liveness_keeps_failing_is_killed_and_started_again():
    stack = _Stack(payments=_Process(), coding=_Process())
    answers = {"payments": True, "coding": True}
    task_crashes = asyncio.create_task(_supervise(stack, answers, seconds=0.6))
    await asyncio.sleep(0.1)  # seen alive first: a process that never answered is only starting
    answers["payments"] = False
    crashes = await task_crashes
    assert stack.killed[0] == "payments" and stack.started[0] == "payments"
    assert crashes["payments (liveness)"] >= 1 and "coding" not in stack.killed


async def test_a_process_that_does_not_listen_yet_is_left_to_start():
    stack = _Stack(gateway=_Process())
    crashes = await _supervise(stack, {"gateway": None})
    assert crashes == Counter() and stack.killed == [] and stack.started == []
