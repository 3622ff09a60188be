"""A test of eradication after a completed course against Helicobacter pylori follows up an infection treated to
its end: the infection is personal history (index: "History, personal, infection NEC", Z86.19), and the visit is
the follow-up after completed treatment (Z09, `encounter_reasons`, which reads the history code in the course's
sentence). Where the infection caused an ulcer, the ulcer's own history entry (Z87.11) tells of it and this is not
read; nor where the course is still going or only planned."""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule, overlapping
from services.coding.domain.treatment_ended import NOT_OVER_YET, follow_up_is_the_purpose

NAME = "eradication-test"
CODE = "Z86.19"
_TEST = _rx(r"test of (cure|eradication)|eradication test")
_HELICOBACTER = _rx(r"h\. ?pylori|helicobacter( pylori)?")
_COURSE_OVER = _rx(r"completed|finished|after (completing|finishing)")
_ULCER = ("K25", "K26", "K27", "K28", "Z87.11")


@needs(patterns=(_TEST,))
def eradication_test(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if any(s.code.startswith((CODE, *_ULCER)) for s in suggestions):
        return suggestions, []
    purpose = follow_up_is_the_purpose(note)
    match = next((m for m in _HELICOBACTER.finditer(note) if _treated_to_its_end(note, m, purpose)), None)
    if match is None or not tabular.is_billable(CODE):
        return suggestions, []
    reason = f"{match.group(0)} treated to completion, its eradication tested: {CODE}, personal history of infection"
    made = from_rule(CODE, match, tabular, NAME, reason, context="history")
    return [*(s for s in suggestions if s not in overlapping(suggestions, made.start, made.end)), made], [reason]


def _treated_to_its_end(note: str, match: re.Match, purpose: bool) -> bool:
    """Its course said over in its sentence, the test being the visit's purpose or named in that sentence too (an
    assessment item: "2. H. pylori breath test, test of cure: completed quadruple therapy")."""
    said = sentence(note, match.start(), match.end())
    return _COURSE_OVER.search(said) is not None and not NOT_OVER_YET.search(said) and (
        purpose or _TEST.search(said) is not None)
