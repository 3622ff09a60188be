"""A condition an operation took out is not current once the operation is done: "10 days after cholecystectomy
for gallstones", "s/p appendectomy for appendicitis", "wedge resection of a lung nodule" leave no gallstones,
appendicitis or nodule to bill (guideline IV.J: code the conditions that exist at the visit). The condition must
follow the removal in its sentence ("for", "of"), and the sentence must place the operation done ("after", "s/p",
"status post", "underwent", a post-operative visit). A tumour resected is read by its own history rule; a
condition an operation bypasses or repairs (CAD after a CABG) stays, so only removals are read."""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_terms import for_a_coder
from services.coding.domain.note_text import sentence_start
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion

NAME = "removed-by-operation"
_REMOVAL = _rx(r"(lap(aroscopic)? |open |robotic |vats )?(cholecystectomy|appendectomy|(hemi)?colectomy|"
               r"(lung |pulmonary )?wedge resection|lobectomy|segmentectomy|splenectomy|nephrectomy|"
               r"hysterectomy|thyroidectomy) (for|of) ")
_DONE = _rx(r"after|s/p|status post|underwent|post-?op(erative)?")
_NEAR = 4  # the condition is the operation's object: at most a few modifiers ("a left lung") between


@needs(patterns=(_REMOVAL,))
def removed_conditions(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    removals = [m for m in _REMOVAL.finditer(note) if _DONE.search(note[sentence_start(note, m.start()):m.start()])]
    if not removals:
        return suggestions, []
    out, reasons = [], []
    for s in suggestions:
        removal = next((m for m in removals if _taken_out(s, m, note)), None)
        if removal is not None:
            reason = f"{s.code} ({s.evidence}) is what the {removal.group(0).strip()} took out: not current"
            s = for_a_coder(s, NAME, reason)
            reasons.append(reason)
        out.append(s)
    return out, reasons


def _taken_out(s: Suggestion, removal: re.Match, note: str) -> bool:
    if s.context != "affirmed" or s.code[0] in "CDZ":
        return False
    between = note[removal.end():s.start]
    return s.start >= removal.end() and len(between.split()) <= _NEAR and not re.search(r"[,.;:()\n]", between)
