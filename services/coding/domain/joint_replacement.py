"""A replaced joint (guideline I.C.21.c.3, status Z96.6-) and the aftercare that follows its surgery (I.C.21.c.7,
Z47.1, whose "use additional code to identify the joint (Z96.6-)" note asks for the status beside it).

"s/p R TKA" is the joint's status, not a past condition; a replacement only discussed, planned, advised against or
a relative's is not, nor one the sentence names as the purpose ("for R TKA", "labs for L THA") or as the occasion of
a risk talked about ("risks of infection after TKA reviewed"), nor one of a joint
whose arthritis on the same side the note codes as current (a joint with its arthritis is not yet replaced). The
site is the joint named (knee, hip, shoulder; TKA/TKR, THA/THR, TSA), the side the sentence's
(Z96.6x1 right, x2 left, x3 bilateral, x9 unstated; a shoulder has no bilateral code: both sides). Aftercare is
coded where the note says the visit is the post-operative one ("post-op visit", "aftercare", "wound check",
"staples removed") or orders therapy in the weeks after the operation ("PT referral, 4 weeks s/p"), unless
the joint was replaced for a fracture, whose aftercare is its own 7th character D; the arthritis the replacement treated ("s/p L THA for OA"; at the post-operative visit, any
in its sentence) no longer exists and is not coded.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.laterality import stated_side, written_side
from services.coding.domain.note_text import FAMILY, NEGATION, before, sentence, sentence_start
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "joint-replacement"
# a hemiarthroplasty replaces the joint's one side ("Z96.64 Presence of artificial hip joint" includes it);
# "arthroplasy", "arthroplasties": the word's forms as notes write them
REPLACED_JOINT = re.compile(r"\b((total |partial |reverse (total )?)?(knee|hip|shoulder) ((hemi-?)?arthropla\w+|"
                            r"replacements?|replaced)|"
                            r"(tka|tkr|tha|thr|tsa|rtsa))\b", re.IGNORECASE)
_SITE_DIGIT = {"knee": "5", "tka": "5", "tkr": "5", "hip": "4", "tha": "4", "thr": "4", "shoulder": "1",
               "tsa": "1", "rtsa": "1"}
_SIDE_DIGIT = {"right": "1", "left": "2", "bilateral": "3", None: "9"}
_NOT_DONE = re.compile(r"\b(discuss\w*|plan\w*|prior to|before|upcoming|awaiting|pre-?op\w*|pre-?procedur\w*|"
                       r"not (advised|recommended|indicated)|deferred|declined|next (week|month|year)|tomorrow|"
                       r"candidate|consider\w*|scheduled|schedule|will need|may need|might need|pending|"
                       r"recommend\w*|options?|if|refer(red|ral)? (to|for) (\w+ )?(surgeon|surgery|ortho\w*|"
                       r"arthroplasty|evaluation))\b", re.IGNORECASE)
# a replacement the sentence dates or calls done keeps its status against the plan an assessment item writes after
# its dash ("s/p R TKA 2019 - plan as discussed")
_DONE = re.compile(r"\b(s/p|status post|h/o|history of|(19|20)\d\d|\d+ (yrs?|years?) ago)\b", re.IGNORECASE)
# the operation as the purpose of what the sentence names: "for right TKA", "clearance for L total hip arthroplasty"
_FOR_IT = re.compile(r"\bfor (a |an |the )?((right|left|r|l|rt|lt|bilateral|bilat|b/l) )?$", re.IGNORECASE)
# the operation as the occasion of a risk talked about: "risks of infection and DVT after TKA reviewed" (an
# operation still to come, as its consent talk names it)
_RISK_OF_IT = re.compile(r"\brisks? (of|for)\b[^.;]{0,80}\b(after|following) (a |an |the )?((right|left|r|l|rt|lt|"
                         r"bilateral|bilat|b/l) )?$", re.IGNORECASE)
_AFTERCARE = re.compile(r"\b(post[- ]?op(erative)?( visit| check| follow-?up)?|aftercare|wound check|"
                        r"(staples|sutures) (removed|out)|removal of (staples|sutures))\b", re.IGNORECASE)
# therapy ordered in the weeks after the operation is the recovery's continued care as well ("PT order: 3 weeks
# status post left TKA"): the order and the operation's weeks ago, not a therapy's own schedule ("for 6 weeks")
_REHAB_ORDER = re.compile(r"\b(physical therapy|pt|occupational therapy|ot|rehab(ilitation)?)\W{0,3}(referral|order|"
                          r"prescription|rx|eval\w*)\b|\b(refer\w*|ordered|order) (to |for )?(outpatient )?"
                          r"(physical therapy|rehab(ilitation)?)\b", re.IGNORECASE)
_WEEKS_SINCE = re.compile(r"\b(\d{1,2}|one|two|three|four|five|six|a few|several) (days?|wks?|weeks?) (ago|after|"
                          r"status post|s/p|post[- ]?op(erative(ly)?)?)\b", re.IGNORECASE)
_ARTHRITIS = re.compile(r"^M1[5-9]")
# the arthritis codes of the three joints, by the status code's site digit
_JOINT_ARTHRITIS = {"M16": "4", "M17": "5", "M19.01": "1"}
# a joint replaced for a fracture: its aftercare is the fracture's subsequent encounter (7th character D), not
# Z47.1 (guideline I.C.21.c.7: aftercare Z codes are not for injuries)
_FOR_FRACTURE = re.compile(r"\b(fracture\w*|fx)\b", re.IGNORECASE)


# the side written against the replacement itself ("R knee OA, s/p L TKA"): another side in its sentence is
# another joint's, not both of this one
_OWN_SIDE = re.compile(r"\b(right|left|rt|lt|r|l|bilateral|bilat|b/l)\.?[ \t]+$", re.IGNORECASE)
_SIDE_WORD = {"right": "right", "rt": "right", "r": "right", "left": "left", "lt": "left", "l": "left",
              "bilateral": "bilateral", "bilat": "bilateral", "b/l": "bilateral"}


def _side(match: re.Match, note: str) -> str | None:
    own = _OWN_SIDE.search(note[max(0, match.start() - 12):match.start()])
    return _SIDE_WORD[own.group(1).lower()] if own else stated_side(sentence(note, match.start(), match.end()))


def _status_codes(match: re.Match, note: str) -> list[str]:
    site = _SITE_DIGIT[next(w for w in re.findall(r"[a-z]+", match.group(0).lower()) if w in _SITE_DIGIT)]
    side = _SIDE_DIGIT[_side(match, note)]
    if site == "1" and side == "3":
        return ["Z96.611", "Z96.612"]
    return [f"Z96.6{site}{side}"]


@needs(patterns=(REPLACED_JOINT,))
def joint_replacement(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    made, reasons = [], []
    for match in REPLACED_JOINT.finditer(note):
        text = sentence(note, match.start(), match.end())
        if (NEGATION.search(before(note, match.start())) or _NOT_DONE.search(_up_to_its_plan(note, match))
                or FAMILY.search(text)
                or _FOR_IT.search(note[max(0, match.start() - 24):match.start()])
                or _RISK_OF_IT.search(note[sentence_start(note, match.start()):match.start()])):
            continue
        codes = [c for c in _status_codes(match, note) if tabular.is_billable(c) and c not in {m.code for m in made}]
        reason = f"{match.group(0)}: {' '.join(codes)}, the joint replaced"
        made += [from_rule(code, match, tabular, NAME, reason) for code in codes]
        reasons.append(reason)
    kept = [s for s in suggestions if not any(_reason_for(m, s, note) for m in made)]
    arthritic = {joint for s in kept if s.context == "affirmed" and (joint := _arthritic_joint(s))}
    made = [m for m in made if not _still_arthritic(m.code, arthritic)]
    reasons = [r for r in reasons if any(m.code in r for m in made)]
    aftercare = _AFTERCARE.search(note) or (_REHAB_ORDER.search(note) if _WEEKS_SINCE.search(note) else None)
    if not made or aftercare is None or any(_FOR_FRACTURE.search(sentence(note, m.start, m.end)) for m in made):
        return [*kept, *made], reasons
    reason = f"{aftercare.group(0)}: Z47.1 aftercare following joint replacement, {made[0].code} as its additional code"
    treated = {sentence(note, m.start, m.end) for m in made}
    kept = [s for s in kept if not (_ARTHRITIS.match(s.code) and sentence(note, s.start, s.end) in treated)]
    return [*kept, from_rule("Z47.1", aftercare, tabular, NAME, reason), *made], [*reasons, reason]


def _up_to_its_plan(note: str, match: re.Match) -> str:
    """The sentence, or only its part before the assessment item's dash where that part dates the replacement."""
    text, start = sentence(note, match.start(), match.end()), sentence_start(note, match.start())
    dash = text.find(" - ", match.end() - start)
    return text[:dash] if dash > 0 and _DONE.search(text[:dash]) else text


def _arthritic_joint(found: Suggestion) -> tuple[str, str] | None:
    """The site and side digits of a knee, hip or shoulder arthritis (bilateral 3, unstated 9); the side its
    evidence writes where the code has none yet ("OA L hip" before the laterality rule refines M16.10)."""
    code = found.code
    site = next((digit for prefix, digit in _JOINT_ARTHRITIS.items() if code.startswith(prefix)), None)
    if site is None:
        return None
    side = code[6:7] if site == "1" else "3" if code[4:5] in ("0", "2", "4", "6") else code[5:6]
    return site, side if side in ("1", "2", "3") else _SIDE_DIGIT[written_side(found.evidence)]


def _still_arthritic(status: str, arthritic: set[tuple[str, str]]) -> bool:
    """A replacement of a joint whose arthritis on that side is current: the operation is still to come (both knees'
    arthritis beside one knee replaced is the other knee's, which `one_side_replaced` reads)."""
    return status[6] != "9" and (status[5], status[6]) in arthritic


def _reason_for(replaced: Suggestion, s: Suggestion, note: str) -> bool:
    """"s/p L THA for OA": the arthritis named as the replacement's reason was in the joint replaced, not now."""
    return bool(_ARTHRITIS.match(s.code) and replaced.end <= s.start
                and sentence(note, s.start, s.end) == sentence(note, replaced.start, replaced.end)
                and re.fullmatch(r"[\w\s]*\bfor (\w+ ){0,2}", note[replaced.end:s.start], re.IGNORECASE))
