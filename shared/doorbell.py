"""A loop's doorbell: work announced in this process starts the loop at once, a timeout looks anyway."""
import asyncio


class Doorbell:
    """Rung by whoever just committed work for a loop; the loop waits on it between turns.

    A ring while the loop is busy is kept, so the next wait returns at once and nothing announced is
    missed; the timeout covers work no ring announced (another replica's, a restart's leftovers)."""

    def __init__(self) -> None:
        self._rung = asyncio.Event()

    def ring(self) -> None:
        self._rung.set()

    async def wait(self, timeout: float) -> bool:
        """True when rung (before or during the wait), False when the timeout passed."""
        try:
            await asyncio.wait_for(self._rung.wait(), timeout=timeout)
        except asyncio.TimeoutError:
            return False
        finally:
            self._rung.clear()
        return True
