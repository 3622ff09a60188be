"""Sprains, strains, dislocations and fractures at the sites the ICD-10-CM alphabetic index names but the tabular
words otherwise, for `documented_findings`. Without them "shoulder sprain" or "medial malleolus fracture"
meets no index term and falls to the unspecified injury T14.90.

- Sprains and strains, by the index's site entries: "Sprain, shoulder joint" S43.40-, "Sprain, acromioclavicular"
  S43.5-, "Sprain, elbow" S53.40-, "Sprain, hip" S73.10-, "Sprain, spine, cervical" and "Whiplash" S13.4,
  "Sprain, neck" S13.9, "Sprain, spine, lumbar" S33.5; "Strain, thorax, back wall" S29.012, "Strain, hip"
  S76.01-, "Strain, quadriceps" S76.11-, "Strain, hamstring" S76.31-, "Strain, Achilles tendon" S86.01- (its
  rupture or tear too: "Rupture, traumatic, tendon - see Strain"), "Strain, rotator cuff" S46.01-.
- Dislocations: "Dislocation, elbow" S53.10-, "Dislocation, patella" S83.00- (lateral S83.01-).
- Fractures: "Fracture, clavicle" S42.00- (a part named is its own code; the shaft S42.02-), "Fracture, rib" one
  rib counted S22.3-, "Fracture, medial malleolus" S82.5-, "Fracture, metatarsal" by the bone counted (first to fourth;
  the fifth is read elsewhere), "Fracture, toe, great" S92.40- and a lesser toe S92.91-, a toe's phalanx named
  (proximal, middle, distal: S92.41-/S92.42-, S92.51- to S92.53-) with the side the mention states, "Fracture,
  metacarpal" S62.3- by the bone counted, part and side (a "boxer's fracture" is the fifth's neck), the first
  metacarpal's base, shaft and neck S62.23- to S62.25- and "Fracture, Bennett's" S62.21-, a finger's or the
  thumb's phalanx named in the title's words ("fracture of the middle phalanx of the left ring finger": S62.61- to
  S62.66-, S62.51-/S62.52-); each displaced unless the clause says otherwise (guideline I.C.19.c.1).

Each is the unspecified-side code lacking its 7th character: the laterality rule takes the side the sentence
states and the 7th-character rule the encounter it states, so a note that states neither waits for a coder.
A hand bone's code carries the side with the digit, so its side is read here from the mention itself or the hand
named right after it ("..., left hand").
"""
import re

from services.coding.domain.note_text import sentence, word_pattern as _rx

_SIDE = r"(the |his |her )?(right |left |r |l )?"
_FRACTURE = r"(fracture[sd]?|fx)"
_NONDISPLACED = _rx(r"nondisplaced|non-displaced|undisplaced")
_RIGHT = _rx(r"right|r")
_LEFT = _rx(r"left|l")


def _injury(kind: str, site: str) -> re.Pattern:
    """"<kind> of the right <site>", "right <site> <kind>", "<kind>ed right <site>"."""
    return _rx(rf"{kind}(ed)? (of |to )?{_SIDE}{site}|{_SIDE}{site} {kind}")


def _fixed(code: str, why: str):
    return lambda match, note: (code, why)


def _displaced(displaced: str, nondisplaced: str, what: str):
    def resolve(match: re.Match, note: str) -> tuple[str, str]:
        if _NONDISPLACED.search(sentence(note, match.start(), match.end())):
            return nondisplaced, f"{what}, nondisplaced"
        return displaced, f"{what}, displaced (not stated otherwise)"
    return resolve


# a metacarpal's sixth character: (right, left) by the bone counted; its part's fifth (displaced, nondisplaced)
_METACARPAL_DIGITS = {"second": "01", "2nd": "01", "third": "23", "3rd": "23", "fourth": "45", "4th": "45",
                      "fifth": "67", "5th": "67", "boxer": "67"}
_METACARPAL_PARTS = (("neck", "S62.33", "S62.36"), ("shaft", "S62.32", "S62.35"), ("base", "S62.31", "S62.34"))
_ORDINAL = "|".join(_METACARPAL_DIGITS)
# the hand named right after the mention: "fx of the 4th metacarpal, left hand"
_HAND_AFTER = re.compile(r",?\s+(of\s+)?(the\s+|his\s+|her\s+)?(right|left|r|l)\s+hand\b", re.IGNORECASE)


def hand_side(match: re.Match, note: str) -> bool | None:
    """True for the right hand, False for the left: the mention's own side or its hand's right after it; None where
    neither or both are named (a coder's)."""
    hand = _HAND_AFTER.match(note, match.end())
    side_words = match.group(0) + (" " + hand.group(3) if hand else "")
    right, left = bool(_RIGHT.search(side_words)), bool(_LEFT.search(side_words))
    return None if right == left else right


# "displaced" or "nondisplaced" written right before the mention is its own, whatever another fracture in the
# sentence is ("displaced fx of ... and nondisplaced fx of ...")
_DISPLACEMENT_BEFORE = re.compile(r"\b(non-?|un)?displaced,?\s*$", re.IGNORECASE)


def _nondisplaced(match: re.Match, note: str) -> bool:
    own = _DISPLACEMENT_BEFORE.search(note[max(0, match.start() - 20):match.start()])
    if own:
        return bool(own.group(1))
    return bool(_NONDISPLACED.search(sentence(note, match.start(), match.end())))


def _metacarpal(match: re.Match, note: str) -> tuple[str, str] | None:
    """S62.3-: the bone counted and the side, both the mention's own or its hand's right after it (else a
    coder's); the part (neck, shaft, base) with its displacement, or the part unspecified (S62.30-)."""
    words = match.group(0)
    right = hand_side(match, note)
    ordinal = re.search(_ORDINAL, words, re.IGNORECASE)
    if right is None or ordinal is None:
        return None  # no side, or both: for a coder
    digit = _METACARPAL_DIGITS[ordinal.group(0).lower()][0 if right else 1]
    part = "neck" if ordinal.group(0).lower() == "boxer" else next(
        (name for name, _, _ in _METACARPAL_PARTS if re.search(rf"\b{name}\b", words, re.IGNORECASE)), None)
    if part is None:
        return f"S62.30{digit}", "fracture of the metacarpal counted, part unspecified"
    _, displaced, nondisplaced = next(row for row in _METACARPAL_PARTS if row[0] == part)
    if _nondisplaced(match, note):
        return nondisplaced + digit, f"fracture of the {part} of the metacarpal counted, nondisplaced"
    return displaced + digit, f"fracture of the {part} of the metacarpal counted, displaced (not stated otherwise)"


_FIRST_METACARPAL_PARTS = {"base": "S62.23", "shaft": "S62.24", "neck": "S62.25"}


def _first_metacarpal(match: re.Match, note: str) -> tuple[str, str] | None:
    """S62.23- to S62.25-, the first metacarpal's base, shaft or neck, by side and displacement."""
    right = hand_side(match, note)
    if right is None:
        return None
    part = re.search(r"base|shaft|neck", match.group(0), re.IGNORECASE).group(0).lower()
    nondisplaced = _nondisplaced(match, note)
    sixth = ("4" if right else "5") if nondisplaced else ("1" if right else "2")
    how = "nondisplaced" if nondisplaced else "displaced (not stated otherwise)"
    return _FIRST_METACARPAL_PARTS[part] + sixth, f"fracture of the {part} of the first metacarpal, {how}"


def _bennett(match: re.Match, note: str) -> tuple[str, str] | None:
    """S62.21-: Bennett's fracture by the side of the thumb or hand named with it."""
    right = hand_side(match, note)
    return None if right is None else ("S62.211" if right else "S62.212", "Bennett's fracture of the hand named")


# a finger's phalanx: the category's fifth character (displaced, nondisplaced) by phalanx, the sixth by finger
# and side (right, left); the thumb has no middle phalanx
_FINGER_PHALANGES = {"proximal": ("1", "4"), "middle": ("2", "5"), "distal": ("3", "6")}
_FINGERS = {"index": "01", "middle": "23", "ring": "45", "little": "67", "small": "67", "pinky": "67"}
_THUMB_PHALANGES = {"proximal": "S62.51", "distal": "S62.52"}


def _hand_phalanx(match: re.Match, note: str) -> tuple[str, str] | None:
    """S62.61- to S62.66- (a finger) and S62.51-/S62.52- (the thumb) by the phalanx, the digit, the side (else a
    coder's) and the displacement the sentence states (displaced unless it says otherwise)."""
    words = match.group(0)
    right = hand_side(match, note)
    phalanx = re.search(r"proximal|middle|distal", words, re.IGNORECASE).group(0).lower()
    digit = re.search(r"(index|middle|ring|little|small|pinky)(?= finger\b)|\bpinky|thumb", words, re.IGNORECASE)
    if right is None or digit is None or (digit.group(0).lower() == "thumb" and phalanx == "middle"):
        return None
    nondisplaced = _nondisplaced(match, note)
    how = "nondisplaced" if nondisplaced else "displaced (not stated otherwise)"
    if digit.group(0).lower() == "thumb":
        sixth = ("4" if right else "5") if nondisplaced else ("1" if right else "2")
        return _THUMB_PHALANGES[phalanx] + sixth, f"fracture of the {phalanx} phalanx of the thumb, {how}"
    fifth = _FINGER_PHALANGES[phalanx][nondisplaced]
    sixth = _FINGERS[digit.group(0).lower()][0 if right else 1]
    return f"S62.6{fifth}{sixth}", f"fracture of the {phalanx} phalanx of the finger named, {how}"


# a toe's phalanx: (great toe?, phalanx) -> the category; the sixth character by side and displacement
_TOE_PHALANGES = {(True, "proximal"): "S92.41", (True, "distal"): "S92.42", (False, "proximal"): "S92.51",
                  (False, "middle"): "S92.52", (False, "distal"): "S92.53"}
_GREAT_TOE = r"great toe|big toe|hallux|1st toe|first toe"
_LESSER_TOE = r"(second|third|fourth|fifth|2nd|3rd|4th|5th|little|lesser) toe"


def _toe_phalanx(match: re.Match, note: str) -> tuple[str, str] | None:
    """S92.41-/S92.42- (great toe) and S92.51- to S92.53- (lesser toe) by the phalanx named, the side the mention
    states (else a coder's) and its displacement (displaced unless the sentence says otherwise)."""
    words = match.group(0)
    great = bool(re.search(_GREAT_TOE, words, re.IGNORECASE))
    phalanx = re.search(r"proximal|middle|distal", words, re.IGNORECASE).group(0).lower()
    right, left = bool(_RIGHT.search(words)), bool(_LEFT.search(words))
    category = _TOE_PHALANGES.get((great, phalanx))
    if category is None or right == left:
        return None
    nondisplaced = bool(_NONDISPLACED.search(sentence(note, match.start(), match.end())))
    sixth = ("4" if right else "5") if nondisplaced else ("1" if right else "2")
    toe = "great toe" if great else "lesser toe"
    how = "nondisplaced" if nondisplaced else "displaced (not stated otherwise)"
    return category + sixth, f"fracture of the {phalanx} phalanx of the {toe}, {how}"


_STRAIN = _rx(r"strain(ed)?")


def _whiplash(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Whiplash" names how the neck was hurt; beside a strain the sentence names ("cervical strain (whiplash
    injury)") it is that strain, coded as such, not a sprain besides."""
    if match.group(0).lower().startswith("whiplash") and _STRAIN.search(sentence(note, match.start(), match.end())):
        return None
    return "S13.4", "sprain of the ligaments of the cervical spine (whiplash)"


_METATARSALS = (("1", "first|1st"), ("2", "second|2nd"), ("3", "third|3rd"), ("4", "fourth|4th"))

# a part of the clavicle its own code holds (S42.01- to S42.03-): the index reads it, this table leaves it
_CLAVICLE_PART = _rx(r"shaft|midshaft|mid-shaft|sternal|medial end|lateral end|acromial|distal|proximal")
_SHAFT = r"(mid-?)?shaft"
_RIB_ORDINAL = r"\d{1,2}(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"


def _clavicle(match: re.Match, note: str) -> tuple[str, str] | None:
    """S42.00-: the clavicle's fracture where its sentence names no part (a part is its own code)."""
    if _CLAVICLE_PART.search(sentence(note, match.start(), match.end())):
        return None
    return "S42.009", "fracture of the clavicle, part unspecified"

# every word the table's patterns need, searched once before them
_HAND_DIGIT = r"(index|middle|ring|little|small|pinky) finger|pinky|thumb"
INJURY_SITE_WORDS = re.compile(r"sprain|strain|whiplash|dislocat|fractur|\bfx\b|boxer|bennett|achilles", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
INJURY_SITES = (
    (_injury("sprain", r"(shoulder|glenohumeral joint|shoulder joint)"), ("S43", "T14"),
     _fixed("S43.409", "sprain of the shoulder joint")),
    (_injury("sprain", r"(ac|acromioclavicular)( joint)?"), ("S43", "T14"),
     _fixed("S43.50", "sprain of the acromioclavicular joint")),
    (_injury("sprain", r"elbow"), ("S53", "T14"), _fixed("S53.409", "sprain of the elbow")),
    (_injury("sprain", r"hip"), ("S73", "T14"), _fixed("S73.109", "sprain of the hip")),
    (_rx(r"whiplash( injury)?|cervical (spine )?sprain|sprain(ed)? (of )?(the )?cervical spine"), ("S13", "T14"),
     _whiplash),
    (_rx(r"neck sprain|sprain(ed)? (of )?(the )?neck"), ("S13", "T14"),
     _fixed("S13.9", "sprain of the neck, part unspecified")),
    (_rx(r"lumbar (spine )?sprain|sprain(ed)? (of )?(the )?lumbar spine"), ("S33", "T14"),
     _fixed("S33.5", "sprain of the ligaments of the lumbar spine")),
    (_rx(r"(thoracic|upper back|mid[- ]?back)( paraspinal| back)?( muscles?)? strain|strain(ed)? (of )?(the )?"
         r"(thoracic|upper back|mid[- ]?back)( paraspinal| back)?( muscles?)?"), ("S29", "S39", "T14"),
     _fixed("S29.012", "strain of the muscles of the back wall of the thorax")),
    (_injury("strain", r"hip( flexors?)?"), ("S76", "T14"), _fixed("S76.019", "strain of the hip")),
    (_injury("strain", r"(quadriceps|quad)( muscle| tendon)?"), ("S76", "T14"),
     _fixed("S76.119", "strain of the quadriceps")),
    (_injury("strain", r"achilles( tendon)?"), ("S86", "T14"), _fixed("S86.019", "strain of the Achilles tendon")),
    (_injury("strain", r"rotator cuff"), ("S46", "T14"), _fixed("S46.019", "strain of the rotator cuff")),
    (_injury("strain", r"hamstrings?( muscles?| tendons?)?"), ("S76", "T14"),
     _fixed("S76.319", "strain of the hamstring")),
    # "Rupture, traumatic, tendon - see Strain" and "Tear, tendon - see Strain": a torn Achilles is its strain code
    (_rx(rf"(ruptured?|tear|torn) (of )?{_SIDE}achilles( tendon)?|{_SIDE}achilles( tendon)? (rupture|tear)"),
     ("S86", "T14"), _fixed("S86.019", "rupture of the Achilles tendon (strain, by site)")),
    (_injury(_FRACTURE, "clavicle"), ("S42", "T14"), _clavicle),
    (_rx(rf"{_FRACTURE},? (of )?(the )?{_SHAFT} (of )?{_SIDE}clavicle|{_SIDE}{_SHAFT} (of )?(the )?{_SIDE}clavicle "
         rf"{_FRACTURE}|{_SIDE}clavicle {_SHAFT} {_FRACTURE}|{_SHAFT} {_FRACTURE} (of )?{_SIDE}clavicle"),
     ("S42", "T14"), _displaced("S42.023", "S42.026", "fracture of the shaft of the clavicle")),
    # "Fracture, rib" S22.3-: one rib, counted ("fx L 6th rib"); two or more are "multiple" (`injury_findings`)
    (_rx(rf"{_FRACTURE} (of )?{_SIDE}({_RIB_ORDINAL}) rib|{_SIDE}({_RIB_ORDINAL}) rib {_FRACTURE}"), ("S22", "T14"),
     _fixed("S22.39", "fracture of one rib")),
    (_rx(rf"(dislocation (of )?{_SIDE}elbow|{_SIDE}elbow dislocation|dislocated {_SIDE}elbow)"), ("S53", "T14"),
     _fixed("S53.106", "dislocation of the elbow, direction unspecified")),
    (_rx(rf"(?<!lateral )(dislocation (of )?{_SIDE}(patella|kneecap)|{_SIDE}(patellar|patella) dislocation|"
         rf"dislocated {_SIDE}(patella|kneecap))"), ("S83", "T14"),
     _fixed("S83.006", "dislocation of the patella, direction unspecified")),
    (_rx(rf"{_FRACTURE} of {_SIDE}medial malleol(us|ar)|{_SIDE}medial malleol(us|ar) {_FRACTURE}"), ("S82", "T14"),
     _displaced("S82.53", "S82.56", "fracture of the medial malleolus")),
    *((_rx(rf"{_FRACTURE} of {_SIDE}({ordinal}) metatarsal|{_SIDE}({ordinal}) metatarsal( bone)? {_FRACTURE}"),
       ("S92", "T14"), _displaced(f"S92.3{digit}3", f"S92.3{digit}6", "fracture of the metatarsal counted"))
      for digit, ordinal in _METATARSALS),
    (_rx(rf"{_FRACTURE},? (of )?(the )?(proximal|middle|distal) phalanx (of )?{_SIDE}({_GREAT_TOE}|{_LESSER_TOE})"),
     ("S92", "T14"), _toe_phalanx),
    (_rx(rf"{_FRACTURE} of {_SIDE}(great toe|big toe|hallux)|{_SIDE}(great toe|big toe|hallux) {_FRACTURE}"),
     ("S92", "T14"), _displaced("S92.403", "S92.406", "fracture of the great toe")),
    (_rx(rf"{_FRACTURE} of {_SIDE}((second|third|fourth|fifth|2nd|3rd|4th|5th|little|lesser) )?toe|"
         rf"(?<!great )(?<!big )\b{_SIDE}((second|third|fourth|fifth|2nd|3rd|4th|5th|little|lesser) )?toe {_FRACTURE}"),
     ("S92", "T14"), _fixed("S92.919", "fracture of a lesser toe")),
    (_rx(rf"{_SIDE}boxer'?s {_FRACTURE}|{_FRACTURE},? (of )?(the )?((neck|shaft|base) of )?(the )?{_SIDE}"
         rf"({_ORDINAL}) metacarpal( bone)?( (neck|shaft|base))?|"
         rf"{_SIDE}({_ORDINAL}) metacarpal( bone)?( (neck|shaft|base))? {_FRACTURE}"),
     ("S62", "T14", "S12"), _metacarpal),
    (_rx(rf"{_FRACTURE},? (of )?(the )?(base|shaft|neck) of (the )?{_SIDE}(first|1st) metacarpal( bone)?|"
         rf"{_SIDE}(first|1st) metacarpal( bone)? (base|shaft|neck) {_FRACTURE}"), ("S62", "T14"), _first_metacarpal),
    (_rx(rf"{_SIDE}bennett'?s? {_FRACTURE}( (of )?{_SIDE}(thumb|hand))?"), ("S62", "T14"), _bennett),
    (_rx(rf"{_FRACTURE},? (of )?(the )?(proximal|middle|distal) phalanx (of )?{_SIDE}({_HAND_DIGIT})"),
     ("S62", "T14"), _hand_phalanx),
)
