"""Check a full reference file and place it where the coding service loads it at its next start.

    python -m services.coding.load_reference ncci|mue|hcpcs|cpt FILE [--reference-dir DIR] [--force]

ncci: the CMS NCCI PTP practitioner file (tab-delimited text or CSV export; give several FILEs for the
parts CMS splits it into); mue: the CMS practitioner services MUE table (CSV); hcpcs: the CMS HCPCS
annual file (ANWEB, CSV); cpt: the operator's licensed CPT file. The file is parsed with the service's own
readers; problems are listed with line numbers and, unless --force, a file with problems is refused.
"""
import argparse
import sys
import tempfile
from pathlib import Path

from services.coding.adapters.reference_files import FILES
from services.coding.domain.cpt import parse_cpt
from services.coding.domain.hcpcs import read_hcpcs
from services.coding.domain.ncci import parse_mue, parse_ptp
from services.coding.settings import Settings


def check(kind: str, text: str) -> tuple[int, list[str]]:
    """(records read, problems) for one file's text."""
    if kind == "ncci":
        table = parse_ptp(text)
        return sum(len(v) for v in table.pairs.values()), table.problems
    if kind == "mue":
        table = parse_mue(text)
        return len(table.limits), table.problems
    if kind == "cpt":
        parsed = parse_cpt(text)
        return len(parsed.codes), parsed.problems
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as handle:
        handle.write(text)
    parsed = read_hcpcs(Path(handle.name))
    Path(handle.name).unlink()
    return len(parsed.codes) + len(parsed.modifiers), parsed.problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.coding.load_reference", description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=sorted(FILES))
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--reference-dir", type=Path, default=None)
    parser.add_argument("--force", action="store_true", help="place the file even if some rows have problems")
    args = parser.parse_args(argv)
    texts = []
    for path in args.files:
        if not path.is_file():
            print(f"{path}: no such file", file=sys.stderr)
            return 2
        texts.append(path.read_text(encoding="utf-8-sig", errors="replace"))
    text = texts[0] if len(texts) == 1 else "\n".join(t.rstrip("\n") for t in texts) + "\n"
    records, problems = check(args.kind, text)
    for problem in problems[:50]:
        print(f"  {problem}", file=sys.stderr)
    print(f"{args.kind}: {records} records, {len(problems)} problems")
    if records == 0 or (problems and not args.force):
        print("refused: nothing was placed (use --force to accept a file with problems)", file=sys.stderr)
        return 1
    reference_dir = args.reference_dir or Settings().reference_dir
    reference_dir.mkdir(parents=True, exist_ok=True)
    target = reference_dir / FILES[args.kind][0]
    partial = target.with_suffix(".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)  # atomic: a starting service never reads half a file
    print(f"placed {target}; restart the coding service to use it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
