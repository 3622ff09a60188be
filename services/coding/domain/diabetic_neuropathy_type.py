"""A diabetic neuropathy named twice, once without its type ("T2DM with diabetic neuropathy", E1x.40, "with
diabetic neuropathy, unspecified") and once with it (polyneuropathy E1x.42, autonomic E1x.43, mononeuropathy
E1x.41, amyotrophy E1x.44), is one neuropathy: the unspecified code does not stand beside the type the note
states (guideline I.B.2: the most specific code the documentation supports).
"""
from services.coding.domain.convention_gates import needs
from services.coding.domain.suggestions import Suggestion

NAME = "diabetic-neuropathy-type"
_DIABETES = ("E08", "E09", "E10", "E11", "E13")
_TYPED = (".41", ".42", ".43", ".44")


@needs(codes=tuple(f"{category}.40" for category in _DIABETES))
def diabetic_neuropathy_type(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    typed = {s.code[:3]: s.code for s in suggestions
             if s.code.startswith(_DIABETES) and s.code.endswith(_TYPED) and s.context == "affirmed"}
    unspecified = [s for s in suggestions if s.code.startswith(_DIABETES) and s.code.endswith(".40")
                   and s.context == "affirmed" and s.code[:3] in typed]
    if not unspecified:
        return suggestions, []
    reasons = [f"{s.evidence}: the neuropathy the note types elsewhere ({typed[s.code[:3]]}), not {s.code}"
               for s in unspecified]
    return [s for s in suggestions if s not in unspecified], reasons
