"""A rheumatoid arthritis's lung disease, read for `documented_findings`.

Clinics write it "RA-associated ILD", "RA-ILD", "RA with ILD" or "rheumatoid lung disease"; the index's words met the arthritis
alone (M06.9, from "RA") and the lung disease unspecified (J98.4), while the tabular names the two together:
M05.10, rheumatoid lung disease with rheumatoid arthritis of unspecified site. The site stays unspecified; a note
that names the joints leaves that to a coder.
"""
import re

from services.coding.domain.finding_resolvers import fixed

_ARTHRITIS = r"(rheumatoid arthritis|ra)"
_ILD = r"(ild|interstitial lung disease|interstitial pneumonia|lung disease)"
_RHEUMATOID_LUNG = re.compile(rf"\b(rheumatoid lung disease|rheumatoid interstitial lung disease|{_ARTHRITIS}[- ]{_ILD}|"
                              rf"{_ARTHRITIS}[- ](associated|related)[ \t]+{_ILD}|{_ARTHRITIS} (with|w/) {_ILD})\b",
                              re.IGNORECASE)

RHEUMATOID_LUNG_WORDS = re.compile(r"rheumatoid|\bra\b", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
RHEUMATOID_LUNG_ENTRIES = (
    (_RHEUMATOID_LUNG, ("M05", "M06", "J98.4", "J84"),
     fixed("M05.10", "rheumatoid lung disease with rheumatoid arthritis of unspecified site")),
)
