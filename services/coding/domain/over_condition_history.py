"""Whether a condition the note places in the past may take its chapter's personal history code ("Personal
history of other diseases of the respiratory system" Z87.09 for "empyema 2023, drained, resolved").

The chapter's code stands for any condition of the system, so it is given only where the note says this
condition is over (guideline I.C.21.c.4: a condition that no longer exists), not merely dated or quiet:
- the reading is a condition that ended (resolved, recovered, a course of treatment completed), not a time alone
  ("hypoglycemia was frequent last year") nor the episodes stopping ("tension headaches in college, none now"),
  which leave the condition itself open;
- a bare "prior" or "remote" must be followed in its sentence by the word that ends the condition ("prior ulnar
  neuropathy, resolved after splinting"): "abnormal TSH on prior labs" says nothing is over;
- a chronic condition (hypertension, diabetes, osteoporosis ...) does not end with its course of treatment, nor an
  arthritis with its joint's replacement ("hip osteoarthritis - resolved after THA": the artificial joint's status
  is coded), though one the patient outgrew ("asthma in childhood, outgrown", "childhood asthma, none since") has
  ended;
- a bronchitis or bronchiolitis ("bronchitis in October, azithromycin course finished") is self-limited: over, it
  leaves nothing with a potential for recurrence to be monitored, which is what the personal history codes are for
  (the index's own History entries name pneumonia, not bronchitis); a sinusitis, seen again after its treatment,
  keeps the history code the follow-up encounter (Z09) asks for;
- a condition its drug or supplement keeps in check now ("vitamin D deficiency, repleted, now on D3 daily"), or
  its sentence says goes on after the course ("PT completed for plantar fasciitis, still sore"), has not ended;
- a condition named as the cause of another ("acute kidney injury from dehydration, recovered") is the other's
  cause, not a history of its own;
- a condition written after the organism that caused it ("C. difficile colitis", "E. coli cystitis") is an
  infection the term index read without its organism, so the term's chapter is not the condition's;
- a condition whose drug was tapered off or stopped and that has not come back ("PMR dx 2024, prednisone tapered
  off, no recurrence") has ended, though "no recurrence" names a recurrence (`tapered_course`);
- an electronic problem list's status in parentheses ("Allergic rhinitis (resolved 2023)") marks a record
  inactive; the provider has not written the condition into this visit's history.
"""
import re

from services.coding.domain.chronic_conditions import CHRONIC, NEVER_OVER
from services.coding.domain.dated_past import NONE_SINCE_CHILDHOOD
from services.coding.domain.ended_history import DEFICIENCY_MADE_UP
from services.coding.domain.treatment_outcome import OUTCOME_ENDED
from services.coding.domain.history_entries import HELD_IN_CHECK
from services.coding.domain.joint_replacement import REPLACED_JOINT
from services.coding.domain.note_context import COURSE_COMPLETED, DATED_PAST, RESOLVED
from services.coding.domain.outgrown import BACK_AGAIN, OUTGROWN_AFTER
from services.coding.domain.tapered_course import TAPERED_THEN_OVER_AFTER
from services.coding.domain.treatment_ended import NOT_OVER_YET

_ENDED = re.compile(r"\b(resolved|recovered|recovery|cured|cleared|healed|outgrown|outgrew|completed|finished|"
                    r"course finished|after (completing|finishing)|(status post|s/p) (treatment|tx|therapy)|" + DEFICIENCY_MADE_UP + "|" + OUTCOME_ENDED +
                    r")\b",
                    re.IGNORECASE)
_ONLY_PAST = re.compile(r"\W*(prior|previous|remote|former|old|past)\W*", re.IGNORECASE)
# an abbreviated binomial ("C. difficile", "E. coli", "H. pylori") or an agent named as such
_ORGANISM_BEFORE = re.compile(r"(\b[A-Z]\. ?[a-z]{4,}|\bc\.? ?diff|\b(bacterial|viral|fungal|infectious|infective))\s+$",
                              re.IGNORECASE)
# acute bronchitis and bronchiolitis (J20, J21), bronchitis not said acute or chronic (J40)
SELF_LIMITED_INFECTIONS = ("J20", "J21", "J40")
_CAUSE_BEFORE = re.compile(r"\b(from|due to|secondary to|caused by|because of|after)\s+(an? |the )?$", re.IGNORECASE)


def ended_condition(code: str, rule: str, cue: str, before: str, after: str) -> bool:
    """The condition (its code) kept out by the scope rule `rule` with `cue` is one the note says has ended.
    `before`: the words just before it; `after`: the rest of its sentence."""
    if _CAUSE_BEFORE.search(before) or _ORGANISM_BEFORE.search(before):
        return False
    # a childhood asthma outgrown, or none since childhood, is over, chronic or not
    if (rule == DATED_PAST and OUTGROWN_AFTER.search(cue)) or rule == NONE_SINCE_CHILDHOOD:
        return not BACK_AGAIN.search(after)
    if rule == RESOLVED and TAPERED_THEN_OVER_AFTER.match(cue):
        return not code.startswith(CHRONIC + NEVER_OVER)
    if (rule not in (RESOLVED, COURSE_COMPLETED) or code.startswith(CHRONIC + NEVER_OVER + SELF_LIMITED_INFECTIONS)
            or cue.lstrip().startswith("(") or HELD_IN_CHECK.search(after) or NOT_OVER_YET.search(after)
            or REPLACED_JOINT.search(after)):
        return False
    return bool(_ENDED.search(after)) if _ONLY_PAST.fullmatch(cue) else bool(_ENDED.search(cue) or
                                                                           _ENDED.search(after))
