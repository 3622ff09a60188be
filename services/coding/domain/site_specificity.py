"""Site: a code the index reaches as "..., unspecified site" takes the code for the site (and side) the sentence
documents, as the tabular spells it ("Other chondrocalcinosis, unspecified site" M11.20 -> "Other
chondrocalcinosis, left knee" M11.262 for "chondrocalcinosis (pseudogout), left knee"; guideline I.B.2: code to the
highest specificity the documentation supports; the unspecified site is for a note that names none).

The candidates are the codes of the same subcategory whose description is the unspecified one with the site in
place of "unspecified site", every word of which (side included) the sentence holds. One candidate, or one naming
more of the sentence's words than any other, replaces the code; several equal ones leave it for a coder. A 7th
character the code already carries is kept where the sentence states its encounter ("..., initial encounter":
"M80.00XA" -> "M80.08XA"); one the index gave the code without such words is a guess, so the site's code goes
without it and the 7th-character rule reads the encounter the note states, or holds the code for a coder.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import sentence
from services.coding.domain.suggestions import Suggestion

NAME = "site"
_UNSPECIFIED_SITE = re.compile(r",? unspecified site\b", re.IGNORECASE)
_NOT_A_SITE = re.compile(r"\b(unspecified|other|multiple)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")
# what the tabular writes -> what notes write for it
_SPELLINGS = {"vertebra": ("vertebra", "vertebrae", "vertebral", "spine", "spinal"), "vertebrae": ("vertebra",),
              "forearm": ("forearm", "radius", "radial", "ulna", "ulnar")}
# a 7th character's meaning as a sentence states it: "initial encounter" for "initial encounter for fracture"
_FOR_FRACTURE = re.compile(r" for (closed |open )?fracture\b.*$")
_DIGITS = "0123456789"


def _site_words(site: str) -> list[str]:
    return [w for w in _WORD.findall(site.lower().replace("(e)", "")) if w not in ("and", "of", "the")]


def _documented(word: str, text: str) -> bool:
    return any(re.search(rf"\b{spelling}s?\b", text, re.IGNORECASE) for spelling in _SPELLINGS.get(word, (word,)))


def _base(code: str, tabular) -> tuple[str, str]:
    """(the code without its 7th character and placeholders, the 7th character or "")."""
    compact = code.replace(".", "")
    if len(compact) == 7 and tabular.is_billable(code):
        return code[:-1].rstrip("X"), code[-1]
    return code, ""


def _full(base: str, seventh: str) -> str:
    return base.ljust(7, "X") + seventh if seventh else base


def _stated_character(base: str, seventh: str, text: str, tabular) -> str:
    """The 7th character if `text` states its encounter, else "" (the index's guess, left to the 7th-character rule)."""
    meaning = tabular.seventh_characters(base).get(seventh, ("", ""))[1].lower()
    return seventh if meaning and _FOR_FRACTURE.sub("", meaning) in text.lower() else ""


def site_codes(code: str, text: str, tabular) -> list[str]:
    """The codes for the site `text` documents, most specific first; [] when none or several equal ones fit."""
    base, seventh = _base(code, tabular)
    seventh = seventh and _stated_character(base, seventh, text, tabular)
    stem = _UNSPECIFIED_SITE.split(tabular.description(base))[0]
    fitting = []
    for tail in [*_DIGITS, *(a + b for a in _DIGITS for b in _DIGITS)]:
        candidate = base[:5] + tail
        full = _full(candidate, seventh)
        if candidate == base or not (tabular.is_billable(full) or (not seventh and tabular.seventh_characters(full))):
            continue
        description = tabular.description(candidate)
        if not description.startswith(stem + ", "):
            continue
        site = description[len(stem) + 2:]
        words = _site_words(site)
        if words and not _NOT_A_SITE.search(site) and all(_documented(w, text) for w in words):
            fitting.append((len(words), full))
    fitting.sort(reverse=True)
    if not fitting or (len(fitting) > 1 and fitting[0][0] == fitting[1][0]):
        return []
    return [fitting[0][1]]


def unspecified_site(code: str, tabular) -> bool:
    """The code (its 7th character aside) is a subcategory's "..., unspecified site": the codes this rule reads."""
    base, _ = _base(code, tabular)
    return "." in base and _UNSPECIFIED_SITE.search(tabular.description(base)) is not None


@needs(coded_as=unspecified_site)
def site_specificity(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons = [], []
    for s in suggestions:
        if s.context != "affirmed" or not unspecified_site(s.code, tabular):
            out.append(s)
            continue
        codes = site_codes(s.code, sentence(note, s.start, s.end), tabular)
        if not codes:
            out.append(s)
            continue
        reason = f"the site the note states: {codes[0]} rather than {s.code} (unspecified site)"
        out.append(s.model_copy(update={"code": codes[0], "description": tabular.description(codes[0]),
                                        "convention": NAME, "reason": reason}))
        reasons.append(reason)
    return out, reasons
