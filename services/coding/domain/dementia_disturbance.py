"""Dementia with a behavioural or psychological disturbance (FY2023+ F01-F03, guideline I.C.5.d): the tabular
codes the disturbance in the characters after the severity, and its inclusion terms name what each covers:
agitation (…11: restlessness, pacing, exit-seeking, shouting, anger, aggression, combativeness, violence), other
behavioural disturbance (…18: sleep disturbance, social or sexual disinhibition, and a "behavioral disturbance"
or "BPSD" of no stated kind), psychotic disturbance (…2: hallucinations, paranoia, suspiciousness, delusions), mood
disturbance (…3: depression, apathy, anhedonia) and anxiety (…4).

The "without" code an index term gives ("moderate dementia" F03.B0) is read on only where the dementia's own
clause says it is *with* the disturbance ("moderate dementia with agitation", "dementia, now with hallucinations
and paranoia"), or joins a behavioural or psychotic one to it by "and" ("severe dementia and paranoid delusions");
a disturbance written apart ("dementia; depression on sertraline") may be a diagnosis of its own,
and a coder decides. A carer's report right after the dementia is its disturbance too ("Alzheimer dementia; wife
reports agitation and pacing at dusk", "son says she gets combative"): what the family sees is how behavioural
disturbance is documented, and the provider writes it under the dementia. As with "and", only a behavioural or
psychotic one: a reported low mood may be a depression of its own. So is what the dementia's clause says the
patient becomes ("gets agitated and combative with care"). Two kinds named together are left to a coder too.
"""
import re

from services.coding.domain.note_terms import for_a_coder
from services.coding.domain.suggestions import Suggestion

NAME = "dementia-disturbance"
# the index's "without behavioral disturbance" default held for the note's extra words, which this reading resolves
_HELD_FOR_THE_UNSPECIFIED = "unspecified-from-index-entry"
RESOLVED_CONFIDENCE = 0.93  # as the dementia-in-disease reading's codes
# sixth-character suffix -> the words the tabular's inclusion terms and the index's "Dementia, with" entries use
KINDS = (("11", r"agitation|agitated|restlessness|restless|pacing|exit[- ]seeking|shouting|yelling|profanity|"
                r"threatening|anger|angry outbursts|aggression|aggressive( behaviou?r)?|combative(ness)?|"
                r"combative behaviou?r|violence|violent( behaviou?r)?"),
         ("18", r"sleep disturbance|(social |sexual )?disinhibition|(other )?behaviou?ral (disturbances?|symptoms)|"
                r"BPSD"),
         ("2", r"psychotic (disturbance|features|symptoms)|psychosis|(visual |auditory )?hallucinations|paranoia|"
               r"paranoid (ideation|delusions)|suspiciousness|delusions|delusional (state|thinking)"),
         ("3", r"mood disturbance|depression|depressed mood|depressive symptoms|apathy|anhedonia"),
         ("4", r"anxiety|anxious(ness)?"))
_ANY_KIND = "|".join(f"(?:{words})" for _, words in KINDS)
_KIND_WORDS = [(suffix, re.compile(rf"(?:{words})$", re.IGNORECASE)) for suffix, words in KINDS]
_QUALIFIER = r"(?:(?:new|worsening|increasing|increased|occasional|intermittent|frequent|some|marked|severe|mild|" \
             r"nighttime|night-?time|evening|sundowning|episodic|verbally|physically)\s+)?"
# "with" within a short stretch of the dementia's words (", moderate," "(severe)"), the kinds chained after it
_KINDS_CHAINED = (rf"{_QUALIFIER}(?P<kinds>(?:{_ANY_KIND})"
                  rf"(?:\s*(?:,|/|\band\b|\bor\b|\bplus\b)\s*(?:and\s+)?{_QUALIFIER}(?:{_ANY_KIND}))*)\b")
_WITH = re.compile(rf"^[^.;:\n]{{0,30}}?\b(?:now |also )?(?:with|w/)\s+{_KINDS_CHAINED}", re.IGNORECASE)
# "severe dementia and paranoid delusions": "and" right after the dementia's words joins a behavioural or psychotic
# disturbance to it; a mood or anxiety disorder so joined may be a diagnosis of its own ("dementia and depression")
_AND = re.compile(rf"^\s*,?\s*and\s+{_KINDS_CHAINED}", re.IGNORECASE)
_JOINED_BY_AND = ("11", "18", "2")
# a relative's or carer's report in the next sentence or two: "her son reports evening agitation", "wife says he
# becomes aggressive" (the kinds right after the verb, so "reports no agitation" is none)
_REPORTER = r"(?:daughter|son|wife|husband|spouse|partner|family|caregiver|carer|niece|nephew|staff)s?"
_REPORTED = re.compile(rf"^[^\n]{{0,120}}?\b{_REPORTER}\s+(?:reports?|reported|notes|describes|says)\s+(?:that\s+)?"
                       rf"(?:(?:he|she|the patient|pt)\s+(?:becomes|gets|is|has been|became|got)\s+)?{_KINDS_CHAINED}",
                       re.IGNORECASE)
# the dementia's own clause says the patient becomes so: "moderate dementia, gets agitated and combative with care"
_BECOMES = re.compile(rf"^[^.;:\n]{{0,40}}?\b(?:gets|becomes|became|is often|is frequently)\s+{_KINDS_CHAINED}",
                      re.IGNORECASE)
_WITHOUT = re.compile(r"\b(without|no|denies|w/o)\b", re.IGNORECASE)
_KIND_SPLIT = re.compile(r"\s*(?:,|/|\band\b|\bor\b|\bplus\b)\s*(?:and\s+)?", re.IGNORECASE)
_QUALIFIER_RX = re.compile(rf"^{_QUALIFIER}", re.IGNORECASE)
_CATEGORIES = ("F01", "F03")  # F02 is made from F03 by `dementia_in_disease`, run after this


def disturbance_suffix(after_dementia: str) -> tuple[str | None, tuple[int, int]]:
    """The disturbance characters for the text right after a dementia's words, if it names one kind "with" it or
    a carer reports one ("" for more than one), and the span of the disturbance's words in that text."""
    with_kinds = (_WITH.match(after_dementia) or _AND.match(after_dementia) or _REPORTED.match(after_dementia)
                  or _BECOMES.match(after_dementia))
    if with_kinds is None or _WITHOUT.search(after_dementia, 0, with_kinds.start("kinds")):
        return None, (0, 0)
    kinds = set()
    for phrase in _KIND_SPLIT.split(with_kinds.group("kinds")):
        phrase = _QUALIFIER_RX.sub("", phrase.strip())
        kinds |= {suffix for suffix, words in _KIND_WORDS if words.fullmatch(phrase)}
    if with_kinds.re is not _WITH and not kinds <= set(_JOINED_BY_AND):
        return None, (0, 0)
    return (kinds.pop() if len(kinds) == 1 else ("" if kinds else None)), with_kinds.span("kinds")


def with_disturbance(code: str, suffix: str) -> str:
    """"F03.B0" with "11" -> "F03.B11"; "F01.50" with "2" -> "F01.52"; "F02.80" with "18" -> "F02.818"."""
    return code[:len("F03.B")] + suffix


def dementia_disturbance(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons, parts = [], [], []
    for s in suggestions:
        if s.context != "affirmed" or not s.code.startswith(_CATEGORIES) or not s.code.endswith("0"):
            out.append(s)
            continue
        suffix, (start, end) = disturbance_suffix(note[s.end:s.end + 160])
        if suffix:
            parts.append((s.end + start, s.end + end))
        if suffix is None:
            out.append(s)
            continue
        if suffix == "":
            reason = f"{s.evidence} with more than one kind of disturbance: {s.code[:5]}- by kind, for a coder"
            out.append(for_a_coder(s, NAME, reason))
            reasons.append(reason)
            continue
        code = with_disturbance(s.code, suffix)
        if not tabular.is_billable(code):
            out.append(s)
            continue
        reason = f"{s.evidence} with the disturbance its clause names: {code} rather than {s.code}"
        confidence = max(s.confidence, RESOLVED_CONFIDENCE) if s.convention == _HELD_FOR_THE_UNSPECIFIED \
            else s.confidence
        out.append(s.model_copy(update={"code": code, "description": tabular.description(code),
                                        "confidence": confidence, "convention": NAME, "reason": reason}))
        reasons.append(reason)
    if not parts:
        return out, reasons
    # the disturbance is the dementia code's own character: "with paranoia" is not also a delusional disorder
    # (F22) nor "with anxiety" an anxiety disorder (guideline I.B.5, a sign integral to the diagnosis)
    return [s for s in out if s.code.startswith(_CATEGORIES + ("F02",))
            or not any(start <= s.start < end for start, end in parts)], reasons
