"""Precision and recall of note suggestions at the auto-accept threshold, over a labeled set of notes.

    python -m services.coding.evaluate_suggestions [LABELED_CSV ...] [--threshold 0.9] [--curve [OUT.json]]

The CSV has columns id, note, expected (space-separated ICD-10-CM codes; empty when nothing should be
coded). A suggestion counts when its confidence reaches the threshold, i.e. when it would be coded without
a coder; codes compare without their dot. By default both labeled sets are read (the notes the suggester was
tuned on, and unseen notes), each reported and pooled. `--curve` writes the pooled precision and recall at every
confidence the suggester produced: the file the service reads to show tenants the figures at their threshold.
"""
import argparse
import csv
import json
from dataclasses import dataclass
from pathlib import Path

from services.coding.domain.codes import icd_compact

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SET = ROOT / "tests" / "unit" / "coding" / "data" / "labeled_notes.csv"
# Written after the suggester was tuned on DEFAULT_SET and never used to tune it: new tuning cases go to
# DEFAULT_SET, so this set keeps measuring notes the suggester has not seen.
UNSEEN_SET = ROOT / "tests" / "unit" / "coding" / "data" / "unseen_notes.csv"
DEFAULT_CURVE = Path(__file__).resolve().parent / "data" / "suggestion_accuracy.json"


@dataclass(frozen=True)
class Accuracy:
    notes: int
    true_positives: int
    suggested: int
    expected: int
    misses: list[str]
    wrong: list[str]

    @property
    def precision(self) -> float:
        return self.true_positives / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0


def evaluate(rows: list[dict], suggest, threshold: float) -> Accuracy:
    tp = suggested = expected_total = 0
    misses, wrong = [], []
    for row in rows:
        expected = {icd_compact(c) for c in row["expected"].split()}
        got = {icd_compact(s.code) for s in suggest(row["note"]) if s.confidence >= threshold}
        tp += len(expected & got)
        suggested += len(got)
        expected_total += len(expected)
        misses += [f"{row['id']}:{c}" for c in sorted(expected - got)]
        wrong += [f"{row['id']}:{c}" for c in sorted(got - expected)]
    return Accuracy(len(rows), tp, suggested, expected_total, misses, wrong)


def accuracy_curve(rows: list[dict], suggest, labeled_sets: list[str]) -> dict:
    """Precision and recall at each distinct confidence: between two of them every threshold gives the same."""
    found = {row["note"]: suggest(row["note"]) for row in rows}
    confidences = sorted({round(s.confidence, 6) for suggestions in found.values() for s in suggestions})
    points = []
    for threshold in confidences:
        result = evaluate(rows, found.__getitem__, threshold)
        points.append({"threshold": threshold, "suggested": result.suggested,
                       "true_positives": result.true_positives, "expected": result.expected,
                       "precision": round(result.precision, 4), "recall": round(result.recall, 4)})
    return {"produced_by": "python -m services.coding.evaluate_suggestions --curve", "labeled_sets": labeled_sets,
            "notes": len(rows), "points": points}


def read_labeled(path: Path) -> list[dict]:
    with open(path, newline="") as source:
        return list(csv.DictReader(source))


def set_name(path: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else path.name


def _report(name: str, result: Accuracy, threshold: float) -> None:
    print(f"{name}: {result.notes} notes, threshold {threshold:.2f}: precision {result.precision:.3f} "
          f"({result.true_positives}/{result.suggested}), recall {result.recall:.3f} "
          f"({result.true_positives}/{result.expected})")
    print("  wrong:", " ".join(result.wrong) or "-")
    print("  missed:", " ".join(result.misses) or "-")


def main() -> None:
    from services.coding.adapters.note_suggester import build_suggester
    from services.coding.adapters.reference_files import load_reference_data
    from services.coding.settings import Settings

    parser = argparse.ArgumentParser()
    parser.add_argument("labeled", nargs="*", type=Path, default=[DEFAULT_SET, UNSEEN_SET])
    parser.add_argument("--threshold", type=float, default=Settings().auto_accept_threshold)
    parser.add_argument("--curve", type=Path, nargs="?", const=DEFAULT_CURVE, help=f"default {DEFAULT_CURVE}")
    args = parser.parse_args()
    settings = Settings()
    suggest = build_suggester(load_reference_data(settings.reference_dir), index_dir=settings.suggestion_index_dir)
    sets = {set_name(path): read_labeled(path) for path in args.labeled}
    for name, rows in sets.items():
        _report(name, evaluate(rows, suggest, args.threshold), args.threshold)
    pooled = [row for rows in sets.values() for row in rows]
    if len(sets) > 1:
        _report("all", evaluate(pooled, suggest, args.threshold), args.threshold)
    if args.curve:
        args.curve.write_text(json.dumps(accuracy_curve(pooled, suggest, list(sets)), indent=1) + "\n")
        print(f"wrote {args.curve}")


if __name__ == "__main__":
    main()
