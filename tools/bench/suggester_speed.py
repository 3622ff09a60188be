"""The note suggester's CPU in process: development notes a second and the benchmark's note in ms.

    .venv/bin/python -m tools.bench.suggester_speed [LABEL]

One line: the development notes a second (best of two passes after a 50-note warm-up), the benchmark's
two-sentence note (best of five runs of 2,000 calls) and the load average beside them. Compare two commits by
running it from each checkout in turns, both orders: one run is not a measurement on a shared machine.
"""
import csv
import sys
import time

from services.coding.evaluate_suggestions import DEVELOPMENT_SET

BENCH_NOTE = ("Follow-up for type 2 diabetes and hypertension. Denies chest pain. Family history of diabetes. "
              "Venipuncture for A1c.")


def _cpu_per_call(suggest, notes: list[str]) -> float:
    started = time.thread_time()
    for note in notes:
        suggest(note)
    return (time.thread_time() - started) / len(notes)


def main(label: str) -> None:
    from services.coding.adapters.note_suggester import build_suggester
    from services.coding.adapters.reference_files import load_reference_data
    from services.coding.settings import Settings

    settings = Settings()
    suggest = build_suggester(load_reference_data(settings.reference_dir), index_dir=settings.suggestion_index_dir)
    with open(DEVELOPMENT_SET, newline="") as source:
        notes = [row["note"] for row in csv.DictReader(source)]
    _cpu_per_call(suggest, notes[:50])
    per_note = min(_cpu_per_call(suggest, notes) for _ in range(2))
    bench_note = min(_cpu_per_call(suggest, [BENCH_NOTE] * 2000) for _ in range(5))
    with open("/proc/loadavg") as load:
        load_now = load.read().split()[0]
    print(f"{label}: {1 / per_note:.0f} notes/s ({len(notes)} notes), bench note {bench_note * 1000:.3f} ms, "
          f"load {load_now}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "run")
