"""Contraceptive management the visit gives (Z30.-, the index's "Contraception, contraceptive"): the pill kept on
and refilled is its surveillance (Z30.41); counselling on contraception with no method prescribed at the visit is
general counselling (Z30.09). A pill the patient is only said to be on, with nothing the visit does about it, is
long-term use of a hormonal contraceptive (Z79.3, made by the method reading that owns it), not its surveillance.

The pill's names are the method reading's. A pill named only as "OCP" may be given for acne or a polycystic ovary
syndrome, so the surveillance needs its sentence to name contraception or birth control; a pill started, stopped or
declined is not its surveillance.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.contraceptive_methods import PILL_NAMES, PREVENTS_PREGNANCY, long_term_use
from services.coding.domain.note_text import negated_before, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.pattern_literals import may_match, required_literals
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "contraceptive-management"
_KEPT_ON = r"(continue[sd]?|continuing|stays? on|staying on|remains? on|to stay on|refill(ed|s)?|renew(ed|s)?|" \
           r"refilled for|on)"
PILL_SURVEILLANCE = re.compile(rf"\b{_KEPT_ON}\W+((her|the|current|same|his)\s+)?({PILL_NAMES})\b|"
                               rf"\b({PILL_NAMES})\W+(\w+\W+){{0,3}}?(refill(ed)?|renewed|continued)\b", re.IGNORECASE)
COUNSELLING = _rx(r"contracepti(ve|on) counsel+ing|counsel+ed (on|about|regarding) (contraception|contraceptive "
                  r"(options|methods)|birth control)|birth control counsel+ing|counsel+ing on (contraception|birth "
                  r"control)")
_REFUSED = _rx(r"declined|refused|deferred|next visit")
_NOT_TAKEN = _rx(r"declined|refused|stopp(ed|ing)|stop|discontinu\w*|off|quit|started|starting|start|initiat\w*|"
                 r"begin|new prescription|history of|previously|used to")
_PILL_WORDS, _COUNSELLING_WORDS = required_literals(PILL_SURVEILLANCE), required_literals(COUNSELLING)


@needs(patterns=(PILL_SURVEILLANCE, COUNSELLING))
def contraceptive_management(suggestions: list[Suggestion], note: str,
                             tabular) -> tuple[list[Suggestion], list[str]]:
    if not (may_match(_PILL_WORDS, note) or may_match(_COUNSELLING_WORDS, note)):
        return suggestions, []  # most notes never name contraception: no scan of them
    made = []
    pill = next((m for m in PILL_SURVEILLANCE.finditer(note) if _given(note, m)), None)
    if pill is not None and _only_taken(note, pill):
        made.append(long_term_use(pill, tabular))
    elif pill is not None:
        made.append(from_rule("Z30.41", pill, tabular, NAME,
                              f"{pill.group(0)}: Z30.41, surveillance of the contraceptive pill kept on"))
    counselled = next((m for m in COUNSELLING.finditer(note) if not negated_before(note, m.start())
                       and not _REFUSED.search(sentence(note, m.start(), m.end()))), None)
    if counselled is not None and pill is None and not any(s.code.startswith("Z30") for s in suggestions):
        made.append(from_rule("Z30.09", counselled, tabular, NAME,
                              f"{counselled.group(0)}: Z30.09, general counselling on contraception"))
    made = [m for m in made if tabular.is_billable(m.code) and m.code not in {s.code for s in suggestions}]
    return [*suggestions, *made], [m.reason for m in made]


# what the visit does with the pill: without one, "on oral contraceptives" is a drug she takes (Z79.3), not the
# visit's surveillance of it
_MANAGED = _rx(r"refill\w*|renew\w*|continue[sd]?|continuing|prescri\w*|rx|stay on|stays on|staying on|remains? on|"
               r"surveillance|check|counsel\w*|bp|blood pressure|contraception:")


def _only_taken(note: str, match: re.Match) -> bool:
    """The pill named only as what the patient is on ("on oral contraceptive pills long term")."""
    near = sentence(note, match.start(), match.end()) + note[match.end():match.end() + 40]
    return match.group(0).lower().startswith("on") and not _MANAGED.search(near)


def _given(note: str, match: re.Match) -> bool:
    """The pill named as contraception (an "OCP" may be for acne) and not denied, stopped or only started."""
    around = sentence(note, match.start(), match.end())
    return PREVENTS_PREGNANCY.search(around) is not None and not (negated_before(note, match.start())
                                                                   or _NOT_TAKEN.search(around))
