"""Positive serologies and abnormal studies under the words reports use, for `documented_findings`: the
tabular's R76 and R90-R94 titles and the index's entries for them, where the note's words are not the title's.

"Positive ANA" R76.89 ("Findings, abnormal, antibody titer" other specified; "Other specified abnormal immunological
findings in serum"); a positive rheumatoid factor or anti-CCP R76.81 (its title: without rheumatoid arthritis); a
positive QuantiFERON or other interferon-gamma release assay R76.12 and a positive tuberculin skin test (PPD) R76.11,
both without active tuberculosis; "Abnormal, electroencephalogram" R94.01, "Abnormal, electromyogram" R94.131,
"Abnormal, function studies, kidney" R94.4; "Prolongation, QT interval" R94.31 (long QT syndrome is I45.81);
"Disease, white matter" R90.82 (white matter hyperintensities or changes on imaging). A diagnosis the note
affirms that the finding belongs to (lupus, rheumatoid arthritis, tuberculosis, epilepsy, multiple sclerosis) is
coded instead (guideline I.B.5).
"""
import re

from services.coding.domain.finding_resolvers import Resolve, fixed
from services.coding.domain.note_text import word_pattern as _word

# "no symptoms of lupus", "without rheumatoid arthritis": a disease the sentence denies explains nothing
_DENIED_BEFORE = re.compile(r"\b(no|not|without|negative for|denies|never)\b(\W+\w+){0,3}\W*$", re.IGNORECASE)


def _unless_affirmed(code: str, why: str, diagnosis: re.Pattern) -> Resolve:
    """The row's code, unless the note affirms the diagnosis the finding belongs to (not denied just before it)."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        for named in diagnosis.finditer(note):
            if not _DENIED_BEFORE.search(note[max(0, named.start() - 40):named.start()]):
                return None
        return code, why
    return resolve


_POSITIVE = r"(positive|reactive)"
_IS_POSITIVE = r"( (test|titer|screen|result|assay))?( (is|was|came back))? (positive|reactive)"
_CONNECTIVE_TISSUE = _word(r"lupus|sle|sjogren'?s?|sjögren'?s?|scleroderma|systemic sclerosis|"
                           r"mixed connective tissue disease|dermatomyositis|polymyositis")
_RHEUMATOID = _word(r"rheumatoid arthritis|ra")
_TUBERCULOSIS = _word(r"active (tb|tuberculosis)|pulmonary tuberculosis|tuberculosis infection|latent tb(i)?|"
                      r"latent tuberculosis")
_EPILEPSY = _word(r"epilepsy|epileptic|seizure disorder")
_DEMYELINATING = _word(r"multiple sclerosis|demyelinating disease|demyelination")
_LONG_QT = _word(r"long qt syndrome")
_KIDNEY_DISEASE = _word(r"chronic kidney disease|ckd|acute kidney injury|aki|renal failure|kidney failure|"
                        r"nephropathy")

ABNORMAL_STUDY_WORDS = _word(r"ana|antinuclear|rheumatoid factor|rf|ccp|quantiferon|igra|t-?spot|ppd|tst|"
                             r"tuberculin|tb skin test|eeg|electroencephalogram|emg|electromyogram|qtc?|white matter|"
                             r"kidney function|renal function")

# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
ABNORMAL_STUDY_FINDINGS = (
    (_word(rf"{_POSITIVE} (ana|antinuclear antibod(y|ies))|(ana|antinuclear antibod(y|ies)){_IS_POSITIVE}"),
     ("R76", "R79"), _unless_affirmed("R76.89", "a positive antinuclear antibody: another specified abnormal "
                                      "immunological finding in serum", _CONNECTIVE_TISSUE)),
    (_word(rf"{_POSITIVE} (rheumatoid factor|rf|anti-?ccp|ccp antibod(y|ies))|"
           rf"(rheumatoid factor|rf|anti-?ccp){_IS_POSITIVE}"),
     ("R76",), _unless_affirmed("R76.81", "a positive rheumatoid factor or anti-CCP without rheumatoid arthritis",
                                _RHEUMATOID)),
    (_word(rf"{_POSITIVE} (quantiferon([- ]tb)?( gold)?( plus)?|igra|interferon[- ]gamma release assay|t-?spot)|"
           rf"(quantiferon([- ]tb)?( gold)?( plus)?|igra|t-?spot)([- ]tb)?{_IS_POSITIVE}"),
     ("R76", "A15", "Z22"), _unless_affirmed("R76.12", "a positive interferon-gamma release assay without active "
                                             "tuberculosis", _TUBERCULOSIS)),
    (_word(rf"{_POSITIVE} (ppd|tst|(tuberculin|tb) skin test|mantoux)|"
           rf"(ppd|tst|(tuberculin|tb) skin test){_IS_POSITIVE}"),
     ("R76", "A15", "Z22"), _unless_affirmed("R76.11", "a positive tuberculin skin test without active "
                                             "tuberculosis", _TUBERCULOSIS)),
    (_word(r"abnormal (eeg|electroencephalogram)"), ("R94",),
     _unless_affirmed("R94.01", "an abnormal electroencephalogram", _EPILEPSY)),
    (_word(r"abnormal (emg|electromyogram)"), ("R94",),
     fixed("R94.131", "an abnormal electromyogram")),
    (_word(r"abnormal (kidney|renal) function( tests?| studies| study)?"), ("R94",),
     _unless_affirmed("R94.4", "abnormal results of kidney function studies", _KIDNEY_DISEASE)),
    (_word(r"prolonged qtc?( interval)?|qtc? (interval )?(is |was )?prolonged|qtc? prolongation"), ("R94", "I45"),
     _unless_affirmed("R94.31", "a prolonged QT interval is an abnormal electrocardiogram", _LONG_QT)),
    (_word(r"white matter (hyperintensit(y|ies)|changes|lesions|disease)"), ("R90",),
     _unless_affirmed("R90.82", "white matter disease on imaging", _DEMYELINATING)),
)
