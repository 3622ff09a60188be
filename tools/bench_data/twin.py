"""The nearly empty database kept alive beside the full one: copied before the full load, served after it
by a second stack of its own, so the two can be timed in alternating rounds on the same machine load.

The copy is `pg_basebackup` of the running server (`EmbeddedPostgres.base_backup`): a physical copy of the
whole data folder, consistent as of one moment, taken over Postgres's own replication protocol while the
server and the services keep running. The other ways were worse here:

- stopping the stack's Postgres cleanly and copying its folder gives the same files, but every service
  loses its connections and has to be restarted around the copy, and the copy of a live folder without
  the stop would be torn;
- `CREATE DATABASE ... TEMPLATE` needs no other connection to the source database (the services hold
  several each), and it copies inside the same server: the services name their databases
  (`billing_<service>`), so the copies would need other names, and both databases would share one
  server's buffers, checkpoints and autovacuum, which the full load's aftermath would dominate.

The second stack runs on its own ports (`TWIN_PORT_SHIFT` above the first stack's, inside the same
`BENCH_PORT_BASE` block) with its own Kafka, so neither stack's consumers see the other's events, and the
first stack's `secrets.json`, so the measured tenant's API key and the internal tokens are valid on both.
The payer simulator's state is copied alongside, so the copy's clearinghouse knows the claims its
database sent."""
import json
import shutil
import sqlite3
from pathlib import Path

from tools.bench.pipeline import bench_ports
from tools.devstack.stack import Stack

TWIN_PORT_SHIFT = 20  # the default ports' offsets (0-9, 92-93, 329) moved by 20 clash with none of them


def copy_nearly_empty(stack: Stack, run_dir: Path) -> None:
    """The stack's databases, secrets and payer simulator state, as they are now, into `run_dir`."""
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    secrets = run_dir / "secrets.json"
    secrets.touch(mode=0o600)
    secrets.write_text(json.dumps(stack.secrets))
    payer_sim = stack.run_dir / "payer_sim.sqlite3"
    if payer_sim.exists():
        source, target = sqlite3.connect(payer_sim), sqlite3.connect(run_dir / "payer_sim.sqlite3")
        try:
            source.backup(target)  # consistent while the simulator keeps its connection open
        finally:
            source.close()
            target.close()
    stack.postgres.base_backup(run_dir / "pgdata")


def twin_stack(run_dir: Path, port_base: int) -> Stack:
    """A durable stack on the copy in `run_dir` (its pgdata reused as it is), on ports of its own."""
    return Stack(run_dir, bench_ports(port_base + TWIN_PORT_SHIFT), environment="test", durable=True)
