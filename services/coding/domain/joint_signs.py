"""Joint signs and a finger's tendon sheath in the words clinics write, where the ICD-10-CM alphabetic index sends
them, for `documented_findings`:

- "Decreased, range of motion - see Stiffness, joint": a decreased, reduced, limited or restricted range of
  motion (ROM) of a joint, or its loss, is "Stiffness of joint, NEC" M25.6-, by joint and side.
- "Swelling, joint - see Effusion, joint": a swollen joint, or its swelling, is M25.4-, by joint and side.
- "Instability, joint" M25.3- ("Other instability"), by joint and side: "R knee instability", "instability of the
  left shoulder". A ligament's tear or sprain (an old ligament injury's instability is M24.2-, the category's
  excludes1), a dislocation or subluxation, or a joint prosthesis in the sentence explains it, as for the other signs.
- "Tenosynovitis, stenosing, finger - see Finger, trigger": stenosing (flexor) tenosynovitis of a finger or thumb
  is trigger finger M65.3-, by digit and side (de Quervain's, at the wrist, is M65.4 and not this).

A sign whose sentence names what explains it (arthritis, gout, a fracture, a sprain, a tear, a dislocation, a
contracture) is that condition's part and left to it, unless the sentence names the sign as that injury's late
effect ("stiffness of the L elbow, a late effect of a radial head fracture"): the residual is then coded first,
beside the injury's sequela code (guideline I.B.10); both sides named go to a coder, who codes each side.
"""
import re

from services.coding.domain.injury_sequela import names_a_late_effect
from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import after, current, sentence, sentence_start
from services.coding.domain.note_text import word_pattern as _word

_JOINT_DIGITS = {"shoulder": "1", "elbow": "2", "wrist": "3", "hip": "5", "knee": "6", "ankle": "7"}
_JOINTS = "|".join(_JOINT_DIGITS)
_SIDE_DIGITS = {"right": "1", "left": "2", None: "9"}
_UNSTATED_ANKLE = "3"  # the ankle's "unspecified" is its sixth character 3 (4-6 are the foot's)
_SIDE = r"(the |her |his |my )?((right|left|r|l)(-sided)? )?"
_EXPLAINED_BY = _word(r"arthritis|osteoarthritis|oa|arthrosis|arthropathy|gout|pseudogout|capsulitis|"
                      r"frozen shoulder|contractures?|ankylosis|fractures?|fx|sprain(ed)?|strain(ed)?|tears?|torn|"
                      r"dislocation|dislocated|bursitis|tendinitis|tendonitis|cellulitis|sequela|arthroplasty|"
                      r"replacement|polymyalgia|synovitis|contusion|bruis(e|ed|ing)|"
                      r"subluxation|subluxes|subluxing|prosthe(sis|tic)|tka|tha")
_DECREASED = r"(decreased|reduced|limited|restricted|diminished|loss of|lost|poor)"
_MOTION = r"(range of motion|rom|motion)"


def _joint_sign(category: str, what: str):
    """M25.4-/M25.6- by the joint the words name and the side they or their sentence state."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        text = sentence(note, match.start(), match.end())
        if _explained_beside(note, match) and not names_a_late_effect(text):
            return None
        joint = re.search(_JOINTS, match.group(0), re.IGNORECASE).group(0).lower()
        if category == "M25.4" and _swelling_as_edema(note, text, joint):
            return None
        return _of_joint_and_side(category, joint, stated_side(match.group(0)) or stated_side(text),
                                  f"{what} of the {joint}")
    return resolve


_NO_EFFUSION = re.compile(r"\bno (joint )?effusion\b", re.IGNORECASE)


def _swelling_as_edema(note: str, text: str, joint: str) -> bool:
    """A swelling its sentence says is no effusion, or at a joint the note calls edematous ("L ankle edema",
    "localized edema L ankle"), is the edema the note names (R60.-), not the joint's effusion."""
    edema_there = re.compile(rf"\b{joint}s? edema\b|\bedema,? (of )?(the )?((right|left|r|l|bilat|bilateral|both) )?"
                             rf"{joint}s?\b", re.IGNORECASE)
    return _NO_EFFUSION.search(text) is not None or edema_there.search(note) is not None


def _explained_beside(note: str, match: re.Match) -> bool:
    """The sign's sentence states what explains it as current: a condition only supposed ("probable gout - pain
    and swelling of the R knee", "likely meniscal tear") explains nothing yet, and its signs are coded (IV.H)."""
    first = sentence_start(note, match.start())
    return any(current(note, first + m.start(), first + m.end())
               for m in _EXPLAINED_BY.finditer(sentence(note, match.start(), match.end())))


def _of_joint_and_side(category: str, joint: str, side: str | None, why: str) -> tuple[str, str] | None:
    """The code's joint and side digits; both sides go to a coder, who codes each."""
    if side == "bilateral":
        return None
    digit = _UNSTATED_ANKLE if joint == "ankle" and side is None else _SIDE_DIGITS[side]
    return f"{category}{_JOINT_DIGITS[joint]}{digit}", why + (f" ({side})" if side else "")


_FINGER_DIGITS = (("1", r"thumb"), ("2", r"index|first|2nd|second"), ("3", r"middle|long|3rd|third"),
                  ("4", r"ring|4th|fourth"), ("5", r"little|small|pinky|5th|fifth"))
_FINGER = r"(thumb|((index|first|2nd|second|middle|long|3rd|third|ring|4th|fourth|little|small|pinky|5th|fifth)" \
          r"( finger)?)|finger)"
_DE_QUERVAIN = _word(r"de ?quervain'?s?|first dorsal compartment|radial styloid")


def _trigger_finger(match: re.Match, note: str) -> tuple[str, str] | None:
    """M65.3-: thumb 1, index 2, middle 3, ring 4, little 5; the side's digit after it."""
    if _DE_QUERVAIN.search(sentence(note, match.start(), match.end())):
        return None
    named = match.group("digit").lower()
    digit = next((d for d, words in _FINGER_DIGITS if re.search(rf"\b({words})\b", named)), None)
    side = stated_side(match.group(0)) or stated_side(sentence(note, match.start(), match.end()))
    if digit is None or side == "bilateral":
        return "M65.30", "stenosing tenosynovitis of a finger is trigger finger, finger unspecified"
    return (f"M65.3{digit}{_SIDE_DIGITS[side]}",
            "stenosing tenosynovitis of a finger is trigger finger" + (f" ({side})" if side else ""))


def _explained_in(note: str) -> bool:
    """A sign whose joint is only its sentence's is left to a condition the note states anywhere as current ("R
    wrist pain and swelling. ... Dx: sprain of R wrist"); one only supposed ("possible meniscus tear") explains
    nothing yet."""
    return any(current(note, m.start(), m.end()) for m in _EXPLAINED_BY.finditer(note))


def _of_the_joint_named(category: str, what: str):
    """"R shoulder pain and decreased ROM", "L knee pain and swelling": the joint is the one its sentence names, if
    it names only one, and the note states nothing that explains the sign."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        text = sentence(note, match.start(), match.end())
        joints = {joint.lower() for joint in re.findall(rf"\b({_JOINTS})s?\b", text, re.IGNORECASE)}
        if len(joints) != 1 or _explained_in(note):
            return None
        joint = joints.pop()
        return _of_joint_and_side(category, joint, stated_side(text), f"{what} of the {joint} its sentence names")
    return resolve


def _of_the_joint_after(category: str, what: str):
    """"pain and swelling of the right knee": the pain is the joint's the words after it name."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        named = re.match(rf" and swelling (of|in) {_SIDE}({_JOINTS})", after(note, match.end()), re.IGNORECASE)
        text = sentence(note, match.start(), match.end())
        if named is None or (_explained_beside(note, match) and not names_a_late_effect(text)):
            return None
        return _of_joint_and_side(category, named.group(named.lastindex).lower(), stated_side(named.group(0)),
                                  f"{what} of the {named.group(named.lastindex).lower()}")
    return resolve


# every word the table's patterns need, searched once before them
JOINT_SIGN_WORDS = re.compile(r"motion|\brom\b|swell|swollen|effusion|stenosing|instability", re.IGNORECASE)
# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
JOINT_SIGN_FINDINGS = (
    (_word(rf"{_DECREASED} {_MOTION} (of|in|at) {_SIDE}({_JOINTS})|{_DECREASED} {_MOTION},? {_SIDE}({_JOINTS})|"
           rf"{_SIDE}({_JOINTS}) (with )?{_DECREASED} {_MOTION}"), ("M25",),
     _joint_sign("M25.6", "decreased range of motion is stiffness")),
    (_word(rf"{_DECREASED} {_MOTION}(?!,? (of|in|at) )(?!,? {_SIDE}({_JOINTS}))"), ("M25",),
     _of_the_joint_named("M25.6", "decreased range of motion is stiffness")),
    (_word(rf"swelling (of|in) {_SIDE}({_JOINTS})|swollen {_SIDE}({_JOINTS})|{_SIDE}({_JOINTS}) (swelling|is swollen)"),
     ("M25", "R60", "R22"), _joint_sign("M25.4", "a swollen joint is an effusion")),
    (_word(rf"{_SIDE}({_JOINTS}) (joint )?instability|instability (of|in) {_SIDE}({_JOINTS})( joint)?"), ("M25",),
     _joint_sign("M25.3", "an unstable joint is other instability")),
    (_word(r"((?<=pain and )|(?<=pain with )|(?<=pain, )|(?<=stiffness and ))(swelling|effusion)(?! (of|in) )"),
     ("M25", "R60", "R22"), _of_the_joint_named("M25.4", "a swollen joint is an effusion")),
    (_word(rf"pain(?= and swelling (of|in) {_SIDE}({_JOINTS}))"), ("M25", "R52"),
     _of_the_joint_after("M25.5", "pain in a joint")),
    (_word(rf"stenosing (flexor )?tenosynovitis( \(trigger (finger|thumb)\))?(,| of| at| -)? {_SIDE}"
           rf"(?P<digit>{_FINGER})"), ("M65",), _trigger_finger),
)
