"""Two injuries notes word as the index does but the tabular does not, for `documented_findings`:

- "Hematoma, subdural (traumatic) - see Injury, intracranial, subdural hemorrhage" S06.5X-: a subdural hematoma
  or hemorrhage in a note that states the trauma (traumatic, a fall, a struck head, a crash). The 6th character is
  the loss of consciousness; only "no loss of consciousness" settles it from the words (S06.5X0), a stated loss
  depends on its duration and an unstated one is its own code, both for a coder. A nontraumatic or spontaneous one
  is I62.0-, and not read here.
- "Contusion, chest (wall) - see Contusion, thorax": the front wall S20.21-, the back wall S20.22-, by side; a
  chest wall contusion that names neither is S20.20.

Each code lacks its 7th character, which the 7th character rule takes from the note.
"""
import re

from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import negated_before, sentence
from services.coding.domain.note_text import word_pattern as _word

_SIDE = r"(the |his |her )?((right|left)(-sided)? )?"
_NONTRAUMATIC = _word(r"nontraumatic|non-traumatic|spontaneous")
_TRAUMA = _word(r"traumatic|trauma|falls?|fell|struck (his |her )?head|hit (his |her )?head|head (injury|strike)|"
                r"crash|mvc|mva|collision|assault(ed)?")
_NO_LOC = _word(r"no loc|without loc|without loss of consciousness|no loss of consciousness|"
                r"did not lose consciousness|denies loc")


def _subdural(match: re.Match, note: str) -> tuple[str, str] | None:
    text = sentence(note, match.start(), match.end())
    if _NONTRAUMATIC.search(text) or not _NO_LOC.search(text) or not any(
            not negated_before(note, m.start()) for m in _TRAUMA.finditer(note)):
        return None
    return "S06.5X0", "a subdural hematoma after the trauma the note states, without loss of consciousness"


_CHEST_WALL = r"chest wall"
_SIDE_DIGITS = {"right": "1", "left": "2"}


def _chest_wall(category: str, wall: str):
    """By the side the words or their sentence state ("Contusion of left front wall of thorax"); unsided, or both
    sides, the unspecified one."""
    def resolve(match: re.Match, note: str) -> tuple[str, str]:
        side = stated_side(match.group(0)) or stated_side(sentence(note, match.start(), match.end()))
        return category + _SIDE_DIGITS.get(side, "9"), f"a contusion of the {wall} wall of the thorax" + (
            f" ({side})" if side in _SIDE_DIGITS else "")
    return resolve

# every word the table's patterns need, searched once before them
HEAD_AND_CHEST_WORDS = re.compile(r"subdural|\bsdh\b|chest wall", re.IGNORECASE)
# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
HEAD_AND_CHEST_INJURIES = (
    (_word(r"(traumatic |acute |small |tiny |thin |chronic |left |right |bilateral )*subdural "
           r"(hematoma|hemorrhage|haemorrhage|bleed)|sdh"), ("S06", "I62"), _subdural),
    (_word(rf"{_SIDE}(anterior|front) {_CHEST_WALL} contusion|contusion (of|to) {_SIDE}(anterior |front )"
           rf"{_CHEST_WALL}"), ("S20",),
     _chest_wall("S20.21", "front")),
    (_word(rf"{_SIDE}(posterior|back) {_CHEST_WALL} contusion|contusion (of|to) {_SIDE}(posterior |back )"
           rf"{_CHEST_WALL}"), ("S20",),
     _chest_wall("S20.22", "back")),
    (_word(rf"(?<!anterior )(?<!front )(?<!posterior )(?<!back ){_CHEST_WALL} contusion|contusion (of|to) "
           rf"{_SIDE}{_CHEST_WALL}"), ("S20",),
     lambda match, note: ("S20.20", "a contusion of the chest wall, front or back unstated")),
)
