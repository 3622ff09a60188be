"""Where the "with" presumption (I.A.15) does not link a complication's words to the patient's diabetes.

The index links diabetes to the conditions listed under "with" unless the provider documents another cause. Three
ways a note does that, or says the words are not the patient's condition at all:

- the provider denies the link in the complication's sentence: "not diabetic", "nondiabetic", "not from the
  diabetes", "from CMT, not diabetic" (a neuropathy), "hypertensive nephrosclerosis, not diabetic kidney disease";
- the words name a relative's condition ("Mother had diabetic retinopathy"), said before them in the sentence;
- the mononeuropathy is the median nerve's at the carpal tunnel, or the ulnar nerve's, which the note codes as
  that entrapment (G56.0-, G56.2-): a compression with a cause of its own, not the index's diabetic mononeuropathy.
"""
import re

from services.coding.domain.note_text import FAMILY

LINK_DENIED = re.compile(r"\b(not|non-?)\s?diabetic\b|\bnot (from|due to|caused by|because of|related to) "
                         r"(the |his |her |their )?(diabetes|dm|t[12]dm)\b", re.IGNORECASE)
# the nerve named right before "mononeuropathy" -> the code prefix of its entrapment
_ENTRAPMENT = {"median": "G56.0", "ulnar": "G56.2"}
_NERVE_MONONEUROPATHY = re.compile(r"\b(median|ulnar)\s+(nerve\s+)?mononeuropath", re.IGNORECASE)


def link_denied(sentence: str) -> bool:
    """The sentence says the condition in it is not the diabetes's."""
    return LINK_DENIED.search(sentence) is not None


def relatives(before_in_sentence: str) -> bool:
    """A relative is named before the words in their sentence: the condition is the relative's."""
    return FAMILY.search(before_in_sentence) is not None


def entrapment_coded(mention: str, codes: set[str]) -> bool:
    """The mononeuropathy's nerve, named right before it, is one whose entrapment the note codes."""
    nerve = _NERVE_MONONEUROPATHY.search(mention)
    return nerve is not None and any(code.startswith(_ENTRAPMENT[nerve.group(1).lower()]) for code in codes)
