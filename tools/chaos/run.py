"""One chaos run: load through the gateway, the seeded faults at their moments, settle, check, replay."""
import asyncio
import time
from collections import Counter
from dataclasses import dataclass
from uuid import UUID

from tools.chaos import checker, faults, ledger_checks, probes, progress, replay, supervise
from tools.chaos.load import Load, push
from tools.chaos.schedule import FAULT_KINDS, Fault, plan

SETTLE_POLL_SECONDS = 5.0


@dataclass(frozen=True)
class Options:
    seed: int = 1
    encounters: int = 300
    duration: float = 3600.0
    rate: float = 5.0
    concurrency: int = 16
    kinds: tuple[str, ...] = FAULT_KINDS
    settle: float = 60.0  # give up settling after this long without progress
    hold_seconds: float = faults.HOLD_SECONDS
    delay_window: float = faults.DELAY_WINDOW_SECONDS
    progress: bool = True

    @property
    def planned(self) -> int:
        """The encounters the faults are spread over: all of them, or what the duration lets through."""
        return max(1, min(self.encounters, int(self.rate * self.duration)))


class ChaosRun:
    def __init__(self, stack, tenant: dict, options: Options):
        self.stack, self.options = stack, options
        self.tenant_id = UUID(tenant["tenant_id"])
        self.api_key = tenant["api_key"]
        self.db = stack.database_url
        self.plan: list[Fault] = plan(options.seed, options.planned, options.kinds)
        self.load = Load(options.encounters, limit=self._limit(0))
        self.outcomes: list[faults.Outcome] = []
        self.crashes: Counter = Counter()
        self.current = ""
        self.injector = faults.Injector(stack, options.seed, hold_seconds=options.hold_seconds,
                                        delay_window=options.delay_window)

    def _limit(self, index: int) -> int:
        """The load may run ahead of fault `index` up to the next fault's trigger, not further."""
        following = self.plan[index + 1:index + 2]
        return following[0].trigger(self.options.planned) if following else self.options.encounters

    async def run(self) -> dict:
        started = time.monotonic()
        stop = asyncio.Event()
        watchers = [asyncio.create_task(supervise.keep_running(self.stack, self.crashes, stop))]
        if self.options.progress:
            watchers.append(asyncio.create_task(progress.show(self, stop)))
        try:
            await asyncio.gather(
                push(self.stack.ports.url("gateway"), self.api_key, self.load, seed=self.options.seed,
                     rate=self.options.rate, concurrency=self.options.concurrency,
                     deadline=started + self.options.duration),
                self._inject_all(started))
            settle = await self._settle()
        finally:
            stop.set()
            await asyncio.gather(*watchers)
        result = await checker.check(self.db, self.stack.operator_kafka(), self.tenant_id, set(self.load.accepted),
                                     self._injected("poison"))
        result["settle"] = settle
        result.update(await self._replay())
        result["duration_s"] = round(time.monotonic() - started, 1)
        return result

    async def _inject_all(self, started: float) -> None:
        for index, fault in enumerate(self.plan):
            self.load.limit = max(self.load.limit, self._limit(index))
            while len(self.load.accepted) + self.load.refused < fault.trigger(self.options.planned):
                if self.load.done:
                    return
                await asyncio.sleep(0.1)
            self.current = fault.kind
            self.outcomes.append(await self._inject(fault, started))
        self.current = ""
        self.load.limit = self.options.encounters

    async def _inject(self, fault: Fault, started: float) -> faults.Outcome:
        baseline = await probes.lags_or_none(self.stack.operator_kafka(), faults.affected_groups(fault.kind))
        begun = time.monotonic()
        outcome = faults.Outcome(fault.kind, at=round(begun - started, 2))
        try:
            outcome.messages = await asyncio.to_thread(self.injector.apply, fault)
        except Exception as exc:  # noqa: BLE001 - a fault that could not be injected is reported, not fatal
            outcome.error = f"{type(exc).__name__}: {str(exc)[:200]}"
        outcome.action_s = round(time.monotonic() - begun, 2)
        await faults.recover(self.stack, fault.kind, begun, baseline, outcome)
        return outcome

    def _injected(self, kind: str) -> int:
        return sum(o.messages for o in self.outcomes if o.kind == kind)

    async def _settle(self) -> dict:
        """Waits until every accepted encounter is accounted for and the consumers caught up, or progress stops."""
        started = last_change = time.monotonic()
        best = lost = None
        while time.monotonic() - last_change < self.options.settle:
            letters = await checker.dead_letters(self.stack.operator_kafka())
            accounted = await checker.unaccounted(self.db, self.tenant_id, set(self.load.accepted), letters["keys"])
            lost = accounted["lost"]
            lags = await probes.lags_or_none(self.stack.operator_kafka())
            if lost == 0 and lags is not None and not any(lags.values()):
                break
            if best is None or lost < best:
                best, last_change = lost, time.monotonic()
            await asyncio.sleep(SETTLE_POLL_SECONDS)
        return {"seconds": round(time.monotonic() - started, 1), "in_flight_at_end": lost}

    async def _replay(self) -> dict:
        """A plain restart first, so what a restart alone un-sticks is not blamed on the replay."""
        settled = await ledger_checks.ledger_hash(self.db, self.tenant_id)
        restarted = await asyncio.to_thread(replay.restart_all, self.stack, rewind_groups=False)
        before = await ledger_checks.ledger_hash(self.db, self.tenant_id)
        replayed = await asyncio.to_thread(replay.restart_all, self.stack, rewind_groups=True)
        after = await ledger_checks.ledger_hash(self.db, self.tenant_id)
        return {"ledger_hash_stable_after_replay": before == after and replayed["drained_s"] is not None,
                "ledger_hash": before, "ledger_hash_after_replay": after,
                "replay": {**replayed, "ledger_changed_by_plain_restart": settled != before,
                           "restart_drained_s": restarted["drained_s"]}}
