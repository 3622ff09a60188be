"""Python's cyclic garbage collector set for a long-running service process.

A service holds what start-up built for its whole life (the claims catalog and fee schedules, the coding
index, routes, ORM mappers), and at concurrency 200 it allocates a few hundred objects per request. With
the interpreter's defaults the youngest generation was collected every 700 allocations and the
survivors of requests in flight kept promoting into older generations, whose collections walk every
object they hold: a third of a GET's CPU in the claims service (docs/BENCHMARKS.md, "GET path, third
round"). What start-up built is moved out of the collector's sight once, and the youngest generation is
collected every `YOUNG_GENERATION_THRESHOLD` allocations.
"""
import gc

YOUNG_GENERATION_THRESHOLD = 20_000


def settle_after_start() -> None:
    """Collect start-up's garbage, freeze what survives (never walked again) and space young collections."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, middle, old)
