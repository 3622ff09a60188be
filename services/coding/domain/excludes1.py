"""Read the codes out of ICD-10-CM Excludes1 note text.

The CMS tabular gives Excludes1 as prose: "type 1 diabetes mellitus (E10.-)", "(O10-O11, O13-O16)",
"(E08-E13 with .42)", "(I69. with final characters -23)", "leukemia in remission C91.0-C95.9 with 5th
character 1". A note is turned into rules (start, end, qualifier) over dot-less code prefixes. A qualifier
we cannot read ("with open fracture 7th character") drops its fragment rather than over-matching.
"""
import re

# (kind, position, text): "at" = compact[position:] starts with text; "end" = compact ends with text.
Qualifier = tuple[str, int, str]
Rule = tuple[str, str, Qualifier | None]

_CODE = re.compile(r"(?<![A-Za-z0-9])([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{0,4})?)(?![A-Za-z0-9])")
_RANGE_GAP = re.compile(r"^[.\-]*\s*(?:-|to)\s*$")
_PAREN = re.compile(r"\(([^()]*)(?:\)|$)")
_ORDINAL = {"fifth": 4, "5th": 4, "sixth": 5, "6th": 5, "seventh": 6, "7th": 6}
_AT_DOT = re.compile(r"^with \.([0-9A-Z]+)-?$")
_AT_CHAR = re.compile(r"^with (fifth|5th|sixth|6th|seventh|7th)[ -]characters? \.?([0-9A-Z]+)$")
_AT_SPAN = re.compile(r"^with (fifth|5th|sixth|6th) to \w+ characters ([0-9A-Z]+)$")
_FINAL = re.compile(r"^with final characters -([0-9A-Z]+)$")


def parse_note(note: str) -> tuple[list[Rule], bool]:
    """Rules from one note, and whether a code-bearing fragment had to be skipped."""
    fragments = [f for f in _PAREN.findall(note) if _CODE.search(f)]
    if not fragments:
        outside = _PAREN.sub(" ", note)
        fragments = [outside] if _CODE.search(outside) else []
    rules, skipped = [], False
    for fragment in fragments:
        parsed = _parse_fragment(fragment)
        if parsed is None:
            skipped = True
        else:
            rules += parsed
    return rules, skipped


def _parse_fragment(fragment: str) -> list[Rule] | None:
    tokens = list(_CODE.finditer(fragment))
    tail = fragment[tokens[-1].end():].strip(" .-,")
    qualifier = None
    if tail.startswith("with"):
        qualifier = _parse_qualifier(tail)
        if qualifier is None:
            return None
    rules, i = [], 0
    while i < len(tokens):
        start = _compact(tokens[i].group(1))
        if i + 1 < len(tokens) and _RANGE_GAP.match(fragment[tokens[i].end():tokens[i + 1].start()]):
            rules.append((start, _compact(tokens[i + 1].group(1)), qualifier))
            i += 2
        else:
            rules.append((start, start, qualifier))
            i += 1
    return rules


def _parse_qualifier(text: str) -> Qualifier | None:
    text = re.sub(r"\s+", " ", text)
    if m := _AT_DOT.match(text):
        return ("at", 3, m.group(1))
    if m := _AT_CHAR.match(text):
        return ("at", _ORDINAL[m.group(1)], m.group(2))
    if m := _AT_SPAN.match(text):
        return ("at", _ORDINAL[m.group(1)], m.group(2))
    if m := _FINAL.match(text):
        return ("end", 0, m.group(1))
    return None


def _compact(token: str) -> str:
    return token.replace(".", "")


def rule_matches(code: str, rule: Rule) -> bool:
    """Whether a dot-less code falls in the rule's prefix range and meets its qualifier."""
    start, end, qualifier = rule
    if not (start <= code[:len(start)] and code[:len(end)] <= end):
        return False
    if qualifier is None:
        return True
    kind, position, text = qualifier
    return code.endswith(text) if kind == "end" else code[position:position + len(text)] == text
