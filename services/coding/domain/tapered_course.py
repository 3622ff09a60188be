"""A condition whose drug was tapered off or stopped and that has not come back since: "PMR dx 2024, prednisone
tapered off 3/2026, no recurrence", "GCA - off steroids since 2025, no relapse".

The end of the treatment alone does not end the condition ("PMR - tapered off tx 3/2025" may be watched off its
drug, and a chronic disease held without one is still there), so the reading needs both: the drug's end right
after the condition (its diagnosis's year, "dx 2024," and one or two words naming the drug may stand between),
then, in the same clause, the outcome that says it has not returned ("no recurrence", "no relapse", "none since",
"no flares since", "resolved"). A condition over is history, not a current condition (guideline IV.J); "in
remission" and "no flares x 2 yrs" are not read here, as they describe a disease that goes on quietly.
"""
import re

# the diagnosis's year written before the drug's end ("dx 2024,", "diagnosed in 3/2021,"; the note's "dx" reaches it spelled out)
_DIAGNOSED_IN = r"(?:[,\s-]*(?:dx|diagnosis|diagnosed)(?: in)? (?:\d{1,2}/)?(?:19|20)\d\d)?"
# the drug's end: "prednisone tapered off", "colchicine stopped", "off steroids since 2025", "off tx since 2023"
_DRUG_ENDED = (r"(?:(?:tapered|weaned)(?: off)?|stopped|discontinued|d/c'?d|"
               r"off (?:all )?(?:tx|treatment|therapy|steroids|meds|medications|[a-z][\w-]+)(?: since)?)")
_NOT_RETURNED = (r"no (?:recurrences?|relapses?|flares?(?: since)?|(?:sx|symptoms) since)|none since|"
                 r"(?<!not )(?<!not fully )resolved")

TAPERED_THEN_OVER_AFTER = re.compile(
    r"^" + _DIAGNOSED_IN + r"[,\s-]{0,4}(?:[a-z][\w/-]*\s+){0,2}?" + _DRUG_ENDED + r"\b[^.;\n]{0,30}?,\s*"
    r"(?:and |with )?(?:" + _NOT_RETURNED + r")\b", re.IGNORECASE)
# the clause says it is back, or still on a drug
BACK_OR_STILL_TREATED = re.compile(r"\b(recurred|relapsed|flared|again|restarted|back on|resumed|still|ongoing|"
                                   r"persists?|active)\b", re.IGNORECASE)
