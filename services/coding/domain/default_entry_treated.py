"""Where a condition matched by its category's default entry goes on, in its own sentence, to a drug or therapy
that treats that condition ("constipation, uses Miralax", "Peripheral neuropathy of feet - gabapentin 300 mg tid",
"iron deficiency anemia; start ferrous sulfate"): the problem is under care at the visit (guideline IV.J), not a
bare word of a list, a review of systems or a past problem.

Only treatments whose use is that condition (a laxative for constipation, a hypnotic or CBT-I for insomnia, iron
for iron deficiency anemia, a neuropathic pain drug for a peripheral neuropathy), written after the mention with no
other condition named between, and not where the rest of the sentence denies, doubts or dates the condition or
sets its care in another time.
"""
import re

from services.coding.domain.note_text import sentence_end, word_pattern as _rx
from services.coding.domain.own_entry import entry_qualified

TREATMENTS = {
    "K59.00": _rx(r"miralax|polyethylene glycol|peg 3350|senna|sennosides|senokot|docusate|colace|bisacodyl|"
                  r"dulcolax|lactulose|linaclotide|linzess|lubiprostone|amitiza|prucalopride|motegrity|"
                  r"plecanatide|trulance|milk of magnesia|stool softeners?"),
    "G47.00": _rx(r"zolpidem|ambien|eszopiclone|lunesta|zaleplon|suvorexant|belsomra|lemborexant|dayvigo|"
                  r"daridorexant|quviviq|ramelteon|rozerem|melatonin|cbt-i|cbti"),
    "D50.9": _rx(r"ferrous (sulfate|gluconate|fumarate)|oral iron|iron (supplements?|tablets?|sucrose|infusions?)|"
                 r"iv iron|venofer|ferumoxytol|feraheme|ferric carboxymaltose|injectafer"),
    "G62.9": _rx(r"gabapentin|neurontin|pregabalin|lyrica|duloxetine"),
}
# the sentence dates the condition or its care, or sets the treatment in another time ("iron deficiency anemia in
# 2023, Hgb normalised after IV iron", "constipation last year, took senna", "check ferritin before starting iron")
_OTHER_TIME = re.compile(r"\b((19|20)\d\d|ago|last|previous|prior|former|normali[sz]ed|normal|corrected|repleted?|"
                         r"resolved|cured|after|before|if|when|until|was|were|had|used to)\b", re.IGNORECASE)
# the care stopped or refused ("stopped senna", "declined zolpidem"), just before the treatment's name
_NOT_TAKEN_BEFORE = re.compile(r"\b(stopped|discontinued|d/c'?d|off|no longer on|not on|never on|declined|refused|"
                               r"allergic to|intolerant of|avoid)\W+(\w+\W+)?$", re.IGNORECASE)


def treated_in_its_sentence(code: str, note: str, start: int, end: int, others: list[tuple[int, int]]) -> bool:
    """The rest of the mention's sentence names a treatment of the condition (its code), taken, with none of the
    note's other mentions (`others`, their spans) between the two."""
    treatments = TREATMENTS.get(code)
    if treatments is None:
        return False
    last = sentence_end(note, end, across_semicolons=True)
    drug = treatments.search(note, end, last)
    if drug is None or entry_qualified(note, end) or _NOT_TAKEN_BEFORE.search(note, end, drug.start()) \
            or _OTHER_TIME.search(note, end, last):
        return False
    return not any(end <= other_start < drug.start() for other_start, _ in others)
