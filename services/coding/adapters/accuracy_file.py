"""Read the committed evaluation of note suggestions (written by `evaluate_suggestions --curve`).

The service reads the committed result rather than evaluating at start: start-up stays independent of the
test data and of the suggester being enabled, the figures tenants see are the ones reviewed in the
repository, and a unit test re-runs the evaluation so the file cannot silently go stale.
"""
import json
from pathlib import Path

from services.coding.domain.auto_accept import AccuracyCurve, AccuracyPoint

DEFAULT_ACCURACY_FILE = Path(__file__).resolve().parents[1] / "data" / "suggestion_accuracy.json"


class AccuracyFileError(ValueError):
    """The evaluation file is missing or not in the shape `evaluate_suggestions --curve` writes."""


def load_accuracy_curve(path: Path = DEFAULT_ACCURACY_FILE) -> AccuracyCurve:
    try:
        document = json.loads(path.read_text())
        points = tuple(sorted((AccuracyPoint(threshold=float(p["threshold"]), suggested=int(p["suggested"]),
                                             true_positives=int(p["true_positives"]), expected=int(p["expected"]))
                               for p in document["points"]), key=lambda p: p.threshold))
        return AccuracyCurve(points=points, notes=int(document["notes"]),
                             labeled_sets=tuple(document.get("labeled_sets", ())))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise AccuracyFileError(f"cannot read the suggestion accuracy file {path}: {exc}") from exc
