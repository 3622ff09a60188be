"""A relative's dementia that the same item names as Alzheimer's is one condition, coded once.

"History, family, dementia" is Z81.8 (a mental disorder NEC) and "History, family, Alzheimer's disease" Z82.0 (a
disease of the nervous system). "FH dementia - mother had Alzheimer's" tells one relative's one disease, first by
its syndrome, then by its cause: a coder codes the cause's entry (Z82.0), as a patient's own Alzheimer's dementia
is G30.- with F02.- and not F03.-. The Z81.8 read on "dementia" is dropped where a family Z82.0 read on
"Alzheimer" lies in the same item (no sentence stop, semicolon or line break between them), so a mother's
dementia and a father's epilepsy, or a dementia and an Alzheimer's in two items, keep both codes.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.suggestions import Suggestion

_DEMENTIA_FAMILY, _NERVOUS_FAMILY = "Z81.8", "Z82.0"
_ITEM_BREAK = re.compile(r"[.;\n]\s|\n|;")


def _same_item(note: str, a: Suggestion, b: Suggestion) -> bool:
    start, end = min(a.end, b.end), max(a.start, b.start)
    return end - start <= 80 and _ITEM_BREAK.search(note, start, end) is None


@needs(codes=(_DEMENTIA_FAMILY,))
def relatives_dementia_named(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    causes = [s for s in suggestions if s.code == _NERVOUS_FAMILY and s.context == "family"
              and s.evidence.lower().startswith("alzheimer")]
    if not causes:
        return suggestions, []
    kept, reasons = [], []
    for s in suggestions:
        if (s.code == _DEMENTIA_FAMILY and s.context == "family" and "dementia" in s.evidence.lower()
                and any(_same_item(note, s, cause) for cause in causes)):
            reasons.append(f"{s.evidence}: the relative's Alzheimer's named in the same item, {_NERVOUS_FAMILY}, "
                           f"not {_DEMENTIA_FAMILY}")
            continue
        kept.append(s)
    return kept, reasons
