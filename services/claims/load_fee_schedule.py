"""Check a fee schedule file and place it where the claims service loads it at its next start.

    python -m services.claims.load_fee_schedule pprrvu|gpci|clfs FILE [--reference-dir DIR]
    python -m services.claims.load_fee_schedule charges FILE --tenant TENANT_ID   (that tenant's own schedule)

pprrvu, gpci, clfs: CMS's full PFS relative value file, GPCI file and Clinical Laboratory Fee Schedule (CSV, as
published), replacing the bundled samples for every tenant's default prices. charges: a tenant's own fee schedule
(procedure_code,modifier,amount), used as a whole for that tenant's claims. A file that does not parse is
refused with the line that failed, and nothing is placed.
"""
import argparse
import io
import sys
from pathlib import Path
from uuid import UUID

from services.claims.adapters.fee_schedule_files import PFS_FILES, tenant_file
from services.claims.domain.fee_schedule import parse_fee_schedule
from services.claims.domain.pfs_files import parse_clfs, parse_gpci, parse_pprrvu
from services.claims.settings import Settings

PARSERS = {"pprrvu": parse_pprrvu, "gpci": parse_gpci, "clfs": parse_clfs,
           "charges": lambda lines: parse_fee_schedule(lines).amounts}


def check(kind: str, text: str) -> int:
    """Records read; raises ValueError naming the line that failed."""
    return len(PARSERS[kind](io.StringIO(text, newline="")))


def target(kind: str, reference_dir: Path, tenant: UUID | None) -> Path:
    return tenant_file(reference_dir, str(tenant)) if kind == "charges" else reference_dir / PFS_FILES[kind]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.claims.load_fee_schedule",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=sorted(PARSERS))
    parser.add_argument("file", type=Path)
    parser.add_argument("--reference-dir", type=Path, default=None)
    parser.add_argument("--tenant", type=UUID, default=None, help="the tenant whose own schedule this is (charges)")
    args = parser.parse_args(argv)
    if (args.kind == "charges") != (args.tenant is not None):
        print("charges needs --tenant; the CMS files are the same for every tenant", file=sys.stderr)
        return 2
    if not args.file.is_file():
        print(f"{args.file}: no such file", file=sys.stderr)
        return 2
    text = args.file.read_text(encoding="utf-8-sig", errors="replace")
    try:
        records = check(args.kind, text)
    except ValueError as exc:
        print(f"refused: {exc}; nothing was placed", file=sys.stderr)
        return 1
    if records == 0:
        print("refused: no records; nothing was placed", file=sys.stderr)
        return 1
    placed = target(args.kind, args.reference_dir or Path(Settings().fee_schedule_reference_dir), args.tenant)
    placed.parent.mkdir(parents=True, exist_ok=True)
    partial = placed.with_suffix(".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(placed)  # atomic: a starting service never reads half a file
    print(f"{args.kind}: {records} records; placed {placed}; restart the claims service to use it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
