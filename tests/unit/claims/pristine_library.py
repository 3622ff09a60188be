"""The verdicts of an unpatched library, for the speedup layers' tests: a corpus module run in a process of
its own (the speedups kept from installing there) reads {name: file} on stdin and prints its verdicts."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def pristine_verdicts(corpus_module: str, corpus: dict) -> dict:
    run = subprocess.run([sys.executable, "-m", corpus_module], input=json.dumps(corpus), capture_output=True,
                         text=True, cwd=ROOT, check=True)
    return json.loads(run.stdout)
