"""Use disorders of the sedative and stimulant classes, named by the drug clinicians write rather than by the
tabular's class (F13 "Sedative, hypnotic, or anxiolytic", F15 "Amphetamine type substance" / "Other or unspecified
stimulant"): "benzodiazepine dependence", "methamphetamine use disorder, moderate". The index sends the drug to its
class ("Dependence, drug, benzodiazepine - see Dependence, drug, sedative"); the term index, keyed on the class's
words, meets neither.

The fourth and fifth characters follow the tabular's inclusion terms (the DSM-5 severities): a use disorder that is
mild, or abuse, is .10 (.11 in remission); moderate or severe, or dependence, is .20 (.21 in remission). Remission
only as the sentence states it (I.C.5.b.1); a use disorder of no stated severity, or one with intoxication,
withdrawal or an induced disorder, is left to the other readings and a coder. "Stimulant use disorder" naming
cocaine is F14, which the index reads.
"""
import re

from services.coding.domain.neurology_findings import stated
from services.coding.domain.note_text import sentence, word_pattern as _rx

_CLASSES = (("F13", r"benzodiazepines?|benzos?|sedatives?|sedative[- ]hypnotics?|hypnotics?|anxiolytics?"),
            ("F15", r"methamphetamines?|amphetamines?|amphetamine[- ]type substance|stimulants?"))
_CLASS_WORDS = "|".join(names for _, names in _CLASSES)
# the drug's name, then the disorder's words
SUBSTANCE_CLASS_DISORDER = _rx(rf"({_CLASS_WORDS}) (use disorder|dependence|abuse)")
SUBSTANCE_CLASS_WORDS = re.compile(r"benzo|sedative|hypnotic|anxiolytic|amphetamine|stimulant", re.IGNORECASE)
_MILD, _MODERATE_OR_SEVERE = _rx(r"mild"), _rx(r"moderate|severe")
_REMISSION = _rx(r"(early |sustained |partial |full )?remission")
# a complication has its own character (intoxication .x2-, withdrawal .x3-, induced disorders): another reading's
_COMPLICATED = _rx(r"intoxication|withdrawal|induced|delirium|psychosis|psychotic")
_OTHER_STIMULANT = _rx(r"cocaine|crack|caffeine")


def substance_class_disorder(match: re.Match, note: str) -> tuple[str, str] | None:
    words = match.group(0).lower()
    category = next(code for code, names in _CLASSES if re.match(rf"({names})\b", words))
    text = sentence(note, match.start(), match.end())
    if _COMPLICATED.search(text) or (category == "F15" and _OTHER_STIMULANT.search(text)):
        return None
    if words.endswith("dependence"):
        severe = True
    elif words.endswith("abuse"):
        severe = False
    elif stated(_MODERATE_OR_SEVERE, text):
        severe = True
    elif stated(_MILD, text):
        severe = False
    else:
        return None  # a use disorder of no stated severity: abuse or dependence is for a coder
    in_remission = stated(_REMISSION, text)
    code = f"{category}.{'2' if severe else '1'}{'1' if in_remission else '0'}"
    return code, f"{words} ({'dependence' if severe else 'abuse'}{', in remission' if in_remission else ''}): " \
                 f"the class the index sends the drug to"


# (words, codes the index may have found on them, resolve)
SUBSTANCE_CLASS_FINDINGS = ((SUBSTANCE_CLASS_DISORDER, ("F13", "F15"), substance_class_disorder),)
