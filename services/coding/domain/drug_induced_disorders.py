"""Disorders the ICD-10-CM index files by a drug named as their cause, for `documented_findings`.

"Hypothyroidism, due to, drug" E03.2, "Cardiomyopathy, due to, drug" I42.7, "Osteoporosis, drug-induced" M81.8,
"Tremor, drug-induced" G25.1, "Constipation, drug-induced" K59.03 and "Akathisia (drug-induced)" G25.71:
the words clinics write ("hypothyroidism due to amiodarone", "doxorubicin-induced cardiomyopathy", "steroid-induced
osteoporosis") met the unspecified E03.9, no cardiomyopathy code at all, or the age-related M81.0.
The drug's adverse-effect T code is `drug_effects`' (guideline I.C.19.e.5.a: the manifestation, then the T code).
"""
import re

from services.coding.domain.drug_vocabulary import DRUG_NAMES
from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.note_text import word_pattern as _rx

_DRUG = rf"({DRUG_NAMES}|drugs?|medications?|chemotherapy)"
_CAUSED_BY = r"(due to|secondary to|caused by|induced by|from)"


def _caused(condition: str) -> re.Pattern:
    """The condition with a drug named as its cause, before it ("amiodarone-induced") or after it ("due to")."""
    return _rx(rf"{_DRUG}[- ](induced|related|associated) {condition}|{condition},? {_CAUSED_BY} {_DRUG}")


def _harm_of(condition: str) -> re.Pattern:
    """A harm with its drug named as its cause, the drug's name also standing before it as an adjective ("lithium
    tremor", "oxycodone constipation"), as clinics write an adverse effect."""
    return _rx(rf"{_DRUG}([- ](induced|related|associated))? {condition}|{condition},? {_CAUSED_BY} {_DRUG}")


DRUG_INDUCED_WORDS = re.compile(r"hypothyroid|cardiomyopath|osteopor|tremor|constipat|akathisia", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
DRUG_INDUCED_ENTRIES = (
    (_caused(r"hypothyroidism"), ("E03",), fixed("E03.2", "hypothyroidism due to a drug")),
    (_caused(r"(dilated |toxic )?cardiomyopathy"), ("I42",), fixed("I42.7", "cardiomyopathy due to a drug")),
    (_caused(r"osteoporosis"), ("M81",), fixed("M81.8", "drug-induced osteoporosis is other osteoporosis")),
    (_harm_of(r"tremors?"), ("R25",), fixed("G25.1", "tremor due to a drug is drug-induced tremor")),
    (_harm_of(r"constipation"), ("K59",), fixed("K59.03", "constipation due to a drug is drug-induced constipation")),
    (_harm_of(r"akathisia"), ("G25", "R25", "R27"), fixed("G25.71", "akathisia due to a drug is drug-induced akathisia")),
)
