"""A diagnosis named as what a work-up is to establish: "consider GERD workup", "ADHD workup", "OSA to be evaluated",
"workup for gout", "query MS", "loop recorder to look for AF". Outpatient, a condition still being worked up is not
established (ICD-10-CM guideline IV.H): its signs and symptoms are coded, as after "evaluate for" or "r/o".

Not a condition whose work-up looks for its cause: in "anemia workup" or "neuropathy w/u" the anemia is measured
and the neuropathy found; what is sought is why. Nor a treatment the note weighs for a condition it states ("GERD -
consider PPI trial", "OSA, consider CPAP titration"): there the condition is written before the words that weigh
the treatment, which name no work-up of it.
"""
import re

# the cues before the condition, read anywhere before it in its sentence as the other doubts are
# ("w/u" is written out as "work-up" before the rules read the note)
AIM_BEFORE = (r"\b(work-?\s?up|assessment|assess) for\b|\bquery\b|\bconcerning for\b|"
              r"\b(high |clinical )?suspicion (for|of)\b|"
              # what a monitor or a study is to find: "ILR to look for paroxysmal AF", "Holter looking for SVT",
              # "ILR for occult AF" (not a result: "stool positive for occult blood")
              r"\blook(ing|s)? for\b|(?<!positive )(?<!pos )\bfor occult\b")
# right after the condition: its work-up, or its evaluation still to come
AIM_AFTER = re.compile(r"^\s*(work-?\s?ups?|evaluation|eval|testing)\b|"
                       r"^\s*(is |are )?to be (evaluated|assessed|investigated|worked up)\b", re.IGNORECASE)
# the conditions whose work-up seeks a cause, the condition itself measured or found
_CAUSE_SOUGHT = re.compile(r"\b(anemia|anaemia|neuropathy|polyneuropathy|dementia|cognitive impairment|"
                           r"kidney disease|ckd|renal insufficiency|hypertension|htn|cardiomyopathy|infertility|"
                           r"hyponatremia|hypernatremia|hypokalemia|hyperkalemia|hypercalcemia|hypocalcemia|"
                           r"\w*penia|\w*cytosis)$", re.IGNORECASE)


def aim_of_a_workup(condition: str, following: str) -> bool:
    """The condition (its words as the note writes them) is what the words after it are to work up."""
    return bool(AIM_AFTER.match(following)) and not _CAUSE_SOUGHT.search(condition)
