"""An arrhythmia ablated and gone: "atrial flutter s/p ablation 2021, in NSR since", "paroxysmal AF ablated 2022,
no recurrence". Once the ablation has ended it and the note says it has not come back, the arrhythmia is no longer
present; what is coded is its personal history (index: History, personal, disease, circulatory system NEC, Z86.79),
not the arrhythmia's own code.

Not one the sentence says came back or persists ("recurrent AF after ablation", "still in AF"), an ablation still
to come ("referred for ablation", "ablation planned"), a relative's, one whose rhythm drug is still taken ("on
flecainide"), or one ablated with nothing said of its course (that stays for a coder, as `first_sight` holds it).
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import FAMILY, NEGATION, before, sentence_end, sentence_start
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule, overlapping

NAME = "ablated-arrhythmia"
HISTORY = "Z86.79"

_ARRHYTHMIA = _rx(r"(paroxysmal |persistent |typical |atypical )?(atrial fibrillation|(atrial )?flutter|afib|a-fib|af|"
                  r"svt|supraventricular tachycardia|avnrt|avrt|wpw|wolff-parkinson-white( syndrome)?|"
                  r"atrial tachycardia|ventricular tachycardia|vt|pvcs?|premature ventricular contractions)")
_ABLATED = _rx(r"ablat\w*|pvi|pulmonary vein isolation|cryoballoon")
_GONE = _rx(r"no recurrence\w*|not recurred|no (further |recurrent )?(episodes|af|afib|arrhythmia)|none since|"
            r"in (nsr|sinus rhythm)|(maintaining|maintains|remains in) (nsr|sinus rhythm)|cured|resolved|"
            r"off anticoagulation|no palpitations since")
_NOT_GONE = _rx(r"recurrent|recurred|recurrence of|came back|returned|persists|persistent despite|still|again|"
                r"redo|repeat ablation|planned|scheduled|referred|candidate|consider\w*|eval\w*|discuss\w*|"
                r"breakthrough")
# the next clause, after a semicolon, tells the course in the monitor's words ("CTI ablation 3 months ago; Holter
# sinus rhythm throughout, no recurrence"); a word that another item of a list may own ("resolved") is not read there
_GONE_NEXT_CLAUSE = _rx(r"no recurrence\w*|not recurred|no (further |recurrent )?(episodes|af|afib|arrhythmia|svt|"
                        r"flutter|palpitations)( since)?|(nsr|sinus rhythm) (throughout|since)|"
                        r"without (svt|af|afib|flutter|arrhythmia|recurrence)")
# a drug that holds the rhythm is still taken: the arrhythmia is treated, not over
_RHYTHM_DRUG_TAKEN = re.compile(r"(?<!\boff )(?<!\bstopped )\bon (amiodarone|flecainide|sotalol|propafenone|dofetilide|"
                                r"dronedarone)\b", re.IGNORECASE)
_BETWEEN = 60


@needs(patterns=(_ABLATED,))
def ablated_arrhythmias(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not _ABLATED.search(note):
        return suggestions, []
    out, reasons = list(suggestions), []
    for match in _ARRHYTHMIA.finditer(note):
        if any(s.code == HISTORY for s in out) or not _ablated_and_gone(note, match):
            continue
        reason = f"{match.group(0)} ablated, not come back: {HISTORY}, personal history of a circulatory disease"
        gone = [s for s in overlapping(out, match.start(), match.end()) if s.code.startswith(("I47", "I48", "I49"))]
        out = [s for s in out if s not in gone]
        out.append(from_rule(HISTORY, match, tabular, NAME, reason + (
            f" (not {', '.join(s.code for s in gone)})" if gone else ""), context="history"))
        reasons.append(reason)
    return out, reasons


def _ablated_and_gone(note: str, match: re.Match) -> bool:
    """The ablation follows the arrhythmia closely in its sentence, which says it is gone and nothing else."""
    end = sentence_end(note, match.end())
    text = note[match.end():end]
    ablated = _ABLATED.search(text[:_BETWEEN])
    gone = _GONE.search(text)
    if ablated and not gone and note[end:end + 1] == ";":
        end = sentence_end(note, end + 1)
        gone = _GONE_NEXT_CLAUSE.search(note, match.end(), end)
    whole = note[sentence_start(note, match.start()):end]
    return bool(ablated and gone) and not _NOT_GONE.search(whole) and not FAMILY.search(whole) \
        and not _RHYTHM_DRUG_TAKEN.search(whole) \
        and not NEGATION.search(
        re.sub(r"\bno (recurrence\w*|further|recurrent|episodes)\b", "", before(note, match.start())))
