"""A condition the note says is over and places in the past: "H/o anorexia nervosa as a teen, resolved", "Hx of
major depression, recovered", "Bell's palsy 2018, recovered fully", "Panic attacks resolved last year". Written so,
it is the patient's personal history (guideline I.C.21.c.4): the index's History entry where it has one, never the
condition as current.

An episode told from its time to its end ("pneumothorax 2019, s/p pleurodesis, none since", `ended_episode`) is
over and dated by its own words, where its time is a season or more back (not "in March", "Jan 2026", "4 months
ago": an acute episode of this season, still followed).

"Resolved" alone ("cough resolved", "rash resolved with cream") says only that a symptom of this episode has gone:
the history entry is read only where the sentence also dates it (a history cue before it, a year, "last year", "as
a teen") and only for a condition the History entries know; a symptom has none.
"""
import re

from services.coding.domain.ended_episode import EPISODE_ENDED_AFTER
from services.coding.domain.note_text import HISTORY, sentence_end, sentence_start
from services.coding.domain.treatment_outcome import OUTCOME_ENDED

# a deficiency made up ("vitamin D deficiency, repleted", "B12 deficiency corrected"): over, as a resolved condition
# is; said of another condition ("congenital heart disease corrected") it is a repair, not an end
DEFICIENCY_MADE_UP = r"repleted|corrected"
_MADE_UP = re.compile(rf"\b({DEFICIENCY_MADE_UP})\b", re.IGNORECASE)
_DEFICIENCY = re.compile(r"deficien", re.IGNORECASE)
# the words after a condition that say it ended, as the resolved scope rule's cue ends
# (or that it has not come back since a time long past: "pericarditis in his thirties, no recurrence")
_ENDED = re.compile(r"\b(resolved|recovered|no recurrences?|" + OUTCOME_ENDED + r")\b", re.IGNORECASE)
# a year on its own, not a month's ("resolved 03/2025", "Pneumonia Jan 2026 - resolved" may be this season's episode,
# still under follow-up)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
_NOT_AFTER_A_MONTH = "".join(rf"(?<!{month} )(?<!{month}\. )" for month in _MONTHS)
DATED_SEASONS_BACK = re.compile(r"\b((?<![/-])" + _NOT_AFTER_A_MONTH + r"(19|20)\d\d|last (year|winter|spring|summer|fall|autumn)|"
                    # counted or not: "Pericarditis years ago, resolved", "pneumonia several yrs ago, recovered"
                    r"((\d+|a few|few|several|many|two|three|four|five|six|seven|eight|nine|ten|twenty) )?"
                    r"(years?|yrs?|decades?) ago|"
                    r"as an? (child|kid|teen|teenager|infant|adolescent|young adult)|in (his |her |their )?"
                    r"(childhood|infancy|adolescence|youth|teens|college|twenties|thirties)|"
                    # the time of life told before the name: "Teenage depression, resolved", "childhood eczema, cleared"
                    r"childhood|teenage|adolescent)\b", re.IGNORECASE)


def ended_in_the_past(cue: str, text: str, start: int, end: int) -> bool:
    """The mention text[start:end] is kept out by a cue saying it ended (`cue`), and its sentence dates it past:
    a history cue before it, or a time long past."""
    if EPISODE_ENDED_AFTER.match(cue) and DATED_SEASONS_BACK.search(cue):  # the episode, dated and told to its end
        return True
    if not (_ENDED.search(cue) or (_MADE_UP.search(cue) and _DEFICIENCY.search(text[start:end]))):
        return False
    first = sentence_start(text, start)
    return bool(HISTORY.search(text[first:start]) or DATED_SEASONS_BACK.search(text[first:sentence_end(text, end)]))
