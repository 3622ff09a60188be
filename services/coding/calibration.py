"""How often each kind of evidence behind a note suggestion is right: the data for calibrating its confidence.

    python -m services.coding.calibration LABELED_CSV [--id-prefix m] [--threshold 0.9] [--list] [--misses]

A confidence is a promise: at or above the auto-accept threshold a code is billed without a coder. Rules
are written on the notes they are measured on, so their confidence is only honest when measured on notes no
rule has seen yet. This reports, for each suggestion the suggester makes on a labelled CSV (columns as for
evaluate_suggestions), the evidence that produced it (the convention that made or changed it, otherwise the
context of the index term it matched) with its confidence, then each evidence kind's precision overall and
at the threshold. A code suggested twice in a note counts once, under its most confident suggestion, as the
service reconciles it. There is no default file: the held-out set must never be used to tune a confidence.

`--misses` says where recall is lost instead: each expected code not suggested at the threshold, by its cause
(`classify_misses`), counted per cause and per cause's detail.
"""
import argparse
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from services.coding.domain.codes import icd_compact
from services.coding.domain.suggestions import Suggestion, _best_per_code
from services.coding.evaluate_suggestions import HELDOUT_SET, read_labeled

TERM = "term"  # the kind of a suggestion no convention touched: an index term read in its context
TARGET_PRECISION = 0.95
SIGNIFICANCE = 0.05


@dataclass(frozen=True)
class Attributed:
    """One code suggested for a labelled note, with the evidence that produced it and whether a coder agrees."""

    note_id: str
    code: str
    kind: str
    confidence: float
    correct: bool
    ruled_out: bool


@dataclass(frozen=True)
class KindPrecision:
    kind: str
    suggestions: int
    correct: int
    accepted: int  # at or above the threshold: coded without a coder
    accepted_correct: int
    confidences: tuple[float, ...]

    @property
    def precision(self) -> float | None:
        return self.correct / self.suggestions if self.suggestions else None

    @property
    def accepted_precision(self) -> float | None:
        return self.accepted_correct / self.accepted if self.accepted else None

    @property
    def chance(self) -> float:
        """How likely a kind right 95% of the time would be wrong this often: one miss in fifteen is
        chance, three in thirteen is not."""
        return chance_of_as_many_wrong(self.accepted - self.accepted_correct, self.accepted)

    @property
    def decision(self) -> str:
        precision = self.accepted_precision
        if precision is None or precision >= TARGET_PRECISION:
            return "keep"
        return "lower" if self.chance < SIGNIFICANCE else "keep (too few to tell)"


def chance_of_as_many_wrong(wrong: int, n: int, precision: float = TARGET_PRECISION) -> float:
    miss = 1 - precision
    return sum(math.comb(n, k) * miss ** k * precision ** (n - k) for k in range(wrong, n + 1))


def evidence_kind(suggestion: Suggestion) -> str:
    """The convention that made or changed the code; otherwise the ConText reading of the term it matched."""
    return suggestion.convention or f"{suggestion.context}-{TERM}"


def with_confidence(suggestion: Suggestion) -> str:
    """The kind with its confidence: an index term's confidence tells which entry matched (its description,
    an inclusion term, or the term with its qualifiers left out)."""
    return f"{evidence_kind(suggestion)}@{suggestion.confidence:.2f}"


def _codes(text: str | None) -> frozenset[str]:
    return frozenset(icd_compact(c) for c in (text or "").split())


def attribute(rows: Iterable[dict], suggest: Callable[[str], list[Suggestion]],
              kind: Callable[[Suggestion], str] = evidence_kind) -> list[Attributed]:
    found = []
    for row in rows:
        expected, ruled_out = _codes(row["expected"]), {c[:3] for c in _codes(row.get("ruled_out"))}
        for s in _best_per_code(suggest(row["note"])):  # one per code, as reconciled
            code = icd_compact(s.code)
            found.append(Attributed(row["id"], code, kind(s), s.confidence, code in expected,
                                    code not in expected and code[:3] in ruled_out))
    return found


def per_kind(found: Iterable[Attributed], threshold: float) -> list[KindPrecision]:
    """Each evidence kind's precision, the kinds that auto-accept most first."""
    grouped: dict[str, list[Attributed]] = defaultdict(list)
    for a in found:
        grouped[a.kind].append(a)
    table = []
    for kind, items in grouped.items():
        accepted = [a for a in items if a.confidence >= threshold]
        table.append(KindPrecision(kind, len(items), sum(a.correct for a in items), len(accepted),
                                   sum(a.correct for a in accepted),
                                   tuple(sorted({round(a.confidence, 4) for a in items}, reverse=True))))
    return sorted(table, key=lambda k: (-k.accepted, -k.suggestions, k.kind))


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else f"-     ({part}/{whole})"


def report_lines(found: list[Attributed], threshold: float, *, listing: bool = False) -> list[str]:
    lines = []
    if listing:
        lines.append(f"{'note':<6} {'code':<9} {'confidence':>10}  {'kind':<28} verdict")
        lines += [f"{a.note_id:<6} {a.code:<9} {a.confidence:>10.2f}  {a.kind:<28} "
                  f"{'correct' if a.correct else 'RULED OUT' if a.ruled_out else 'wrong'}" for a in found]
    lines.append(f"{'evidence kind':<33} {'all suggestions':>17}  {f'at >= {threshold:.2f}':>17}  {'chance':>6}  "
                 "decision               confidences")
    lines += [f"{k.kind:<33} {_ratio(k.correct, k.suggestions):>17}  {_ratio(k.accepted_correct, k.accepted):>17}  "
              f"{k.chance:>6.3f}  {k.decision:<22} {' '.join(f'{c:.2f}' for c in k.confidences)}"
              for k in per_kind(found, threshold)]
    return lines


@dataclass(frozen=True)
class Miss:
    """An expected code the suggester did not code at the threshold, and why."""

    note_id: str
    code: str
    cause: str  # a key of MISS_CAUSES
    detail: str  # the kind that held it, the sibling suggested, the context rule, the Z category


MISS_CAUSES = {"a": "suggested below the threshold", "b": "another code of its category suggested",
               "e": "named, and kept out by a context rule", "d": "a Z code never suggested",
               "c": "its words met no index term"}


def classify_misses(rows: Iterable[dict], read: Callable, threshold: float) -> list[Miss]:
    """read(note) -> (suggestions, skipped mentions), as the suggester's `read`. A miss is (a) the code suggested
    below the threshold (with the kind that held it), else (b) another code of its category suggested (a sibling:
    specificity, side, 7th character, a combination not formed), else (e) a mention of its category a context rule
    kept out, else (d) a Z code, else (c): no index term met the condition's words (read the note to say which)."""
    misses = []
    for row in rows:
        suggestions, skipped = read(row["note"])
        expected = _codes(row["expected"])
        best = {icd_compact(s.code): s for s in _best_per_code(suggestions)}
        for code in sorted(expected):
            found = best.get(code)
            if found is not None and found.confidence >= threshold:
                continue
            sibling = next((c for c in best if c[:3] == code[:3] and c not in expected), None)
            kept_out = next((k for k in skipped if icd_compact(k.code)[:3] == code[:3]), None)
            cause, detail = ("a", with_confidence(found)) if found is not None else \
                ("b", with_confidence(best[sibling]).replace("@", f" {sibling}@")) if sibling else \
                ("e", kept_out.rule) if kept_out else ("d", code[:3]) if code.startswith("Z") else ("c", "")
            misses.append(Miss(row["id"], code, cause, detail))
    return misses


def miss_lines(misses: list[Miss]) -> list[str]:
    causes = Counter(m.cause for m in misses)
    details = Counter((m.cause, m.detail) for m in misses if m.detail)
    lines = [f"{len(misses)} codes missed"]
    for cause, text in MISS_CAUSES.items():
        lines.append(f"({cause}) {text}: {causes[cause]}")
        lines += [f"      {n:>3} {detail}" for (c, detail), n in details.most_common() if c == cause]
        lines.append("      " + " ".join(f"{m.note_id}:{m.code}" for m in misses if m.cause == cause))
    return lines


def main() -> None:
    from services.coding.adapters.note_suggester import build_suggester
    from services.coding.adapters.reference_files import load_reference_data
    from services.coding.settings import Settings

    parser = argparse.ArgumentParser()
    parser.add_argument("labeled", type=Path)
    parser.add_argument("--id-prefix", default="", help="only the notes whose id starts with this")
    parser.add_argument("--threshold", type=float, default=Settings().auto_accept_threshold)
    parser.add_argument("--list", action="store_true", help="every suggestion, not only the table")
    parser.add_argument("--by-confidence", action="store_true", help="each kind split by its confidence")
    parser.add_argument("--misses", action="store_true", help="the expected codes missed, by cause")
    args = parser.parse_args()
    if args.labeled.resolve() == HELDOUT_SET.resolve():
        parser.error("the held-out notes measure what tenants see: no confidence may be tuned on them")
    settings = Settings()
    suggest = build_suggester(load_reference_data(settings.reference_dir), index_dir=settings.suggestion_index_dir)
    rows = [r for r in read_labeled(args.labeled) if r["id"].startswith(args.id_prefix)]
    print(f"{len(rows)} notes")
    if args.misses:
        print("\n".join(miss_lines(classify_misses(rows, suggest.read, args.threshold))))
        return
    kind = with_confidence if args.by_confidence else evidence_kind
    print("\n".join(report_lines(attribute(rows, suggest, kind), args.threshold, listing=args.list)))


if __name__ == "__main__":
    main()
