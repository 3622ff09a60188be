"""A condition followed by the treatment it had and how that ended: "pneumonia treated with doxycycline last
month, resolved", "Guillain-Barre syndrome 2025 treated with IVIG, now fully recovered".

The outcome closes the condition's own item, after the treatment and its date, so it can stand further from the
condition than a cue written beside it ("cellulitis, resolved"). A condition treated and over is history, not a
current condition (guideline IV.J: code a condition only while it exists and affects the care).
"""
import re

# an outcome after the condition that says it is gone, as "resolved" does: an infection "eradicated" (an H. pylori
# gastritis, its breath test negative since), a stiff joint back to "full ROM since" (a frozen shoulder)
OUTCOME_ENDED = r"(?<!not )(?<!never )eradicated|full (rom|range of motion|motion) (back |regained |restored )?since"

# the treatment right after the condition (a year, or one or two words of its name, may come between), then
# within the same sentence the outcome opening a comma's item of its own, so an outcome of a symptom named there
# ("treated with azithromycin, cough resolved") is not the condition's
TREATED_THEN_OVER_AFTER = re.compile(
    r"^\W{0,3}(\w+\W+){0,2}?(?<!\bnot )(?<!\bbeing )(?<!\bbe )treated (with|by|using)\b[^.;]{1,80}?,\s*"
    r"(and )?(now |since )?(fully |completely )?(resolved|recovered|cured|cleared)\b", re.IGNORECASE)
# the rest of the clause says it is back or still under the treatment
STILL_UNDER_TREATMENT = re.compile(r"\b(recurred|recurrent|recurrence|relapsed?|again|still|ongoing|persists?|"
                                   r"continues|continuing|remains on)\b", re.IGNORECASE)

# a condition treated and no longer under the drug that treated it: "B12 deficiency, treated, level normal now off
# supplements"; not where the clause says it is still held by something else ("HTN treated, now off meds, diet
# controlled"), nor "off and on"
TREATED_THEN_OFF_AFTER = re.compile(
    r"^\W{0,3}(\w+\W+){0,1}?(?<!\bnot )(?<!\bbeing )treated\b[^.;]{0,60}?(?<!\bnot )(?<!\bnever )\b(now )?off\b"
    r"(?! and on\b)", re.IGNORECASE)
HELD_OTHERWISE = re.compile(STILL_UNDER_TREATMENT.pattern + r"|\b(controlled|diet|now on|back on|restarted|"
                            r"switched)\b", re.IGNORECASE)
