"""A suicide attempt or a self-harm dated to the past: personal history (Z91.51, Z91.52), not the injury itself.

"Suicide attempt by overdose 2020", "overdose attempt 2016 (remote)", "self-cutting at 17, none since": the event
is written with the time it happened, long before the visit, and no "history of" before it. That time makes it the
patient's history of suicidal behavior (Z91.51) or of nonsuicidal self-harm (Z91.52), which tells why the risk is
watched; the injury code of an attempt (T14.91XA, "Suicide attempt, initial encounter") is for the attempt's own
care and would code a years-old event as current. Not for an attempt denied ("no prior suicide attempts") or a
relative's, nor one written with a time of this visit's ("overdose attempt last night").
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import FAMILY, negated_before, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "self-harm-history"
# every wording below holds one of these: most notes hold none, and one search skips the rest
_EVENT_WORD = re.compile(r"attempt|self[- ]?(harm|cut|injur)|cutting", re.IGNORECASE)
_SUICIDAL = (r"(suicide|suicidal|overdose) attempts?|attempted (suicide|overdose)|"
             r"attempt(ed)? to (kill|hang|overdose) (her|him|them)sel(f|ves)")
_NONSUICIDAL = (r"self[- ](cutting|harm|harming|injury|injurious behaviou?r|inflicted (cuts|burns))|"
                r"cutting (her|him|them)sel(f|ves)|non-?suicidal self[- ]injury")
# the time it happened, within its clause: a year, years ago, an age or a time of life, "remote"
_PAST_TIME = (r"(19|20)\d\d|(\d+|a few|several|many|two|three|four|five|ten) (years?|yrs?) ago|"
              r"at (age )?\d{1,2}\b(?!\s*(am|pm|a\.m|p\.m|h\b|:|mg|%))|"
              r"as an? (teen|teenager|adolescent|child|young adult)|"
              r"in (his |her |their )?(teens|twenties|20s|college|high school)|\bremote\b")
_DATED = re.compile(r"^[^.;]{0,40}?(" + _PAST_TIME + r")", re.IGNORECASE)
# the time of this visit's own event: an attempt still under its first care
_RECENT = _rx(r"today|tonight|last night|yesterday|this (morning|week|month)|days? ago|hours? ago|admitted|"
              r"in the (ed|er)")
_EVENTS = ((_rx(_SUICIDAL), "Z91.51"), (_rx(_NONSUICIDAL), "Z91.52"))


def dated_self_harm(note: str) -> list[tuple[re.Match, str]]:
    """Each suicidal or self-harming event the note dates to the past, with its history code."""
    found = []
    for pattern, code in _EVENTS:
        for match in pattern.finditer(note):
            dated = _DATED.match(note[match.end():])
            if (dated and not _RECENT.search(dated.group(0)) and not negated_before(note, match.start())
                    and not FAMILY.search(sentence(note, match.start(), match.end()))):
                found.append((match, code))
    return found


@needs(patterns=(_EVENT_WORD,))
def self_harm_history(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if _EVENT_WORD.search(note) is None:
        return suggestions, []
    events = dated_self_harm(note)
    if not events:
        return suggestions, []
    spans = [(match.start(), match.end()) for match, _ in events]
    kept = [s for s in suggestions if not (s.code.startswith("T14.91")
                                            and any(start <= s.start < end for start, end in spans))]
    made, reasons = [], []
    for match, code in events:
        if any(s.code == code for s in kept + made) or not tabular.is_billable(code):
            continue
        reason = f"{match.group(0)}: dated to the past, {code}, personal history rather than the event's care"
        made.append(from_rule(code, match, tabular, NAME, reason, context="history"))
        reasons.append(reason)
    if len(kept) == len(suggestions) and not made:
        return suggestions, []
    return [*kept, *made], reasons
