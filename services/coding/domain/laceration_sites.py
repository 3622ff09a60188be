"""Lacerations of the upper limb written by site and side, for `documented_findings`. The index sends "Cut - see
Laceration" and "Laceration, finger(s) / thumb / hand / forearm" to codes whose titles add words a note leaves out
("without foreign body", "without damage to nail"), so "laceration of the L index finger" or "cut the R thumb"
met no term and went uncoded.

- A finger (S61.21-) or the thumb (S61.01-) without damage to the nail, the hand (palm, S61.41-), the forearm
  (S51.81-): each without a foreign body, the index's default where the note names none.
- The side is the mention's own or the hand's named right after it; a finger's code holds its side with the digit,
  so a finger with no side stated is left to a coder, and a thumb, hand or forearm keeps its unspecified-side code.
- A nail the wound reaches, or a foreign body the sentence names and does not deny, is another code: left to a coder.

Each code lacks its 7th character: the 7th-character rule reads the encounter the note states, or holds the code.
"""
import re

from services.coding.domain.injury_sites import hand_side
from services.coding.domain.note_text import sentence, word_pattern as _rx

# the finger's sixth character (right, left)
_FINGERS = {"index": "01", "middle": "23", "ring": "45", "little": "67", "small": "67", "pinky": "67"}
# (right, left, unspecified side) by the site's words
_SITE_CODES = (("thumb", ("S61.011", "S61.012", "S61.019")), ("palm|hand", ("S61.411", "S61.412", "S61.419")),
               ("forearm", ("S51.811", "S51.812", "S51.819")))
_SIDE = r"(the |his |her )?(right |left |r |l )?"
_SITE = r"((index|middle|ring|little|small) finger|pinky|thumb|palm|hand|forearm)"
_NAIL = _rx(r"nail ?bed|nail plate|through the nail|damage to (the )?nail|nail (avulsion|injury|involvement|"
            r"lacerat\w*|damaged?)")
_FOREIGN_BODY = _rx(r"foreign body|FB|glass (fragment|shard|piece)s?( retained)?|retained")
_NO_FOREIGN_BODY = _rx(r"(no|without|w/o|negative for)( retained)? (foreign body|FB|glass)")

LACERATION_WORDS = re.compile(r"lacerat|\bcut\b", re.IGNORECASE)
LACERATION_SITE = _rx(rf"lacerations? (of |to |on )?{_SIDE}{_SITE}|{_SIDE}{_SITE} lacerations?|"
                      rf"cut (the |his |her |my )?(right |left |r |l ){_SITE}")


def laceration_code(match: re.Match, note: str) -> tuple[str, str] | None:
    """S61.01-, S61.21-, S61.41-, S51.81- by the site and side the mention states (without a 7th character)."""
    text = sentence(note, match.start(), match.end())
    if _NAIL.search(text) or (_FOREIGN_BODY.search(text) and not _NO_FOREIGN_BODY.search(text)):
        return None  # the nail's or a foreign body's code: a coder's
    words = match.group(0).lower()
    right = hand_side(match, note)
    finger = re.search(r"index|middle|ring|little|small|pinky", words)
    if finger:
        if right is None:
            return None
        digit = _FINGERS["little" if finger.group(0) == "pinky" else finger.group(0)][0 if right else 1]
        return f"S61.21{digit}", "laceration of the finger named, without foreign body or damage to the nail"
    codes = next(codes for site, codes in _SITE_CODES if re.search(site, words))
    code = codes[2] if right is None else codes[0 if right else 1]
    return code, "laceration of the site named, without foreign body" + (
        " or damage to the nail" if code.startswith("S61.01") else "")
