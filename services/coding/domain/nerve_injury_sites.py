"""A named nerve's injury at the level the index files it by, for `documented_findings`. The index's "Injury,
nerve" sends each nerve to a level ("median (forearm level) S54.1-, hand and wrist level S64.1-, upper arm level
S44.1-"), and the tabular titles the code "Injury of median nerve at forearm level, right arm": the term index meets
"median nerve injury" only at its default level and leaves its side for a coder, and it meets no peroneal nerve at
all (T14.90, an injury of unspecified body region).

- Median S54.1-, ulnar S54.0-, radial S54.2- at the forearm or elbow (the index's default level); at the wrist or
  hand S64.1-, S64.0-, S64.2-; at the upper arm S44.1-, S44.0-, S44.2-.
- Peroneal (fibular), common or unqualified, at the lower leg level S84.1-, the index's default and where the
  fibular neck and the knee put it.

The side is the one the mention states ("R median nerve injury"), else the one its sentence states alone; both or
neither is the unspecified side's code. Each code lacks its 7th character, which the 7th-character rule takes from
the encounter the note states (a late effect's S among them), so a note that states none waits for a coder.
"""
import re

from services.coding.domain.laterality import written_side
from services.coding.domain.note_text import sentence, word_pattern as _rx

NERVE_INJURY_WORDS = re.compile(r"nerve (injury|injuries|laceration|transection)|injury (of|to) (the |his |her )?"
                                r"((right|left|r|l) )?\w+ nerve", re.IGNORECASE)
_SIDE = r"(the |his |her )?(right |left |r |l )?"
_NERVES = r"(median|ulnar|radial|(common )?(peroneal|fibular))"
_NERVE = re.compile(r"median|ulnar|radial|peroneal|fibular", re.IGNORECASE)
_INJURY = r"(injury|injuries|laceration|transection)"
_NERVE_INJURY = _rx(rf"{_SIDE}{_NERVES} nerve {_INJURY}|{_INJURY} (of|to) {_SIDE}{_NERVES} nerve")
# the level written right after the mention: "... at the wrist", "... at the fibular neck (lower leg)"; a level
# this table does not code ("at the ankle", "at the shoulder") leaves the injury to the index
_LEVEL_AFTER = re.compile(r"^,? (at|of|in) (the )?(?P<level>wrist|hand|palm|forearm|elbow|upper arm|arm|fibular neck|"
                          r"knee|lower leg|leg|ankle|foot|thigh|hip|shoulder|axilla)\b", re.IGNORECASE)
_ARM_LEVELS = {"wrist": "S64", "hand": "S64", "palm": "S64", "forearm": "S54", "elbow": "S54", "upper arm": "S44"}
# the 4th character of each arm nerve, the same at every level
_ARM_NERVES = {"ulnar": "0", "median": "1", "radial": "2"}
_SIDE_DIGITS = {"right": "1", "left": "2"}


def _side(match: re.Match, note: str) -> str:
    side = written_side(match.group(0)) or written_side(sentence(note, match.start(), match.end()))
    return _SIDE_DIGITS.get(side, "0")


def nerve_injury(match: re.Match, note: str) -> tuple[str, str] | None:
    """The nerve's injury code at the level written after it (its default level when none), by side."""
    nerve = _NERVE.search(match.group(0)).group(0).lower()
    level = _LEVEL_AFTER.match(note[match.end():])
    level_word = level.group("level").lower() if level else None
    if nerve in ("peroneal", "fibular"):
        if level_word not in (None, "fibular neck", "knee", "lower leg", "leg"):
            return None
        return f"S84.1{_side(match, note)}", "an injury of the peroneal nerve at the lower leg level"
    category = _ARM_LEVELS.get(level_word or "forearm")
    if category is None:
        return None  # "arm" alone names no level
    return (f"{category}.{_ARM_NERVES[nerve]}{_side(match, note)}",
            f"an injury of the {nerve} nerve at the {level_word or 'forearm'} level")


# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
NERVE_INJURY_SITES = ((_NERVE_INJURY, ("S44", "S54", "S64", "S84", "T14"), nerve_injury),)
