"""Every suggestion the note suggester makes on a labelled CSV, every field, one JSON line a note.

    .venv/bin/python -m tools.bench.suggestion_dump NOTES_CSV OUT.jsonl
    .venv/bin/python -m tools.bench.suggestion_dump --diff BEFORE.jsonl AFTER.jsonl

A speed change to the suggester must leave this file byte for byte the same (`cmp`); a new reading must change
it only on the notes it is meant for, which `--diff` lists note by note (codes gone and new, with confidence).
"""
import csv
import dataclasses
import json
import sys


def plain(value):
    """A suggestion's fields as JSON values, sets in a stable order, so that two runs compare as text."""
    if dataclasses.is_dataclass(value):
        return {key: plain(item) for key, item in dataclasses.asdict(value).items()}
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, (set, frozenset)):
        return sorted((plain(item) for item in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def dump(notes_csv: str, out: str) -> None:
    from services.coding.adapters.note_suggester import build_suggester
    from services.coding.adapters.reference_files import load_reference_data
    from services.coding.settings import Settings

    settings = Settings()
    suggest = build_suggester(load_reference_data(settings.reference_dir), index_dir=settings.suggestion_index_dir)
    with open(notes_csv, newline="") as source, open(out, "w") as target:
        for row in csv.DictReader(source):
            found = [plain(suggestion) for suggestion in suggest(row["note"])]
            target.write(json.dumps({"id": row["id"], "suggestions": found}, sort_keys=True) + "\n")


def _by_note(path: str) -> dict[str, dict]:
    with open(path) as lines:
        return {record["id"]: record for record in map(json.loads, lines)}


def _codes(record: dict) -> set[tuple[str, float]]:
    return {(s["code"], round(s["confidence"], 3)) for s in record["suggestions"]}


def diff(before: str, after: str) -> None:
    old, new = _by_note(before), _by_note(after)
    changed = [note for note in new if note in old and old[note] != new[note]]
    print(f"notes {len(old)} -> {len(new)} ({len(new.keys() - old.keys())} new, {len(old.keys() - new.keys())} "
          f"gone); changed {len(changed)}")
    for note in changed:
        gone, came = sorted(_codes(old[note]) - _codes(new[note])), sorted(_codes(new[note]) - _codes(old[note]))
        print(f"{note} gone: {gone} new: {came}" if gone or came else f"{note}: other fields only")


if __name__ == "__main__":
    if sys.argv[1] == "--diff":
        diff(sys.argv[2], sys.argv[3])
    else:
        dump(sys.argv[1], sys.argv[2])
