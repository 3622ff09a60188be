"""An organ or part of one the patient had taken out: the alphabetic index's Absence (acquired) or Status (post)
entry, a status the payer is told of (guideline I.C.21.c.3): "Absence, intestine (large) (acquired)" Z90.49 for a
colectomy or hemicolectomy, "Absence, stomach (part of) (acquired)" Z90.3 for a gastrectomy (a sleeve is bariatric
surgery status, read elsewhere), "Absence, lung (part of) (acquired)" Z90.2 for a lung's wedge resection or
segmentectomy, "Absence, pancreas (acquired)" Z90.410 for a total pancreatectomy and Z90.411 for a partial one
(distal, Whipple; a pancreatectomy of unstated extent is left to a coder), "Absence, prostate (acquired)" Z90.79
for a prostatectomy (RALP, RARP), and "Status (post) thyroidectomy" E89.0
(Z90 excludes the endocrine glands). The gallbladder and the appendix are other parts of the digestive tract (Z90.49,
"Absence, gallbladder (acquired)"); a hysterectomy takes the uterus with its cervix (Z90.710, "Absence, uterus (with
cervix) (acquired)") unless it is supracervical, which leaves the stump (Z90.711); an oophorectomy of both sides, or a
bilateral salpingo-oophorectomy (BSO), leaves no ovary (Z90.722), one of a single side leaves one (Z90.721).

The operation must be over: its sentence places it in the past ("s/p", "after", a year, "ago", "underwent") and
says nothing of it still to come ("planned", "scheduled", "referred for"); a relative's is not the patient's, nor one
denied right before it ("No history of thyroidectomy", whose "history" would otherwise date it).
"""
import re

from services.coding.domain.convention_gates import any_word, needs
from services.coding.domain.note_text import FAMILY, before, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule
from services.coding.domain.surgical_aftercare import is_post_op_visit

NAME = "surgical-absence"
# (the operation's words, the code, the index's entry)
OPERATIONS = (
    (_rx(r"((right|left|sigmoid|total|subtotal|partial|transverse|extended right) )?(hemi)?colectomy"), "Z90.49",
     "Absence, intestine (acquired) (large)"),
    (_rx(r"(?<!sleeve )(?<!vertical sleeve )((partial|subtotal|total|distal|proximal) )?gastrectomy"), "Z90.3",
     "Absence, stomach (acquired) (part of)"),
    (_rx(r"((lung|pulmonary|vats) )wedge resections?|wedge resections? of (the |an? )?(\w+ ){0,3}"
         r"(lobe|lung|pulmonary nodule)|(lung |pulmonary )?segmentectomy"), "Z90.2",
     "Absence, lung (part of) (acquired)"),
    # RALP / RARP: a robot-assisted laparoscopic (radical) prostatectomy
    (_rx(r"((radical|simple|robotic) )?prostatectomy|ralp|rarp"), "Z90.79", "Absence, prostate (acquired)"),
    # the pancreas by the part taken, never guessed: a plain "pancreatectomy" says neither
    (_rx(r"(total|completion) pancreatectomy"), "Z90.410", "Absence, pancreas (acquired), total"),
    (_rx(r"(partial|distal|subtotal|central) pancreatectomy|whipple( procedure)?|pancreaticoduodenectomy"), "Z90.411",
     "Absence, pancreas (acquired), partial"),
    (_rx(r"(?<!partial )(?<!hemi-)((total|completion|near-total) )?thyroidectomy"), "E89.0",
     "Status (post) thyroidectomy"),
)
# the same, but not at the operation's own post-op check, whose aftercare code (Z48.81-) already tells of it
OPERATIONS_AFTER_AFTERCARE = (
    (_rx(r"((lap(aroscopic)?|open|robotic) )?cholecystectomy|lap(aroscopic)? chole|((lap(aroscopic)?|open) )?"
         r"appendectomy"), "Z90.49", "Absence, gallbladder or other part of the digestive tract (acquired)"),
    (_rx(r"(?<!supracervical )(?<!subtotal )(?<!partial )((total|radical|abdominal|vaginal|laparoscopic|robotic) )?"
         r"hysterectomy|tah(?=[- /]bso\b)"), "Z90.710", "Absence, uterus (with cervix) (acquired)"),
    (_rx(r"(supracervical|subtotal) hysterectomy"), "Z90.711", "Absence, uterus, with remaining cervical stump"),
    (_rx(r"bilateral (salpingo-?)?oophorectomy|bso|oophorectomies"), "Z90.722",
     "Absence, ovaries (acquired), bilateral"),
    (_rx(r"(right|left|unilateral) (salpingo-?)?oophorectomy"), "Z90.721", "Absence, ovary (acquired), unilateral"),
)
_WORDS = ("colectomy", "gastrectomy", "wedge resection", "segmentectomy", "prostatectomy", "ralp", "rarp",
          "thyroidectomy", "pancreat", "whipple", "chole", "appendectomy", "hysterectomy", "oophorectom", "bso")
_DONE = _rx(r"status post|post|after|underwent|had|history of|history|past surgical history|past medical history|psh|"
            r"(19|20)\d\d|ago|prior|previous|remote")
_TO_COME = _rx(r"planned|scheduled|referr\w*|candidate for|consider\w*|discuss\w*|recommended|awaiting|"
               r"will (undergo|have)|to (undergo|have)|pre-?op(erative)?|for (a |an )?(\w+ ){0,2}\w+ectomy")

# the operation denied right before it, its "history" being the denial's ("No history of thyroidectomy", "denies
# prior cholecystectomy"); a denial of something else ("without recurrence after total thyroidectomy") is not
_DENIED_BEFORE = re.compile(r"\b(no|never|denies|denied)( (prior|previous|past))?( (history|hx|h/o) of)?"
                            r"( (an?|prior|previous))?( (\w+ )?(total|partial|lap(aroscopic)?|open|robotic))?\W*$",
                            re.IGNORECASE)


@needs(patterns=(any_word(_WORDS),))
def surgical_absence(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    lowered = note.lower()
    if not any(word in lowered for word in _WORDS):
        return suggestions, []
    out, reasons = list(suggestions), []
    later = () if is_post_op_visit(note) else OPERATIONS_AFTER_AFTERCARE
    for pattern, code, entry in (*OPERATIONS, *later):
        match = next((m for m in pattern.finditer(note) if _over(note, m)), None)
        if match is None or any(s.code == code for s in out) or not tabular.is_billable(code):
            continue
        reason = f"{match.group(0)} done: {code} ({entry})"
        out.append(from_rule(code, match, tabular, NAME, reason))
        reasons.append(reason)
    return out, reasons


def _over(note: str, match: re.Match) -> bool:
    whole = sentence(note, match.start(), match.end())
    return bool(_DONE.search(whole)) and not _TO_COME.search(whole) and not FAMILY.search(whole) and not \
        _DENIED_BEFORE.search(before(note, match.start()))
