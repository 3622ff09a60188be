"""Rheumatoid arthritis with or without rheumatoid factor, read for `documented_findings`.

Clinics write the factor as "seropositive", "RF positive" or "RF+" and its absence as "seronegative" or "RF
negative"; the sites as "multiple joints" or "polyarticular" ("seropositive RA, multiple joints, no organ
involvement"). The index's words meet the unspecified M06.9 on "RA", while the tabular parts the disease by the
factor first: M05.- "with rheumatoid factor", M06.0- "without rheumatoid factor". Read per item:
- the factor and multiple sites, no organ the disease involves named (lung, heart, vessels, nerves, muscle,
  nodules: M05.1- to M05.6-) unless to deny it: M05.79, "with rheumatoid factor of multiple sites without organ or
  systems involvement";
- the factor alone, no site and no organ named: M05.9, "with rheumatoid factor, unspecified";
- no factor and multiple sites: M06.09; no factor, no site and no organ named: M06.00 ("unspecified site").
A single joint or an organ named leaves the index's reading for a coder (the site's or the organ's own code).
"""
import re

from services.coding.domain.chronic_conditions import list_item
from services.coding.domain.note_text import FAMILY, before, sentence_end, sentence_start
from services.coding.domain.note_text import word_pattern as _rx

_RA = r"(rheumatoid arthritis|ra)"
_FACTOR = r"(seropositive|sero-positive|rf[- ]positive|rf[- ]pos|rf\+|rheumatoid factor[- ]positive)"
_NO_FACTOR = r"(seronegative|sero-negative|rf[- ]negative|rf[- ]neg|rheumatoid factor[- ]negative)"
_MULTIPLE_SITES = _rx(r"multiple (sites?|joints?)|polyarticular|multiple-site")
_ORGAN_DENIED = _rx(r"(no|without) (evidence of )?(organ( or systems?)? involvement|extra-?articular (disease|"
                    r"involvement|manifestations))")
_ORGAN = _rx(r"organ|systems? involvement|extra-?articular|lungs?|ild|interstitial|pulmonary|nodules?|nodular|"
             r"vasculitis|myopathy|neuropathy|polyneuropathy|heart|carditis|pericarditis|felty|splenomegaly|bursitis")
# a joint or a region named in the item: the disease at that site, which the unspecified codes would not tell
_SITE = _rx(r"joints?|hands?|wrists?|fingers?|mcps?|pips?|dips?|knees?|ankles?|feet|foot|toes?|mtps?|elbows?|"
            r"shoulders?|hips?|spine|cervical|neck|sites?|bilateral|right|left|r|l")

_WITH_FACTOR = _rx(rf"{_FACTOR},? {_RA}|{_RA},? {_FACTOR}|rheumatoid arthritis with rheumatoid factor")
_WITHOUT_FACTOR = _rx(rf"{_NO_FACTOR},? {_RA}|{_RA},? {_NO_FACTOR}|rheumatoid arthritis without rheumatoid factor")
_NAMED_AGAIN = _rx(_RA)
_REASON = "rheumatoid factor and multiple sites stated, no organ involvement named"
# (factor stated, multiple sites) -> code, reason
_BY_FACTOR_AND_SITES = {
    (True, True): ("M05.79", _REASON),
    (True, False): ("M05.9", "rheumatoid factor stated, no site and no organ involvement named"),
    (False, True): ("M06.09", "no rheumatoid factor (seronegative) and multiple sites stated, no organ named"),
    (False, False): ("M06.00", "no rheumatoid factor (seronegative) stated, no site and no organ named"),
}


def _item(match: re.Match, note: str) -> str:
    first, last = sentence_start(note, match.start()), sentence_end(note, match.end())
    return list_item(note, first, last, match.start(), match.end())


def _by_factor(factor: bool):
    """The factor's code for the mention's item, by the sites it names and the organs it does not."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        item = _item(match, note)
        if _ORGAN.search(_ORGAN_DENIED.sub("", item)):
            return None
        if _MULTIPLE_SITES.search(item):
            return _BY_FACTOR_AND_SITES[(factor, True)]
        if _SITE.search(item.replace(match.group(0), " ")):
            return None
        return _BY_FACTOR_AND_SITES[(factor, False)]
    return resolve


_WITH, _WITHOUT = _by_factor(True), _by_factor(False)


def _named_again(match: re.Match, note: str) -> tuple[str, str] | None:
    """"2. RA - per rheum" after "seropositive RA, multiple joints": the same disease, not a second, unspecified one
    (the patient's own: a relative's seropositive RA says nothing of the patient's)."""
    for stated, resolve in ((_WITH_FACTOR, _WITH), (_WITHOUT_FACTOR, _WITHOUT)):
        own = (m for m in stated.finditer(note) if not FAMILY.search(before(note, m.start())))
        found = next((r for r in (resolve(m, note) for m in own) if r), None)
        if found:
            return found[0], f"the disease the note states with its factor: {found[1]}"
    return None


RHEUMATOID_FACTOR_WORDS = re.compile(r"seropositive|sero-positive|seronegative|sero-negative|rf[- ]?(positive|pos|"
                                     r"negative|neg|\+)|rheumatoid factor", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
RHEUMATOID_FACTOR_ENTRIES = (
    (_WITH_FACTOR, ("M05", "M06"), _WITH),
    (_WITHOUT_FACTOR, ("M05", "M06"), _WITHOUT),
    (_NAMED_AGAIN, ("M05", "M06"), _named_again),
)
