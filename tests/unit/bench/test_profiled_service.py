"""A service started under tools.devstack.profiled writes its CPU profile when it is stopped as the devstack
stops it (SIGTERM), though uvicorn raises that signal again after its own shutdown."""
import pstats
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_listening(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the profiled service did not start")


def test_the_profile_is_written_when_the_service_is_stopped(tmp_path):
    (tmp_path / "tiny.py").write_text("async def app(scope, receive, send):\n    pass\n")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.devstack.profiled", str(tmp_path / "tiny"), "-m", "uvicorn", "tiny:app",
         "--app-dir", str(tmp_path), "--port", str(port), "--lifespan", "off"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_listening(port, process)
        process.send_signal(signal.SIGTERM)
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    stats = pstats.Stats(str(tmp_path / f"tiny.{process.pid}.prof"))
    assert any(path.endswith("uvicorn/main.py") for path, _, _ in stats.stats)
