"""An anxiety or depressive disorder the note says is due to a medical condition.

The index reads "Disorder, anxiety, due to (associated with) known physiological condition" F06.4 and "Disorder,
mood, due to known physiological condition, with depressive features" F06.31: a coder codes these, with the
condition itself, rather than the primary disorder F41.9 or F32.A the words "anxiety disorder" alone index to. Only
where the cause is a medical condition named as one (a thyroid, adrenal, neurological, cardiopulmonary disease or
"a medical condition"): a stressor, a substance or a drug is another code (an adjustment or substance-induced
disorder) and is left to the other readings.
"""
import re

from services.coding.domain.note_text import word_pattern as _rx

_CAUSE = (r"(due to|secondary to|caused by|from)\s+(an? |the |his |her |known |underlying |uncontrolled "
          r"|untreated )*")
_MEDICAL = (r"((general |another |a )?(medical|physiological) condition|hyperthyroidism|hypothyroidism|"
            r"thyrotoxicosis|graves( disease)?|thyroid disease|cushing('s)?( syndrome| disease)?|"
            r"adrenal insufficiency|pheochromocytoma|parkinson('s)?( disease)?|multiple sclerosis|stroke|"
            r"traumatic brain injury|tbi|epilepsy|huntington('s)?( disease)?|copd|heart failure|hiv|lupus|"
            r"b12 deficiency|hypoglycemia)")
# the disorder's own words, the cause read ahead: the condition keeps its own code beside it
DUE_TO_ANXIETY = _rx(r"anxiety( disorder)?(?= " + _CAUSE + _MEDICAL + r"\b)")
DUE_TO_DEPRESSION = _rx(r"(depressive|mood) disorder(?= " + _CAUSE + _MEDICAL + r"\b)")


def anxiety_due_to_condition(match: re.Match, note: str) -> tuple[str, str]:
    return "F06.4", "anxiety disorder due to a known physiological condition"


def depression_due_to_condition(match: re.Match, note: str) -> tuple[str, str]:
    return "F06.31", "mood disorder due to a known physiological condition, with depressive features"


# (words, codes the index may have found on them, resolve)
DUE_TO_CONDITION_FINDINGS = (
    (DUE_TO_ANXIETY, ("F41", "F06"), anxiety_due_to_condition),
    (DUE_TO_DEPRESSION, ("F32", "F34", "F39", "F06"), depression_due_to_condition),
)
