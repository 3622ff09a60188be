"""A visit for a pregnancy test with the result the note states (Z32.0-: the encounter's reason, guideline
I.C.21.c.11): positive Z32.01, negative Z32.02, in place of the result unknown (Z32.00). The test's own word
"pregnancy" is no pregnant state beside it (the index's default Z33.1 goes).

Only a visit whose reason is the test is read (Z32.00 found): a test result at a work-up for something else is a
result, not the visit's reason.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import negated_before
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, as_sibling

NAME = "pregnancy-test-result"
_UNKNOWN = "Z32.00"
_TEST = r"(urine |serum |qualitative |quantitative )?(hcg|beta-?hcg|b-?hcg|upt|pregnancy test)"
RESULT = re.compile(rf"\b{_TEST}\W+((was|is|in clinic|today|result)\W+){{0,3}}(?P<after>positive|negative|pos|neg)\b|"
                    rf"\b(?P<before>positive|negative)\s+{_TEST}\b", re.IGNORECASE)
_CODES = {"pos": "Z32.01", "neg": "Z32.02"}
_TEST_WORDS = _rx(r"pregnancy test")


@needs(codes=(_UNKNOWN,))
def pregnancy_test_result(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    visit = next((s for s in suggestions if s.code == _UNKNOWN and s.context == "affirmed"), None)
    result = next((m for m in RESULT.finditer(note) if not negated_before(note, m.start())), None)
    if visit is None or result is None:
        return suggestions, []
    code = _CODES[(result.group("after") or result.group("before")).lower()[:3]]
    reason = f"{visit.evidence}, {result.group(0)}: {code}, the pregnancy test's result"
    tests = [m.span() for m in _TEST_WORDS.finditer(note)]
    out = [as_sibling(s, code, tabular, NAME, reason) if s is visit else s for s in suggestions
           if not (s.code == "Z33.1" and any(start <= s.start < end for start, end in tests))]
    return out, [reason]
