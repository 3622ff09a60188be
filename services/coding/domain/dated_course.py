"""A condition dated to a calendar year and then said to be treated or over: a past episode.

Problem lists and histories write an episode as its year and its outcome: "DVT of the left leg in 2019, treated",
"pneumonia (2021), treated and cured", "pericarditis in 2022, no recurrence". The year dates the episode, the
outcome ends it, so the condition is a past one (its History entry where the index has one), as one dated "years
ago" is. Not where the year is when it began ("diagnosed in 2019", "since 2019": onset words are not allowed
between), nor where the clause keeps it going ("treated with apixaban, still on it", "now", "ongoing": the
caller's `unless`).

The outcome may stand in the next clause, after a ";" that closes the year: "subacute thyroiditis in 2023; thyroid
function normalised", "Bell's palsy in 2021; fully resolved", "gout in 2020; no flare since", or the course that
ended it as that clause's first word ("DVT in 2020; completed 3 mo of apixaban"). Only a ";" (a sentence's end may
start another topic), only the next clause's first few words, and not "not" or "never" before the outcome.
"""
import re

# the year, within a few words after the condition and in its clause, then straight away the outcome
DATED_THEN_ENDED_AFTER = re.compile(
    r"^(?:[^\w.;]{0,3}(?!(?:diagnosed|dx|since|from|until|onset|started|began)\b)[\w/'-]+(?![\w/'-])){0,5}?"
    r"[^\w.;]{0,3}(?:in |during )?\(?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* )?(?:19|20)\d\d\)?"
    r"[,:\s-]+(?:and |was |successfully )?(?:treated|cured|recovered|resolved|healed|no (?:recurrence|relapse)s?)\b",
    re.IGNORECASE)
# the year closing its clause, then the outcome in the next one (the caller reads the mention's and the next clause)
DATED_THEN_ENDED_NEXT_CLAUSE_AFTER = re.compile(
    r"^(?:[^\w.;]{0,3}(?!(?:diagnosed|dx|since|from|until|onset|started|began)\b)[\w/'-]+(?![\w/'-])){0,5}?"
    r"[^\w.;]{0,3}(?:in |during )?\(?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* )?(?:19|20)\d\d\)?"
    r"(?:,[^.;,]{0,25})?\s*;\s*(?:(?!(?:not|never|still|now)\b)[\w/'-]+\s+){0,3}"
    r"(?:normali[sz]ed|resolved|recovered|no (?:recurrence|relapse)s?|no flares? since|"
    # or the course that treated it, completed ("DVT in 2020; completed 3 mo of apixaban")
    r"(?<!\w )completed (?:a |the )?(?:\d+ ?(?:d|days?|wks?|weeks?|mo|mos|months?) (?:of )?)?[\w-]+)\b",
    re.IGNORECASE)
# the clause keeps the condition going: a drug it is still on, a relapse, "now", "chronic", an end only in part
STILL_GOING = re.compile(r"\b(still|persists?|persistent|persisting|ongoing|continues|continuing|again|recurred|"
                         r"relapsed|flares?|flaring|returned|now|currently|current|active|residual|remains?|chronic|"
                         r"on|partly|partially|partial|improving|improved|not fully|incompletely)\b", re.IGNORECASE)
