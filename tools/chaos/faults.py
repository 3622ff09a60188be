"""The injectors: each fault kind breaks one thing on the running stack and puts it back.

They block (subprocesses, sleeps), so the run calls them in a worker thread. Recovery is measured
from the moment the fault started to the services answering /health again and the affected
consumer groups' lag draining back to where it was before the fault.
"""
import asyncio
import random
import time
from dataclasses import dataclass, field

import httpx

from tools.chaos import messages, probes
from tools.chaos.schedule import SERVICES, Fault

HOLD_SECONDS = 30.0
SUBMIT_DELAY_SECONDS, DELAY_WINDOW_SECONDS = 3.0, 20.0
LAG_SLACK = 25  # lag under steady load never reads exactly 0; this much above the pre-fault lag is drained
RECOVERY_TIMEOUT = 180.0


@dataclass
class Outcome:
    kind: str
    at: float  # seconds since the run started
    messages: int = 0
    action_s: float = 0.0
    health_s: float | None = None
    lag_s: float | None = None
    error: str | None = None
    detail: dict = field(default_factory=dict)


class Injector:
    def __init__(self, stack, seed: int, *, hold_seconds: float = HOLD_SECONDS,
                 delay_window: float = DELAY_WINDOW_SECONDS):
        self.stack = stack
        self.rng = random.Random(f"messages:{seed}")
        self.hold_seconds = hold_seconds
        self.delay_window = delay_window

    def apply(self, fault: Fault) -> int:
        """Breaks and repairs; returns the number of messages injected (0 for process faults)."""
        family, _, target = fault.kind.partition(":")
        if family == "kill":
            self.stack.restart_service(target, kill=True)
        elif family == "kafka":
            self.stack.kafka.restart(hard=target == "kill")
        elif fault.kind == "postgres:hold":
            self.stack.postgres.stop("fast")
            time.sleep(self.hold_seconds)
            self.stack.postgres.start()
        elif family == "postgres":
            self.stack.postgres.restart(target)
        elif fault.kind == "clearinghouse:delay":
            self._submit_delay(SUBMIT_DELAY_SECONDS)
            time.sleep(self.delay_window)
            self._submit_delay(0)
        elif fault.kind == "duplicates":
            return asyncio.run(messages.duplicate(self.stack.operator_kafka(), fault.count, self.rng))
        elif fault.kind == "poison":
            return asyncio.run(messages.poison(self.stack.operator_kafka(), fault.count, self.rng))
        return 0

    def _submit_delay(self, seconds: float) -> None:
        httpx.post(f"{self.stack.ports.url('payer_sim')}/control/submit-delay", json={"seconds": seconds},
                   timeout=10).raise_for_status()


def affected_groups(kind: str) -> tuple[str, ...]:
    family, _, target = kind.partition(":")
    return (target,) if family == "kill" else SERVICES


async def recover(stack, kind: str, started: float, baseline: dict[str, int] | None, outcome: Outcome) -> None:
    """Fills health_s and lag_s (seconds from the fault's start); leaves None when it never recovered."""
    groups = affected_groups(kind)
    deadline = time.monotonic() + RECOVERY_TIMEOUT
    while time.monotonic() < deadline and outcome.health_s is None:
        if await probes.healthy(stack.ports):
            outcome.health_s = round(time.monotonic() - started, 2)
        else:
            await asyncio.sleep(0.25)
    drained: dict[str, float] = outcome.detail.setdefault("lag_s_by_group", {})
    while time.monotonic() < deadline and outcome.health_s is not None:
        lags = await probes.lags_or_none(stack.operator_kafka(), groups) or {}
        for group, lag in lags.items():
            if group not in drained and lag <= (baseline or {}).get(group, 0) + LAG_SLACK:
                drained[group] = round(time.monotonic() - started, 2)
        if len(drained) == len(groups):
            outcome.lag_s = max(drained.values())
            return
        await asyncio.sleep(0.5)
