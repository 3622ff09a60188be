"""Rheumatoid arthritis with rheumatoid factor at multiple sites, read for `documented_findings`.

Clinics write the factor as "seropositive" or "RF positive" and the sites as "multiple joints" or
"polyarticular" ("seropositive RA, multiple joints, no organ involvement"); the index's words met the unspecified
M06.9 or M05.9 and held them for a coder beside "multiple". M05.79 is the tabular's "with rheumatoid factor of
multiple sites without organ or systems involvement": read where the mention's item names multiple sites and
names no organ the disease involves (lung, heart, vessels, nerves, muscle, nodules: M05.1- to M05.6-), unless
to deny it ("no organ involvement", "no extra-articular disease").
"""
import re

from services.coding.domain.chronic_conditions import list_item
from services.coding.domain.note_text import sentence_end, sentence_start
from services.coding.domain.note_text import word_pattern as _rx

_RA = r"(rheumatoid arthritis|ra)"
_FACTOR = r"(seropositive|sero-positive|rf[- ]positive|rheumatoid factor[- ]positive)"
_MULTIPLE_SITES = _rx(r"multiple (sites?|joints?)|polyarticular|multiple-site")
_ORGAN_DENIED = _rx(r"(no|without) (evidence of )?(organ( or systems?)? involvement|extra-?articular (disease|"
                    r"involvement|manifestations))")
_ORGAN = _rx(r"organ|systems? involvement|extra-?articular|lungs?|ild|interstitial|pulmonary|nodules?|nodular|"
             r"vasculitis|myopathy|neuropathy|polyneuropathy|heart|carditis|pericarditis|felty|splenomegaly|bursitis")


_WITH_FACTOR = _rx(rf"{_FACTOR},? {_RA}|{_RA},? {_FACTOR}|rheumatoid arthritis with rheumatoid factor")
_NAMED_AGAIN = _rx(_RA)
_REASON = "rheumatoid factor and multiple sites stated, no organ involvement named"


def _multiple_sites(match: re.Match, note: str) -> tuple[str, str] | None:
    first, last = sentence_start(note, match.start()), sentence_end(note, match.end())
    item = list_item(note, first, last, match.start(), match.end())
    if not _MULTIPLE_SITES.search(item) or _ORGAN.search(_ORGAN_DENIED.sub("", item)):
        return None
    return "M05.79", _REASON


def _named_again(match: re.Match, note: str) -> tuple[str, str] | None:
    """"2. RA - per rheum" after "seropositive RA, multiple joints": the same disease, not a second, unspecified one."""
    if any(_multiple_sites(stated, note) for stated in _WITH_FACTOR.finditer(note)):
        return "M05.79", f"the disease the note states with its factor and sites: {_REASON}"
    return None


RHEUMATOID_FACTOR_WORDS = re.compile(r"seropositive|sero-positive|rf[- ]positive|rheumatoid factor", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
RHEUMATOID_FACTOR_ENTRIES = (
    (_WITH_FACTOR, ("M05", "M06"), _multiple_sites),
    (_NAMED_AGAIN, ("M05", "M06"), _named_again),
)
