"""The disease a dementia's own words name (guideline I.A.13; the index's "Dementia, in, Alzheimer's disease",
"Dementia, with Lewy bodies G31.83 [F02.80]", "Dementia, frontotemporal G31.09 [F02.80]", "Dementia, in,
Parkinson's disease G20.- [F02.80]"): "Alzheimer's dementia", "PD dementia", "dementia due to AD", "major NCD due
to Parkinson disease", "frontotemporal dementia", "DLB" name both the disease and its dementia, though the note
may never write the disease alone. The disease is added and the dementia given an F03 placeholder where none was
found, so that `dementia_disturbance` reads its disturbance and `dementia_in_disease` makes it F02.- after the
disease. "AD" and "PD" count only joined to the dementia's words ("AD dementia", "due to PD"), never bare.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import affirmed_now, sentence
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "dementia-named-cause"
UNSPECIFIED_DEMENTIA = "F03.90"
_DEMENTIA_CODES = ("F01", "F02", "F03")
_DEMENTIA = r"(?:dementia|major (?:NCD|neurocognitive disorder))"
_ALZHEIMER = r"(?:alzheimer(?:'?s)?(?: disease| type)?|AD)"
_PARKINSON = r"(?:parkinson(?:'?s)?(?: disease)?|PD)"
# the disease before the dementia's words, after them ("due to", "with", "of the ... type"), or one abbreviation
# for both ("DLB", "FTD", "bvFTD", "PDD")
_NAMED = re.compile(
    rf"\b(?:(?P<alz>{_ALZHEIMER})|(?P<pd>{_PARKINSON})|(?P<lewy>lewy[- ]body)|(?P<ftd>frontotemporal))"
    rf"(?: type)?[- ]{_DEMENTIA}\b"
    rf"|\b{_DEMENTIA}(?:,? (?:due to|in|with|of the|of))? (?:(?P<alz2>{_ALZHEIMER})|(?P<pd2>{_PARKINSON})|"
    rf"(?P<lewy2>lewy bodies))\b"
    rf"|\b(?:(?P<lewy3>DLB)|(?P<ftd3>(?:bv)?FTD)|(?P<pd3>PDD))\b", re.IGNORECASE)
_ONSET = (("G30.0", re.compile(r"\bearly[- ]onset\b", re.IGNORECASE)),
          ("G30.1", re.compile(r"\blate[- ]onset\b", re.IGNORECASE)))
_CAUSES = (("alz", "G30", "G30.9"), ("pd", "G20", "G20.A1"), ("lewy", "G31.83", "G31.83"), ("ftd", "G31.0", "G31.09"))


def _cause(match: re.Match, text: str) -> tuple[str, str]:
    """The category and the code of the disease the match names; Alzheimer's by the onset its sentence states."""
    named = {key.rstrip("23") for key, value in match.groupdict().items() if value}
    category, code = next((category, code) for key, category, code in _CAUSES if key in named)
    return category, (alzheimer_by_onset(text) or code) if category == "G30" else code


def alzheimer_by_onset(text: str) -> str | None:
    """G30.0 or G30.1 for the onset the text states ("early-onset", "late onset"), else None."""
    return next((onset for onset, words in _ONSET if words.search(text)), None)


@needs(patterns=(_NAMED,))
def dementia_named_cause(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons = list(suggestions), []
    for match in _NAMED.finditer(note):
        if not _abbreviation_cased(match) or not affirmed_now(note, match.start(), match.end()):
            continue
        category, code = _cause(match, sentence(note, match.start(), match.end()))
        found = [s for s in out if s.code.startswith(category)]
        if any(s.context != "affirmed" for s in found) or not tabular.is_billable(code):
            continue
        reason = f"{match.group(0)!r} names the disease of the dementia: {code}, the dementia coded after it"
        added = [] if found else [from_rule(code, match, tabular, NAME, reason)]
        if not any(s.code.startswith(_DEMENTIA_CODES) and s.start < match.end() and match.start() < s.end
                   for s in out):
            added.append(from_rule(UNSPECIFIED_DEMENTIA, match, tabular, NAME, reason))
        out.extend(added)
        reasons.extend([reason] if added else [])
    return out, reasons


def _abbreviation_cased(match: re.Match) -> bool:
    """"AD", "PD", "DLB", "FTD" as capitals only: "ad lib" and "pd" (per day) are other words."""
    return all(value.isupper() or len(value) > 3 or not value.isalpha()
               for value in (match.group(k) for k in ("alz", "pd", "alz2", "pd2", "lewy3", "ftd3", "pd3"))
               if value and value.upper() in ("AD", "PD", "DLB", "FTD", "BVFTD", "PDD"))
