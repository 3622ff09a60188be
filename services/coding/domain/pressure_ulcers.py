"""A pressure ulcer by its site, side and stage (L89), for `documented_findings` (which makes it only for a
current mention).

The tabular files a pressure ulcer under its site ("Pressure ulcer of sacral region", "of right heel") and its
stage in the sixth character (1-4 the stages, 0 unstageable, 6 a pressure-induced deep tissue damage, 9 the stage
not stated), and the index reads "pressure injury", "decubitus" and "bed sore" as the same ulcer ("Ulcer,
pressure"). Notes write the stage before or after the words and the site as an adjective ("sacral", "gluteal"):
the stage and the site are read near the words, within their clause. A clause naming two sites (two ulcers, or a
contiguous one) is left to a coder, as is a site the tabular does not list apart.
"""
import re

from services.coding.domain.note_text import word_pattern as _word

PRESSURE_ULCER_WORDS = _word(r"pressure (ulcers?|injur(y|ies)|sores?)|decubitus( ulcers?)?|bed ?sores?")

_STAGES = tuple((re.compile(words, re.IGNORECASE), digit) for words, digit in (
    (r"\bstage\s*(1|i)\b", "1"), (r"\bstage\s*(2|ii)\b", "2"), (r"\bstage\s*(3|iii)\b", "3"),
    (r"\bstage\s*(4|iv)\b", "4"), (r"\bunstage?able\b", "0"),
    (r"\bdeep tissue (pressure )?(injury|damage)|\bdti\b", "6")))
# (site words, the category's code before the side, whether the tabular sides it)
_SITES = ((_word(r"sacral|sacrum|sacrococcygeal|coccyx|coccygeal"), "L89.15", False),
          (_word(r"heels?"), "L89.6", True),
          (_word(r"buttocks?|gluteal|ischial|ischium"), "L89.3", True),
          (_word(r"hips?|(greater )?trochanter(ic)?"), "L89.2", True),
          (_word(r"ankles?|malleol(us|ar)"), "L89.5", True),
          (_word(r"elbows?"), "L89.0", True))
_RIGHT = re.compile(r"\b(right|rt)\b|\bR\b(?!\s*\d)", re.IGNORECASE)
_LEFT = re.compile(r"\b(left|lt)\b|\bL\b(?!\s*\d)", re.IGNORECASE)
_BOTH = _word(r"both|bilateral|bilaterally")
_BEFORE, _AFTER = 30, 60


def _clause_window(note: str, start: int, end: int) -> str:
    """The words near the mention, within its clause: a stage or site of another condition in the sentence
    ("CKD stage 3; sacral pressure ulcer") is not the ulcer's."""
    left = max(note.rfind(mark, 0, start) for mark in ".;\n")
    right = min((i for i in (note.find(mark, end) for mark in ".;\n") if i != -1), default=len(note))
    return note[max(left + 1, start - _BEFORE):min(right, end + _AFTER)]


def _stage(window: str) -> str | None:
    stages = {digit for words, digit in _STAGES if words.search(window)}
    if len(stages) > 1:
        return None  # two stages: two ulcers, or a stage and its progression
    return next(iter(stages), "9")


def pressure_ulcer(match: re.Match, note: str) -> tuple[str, str] | None:
    window = _clause_window(note, match.start(), match.end())
    sites = [(code, sided) for words, code, sided in _SITES if words.search(window)]
    stage = _stage(window)
    if len(sites) != 1 or stage is None:
        return None
    code, sided = sites[0]
    if sided:
        right, left = bool(_RIGHT.search(window)), bool(_LEFT.search(window))
        if (right and left) or _BOTH.search(window):
            return None  # both sides: two ulcers
        code += "1" if right else "2" if left else "0"
    stated = {"0": "unstageable", "6": "deep tissue damage", "9": "stage unspecified"}.get(stage, "stage " + stage)
    return code + stage, f"pressure ulcer by its site and side, {stated}"


# (words, code families the term index may have found on them, resolve(match, note) -> (code, why) or None)
PRESSURE_ULCER_FINDINGS = ((PRESSURE_ULCER_WORDS, ("L89", "L97", "L98", "T14", "S"), pressure_ulcer),)
