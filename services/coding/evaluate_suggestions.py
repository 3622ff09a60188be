"""Precision and recall of note suggestions at the auto-accept threshold, on a development and a held-out part.

    python -m services.coding.evaluate_suggestions [LABELED_CSV ...] [--threshold 0.9] [--json OUT.json]
                                                   [--curve [OUT.json]]

Each CSV has columns id, specialty, conventions (space-separated guideline tags), note, expected and ruled_out
(space-separated ICD-10-CM codes, with or without the dot). A suggestion counts when its confidence reaches the
threshold, i.e. when it would be coded without a coder. Each part is reported overall, per specialty and per
convention, with the wrong and missed codes and the ruled-out conditions it coded as current: a suggestion not
expected in the category (first three characters) of a code the note negates, places in the past or the family,
or only supposes. Those are safety failures, counted apart from precision.

The rules are tuned on the development part only; the held-out part measures notes no rule was shaped on, so
`--curve` computes the file the service shows tenants (precision and recall at every confidence the suggester
produced) on the held-out part alone.
"""
import argparse
import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from services.coding.domain.codes import icd_compact

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "tests" / "unit" / "coding" / "data"
DEVELOPMENT_SET = DATA_DIR / "development_notes.csv"  # new tuning cases go here
HELDOUT_SET = DATA_DIR / "heldout_notes.csv"  # never used to tune a rule
DEFAULT_CURVE = Path(__file__).resolve().parent / "data" / "suggestion_accuracy.json"
PART_NAMES = {DEVELOPMENT_SET: "development", HELDOUT_SET: "held-out"}
TARGETS = {"precision": 0.95, "recall": 0.85, "ruled_out_suggested": 0}

SPECIALTIES = ("primary_care", "psychiatry", "neurology", "cardiology", "endocrinology", "pulmonology",
               "orthopedics", "lab_orders")
CONVENTIONS = ("combination", "integral_symptom", "z_screening", "z_history", "z_family_history", "z_exam",
               "seventh_character", "laterality", "uncertain_dx", "negation", "historical", "family",
               "hypothetical", "remission", "exacerbation", "with_presumption", "use_additional", "sequela",
               "immunization")
UNTAGGED = "(none)"


@dataclass(frozen=True)
class NoteOutcome:
    """What the suggester coded for one labelled note, beside what a coder would."""

    id: str
    specialty: str
    conventions: tuple[str, ...]
    expected: frozenset[str]
    coded: frozenset[str]
    ruled_out: frozenset[str]

    @property
    def ruled_out_coded(self) -> frozenset[str]:
        categories = {code[:3] for code in self.ruled_out}
        return frozenset(c for c in self.coded - self.expected if c[:3] in categories)


@dataclass(frozen=True)
class Accuracy:
    notes: int
    true_positives: int
    suggested: int
    expected: int
    misses: list[str]
    wrong: list[str]
    ruled_out_suggested: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    def as_dict(self) -> dict:
        return {**asdict(self), "precision": round(self.precision, 4), "recall": round(self.recall, 4)}


def _codes(text: str | None) -> frozenset[str]:
    return frozenset(icd_compact(c) for c in (text or "").split())


def outcomes(rows: list[dict], suggest: Callable, threshold: float) -> list[NoteOutcome]:
    return [NoteOutcome(id=row["id"], specialty=row.get("specialty") or UNTAGGED,
                        conventions=tuple((row.get("conventions") or "").split()) or (UNTAGGED,),
                        expected=_codes(row["expected"]), ruled_out=_codes(row.get("ruled_out")),
                        coded=frozenset(icd_compact(s.code) for s in suggest(row["note"]) if s.confidence >= threshold))
            for row in rows]


def score(found: Iterable[NoteOutcome]) -> Accuracy:
    tp = suggested = expected = notes = 0
    misses, wrong, ruled_out = [], [], []
    for note in found:
        notes += 1
        tp += len(note.expected & note.coded)
        suggested += len(note.coded)
        expected += len(note.expected)
        misses += [f"{note.id}:{c}" for c in sorted(note.expected - note.coded)]
        wrong += [f"{note.id}:{c}" for c in sorted(note.coded - note.expected)]
        ruled_out += [f"{note.id}:{c}" for c in sorted(note.ruled_out_coded)]
    return Accuracy(notes, tp, suggested, expected, misses, wrong, ruled_out)


def evaluate(rows: list[dict], suggest: Callable, threshold: float) -> Accuracy:
    return score(outcomes(rows, suggest, threshold))


def breakdown(found: list[NoteOutcome]) -> dict:
    """The part overall, then per specialty and per convention tag (a note counts under each of its tags)."""
    specialties = sorted({n.specialty for n in found}, key=_order(SPECIALTIES))
    conventions = sorted({c for n in found for c in n.conventions}, key=_order(CONVENTIONS))
    return {"overall": score(found),
            "by_specialty": {s: score(n for n in found if n.specialty == s) for s in specialties},
            "by_convention": {c: score(n for n in found if c in n.conventions) for c in conventions}}


def _order(known: tuple[str, ...]) -> Callable[[str], tuple[int, str]]:
    return lambda name: (known.index(name) if name in known else len(known), name)


def accuracy_curve(rows: list[dict], suggest: Callable, labeled_sets: list[str]) -> dict:
    """Precision and recall at each distinct confidence: between two of them every threshold gives the same."""
    found = {row["note"]: suggest(row["note"]) for row in rows}
    confidences = sorted({round(s.confidence, 6) for suggestions in found.values() for s in suggestions})
    points = []
    for threshold in confidences:
        result = evaluate(rows, found.__getitem__, threshold)
        points.append({"threshold": threshold, "suggested": result.suggested,
                       "true_positives": result.true_positives, "expected": result.expected,
                       "precision": round(result.precision, 4), "recall": round(result.recall, 4),
                       "ruled_out_suggested": len(result.ruled_out_suggested)})
    return {"produced_by": "python -m services.coding.evaluate_suggestions --curve", "labeled_sets": labeled_sets,
            "notes": len(rows), "points": points}


def read_labeled(path: Path) -> list[dict]:
    with open(path, newline="") as source:
        return list(csv.DictReader(source))


def set_name(path: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else path.name


def part_name(path: Path) -> str:
    return PART_NAMES.get(path.resolve(), path.stem)


def report_lines(name: str, part: dict, threshold: float) -> list[str]:
    """A part as text: the totals, a table per specialty and per convention, then the codes behind them."""
    overall = part["overall"]
    lines = [f"{name}: {overall.notes} notes, threshold {threshold:.2f}: {_figures(overall)}"]
    for title, key in (("specialty", "by_specialty"), ("convention", "by_convention")):
        lines.append(f"  {'by ' + title:<20} {'notes':>5}  {'precision':>15}  {'recall':>15}  ruled-out")
        lines += [f"  {label:<20} {_row(result)}" for label, result in part[key].items()]
    lines.append("  ruled out but coded: " + (" ".join(overall.ruled_out_suggested) or "-"))
    lines.append("  wrong: " + (" ".join(overall.wrong) or "-"))
    lines.append("  missed: " + (" ".join(overall.misses) or "-"))
    return lines


def _ratio(part: int, whole: int) -> str:
    """A figure with what it is made of; nothing to divide by is shown as such, not as a perfect score."""
    return f"{part / whole:.3f} ({part}/{whole})" if whole else f"-     ({part}/{whole})"


def _figures(result: Accuracy) -> str:
    return (f"precision {_ratio(result.true_positives, result.suggested)}, recall "
            f"{_ratio(result.true_positives, result.expected)}, ruled-out conditions coded "
            f"{len(result.ruled_out_suggested)}")


def _row(result: Accuracy) -> str:
    precision, recall = _ratio(result.true_positives, result.suggested), _ratio(result.true_positives, result.expected)
    return f"{result.notes:>5}  {precision:>15}  {recall:>15}  {len(result.ruled_out_suggested):>9}"


def report_json(parts: dict[str, dict], sources: dict[str, str], threshold: float) -> dict:
    return {"produced_by": "python -m services.coding.evaluate_suggestions --json", "threshold": threshold,
            "targets": TARGETS,
            "parts": {name: {"labeled_set": sources[name], "overall": part["overall"].as_dict(),
                             "by_specialty": {k: v.as_dict() for k, v in part["by_specialty"].items()},
                             "by_convention": {k: v.as_dict() for k, v in part["by_convention"].items()}}
                      for name, part in parts.items()}}


def main() -> None:
    from services.coding.adapters.note_suggester import build_suggester
    from services.coding.adapters.reference_files import load_reference_data
    from services.coding.settings import Settings

    parser = argparse.ArgumentParser()
    parser.add_argument("labeled", nargs="*", type=Path, default=[DEVELOPMENT_SET, HELDOUT_SET])
    parser.add_argument("--threshold", type=float, default=Settings().auto_accept_threshold)
    parser.add_argument("--json", type=Path, help="write every figure and code list to this file")
    parser.add_argument("--curve", type=Path, nargs="?", const=DEFAULT_CURVE,
                        help=f"write the held-out accuracy curve (default {DEFAULT_CURVE})")
    args = parser.parse_args()
    settings = Settings()
    suggest = build_suggester(load_reference_data(settings.reference_dir), index_dir=settings.suggestion_index_dir)
    sources = {part_name(path): set_name(path) for path in args.labeled}
    parts = {part_name(path): breakdown(outcomes(read_labeled(path), suggest, args.threshold))
             for path in args.labeled}
    for name, part in parts.items():
        print("\n".join(report_lines(name, part, args.threshold)))
    if args.json:
        args.json.write_text(json.dumps(report_json(parts, sources, args.threshold), indent=1) + "\n")
        print(f"wrote {args.json}")
    if args.curve:
        curve = accuracy_curve(read_labeled(HELDOUT_SET), suggest, [set_name(HELDOUT_SET)])
        args.curve.write_text(json.dumps(curve, indent=1) + "\n")
        print(f"wrote {args.curve}")


if __name__ == "__main__":
    main()
