"""A substance's use, abuse or dependence with a mental disorder the note says it induced: one combination code
(guideline I.C.5.b), F1x.x4 mood, .x80 anxiety, .x81 sexual dysfunction, .x82 sleep, .x27 (.x97) major
neurocognitive, .x5- psychotic. The term index meets only one half ("alcohol use disorder, severe" F10.20, "induced
psychotic disorder" F24, "anxiety disorder" F41.9), so the note's link was billed as the uncomplicated use disorder.

The link must be written: "<drug>-induced", "due to", "secondary to", or "with" before a disorder the index files
under the substance's own "with" entries (anxiety, mood, sleep, psychotic disorder, sexual dysfunction); "alcohol
use disorder with depression" stays two codes. The fourth character follows the tabular's inclusion terms (the
DSM-5 severities): dependence, or a moderate or severe use disorder, .2; abuse or a mild one, .1; use alone, .9; a
use disorder of no stated severity is for a coder, and one in remission keeps the index's code for
`substance_in_remission`.
"""
import re

from services.coding.domain.psychiatry_findings import SUBSTANCES
from services.coding.domain.note_text import sentence, word_pattern as _rx

_SUBSTANCE = "|".join(names for _, names in SUBSTANCES)
_SEVERITY = r"mild|moderate|severe"
_KIND = r"use disorder|dependence|abuse|use"
# the disorder's words and its characters after the fourth
_DISORDERS = (("4", r"depressive|depression|mood|bipolar"), ("80", r"anxiety|panic"), ("81", r"sexual dysfunction"),
              ("82", r"sleep|insomnia"), ("7", r"(major )?neurocognitive|persisting dementia|dementia"),
              ("5", r"psychotic|psychosis"))
_INDUCED_DISORDER = "|".join(words for _, words in _DISORDERS)
# the index's own "with" entries under a substance: "Use, cannabis, with, anxiety disorder F12.980"
_TITLED_DISORDER = r"anxiety|mood|sleep|psychotic"
_DISORDER_WORD = r"( (disorder|d/o|dysfunction))?"
_USE = rf"((?P<lead>{_SEVERITY}) )?(?P<substance>{_SUBSTANCE}) (?P<kind>{_KIND})(,? (?P<severity>{_SEVERITY}))?"
_INDUCED = rf"(?P<cause>{_SUBSTANCE})[- ]induced (?P<disorder>{_INDUCED_DISORDER}){_DISORDER_WORD}"
_LINK = r"(with|due to|secondary to|in the setting of)"
SUBSTANCE_INDUCED = (
    _rx(rf"{_USE},? with ({_INDUCED}|(?P<titled>{_TITLED_DISORDER}) (disorder|d/o)|(?P<anxiety>anxiety))"),
    _rx(rf"{_INDUCED},? {_LINK} {_USE}"),
    _rx(rf"(?P<linked>{_INDUCED_DISORDER}){_DISORDER_WORD},? (due to|secondary to|induced by) {_USE}"),
)
SUBSTANCE_INDUCED_WORDS = re.compile(r"induced|with anxiety|with mood|with sleep|with psychotic|due to|secondary to",
                                     re.IGNORECASE)
_REMISSION = _rx(r"remission")
_DELUSIONS, _HALLUCINATIONS = _rx(r"delusions"), _rx(r"hallucinations")


def _category(words: str) -> str:
    return next(code for code, names in SUBSTANCES if re.fullmatch(rf"({names})", words, re.IGNORECASE))


def _fourth(match: re.Match) -> str | None:
    kind, severity = match.group("kind").lower(), (match.group("severity") or match.group("lead") or "").lower()
    if kind == "dependence" or (kind == "use disorder" and severity in ("moderate", "severe")):
        return "2"
    if kind == "abuse" or (kind == "use disorder" and severity == "mild"):
        return "1"
    return "9" if kind == "use" else None


def _disorder_characters(disorder: str, text: str) -> str:
    rest = next(chars for chars, words in _DISORDERS if re.match(rf"({words})", disorder, re.IGNORECASE))
    if rest == "5":  # psychotic: with delusions 0, with hallucinations 1, else unspecified 9
        return "50" if _DELUSIONS.search(text) else "51" if _HALLUCINATIONS.search(text) else "59"
    return rest


def substance_induced(match: re.Match, note: str) -> tuple[str, str] | None:
    category = _category(match.group("substance"))
    cause = match.groupdict().get("cause")
    if cause and _category(cause) != category:
        return None  # one substance's use disorder beside another's induced disorder: two codes, for a coder
    fourth = _fourth(match)
    if fourth is None or _REMISSION.search(sentence(note, match.start(), match.end())):
        return None
    disorder = next(match.group(name) for name in ("disorder", "titled", "anxiety", "linked")
                    if match.groupdict().get(name))
    code = f"{category}.{fourth}{_disorder_characters(disorder, note[match.end():match.end() + 40])}"
    return code, "the use disorder with the disorder the note says it induced: one combination code"


# (words, codes the index may have found on them, resolve)
SUBSTANCE_INDUCED_ENTRIES = tuple((words, ("F", "G47"), substance_induced) for words in SUBSTANCE_INDUCED)
