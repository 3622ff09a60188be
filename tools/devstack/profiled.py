"""A service under cProfile (CPU timer), for attributing a stack's CPU to code: with `DEVSTACK_PROFILE_DIR`
set, the devstack starts each service as `python -m tools.devstack.profiled DIR/<service> -m uvicorn ...`
instead of uvicorn alone, and the stats are written to `DIR/<service>.<pid>.prof` when the service stops
(SIGTERM, as the stack stops it): one file per process, as a bench restarts the services between its phases.
Only the devstack reads that variable; a service started any other way is never profiled.

    DEVSTACK_PROFILE_DIR=/tmp/profiles BENCH_PORT_BASE=... python -m tools.bench --quick --skip-domain
    python -m pstats /tmp/profiles/gateway.<pid>.prof
"""
import cProfile
import os
import runpy
import signal
import sys
import time

PROFILE_DIR_ENV = "DEVSTACK_PROFILE_DIR"


def main() -> None:
    prefix, flag, module, *arguments = sys.argv[1:]
    if flag != "-m":
        raise SystemExit("usage: python -m tools.devstack.profiled PREFIX -m MODULE [ARGS...]")
    sys.argv = [module, *arguments]
    # uvicorn raises the signal it stopped for again once it has shut down; by default that ends the process
    # before the stats are written, so it ends in an exit instead.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    profiler = cProfile.Profile(time.process_time)  # CPU, not wall: an idle loop costs nothing here either
    profiler.enable()
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit:
        pass
    finally:
        profiler.disable()
        profiler.dump_stats(f"{prefix}.{os.getpid()}.prof")


if __name__ == "__main__":
    main()
