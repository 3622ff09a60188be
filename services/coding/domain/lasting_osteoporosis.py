"""Osteoporosis does not end with its drug or its fracture: "osteoporosis, completed 5 yrs of alendronate (drug
holiday)" ends the course, "osteoporosis, history of a healed vertebral fracture" ends the fracture, and the bone
stays thin (M81 with Z87.310 for the healed fracture, guideline I.C.13.d.1). The ending words the context rules
read after the mention belong there to the course or the fracture, not to the osteoporosis; any other ending
("osteoporosis resolved") is left to those rules."""
import re

# the bone-density drugs a course of which can be completed; "therapy" or "course" when the drug goes unnamed
_COURSE = (r"(alendronate|fosamax|risedronate|actonel|ibandronate|boniva|zoledronic acid|reclast|bisphosphonates?|"
           r"denosumab|prolia|teriparatide|forteo|abaloparatide|romosozumab|raloxifene|therapy|treatment|course)")
# "completed 5 yrs of alendronate", "finished a course of risedronate", "completed bisphosphonate therapy"
_COURSE_ENDED = re.compile(r"^\W*(\d+(\.\d+)?\s*(yrs?|years?|mos?|months?)\s+of\s+|(a |her |his |the )?course of\s+)?"
                           + _COURSE + r"\b", re.IGNORECASE)
_FRACTURE = re.compile(r"\b(fractures?|fxs?)\b", re.IGNORECASE)
_COURSE_END_WORD = re.compile(r"\b(completed|finished)$", re.IGNORECASE)


def ends_its_care_not_it(code: str, cue: str, after: str) -> bool:
    """The ending cue the context rules found after an osteoporosis mention (`after`, the note's text right after
    it) ends its drug course or a fracture named with it."""
    if not code.startswith("M81"):
        return False
    at = after.find(cue)
    if at < 0:  # a cue before the mention ("healed osteoporosis"): not this reading's
        return False
    rest = after[at + len(cue):at + len(cue) + 60]
    if _COURSE_END_WORD.search(cue):
        return bool(_COURSE_ENDED.match(rest))
    return cue.lower().endswith("healed") and bool(_FRACTURE.search(cue) or _FRACTURE.search(rest[:40]))
