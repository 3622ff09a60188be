"""The progress bar on stderr: encounters accepted and terminal, faults so far."""
import asyncio
import sys

from tools.chaos.databases import fetch
from tools.chaos.flow_checks import TERMINAL

TERMINAL_CLAIMS = "SELECT count(*) AS n FROM claim WHERE tenant_id = $1 AND status = ANY($2::text[])"
WIDTH = 30


async def terminal_claims(db: str, tenant) -> int | None:
    try:
        return (await fetch(db, "claims", TERMINAL_CLAIMS, tenant, sorted(TERMINAL | {"held", "rejected"})))[0]["n"]
    except Exception:  # noqa: BLE001 - the database is one of the things we restart
        return None


def line(accepted: int, target: int, terminal: int, faults_done: int, faults_total: int, current: str) -> str:
    filled = int(WIDTH * min(accepted, target) / max(target, 1))
    return (f"\r[{'#' * filled}{'.' * (WIDTH - filled)}] accepted {accepted}/{target}  terminal {terminal}  "
            f"faults {faults_done}/{faults_total} {current:<22}")


async def show(run, stop: asyncio.Event, stream=sys.stderr) -> None:
    terminal = 0
    while not stop.is_set():
        terminal = await terminal_claims(run.db, run.tenant_id) or terminal
        stream.write(line(len(run.load.accepted), run.load.target, terminal, len(run.outcomes), len(run.plan),
                          run.current or ("settling" if run.load.done else "")))
        stream.flush()
        try:
            await asyncio.wait_for(stop.wait(), 1)
        except asyncio.TimeoutError:
            pass
    stream.write("\n")
