"""CPU seconds and resident memory of every process of a stack: the services, Kafka's JVM, Postgres.

Each root process is counted with all its descendants; a root's `children_*` times include its
exited children (Postgres backends), so nothing that ran in between is lost.
"""
from pathlib import Path

import psutil

from tools.devstack.stack import Stack


def postmaster_pid(stack: Stack) -> int | None:
    """The pid of the stack's own Postgres server, if it runs one."""
    pid_file = Path(stack.postgres.data_dir) / "postmaster.pid" if stack.postgres else None
    return int(pid_file.read_text().split()[0]) if pid_file and pid_file.exists() else None


def _roots(stack: Stack) -> dict[str, int]:
    roots = {name: process.pid for name, process in stack.processes.items() if process.poll() is None}
    if stack.kafka.process and stack.kafka.process.poll() is None:
        roots["kafka"] = stack.kafka.process.pid
    postmaster = postmaster_pid(stack)
    if postmaster is not None:
        roots["postgres"] = postmaster
    return roots


def _tree(pid: int) -> tuple[float, int]:
    """CPU seconds (user + system, reaped children included) and RSS bytes of a process tree."""
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0, 0
    times = root.cpu_times()
    cpu, rss = times.children_user + times.children_system, 0
    for process in processes:
        try:
            own = process.cpu_times()
            cpu += own.user + own.system
            rss += process.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return cpu, rss


def snapshot(stack: Stack) -> dict[str, dict[str, float]]:
    """name -> {cpu_s, rss_mb} for every live process tree of the stack."""
    result = {}
    for name, pid in _roots(stack).items():
        cpu, rss = _tree(pid)
        result[name] = {"cpu_s": cpu, "rss_mb": rss / 2**20}
    return result


def cpu_between(before: dict, after: dict) -> dict[str, float]:
    """CPU seconds each process tree spent between two snapshots."""
    return {name: after[name]["cpu_s"] - before.get(name, {"cpu_s": 0.0})["cpu_s"] for name in after}
