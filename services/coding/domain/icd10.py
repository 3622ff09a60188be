"""ICD-10-CM editions: which CMS release covers a date of service, and the tables the edits read.

The registry (icd10cm_editions.csv) names each edition's fiscal year and dates; a blank file pair means the
release bundled in simple-icd-10-cm, otherwise the CMS code list and tabular XML next to the registry. The
library is imported once (about 2 s) and everything the edits need is copied out of it at load, so the hot
path never calls it and editions can coexist.
"""
import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from shared.contracts.common import EditResult
from services.coding.domain.codes import icd_compact
from services.coding.domain.excludes1 import Rule, parse_note, rule_matches
from services.coding.domain.results import error, warning

_ELSEWHERE = re.compile(r"\bclassified elsewhere\b", re.IGNORECASE)


@dataclass(frozen=True)
class Icd10Edition:
    fiscal_year: int
    valid_from: date
    valid_to: date
    release: str
    code_list_file: str | None = None
    tabular_file: str | None = None

    def covers(self, on: date) -> bool:
        return self.valid_from <= on <= self.valid_to


@dataclass(frozen=True)
class Icd10CodeSet:
    """One edition's codes, keyed by the dot-less form."""

    edition: Icd10Edition
    dotted: dict[str, str]  # every category and subcategory -> its dotted form
    billable: frozenset[str]
    excludes1: dict[str, tuple[Rule, ...]]  # own and inherited rules; codes without any are absent
    manifestation: frozenset[str]  # "... in diseases classified elsewhere": never first-listed
    code_first: frozenset[str]  # has an own or inherited "code first" note
    unreadable_notes: int
    _pairs: dict[tuple[str, str], bool] = field(default_factory=dict, compare=False, repr=False)

    def is_billable(self, code: str) -> bool:
        return icd_compact(code) in self.billable

    def excludes1_pair(self, first: str, second: str) -> bool:
        """Whether either dot-less code excludes the other; cached per pair, so a rule scan happens once."""
        found = self._pairs.get((first, second))
        if found is None:
            found = any(rule_matches(second, r) for r in self.excludes1.get(first, ())) or \
                any(rule_matches(first, r) for r in self.excludes1.get(second, ()))
            if len(self._pairs) > 500_000:  # bound the cache; real claims reuse few pairs
                self._pairs.clear()
            self._pairs[(first, second)] = found
        return found


def read_editions(path: Path) -> list[Icd10Edition]:
    with open(path, newline="") as source:
        rows = list(csv.DictReader(source))
    editions = [
        Icd10Edition(int(r["fiscal_year"]), date.fromisoformat(r["valid_from"]), date.fromisoformat(r["valid_to"]),
                     r["release"], _relative(path, r["code_list_file"]), _relative(path, r["tabular_file"]))
        for r in rows
    ]
    _check_no_overlap(editions)
    return sorted(editions, key=lambda e: e.valid_from)


def _relative(registry: Path, name: str | None) -> str | None:
    return str(registry.parent / name) if name else None


def _check_no_overlap(editions: list[Icd10Edition]) -> None:
    ordered = sorted(editions, key=lambda e: e.valid_from)
    for edition in ordered:
        if edition.valid_to < edition.valid_from:
            raise ValueError(f"ICD-10-CM FY{edition.fiscal_year}: valid_to is before valid_from")
    for earlier, later in zip(ordered, ordered[1:]):
        if later.valid_from <= earlier.valid_to:
            raise ValueError(f"ICD-10-CM FY{earlier.fiscal_year} and FY{later.fiscal_year} overlap")


def load_code_sets(editions: list[Icd10Edition]) -> tuple[Icd10CodeSet, ...]:
    """Extract each edition; the bundled one first, so the library's own load is reused."""
    import simple_icd_10_cm as icd

    loaded, switched = {}, False
    for edition in sorted(editions, key=lambda e: e.tabular_file is not None):
        if edition.tabular_file:
            icd.change_version(edition.code_list_file, edition.tabular_file, suppress_warnings=True)
            switched = True
        loaded[edition] = _extract(icd, edition)
    if switched:
        icd.change_version()  # leave the library on its bundled release for anyone else importing it
    return tuple(loaded[e] for e in editions)


def _extract(icd, edition: Icd10Edition) -> Icd10CodeSet:
    codes = list(dict.fromkeys(c for c in icd.get_all_codes(with_dots=True) if icd.is_category_or_subcategory(c)))
    node_rules, unreadable = _node_rules(icd)
    excludes1, manifestation, code_first = {}, set(), set()
    for code in codes:
        compact = icd_compact(code)
        chain = _chain(icd, code)
        rules = tuple(dict.fromkeys(r for node in chain for r in node_rules.get(node, ())))
        if rules:
            excludes1[compact] = rules
        if any(not section and icd.is_category_or_subcategory(name) and _ELSEWHERE.search(icd.get_description(name))
               for name, section in chain):
            manifestation.add(compact)
        if icd.get_code_first(code, search_in_ancestors=True):
            code_first.add(compact)
    return Icd10CodeSet(
        edition=edition, dotted={icd_compact(c): c for c in codes},
        billable=frozenset(icd_compact(c) for c in codes if icd.is_leaf(c)), excludes1=excludes1,
        manifestation=frozenset(manifestation), code_first=frozenset(code_first), unreadable_notes=unreadable,
    )


def _chain(icd, code: str) -> list[tuple[str, bool]]:
    """The code and its ancestors up to the chapter, as (name, is the section of that name).

    A few categories share their name with their own one-category section (B99, T07, ...): the second
    time a name appears on the way up it means the section.
    """
    chain, seen = [(code, False)], {code}
    for name in icd.get_ancestors(code):
        chain.append((name, name in seen))
        seen.add(name)
    return chain


def _node_rules(icd) -> tuple[dict[tuple[str, bool], tuple[Rule, ...]], int]:
    rules, unreadable = {}, 0
    names = icd.get_all_codes(with_dots=True)
    shared_names = {name for name, count in Counter(names).items() if count > 1}
    for name in dict.fromkeys(names):
        for as_section in (False, True) if name in shared_names else (False,):
            parsed = []
            for note in icd.get_excludes1(name, prioritize_blocks=as_section):
                note_rules, skipped = parse_note(note)
                parsed += note_rules
                unreadable += skipped
            if parsed:
                rules[(name, as_section)] = tuple(parsed)
    return rules, unreadable


def edition_for(code_sets: tuple[Icd10CodeSet, ...], on: date) -> tuple[Icd10CodeSet | None, list[EditResult]]:
    """The code set for a date of service; after the newest edition, that one with a warning."""
    for code_set in code_sets:
        if code_set.edition.covers(on):
            return code_set, []
    newest = code_sets[-1] if code_sets else None
    if newest and on > newest.edition.valid_to:
        return newest, [warning("ICD-EDITION-STALE",
                                f"no ICD-10-CM edition is loaded for FY{_fiscal_year(on)}; codes were checked "
                                f"against FY{newest.edition.fiscal_year} ({newest.edition.release})")]
    return None, [error("ICD-EDITION-NONE", f"no ICD-10-CM edition is loaded for FY{_fiscal_year(on)}; "
                                            "the diagnosis codes cannot be validated")]


def _fiscal_year(on: date) -> int:
    """The federal fiscal year: October 1 starts the next one."""
    return on.year + 1 if on.month >= 10 else on.year
