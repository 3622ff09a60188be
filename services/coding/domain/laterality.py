"""Laterality: the side the note states picks the right, left or bilateral code (ICD-10-CM guidelines I.B.13),
and a note that states no side keeps the unspecified-side code with a warning, never a guessed side.

The sided codes are the unspecified code's siblings in the tabular whose descriptions differ from it only by the
side and by words the sentence itself documents ("Cellulitis of unspecified part of limb" -> "Cellulitis of left
lower limb" when the note says "left leg"). Right and left both named is bilateral; where the classification
has no bilateral code, the right and the left codes are both assigned. A sentence that names no side takes the
note's side field ("Side: left foot."), where a template states it once, apart from the diagnosis; where the
note states a side only in another sentence, the unspecified-side code goes to a coder (0.70).
"""
import re
from functools import lru_cache

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_terms import SIDE_UNSPECIFIED, UNDER_SPECIFIED_CONFIDENCE, words
from services.coding.domain.note_text import sentence
from services.coding.domain.site_side import sentences_naming_the_site, spelled
from services.coding.domain.suggestions import RULE_CONFIDENCE, SIDE_UNSTATED, Suggestion

NAME = "laterality"
UNSTATED = SIDE_UNSTATED
SIDE_WORDS = frozenset({"right", "left", "bilateral"})
# words a sided description drops from the unspecified one
_DROPPED = frozenset({"unspecified", "unilateral", "part", "side"})
# "Otitis media, unspecified, bilateral" drops the organ "unspecified ear" names: bilateral stands for both ears
_BILATERAL_DROPPED = _DROPPED | {"ear", "eye"}
# what notes say for the tabular's body regions
_REGIONS = {"leg": ("lower", "limb"), "thigh": ("lower", "limb"), "calf": ("lower", "limb"),
            "shin": ("lower", "limb"), "knee": ("lower", "limb"), "foot": ("lower", "limb"),
            "arm": ("upper", "limb"), "forearm": ("upper", "limb"), "hand": ("upper", "limb"),
            "wrist": ("upper", "limb"), "elbow": ("upper", "limb"), "finger": ("upper", "limb")}
_BOTH = re.compile(r"\b(bilateral|bilaterally|both)\b", re.IGNORECASE)
_RIGHT = re.compile(r"\bright\b", re.IGNORECASE)
_LEFT = re.compile(r"\bleft\b", re.IGNORECASE)


def stated_side(text: str) -> str | None:
    """right, left or bilateral as the text states it; None when it names no side."""
    right, left = bool(_RIGHT.search(text)), bool(_LEFT.search(text))
    if _BOTH.search(text) or (right and left):
        return "bilateral"
    return "right" if right else "left" if left else None


def written_side(text: str) -> str | None:
    """`stated_side` with the short sides notes write spelled out ("R knee", "lt hip")."""
    return stated_side(spelled(text))


def _candidates(code: str) -> list[str]:
    """Codes near `code` in the tabular: its siblings and cousins one or two characters down."""
    prefixes = {code[:4]} | {code[:i] for i in range(5, len(code))}
    digits = "0123456789"
    return sorted({p + tail for p in prefixes for tail in ["", *digits, *(a + b for a in digits for b in digits)]}
                  - {code})


@lru_cache(maxsize=1024)
def _candidate_words(code: str, tabular) -> tuple[frozenset[str], tuple[tuple[str, frozenset[str]], ...]]:
    """The code's description words, and each codable candidate's: the same for every note, read once per code
    (a few hundred candidates per code)."""
    own = frozenset(words(tabular.description(code)))
    # a code lacking only its 7th character is sided before it is completed
    return own, tuple((candidate, frozenset(words(tabular.description(candidate)))) for candidate in _candidates(code)
                      if tabular.is_billable(candidate) or tabular.seventh_characters(candidate))


def sided_codes(code: str, side: str, text: str, tabular) -> list[str]:
    """The billable codes for `side` that differ from `code` only by the side and words `text` documents."""
    own, candidates = _candidate_words(code, tabular)
    documented = set(words(text)) | {w for word in words(text) for w in _REGIONS.get(word, ())}
    found = []
    for candidate, theirs in candidates:
        added, dropped = theirs - own, own - theirs
        if side in added and dropped <= (_BILATERAL_DROPPED if side == "bilateral" else _DROPPED) \
                and (added - SIDE_WORDS) <= documented:
            found.append(candidate)
    return found


def side_unspecified(code: str, tabular) -> bool:
    """The tabular describes the code as of an unspecified side: the codes this rule reads."""
    return SIDE_UNSPECIFIED.search(tabular.description(code)) is not None


@needs(coded_as=side_unspecified)
def laterality(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons, one_side, bilateral = [], [], [], {}
    for s in suggestions:
        if not side_unspecified(s.code, tabular):
            out.append(s)
            continue
        made, reason = _sided(s, note, tabular)
        out += made
        reasons.append(reason)
        if len(made) == 1 and made[0].code != s.code:
            side = _sentence_and_side(note, s)[1]
            if side == "bilateral":
                bilateral[s.code] = made[0].code
            else:
                one_side.append((s.code, made[0]))
    # "bilateral carpal tunnel syndrome, R worse than L ... R release scheduled": the bilateral code covers the
    # side a second mention names
    covered = [made for unspecified, made in one_side if unspecified in bilateral]
    reasons += [f"{made.code}: {bilateral[unspecified]}, bilateral, stands for both sides"
                for unspecified, made in one_side if unspecified in bilateral]
    return [s for s in out if not any(s is made for made in covered)], reasons


# a template's field for the side ("Side: left foot.", "Laterality: R"), away from the diagnosis it belongs to
_SIDE_FIELD = re.compile(r"\b(side|laterality)\s*[:=]\s*([^.;\n]*)", re.IGNORECASE)


def side_field(note: str) -> str | None:
    """The text of the note's side field, where it has fields that all state the same one side; the side of a
    note with two fields that disagree (an injury of each hand) is no field's."""
    fields = [m.group(2) for m in _SIDE_FIELD.finditer(note)]
    sides = {stated_side(text) for text in fields}
    return fields[0] if len(sides) == 1 and None not in sides else None


# the side written right before the mention, with no comma, semicolon or "and" between: "R knee pain"
_SIDE_BEFORE = re.compile(r"\b(right|left)\s+((?!and\b)[\w/-]+\s+){0,2}$", re.IGNORECASE)
_SIDE_OPENING = re.compile(r"(right|left)\b(?![^.;]*\b(right|left|and)\b)", re.IGNORECASE)  # "R wrist sprain"


# the side written right after the mention as its entry's qualifier, the entry's punctuation or end after it:
# "CTS R - night splint", "Carpal tunnel syndrome, L.", not "CTS, R hand numbness" (the hand's side) nor "r/o"
_SIDE_AFTER = re.compile(r",?[ \t]*(right|left|rt|lt|r|l)\b(?=[ \t]*(?:[-\u2013\u2014,;:.]|$))",
                         re.IGNORECASE | re.MULTILINE)
_SIDE_AFTER_SPELLED = {"rt": "right", "r": "right", "lt": "left", "l": "left"}


def _sentence_and_side(note: str, s: Suggestion) -> tuple[str, str | None]:
    """The sentence and the side it states for the mention. A side written right after the mention, closing its
    entry's name, is the mention's own. A sentence naming right and left ("R knee pain and L shoulder pain") is not
    bilateral for a mention its own side word stands right before: that side is the mention's, and the sentence
    read from that word on."""
    text = sentence(note, s.start, s.end)
    if (written := _SIDE_AFTER.match(note, s.end)) is not None:
        word = written.group(1).lower()
        return text, _SIDE_AFTER_SPELLED.get(word, word)
    side = stated_side(text)
    if side == "bilateral" and not _BOTH.search(text):
        own = _SIDE_OPENING.match(note, s.start, s.end) or _SIDE_BEFORE.search(note, max(0, s.start - 40), s.start)
        if own is not None:
            return note[own.start():s.end], own.group(1).lower()
    return text, side


def _side_of_the_site(note: str, s: Suggestion) -> str | None:
    """The sentence stating the side of the mention's site elsewhere, where all that state one agree."""
    naming = [text for text in sentences_naming_the_site(note, s.description, s.code) if stated_side(text)]
    sides = {stated_side(text) for text in naming}
    return naming[0] if len(sides) == 1 and "bilateral" not in sides else None


def _sided(s: Suggestion, note: str, tabular) -> tuple[list[Suggestion], str]:
    text, side = _sentence_and_side(note, s)
    if side is None and (field := side_field(note)) is not None:
        text, side = f"{text} {field}", stated_side(field)
    if side is None and (same_site := _side_of_the_site(note, s)) is not None:
        text, side = f"{text} {same_site}", stated_side(same_site)
    if side is None and (elsewhere := stated_side(note)) is not None:
        # a side in another sentence may be this condition's ("R shoulder pain x 4 mo. MRI: supraspinatus tear"):
        # the unspecified side is then a guess too, for a coder
        reason = (f"{s.code}: its sentence states no side, the note states {elsewhere} elsewhere; a coder decides "
                  f"which side (query the provider)")
        return [s.model_copy(update={"convention": UNSTATED, "reason": reason,
                                     "confidence": min(s.confidence, UNDER_SPECIFIED_CONFIDENCE)})], reason
    if side is None:
        reason = f"{s.code}: the note does not state the side; the unspecified-side code stands (query the provider)"
        return [s.model_copy(update={"convention": UNSTATED, "reason": reason})], reason
    codes = sided_codes(s.code, side, text, tabular)
    if not codes and side == "bilateral":
        codes = [c for one_side in ("right", "left") for c in sided_codes(s.code, one_side, text, tabular)[:1]]
        codes = codes if len(codes) == 2 else []
    if not codes or (len(codes) > 1 and side != "bilateral"):
        reason = f"{s.code}: the note states {side} but no single {side} code fits its words; a coder chooses"
        return [s.model_copy(update={"convention": NAME, "reason": reason})], reason
    confidence = RULE_CONFIDENCE if s.confidence >= UNDER_SPECIFIED_CONFIDENCE else s.confidence
    reason = f"{side} as the note states: {' '.join(codes)} rather than {s.code}"
    return [s.model_copy(update={"code": code, "description": tabular.description(code), "confidence": confidence,
                                 "convention": NAME, "reason": reason}) for code in codes], reason
