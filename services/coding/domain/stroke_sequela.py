"""Sequelae of cerebrovascular disease (ICD-10-CM guidelines I.C.9.d): a deficit the note attributes to a past
stroke ("dysphagia as a late effect of cerebral infarction", "aphasia following her stroke") is I69.3- for the
deficit, with the deficit's own code kept as the additional code the tabular asks for (I69.391 "use additional
code to identify the type of dysphagia"). The infarction itself is not current (the context rules skip it).

Only the deficits below, each one code in I69.3-, are completed here, from the code the index found or from the
deficit's own words where the index has none ("expressive aphasia"). Hemiplegia/hemiparesis is I69.35- by the
side affected and whether it is the dominant one (guideline I.C.6.a: the handedness the note states; else
ambidextrous is dominant, a right side affected is dominant, a left side non-dominant); monoplegia is for a coder.
The same deficits after a nontraumatic intracerebral or subarachnoid hemorrhage are I69.1- and I69.0-, the
category by the kind of stroke with the deficit's characters unchanged (the tabular builds all three alike); a
"hemorrhagic stroke" is, by the index ("Stroke, hemorrhagic - see Hemorrhage, intracranial, intracerebral"), an
intracerebral one. The stroke's words may carry its side, territory and type ("after her left MCA ischemic stroke").
A depression the note says the stroke caused is I69.398 ("other sequelae"), the depression's own code beside it.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.dysphagia_phase import PHASED_DYSPHAGIA, phase_code
from services.coding.domain.neurology_findings import denied_just_before
from services.coding.domain.note_context import NOT_STATED_RULES, UNCHECKED_BOX, clause, mention_scope
from services.coding.domain.section_headings import section_of
from services.coding.domain.note_text import (FAMILY, HYPOTHETICAL, NEGATION, QUALIFIED_NOT_CURRENT_AFTER, after,
                                               before, sentence, sentence_start, uncertain)
from services.coding.domain.pattern_literals import may_match, required_literals
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "stroke-sequela"
_STROKE_PAST = re.compile(r"\b(late effects? of|sequelae? of|residual (deficits? )?(of|from)|following|after|"
                          r"due to (a |an |her |his )?(old |prior |previous |remote )?|from (a |an |her |his )?"
                          r"(old |prior |previous |remote )?|since (a |an |her |his )?|post-?)"
                          r"\s*((?!hemorrhagic\b|haemorrhagic\b)\w+ ){0,5}"
                          r"(cerebral infarction|cerebrovascular accident|stroke|cva|"
                          r"(mca|aca|pca|cerebral|lacunar|thalamic|pontine|cerebellar|brain|territory) "
                          r"infarct(ion)?)\b",
                          re.IGNORECASE)
# a bleed named as the stroke: "after a right basal ganglia intracerebral hemorrhage" (its site between), not a
# traumatic one (an injury's sequela, S06)
_BLEED_PAST = re.compile(r"\b(late effects? of|sequelae? of|residual (deficits? )?(of|from)|following|after|from|since)"
                         r"\s+(a |an |her |his |the )?(old |prior |previous |remote )?((?!traumatic\b)\w+ ){0,3}?"
                         r"((non-?traumatic )?(intracerebral|intraparenchymal|subarachnoid) "
                         r"(hemorrhage|haemorrhage|bleed)|(hemorrhagic|haemorrhagic) (stroke|cva)|"
                         r"ich|sah)\b", re.IGNORECASE)
_BLEED_NAMED = re.compile(r"hemorrhag|haemorrhag|bleed|\bich\b|\bsah\b", re.IGNORECASE)  # searched first: cheaper
_SUBARACHNOID = re.compile(r"\b(subarachnoid|sah)\b", re.IGNORECASE)
_STROKE_WORDS = r"\b(cerebral infarction|cerebrovascular accident|stroke|cva|infarct(ion)?)\b"
# the deficit written after the stroke: "ischemic stroke 2022 with residual R hemiparesis", "Cerebral infarction, L
# MCA territory (06/2026), with residual ..." (its territory and date between: 50 characters once "L" is written out),
# or set after a comma as the stroke's own list item ("L MCA stroke 3 mo ago, residual R hemiparesis")
_STROKE_WITH_RESIDUAL = re.compile(_STROKE_WORDS + r"[^.;\n]{0,50}?(\bwith|\bw/|,) ?"
                                   r"(residual|persistent|lasting|chronic)\b", re.IGNORECASE)
# a deficit the note says is gone is no sequela to code ("aphasia from that stroke has resolved")
_RESOLVED = re.compile(r"\b(resolved|recovered|cleared|gone|back to baseline)\b", re.IGNORECASE)
# "without residual deficits": the history code a coded sequela contradicts
_HISTORY_WITHOUT_RESIDUAL = "Z86.73"
# deficit code prefix -> the sequela code of cerebral infarction for it
DEFICITS = (("R13.1", "I69.391"), ("R29.810", "I69.392"), ("R27.0", "I69.393"), ("R47.01", "I69.320"),
            ("R47.1", "I69.322"), ("R47.02", "I69.321"), ("R41.840", "I69.310"), ("R41.3", "I69.311"))


# a deficit's words where the index finds no code for them
DEFICIT_WORDS = ((re.compile(r"\b((expressive|receptive|global|broca'?s?|wernicke'?s?|motor|sensory) )?aphasia\b",
                             re.IGNORECASE), "I69.320"),
                 (re.compile(r"\bdysarthria\b", re.IGNORECASE), "I69.322"),
                 (re.compile(r"\bmemory (deficit|impairment|loss)\b", re.IGNORECASE), "I69.311"),
                 (re.compile(r"\bfacial (droop|weakness)\b", re.IGNORECASE), "I69.392"),
                 (re.compile(r"\b((oral|oropharyngeal|pharyngeal|pharyngoesophageal)[- ]phase )?dysphagia\b",
                             re.IGNORECASE), "I69.391"))
# one side's weakness is hemiparesis ("left-sided weakness", "right arm and leg weakness")
_HEMIPARESIS = re.compile(r"\b((right|left) )?(hemiparesis|hemiplegia|hemiparetic|hemiplegic)\b|"
                          r"\b(right|left)[- ](sided?|arm and leg|leg and arm|body) weakness\b", re.IGNORECASE)
_HANDED = re.compile(r"\b(right|left|r|l)[- ]hand(ed|[- ]dominant)\b|\b(right|left|r|l) hand dominant\b|"
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


# a depression is a stroke's sequela (I69.398, "other sequelae", the depression's own code beside it) only where the
# note says the stroke caused it: a mood disorder may predate a stroke or merely follow it in time
_DEPRESSION = re.compile(r"\b(post-?stroke depression|depression|(major )?depressive disorder|mdd)\b", re.IGNORECASE)
_CAUSED = re.compile(r"\b(sequelae?|late effects?|attribut\w+|due to|caused by|result of)\b|post-?stroke depression",
                     re.IGNORECASE)
_OTHER_SEQUELA = "I69.398"
_SENTENCE_END = re.compile(r"[.\n]")


def caused_depression(note: str, stroke: re.Match) -> str | None:
    """The depression's words where the stroke's sentence, on past a ";" ("low mood since her stroke; neurology
    calls the depression a sequela of it"), says the stroke caused it."""
    end = _SENTENCE_END.search(note, stroke.end())
    text = note[sentence_start(note, stroke.start()):end.start() if end else len(note)]
    if not _CAUSED.search(text):
        return None
    return next((m.group(0) for m in _DEPRESSION.finditer(text) if _stated_deficit(text, m)), None)


def _deficits_in_words(text: str, note: str) -> list[tuple[str, str]]:
    """(sequela code, the deficit's words) named in the stroke's sentence."""
    found = [(code, m.group(0)) for words, code in DEFICIT_WORDS for m in words.finditer(text)
             if _stated_deficit(text, m)]
    sides = [(hemiparesis_code(m.group(0), text[m.end():m.end() + 20], note), m.group(0))
                    for m in _HEMIPARESIS.finditer(text)
                    if _stated_deficit(text, m)]
    # "left side weakness (hemiparesis)": the side its synonym gives
    sided = any(code != _NO_SIDE for code, _ in sides)
    return found + [(code, words) for code, words in sides if code != _NO_SIDE or not sided]


_NO_SIDE = "I69.359"


def _stated_deficit(text: str, deficit: re.Match) -> bool:
    """The deficit is neither denied, resolved nor only supposed ("possible residual hemiparesis", "monitor for
    hemiplegia following the infarct")."""
    start, end = deficit.span()
    return not denied_just_before(text[:start]) and not _resolved(text, start, end) and not uncertain(text, start, end) \
        and not _anticipated(text, start, end)


def _anticipated(text: str, start: int, end: int) -> bool:
    """The deficit's own clause only watches or warns for it ("watch for aphasia after the stroke")."""
    clause_start, _ = clause(text, start, end)
    return bool(HYPOTHETICAL.search(text, clause_start, start))


def _resolved(text: str, start: int, end: int) -> bool:
    """The deficit's own clause says it is gone."""
    clause_start, clause_end = clause(text, start, end)
    return bool(_RESOLVED.search(text, clause_start, clause_end))


def _stroke_mentions(note: str) -> list[tuple[re.Match, str]]:
    """Each past stroke the note names, with the sentence whose deficits it left."""
    if not (may_match(_STROKE_NAMED_WORDS, note) or may_match(_BLEED_NAMED_WORDS, note)):
        return []  # every reading below needs a stroke's or a bleed's word: most notes name neither
    bleeds = _BLEED_PAST.finditer(note) if _BLEED_NAMED.search(note) else ()
    found = [*_STROKE_PAST.finditer(note), *_STROKE_WITH_RESIDUAL.finditer(note), *bleeds]
    return [*((m, sentence(note, m.start(), m.end())) for m in found), *_residual_next_sentence(note)]


_STROKE_NAMED = re.compile(_STROKE_WORDS, re.IGNORECASE)
_STROKE_NAMED_WORDS = required_literals(_STROKE_NAMED)
_BLEED_NAMED_WORDS = required_literals(_BLEED_NAMED)
_BETWEEN = 20  # the length of a sentence like "Right-handed." between the stroke and its residual deficit
_RESIDUAL_OPENING = re.compile(r"[.;\n]\s*(residual|persistent|lasting|remaining)\b(?! risk)", re.IGNORECASE)


def _residual_next_sentence(note: str) -> list[tuple[re.Match, str]]:
    """The deficit stated in the sentence after the stroke's: "... for L MCA ischemic stroke 6 wks ago. Residual R
    hemiparesis, R-handed" (the stroke's sentence names no deficit of its own)."""
    pairs = []
    for opening in _RESIDUAL_OPENING.finditer(note):
        # the stroke's sentence, or the one before it when a short one comes between ("... in June. Right-handed.")
        start = sentence_start(note, opening.start())
        if not _STROKE_NAMED.search(note, start, opening.start()) and opening.start() - start <= _BETWEEN:
            start = sentence_start(note, max(start - 1, 0))
        stroke = list(_STROKE_NAMED.finditer(note, start, opening.start()))
        if stroke:
            pairs.append((stroke[-1], sentence(note, opening.end() - 1, opening.end())))
    return pairs


def of_the_stroke(code: str, stroke: str) -> str:
    """The cerebral infarction's sequela code moved to the category of the stroke named: I69.0- after a
    subarachnoid, I69.1- after an intracerebral hemorrhage."""
    if _BLEED_PAST.search(stroke):
        return ("I69.0" if _SUBARACHNOID.search(stroke) else "I69.1") + code[len("I69.3"):]
    return code


_CAUSE_CODES = ("I63", "I60", "I61", "R58")  # the stroke named as the cause, read as a current one


@needs(codes=("I69",), patterns=(_STROKE_NAMED, _BLEED_NAMED))
def stroke_sequela(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    made, reasons = [], []
    for match, text in _stroke_mentions(note):
        # a stroke denied, a relative's or a spouse's ("Wife has R hemiparesis after a stroke"), or only supposed
        # ("r/o hemiparesis after stroke", "... stroke - unlikely"), or answered no on a form ("... affecting right
        # dominant side: No"), left unchecked on a form ("[ ] hemiparesis after stroke") or listed under a family
        # history's or past problems' heading
        if NEGATION.search(before(note, match.start())) or FAMILY.search(sentence(note, match.start(), match.end())) \
                or mention_scope(note, match.start(), match.end(), NOT_STATED_RULES) is not None \
                or uncertain(note, match.start(), match.end()) \
                or QUALIFIED_NOT_CURRENT_AFTER.match(after(note, match.end())) \
                or UNCHECKED_BOX.search(before(note, match.start())) or section_of(note, match.start()) is not None:
            continue
        for s in suggestions:
            code = next((of_the_stroke(seq, match.group(0)) for prefix, seq in DEFICITS if s.code.startswith(prefix)),
                        None)
            if code and s.context == "affirmed" and sentence(note, s.start, s.end) == text \
                    and not _resolved(note, s.start, s.end) \
                    and tabular.is_billable(code) and all(m.code != code for m in [*suggestions, *made]):
                reason = f"{s.evidence} as a sequela of cerebral infarction: {code}, {s.code} as its additional code"
                made.append(from_rule(code, match, tabular, NAME, reason))
                reasons.append(reason)
        depression = caused_depression(note, match)
        for code, words in [*_deficits_in_words(text, note), *([(_OTHER_SEQUELA, depression)] if depression else [])]:
            code = of_the_stroke(code, match.group(0))
            if tabular.is_billable(code) and all(m.code != code for m in [*suggestions, *made]):
                reason = f"{words} as a sequela of cerebral infarction: {code}"
                made.append(from_rule(code, match, tabular, NAME, reason))
                reasons.append(reason)
    # the infarction named as the cause is past: the acute I63 code is not coded beside its sequela
    # and a coded sequela means the stroke left a deficit: not Z86.73, "without residual deficits"
    # and one side's weakness read as hemiparesis is not also generalized weakness (R53.1)
    kept = [s for s in suggestions
            if not (s.code.startswith(_CAUSE_CODES) and any(m.start <= s.start < m.end for m in made))
            and not (made and s.code == _HISTORY_WITHOUT_RESIDUAL)
            and not (made and s.code == "R53.1" and _within_sided_weakness(note, s.start))]
    return dysphagia_type([*kept, *made], note, tabular, reasons)


_STROKE_DYSPHAGIA = re.compile(r"I69\.\d91$")
_DYSPHAGIA_TYPE = "R13.1"


def dysphagia_type(suggestions: list[Suggestion], note: str, tabular,
                   reasons: list[str]) -> tuple[list[Suggestion], list[str]]:
    """Beside a stroke's dysphagia (I69.-91) the type of dysphagia is its "use additional code", not a symptom
    for a coder to weigh: the R13.1- found is named as that partner, or the phase its sentence states is made."""
    sequelae = [s for s in suggestions if _STROKE_DYSPHAGIA.match(s.code) and s.context == "affirmed"]
    if not sequelae:
        return suggestions, reasons
    partner = next((s for s in suggestions if s.code.startswith(_DYSPHAGIA_TYPE) and s.context == "affirmed"), None)
    why = f"the type of dysphagia, the additional code {sequelae[0].code} asks for"
    if partner is not None:
        named = partner.model_copy(update={"convention": NAME, "reason": f"{partner.evidence}: {why}"})
        return [named if s is partner else s for s in suggestions], [*reasons, named.reason]
    for sequela in sequelae:
        phase = PHASED_DYSPHAGIA.search(sentence(note, sequela.start, sequela.end))
        if phase is None:
            continue
        start = sentence_start(note, sequela.start)
        match = PHASED_DYSPHAGIA.search(note, start)
        code, words = phase_code(match)
        if tabular.is_billable(code):
            reason = f"{words}: {code}, {why}"
            return [*suggestions, from_rule(code, match, tabular, NAME, reason)], [*reasons, reason]
    return suggestions, reasons


def _within_sided_weakness(note: str, position: int) -> bool:
    return any(m.start() <= position < m.end() for m in _HEMIPARESIS.finditer(note) if m.group(4))


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
