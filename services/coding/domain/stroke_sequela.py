"""Sequelae of cerebrovascular disease (ICD-10-CM guidelines I.C.9.d): a deficit the note attributes to a past
stroke ("dysphagia as a late effect of cerebral infarction", "aphasia following her stroke") is I69.3- for the
deficit, with the deficit's own code kept as the additional code the tabular asks for (I69.391 "use additional
code to identify the type of dysphagia"). The infarction itself is not current (the context rules skip it).

Only the deficits below, each one code in I69.3-, are completed here, from the code the index found or from the
deficit's own words where the index has none ("expressive aphasia"). Hemiplegia/hemiparesis is I69.35- by the
side affected and whether it is the dominant one (guideline I.C.6.a: the handedness the note states; else
ambidextrous is dominant, a right side affected is dominant, a left side non-dominant); monoplegia is for a coder.
"""
import re

from services.coding.domain.neurology_findings import denied_just_before
from services.coding.domain.note_context import clause
from services.coding.domain.note_text import FAMILY, NEGATION, before, sentence, sentence_start
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "stroke-sequela"
_STROKE_PAST = re.compile(r"\b(late effects? of|sequelae? of|residual (deficits? )?(of|from)|following|after|"
                          r"due to (a |an |her |his )?(old |prior |previous |remote )?|from (a |an |her |his )?"
                          r"(old |prior |previous |remote )?|since (a |an |her |his )?|post-?)"
                          r"\s*(\w+ ){0,2}(cerebral infarction|cerebrovascular accident|stroke|cva|"
                          r"(mca|aca|pca|cerebral|lacunar|thalamic|pontine|cerebellar|brain) infarct(ion)?)\b",
                          re.IGNORECASE)
_STROKE_WORDS = r"\b(cerebral infarction|cerebrovascular accident|stroke|cva|infarct(ion)?)\b"
# the deficit written after the stroke: "ischemic stroke 2022 with residual R hemiparesis", "Cerebral infarction, L
# MCA territory (06/2026), with residual ..." (its territory and date between: 50 characters once "L" is written out)
_STROKE_WITH_RESIDUAL = re.compile(_STROKE_WORDS + r"[^.;\n]{0,50}?(\bwith|\bw/) ?"
                                   r"(residual|persistent|lasting|chronic)\b", re.IGNORECASE)
# a deficit the note says is gone is no sequela to code ("aphasia from that stroke has resolved")
_RESOLVED = re.compile(r"\b(resolved|recovered|cleared|gone|back to baseline)\b", re.IGNORECASE)
# "without residual deficits": the history code a coded sequela contradicts
_HISTORY_WITHOUT_RESIDUAL = "Z86.73"
# deficit code prefix -> the sequela code of cerebral infarction for it
DEFICITS = (("R13.1", "I69.391"), ("R29.810", "I69.392"), ("R27.0", "I69.393"), ("R47.01", "I69.320"),
            ("R47.1", "I69.322"), ("R47.02", "I69.321"), ("R41.840", "I69.310"))


# a deficit's words where the index finds no code for them
DEFICIT_WORDS = ((re.compile(r"\b((expressive|receptive|global|broca'?s?|wernicke'?s?|motor|sensory) )?aphasia\b",
                             re.IGNORECASE), "I69.320"),
                 (re.compile(r"\bdysarthria\b", re.IGNORECASE), "I69.322"))
_HEMIPARESIS = re.compile(r"\b((right|left) )?(hemiparesis|hemiplegia|hemiparetic|hemiplegic)\b", re.IGNORECASE)
_HANDED = re.compile(r"\b(right|left|r|l)[- ]hand(ed|-dominant)\b|\b(right|left|r|l) hand dominant\b|"
                     r"\bambidextrous\b", re.IGNORECASE)


def hemiparesis_code(words: str, after: str, note: str) -> str:
    """I69.351 right dominant, .352 left dominant, .353 right non-dominant, .354 left non-dominant, .359 no side."""
    side = re.search(r"\b(right|left)\b", words, re.IGNORECASE)
    if side is None:
        side = re.match(r"\W*(of|on|affecting)? ?(the )?(right|left)\b", after, re.IGNORECASE)
    if side is None:
        return "I69.359"
    affected = side.group(side.lastindex).lower()
    handed = _HANDED.search(note)
    if handed is None or handed.group(0).lower() == "ambidextrous":
        dominant = handed is not None or affected == "right"
    else:
        dominant = handed.group(0).lower()[0] == affected[0]
    return {("right", True): "I69.351", ("left", True): "I69.352", ("right", False): "I69.353",
            ("left", False): "I69.354"}[(affected, dominant)]


def _deficits_in_words(text: str, note: str) -> list[tuple[str, str]]:
    """(sequela code, the deficit's words) named in the stroke's sentence."""
    found = [(code, m.group(0)) for words, code in DEFICIT_WORDS for m in words.finditer(text)
             if not denied_just_before(text[:m.start()]) and not _resolved(text, m.start(), m.end())]
    return found + [(hemiparesis_code(m.group(0), text[m.end():m.end() + 20], note), m.group(0))
                    for m in _HEMIPARESIS.finditer(text)
                    if not denied_just_before(text[:m.start()]) and not _resolved(text, m.start(), m.end())]


def _resolved(text: str, start: int, end: int) -> bool:
    """The deficit's own clause says it is gone."""
    clause_start, clause_end = clause(text, start, end)
    return bool(_RESOLVED.search(text, clause_start, clause_end))


def _stroke_mentions(note: str) -> list[tuple[re.Match, str]]:
    """Each past stroke the note names, with the sentence whose deficits it left."""
    found = [*_STROKE_PAST.finditer(note), *_STROKE_WITH_RESIDUAL.finditer(note)]
    return [*((m, sentence(note, m.start(), m.end())) for m in found), *_residual_next_sentence(note)]


_STROKE_NAMED = re.compile(_STROKE_WORDS, re.IGNORECASE)
_RESIDUAL_OPENING = re.compile(r"[.;\n]\s*(residual|persistent|lasting|remaining)\b(?! risk)", re.IGNORECASE)


def _residual_next_sentence(note: str) -> list[tuple[re.Match, str]]:
    """The deficit stated in the sentence after the stroke's: "... for L MCA ischemic stroke 6 wks ago. Residual R
    hemiparesis, R-handed" (the stroke's sentence names no deficit of its own)."""
    pairs = []
    for opening in _RESIDUAL_OPENING.finditer(note):
        stroke = list(_STROKE_NAMED.finditer(note, sentence_start(note, opening.start()), opening.start()))
        if stroke:
            pairs.append((stroke[-1], sentence(note, opening.end() - 1, opening.end())))
    return pairs


def stroke_sequela(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    made, reasons = [], []
    for match, text in _stroke_mentions(note):
        if NEGATION.search(before(note, match.start())) or FAMILY.search(sentence(note, match.start(), match.end())):
            continue
        for s in suggestions:
            code = next((seq for prefix, seq in DEFICITS if s.code.startswith(prefix)), None)
            if code and s.context == "affirmed" and sentence(note, s.start, s.end) == text \
                    and not _resolved(note, s.start, s.end) \
                    and tabular.is_billable(code) and all(m.code != code for m in [*suggestions, *made]):
                reason = f"{s.evidence} as a sequela of cerebral infarction: {code}, {s.code} as its additional code"
                made.append(from_rule(code, match, tabular, NAME, reason))
                reasons.append(reason)
        for code, words in _deficits_in_words(text, note):
            if tabular.is_billable(code) and all(m.code != code for m in [*suggestions, *made]):
                reason = f"{words} as a sequela of cerebral infarction: {code}"
                made.append(from_rule(code, match, tabular, NAME, reason))
                reasons.append(reason)
    # the infarction named as the cause is past: the acute I63 code is not coded beside its sequela
    # and a coded sequela means the stroke left a deficit: not Z86.73, "without residual deficits"
    kept = [s for s in suggestions if not (s.code.startswith("I63") and any(m.start <= s.start < m.end for m in made))
            and not (made and s.code == _HISTORY_WITHOUT_RESIDUAL)]
    return [*kept, *made], reasons


PAST_EVENT = "past-cerebrovascular-event"
PAST_EVENT_CONFIDENCE = 0.9  # as the index's History entries the suggester codes for "h/o TIA"
_CEREBROVASCULAR_EVENTS = ("G45.9", "I63")  # a transient ischemic attack, a cerebral infarction
# dated weeks or more before the visit, right after its name: "TIA 3 wks ago", "stroke in 2019", "CVA 2022".
# Not days ("yesterday", "2 days ago"): the visit may still be its first evaluation, which a coder decides.
_DATED_BEFORE_VISIT = re.compile(r"[^.;\n(]{0,12}?\b(\d+\s*(wks?|weeks?|mos?|months?|yrs?|years?)\s+ago|"
                                 r"last (month|year)|in (19|20)\d\d|(19|20)\d\d)\b", re.IGNORECASE)


def past_cerebrovascular_event(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    """A TIA or cerebral infarction the note dates weeks or more before the visit is over: a TIA resolves within
    a day, and an infarction after its acute care is the history code Z86.73 (without residual deficits) or, with a
    deficit, its sequela (`stroke_sequela`, run after this, drops Z86.73 beside one), never the acute code
    (I.C.9.d)."""
    out, reasons = [], []
    for s in suggestions:
        dated = _DATED_BEFORE_VISIT.match(note, s.end) if s.code.startswith(_CEREBROVASCULAR_EVENTS) \
            and s.context == "affirmed" else None
        if dated is None or not tabular.is_billable(_HISTORY_WITHOUT_RESIDUAL):
            out.append(s)
            continue
        reason = f"{s.evidence}{dated.group(0)}: dated before the visit, {_HISTORY_WITHOUT_RESIDUAL} rather than {s.code}"
        reasons.append(reason)
        if all(o.code != _HISTORY_WITHOUT_RESIDUAL for o in [*suggestions, *out]):
            out.append(s.model_copy(update={
                "code": _HISTORY_WITHOUT_RESIDUAL, "description": tabular.description(_HISTORY_WITHOUT_RESIDUAL),
                "confidence": min(s.confidence, PAST_EVENT_CONFIDENCE), "context": "history",
                "convention": PAST_EVENT, "reason": reason}))
    return out, reasons
