"""Orthopedic conditions in the words notes use, sent where the ICD-10-CM index sends them, with the characters
the sentence settles. The tabular words them otherwise ("Other tear of lateral meniscus, current injury"), so the
term index does not meet "tear of the lateral meniscus" or "lumbar spinal stenosis with neurogenic claudication".

- Fractures (scaphoid, distal fibula, tibial plateau): displaced unless the note says nondisplaced (guideline
  I.C.19.c.1); the unspecified-side code lacking its 7th character, which `laterality` sides and
  `seventh-character` completes. A meniscus tear is "current injury" (S83.2-) unless the sentence calls it
  degenerative or old (M23.2-, for a coder).
- Rotator cuff tear: "Tear, rotator cuff (nontraumatic)" M75.1- complete/incomplete/unspecified; a traumatic
  one is the rotator cuff strain S46.01-.
- Disc displacement (herniation, protrusion, extrusion) by region, thoracic to lumbosacral: M51.1- when the note
  states radiculopathy (the disc is named once as herniated and once as the cause of the radiculopathy, one
  condition), else M51.2-. Spinal stenosis M48.0- by region; lumbar M48.062 with neurogenic claudication, else
  M48.061.
"""
import re

from services.coding.domain.neurology_findings import stated
from services.coding.domain.note_text import current, sentence, word_pattern as _rx


_SIDE = r"(the |his |her )?(right |left )?"
_NONDISPLACED = _rx(r"nondisplaced|non-displaced|undisplaced")


def _displacement(text: str, displaced: str, nondisplaced: str) -> str:
    return nondisplaced if _NONDISPLACED.search(text) else displaced


def _displaced(displaced: str, nondisplaced: str, what: str):
    """A fracture with a displaced and a nondisplaced code: displaced unless the sentence says otherwise."""
    def resolve(match: re.Match, note: str) -> tuple[str, str]:
        text = sentence(note, match.start(), match.end())
        code = _displacement(text, displaced, nondisplaced)
        return code, f"{what}, " + ("nondisplaced" if code == nondisplaced else "displaced (not stated otherwise)")
    return resolve


def _fixed(code: str, why: str):
    return lambda match, note: (code, why)


_SCAPHOID_PARTS = (("S62.02", _rx(r"waist|middle third|mid(dle)? pole")), ("S62.03", _rx(r"proximal (pole|third)")),
                   ("S62.01", _rx(r"distal (pole|third)")))


def scaphoid(match: re.Match, note: str) -> tuple[str, str]:
    text = sentence(note, match.start(), match.end())
    part = next((code for code, words in _SCAPHOID_PARTS if words.search(text)), None)
    if part is None:
        return "S62.009", "scaphoid fracture, part unspecified"
    return part + _displacement(text, "3", "6"), "scaphoid fracture at the part stated, " + (
        "nondisplaced" if _NONDISPLACED.search(text) else "displaced (not stated otherwise)")


def tibial_plateau(match: re.Match, note: str) -> tuple[str, str]:
    """"Fracture, tibia, upper end, plateau": lateral or medial condyle when one is named, else bicondylar."""
    text = sentence(note, match.start(), match.end())
    category = "S82.12" if re.search(r"\blateral\b", match.group(0), re.IGNORECASE) else \
        "S82.13" if re.search(r"\bmedial\b", match.group(0), re.IGNORECASE) else "S82.14"
    return category + _displacement(text, "3", "6"), "tibial plateau fracture" + (
        ", nondisplaced" if _NONDISPLACED.search(text) else ", displaced (not stated otherwise)")


_DEGENERATIVE = _rx(r"degenerative|old|chronic|attritional")
_MENISCUS_TYPES = (("bucket", _rx(r"bucket[- ]handle")), ("peripheral", _rx(r"peripheral")),
                   ("complex", _rx(r"complex")))
_MENISCUS = {"medial": {"bucket": "S83.219", "peripheral": "S83.229", "complex": "S83.239", None: "S83.249"},
             "lateral": {"bucket": "S83.259", "peripheral": "S83.269", "complex": "S83.279", None: "S83.289"}}


def meniscus_tear(match: re.Match, note: str) -> tuple[str, str] | None:
    text = sentence(note, match.start(), match.end())
    if _DEGENERATIVE.search(text):
        return None  # derangement due to an old tear (M23.2-): which horn and side, for a coder
    which = "lateral" if re.search(r"\blateral\b", match.group(0), re.IGNORECASE) else "medial"
    kind = next((name for name, words in _MENISCUS_TYPES if words.search(text)), None)
    return _MENISCUS[which][kind], f"{kind or 'other'} tear of the {which} meniscus, current injury"


_TRAUMATIC = re.compile(r"(?<!non)(?<!non-)(?<!a)\btraumatic\b", re.IGNORECASE)
_COMPLETE = _rx(r"complete|full[- ]thickness|full")
_PARTIAL = _rx(r"incomplete|partial[- ]thickness|partial")


def rotator_cuff_tear(match: re.Match, note: str) -> tuple[str, str]:
    text = sentence(note, match.start(), match.end())
    if _TRAUMATIC.search(text):
        return "S46.019", "traumatic rotator cuff tear is a strain of the rotator cuff"
    if _PARTIAL.search(text):
        return "M75.110", "incomplete rotator cuff tear, not specified as traumatic"
    if _COMPLETE.search(text):
        return "M75.120", "complete rotator cuff tear, not specified as traumatic"
    return "M75.100", "rotator cuff tear, not specified as traumatic"


# region digit of M51.1-/M51.2-/M48.0-, from the words or the levels named ("L4-5", "L5-S1")
_REGIONS = (("7", _rx(r"lumbosacral|l5[-/ ]?s1")), ("5", _rx(r"thoracolumbar|t12[-/ ]?l1")),
            ("6", _rx(r"lumbar|l[1-5]([-/ ]?l?[1-5])?")), ("4", _rx(r"thoracic|t([1-9]|1[0-2])([-/ ]?t?\d+)?")),
            ("2", _rx(r"cervical|c[2-7]([-/ ]?c?[3-7])?")))
_RADICULOPATHY = _rx(r"radiculopathy|radicular (pain|symptoms)|nerve root compression")


def _region(text: str) -> str | None:
    return next((digit for digit, words in _REGIONS if words.search(text)), None)


# one cervical level named: the 5th and 6th characters of M50.1-/M50.2- ("C5-6": mid-cervical, C5-C6 level)
_CERVICAL_LEVEL = _rx(r"c(?P<upper>[2-7])\s?[-/]\s?c?(?P<lower>[3-7]|t1)")
_MYELOPATHY = _rx(r"myelopathy|cord compression")
_CERVICAL_LEVELS = {("2", "3"): "1", ("3", "4"): "1", ("4", "5"): "21", ("5", "6"): "22", ("6", "7"): "23",
                    ("7", "t1"): "3"}


def _cervical_disc(text: str, radiculopathy: bool, category: str = "M50.2",
                   what: str = "cervical disc displacement") -> tuple[str, str] | None:
    """Cervical discs are coded by level (the tabular's M50.1-, M50.2-, M50.3-); with no level, or more than one, for
    a coder."""
    if _MYELOPATHY.search(text):
        return None  # with myelopathy, M50.0-: for a coder
    levels = {_CERVICAL_LEVELS.get((m["upper"], m["lower"].lower())) for m in _CERVICAL_LEVEL.finditer(text)}
    if len(levels) != 1 or None in levels:
        return None
    if radiculopathy:
        return f"M50.1{levels.pop()}", "cervical disc disorder with the radiculopathy the note states, by its level"
    return f"{category}{levels.pop()}", f"{what}, by its level"


def disc_displacement(match: re.Match, note: str) -> tuple[str, str] | None:
    text = sentence(note, match.start(), match.end())
    region = _region(text) or _region(note)
    radiculopathy = any(current(note, m.start(), m.end()) for m in _RADICULOPATHY.finditer(note))
    if region == "2" or _CERVICAL_LEVEL.search(text):  # "C7-T1" is cervicothoracic, not thoracic
        return _cervical_disc(text, radiculopathy)
    if region is None:
        return None
    if radiculopathy:
        return f"M51.1{region}", "intervertebral disc displacement with the radiculopathy the note states"
    return f"M51.2{region}", "intervertebral disc displacement without radiculopathy stated"


_BACK_PAIN = _rx(r"(low |lower |axial |discogenic )?back pain|lumbago|lumbar pain")
_LEG_PAIN = _rx(r"(leg|lower extremity|buttock|thigh) pain|sciatica|pain radiating|radiating (pain|down)|"
                r"radicular pain|referred pain")


def disc_degeneration(match: re.Match, note: str) -> tuple[str, str] | None:
    """M50.3- by cervical level; M51.3- by region, lumbar and lumbosacral by the pain the note states (FY2025: 0 back pain only, 1 leg pain
    only, 2 both, 9 neither); with radiculopathy it is the disc disorder with radiculopathy, M51.1-."""
    text = sentence(note, match.start(), match.end())
    region = _region(match.group(0)) or _region(text)
    if region == "2":  # by its level, with a cervical root's radiculopathy (a lumbar root's is not its own)
        root = any(current(note, m.start(), m.end()) and _region(sentence(note, m.start(), m.end())) in ("2", None)
                   for m in _RADICULOPATHY.finditer(note))
        return _cervical_disc(text, root, "M50.3", "cervical disc degeneration")
    if region is None:
        return None
    if any(current(note, m.start(), m.end()) for m in _RADICULOPATHY.finditer(note)):
        return f"M51.1{region}", "disc degeneration with the radiculopathy the note states"
    if region in ("4", "5"):
        return f"M51.3{region}", "disc degeneration of the region stated"
    back = any(current(note, m.start(), m.end()) for m in _BACK_PAIN.finditer(note))
    leg = any(current(note, m.start(), m.end()) for m in _LEG_PAIN.finditer(note))
    axis = "2" if back and leg else "0" if back else "1" if leg else "9"
    return f"M51.3{region}{axis}", "disc degeneration with the back and leg pain the note states"


_ROOT_REGIONS = (("7", _rx(r"lumbosacral|s1")), ("6", _rx(r"lumbar|l[1-5]")), ("4", _rx(r"thoracic|t([1-9]|1[0-2])")),
                 ("2", _rx(r"cervical|c[2-8]")))


def radiculopathy(match: re.Match, note: str) -> tuple[str, str] | None:
    region = next((digit for digit, words in _ROOT_REGIONS if words.search(match.group(0))), None)
    return (f"M54.1{region}", "radiculopathy of the region stated") if region else None


_CLAUDICATION = _rx(r"neurogenic claudication|pseudoclaudication|pseudo-claudication")


def spinal_stenosis(match: re.Match, note: str) -> tuple[str, str] | None:
    text = sentence(note, match.start(), match.end())
    region = _region(match.group(0)) or _region(text)
    if region is None:
        return None
    if region != "6":
        return f"M48.0{region}", "spinal stenosis of the region stated"
    # the claudication is the lumbar stenosis's own symptom: stated as current anywhere in the note, it is the
    # stenosis's ("L4-5 stenosis. Leg heaviness after 100 m, eased by sitting: neurogenic claudication.")
    if stated(_CLAUDICATION, text) or any(current(note, m.start(), m.end()) for m in _CLAUDICATION.finditer(note)):
        return "M48.062", "lumbar spinal stenosis with neurogenic claudication"
    return "M48.061", "lumbar spinal stenosis without neurogenic claudication stated"


_FRACTURE = r"(fracture[sd]?|fx)"


# a parenthesis may state the fracture's state before its type: "L distal radius fx (closed Colles)"
_FRACTURE_STATE = r"((closed|open|displaced|nondisplaced|non-displaced|undisplaced|comminuted),?\s+)*"


def _fracture_of(site: str) -> re.Pattern:
    """"fracture of the left X", "left X fracture", and a fracture whose site or type a parenthesis names in its
    clause: "R ankle fx (lateral malleolus, displaced)", "fx L distal radius, extra-articular (Colles type)"."""
    return _rx(rf"{_FRACTURE} of {_SIDE}({site})|{_SIDE}({site}) {_FRACTURE}|"
               rf"{_FRACTURE}[^.;()\n]{{0,40}}\(\s*{_FRACTURE_STATE}{_SIDE}({site})")


# which ribs, counted: "the right eighth rib", "the left 6th and 7th ribs", "ribs 4-6" is read by its plural
_RIB_ORDINAL = r"(\d{1,2}(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
_RIB_ORDINALS = rf"{_RIB_ORDINAL}((,|,? and|,? or|,? through| to| ?-| ?&) ?{_RIB_ORDINAL})*"


# fractures the index reaches by site ("Fracture, clavicle, shaft"; "Fracture, hip - see Fracture, femur, neck"):
# (site words, displaced or only code, nondisplaced code or None, what)
FRACTURE_SITES = (
    (r"(mid)?shaft of (the )?(right |left )?clavicle|(mid)?clavicular shaft|midshaft clavicle|(mid)?clavicle shaft",
     "S42.023", "S42.026", "fracture of the shaft of the clavicle"),
    (r"(?<!shaft )(?<!mid)clavicle(?! shaft)", "S42.009", None, "clavicle fracture, part unspecified"),
    # the index's "Fracture, humerus, upper end, surgical neck" and "..., lower end, supracondylar" (S42.41-, the
    # simple fracture: an intercondylar extension is for a coder); "Fracture, femur, intertrochanteric"
    (r"surgical neck( of (the )?(right |left )?(humerus|humeral))?|(humerus|humeral) surgical neck", "S42.213", "S42.216",
     "fracture of the surgical neck of the humerus"),
    (r"supracondylar( (humerus|humeral|elbow))?(?! (of (the )?(right |left )?)?(femur|femoral)| ?/? ?intercondylar)",
     "S42.413", "S42.416", "supracondylar fracture of the humerus"),
    (r"intertrochanteric( (femur|femoral|hip|region))?", "S72.143", "S72.146",
     "intertrochanteric fracture of the femur"),
    (r"proximal humerus|humeral head", "S42.209", None, "fracture of the upper end of the humerus"),
    (r"hip|femoral neck|neck of (the )?(right |left )?femur", "S72.009", None, "hip fracture is a fracture of the femoral "
     "neck, part unspecified"),
    (r"lateral malleolus|lateral malleolar", "S82.63", "S82.66", "fracture of the lateral malleolus"),
    (r"bimalleolar|bimalleolar ankle", "S82.843", "S82.846", "bimalleolar fracture"),
    (r"trimalleolar|trimalleolar ankle", "S82.853", "S82.856", "trimalleolar fracture"),
    # one code for the bone, whichever part ("fracture of shaft of L 5th metatarsal")
    (r"((shaft|base|neck|head|tuberosity) of (the )?(right |left )?)?(fifth|5th) metatarsal|jones", "S92.353",
     "S92.356", "fracture of the fifth metatarsal"),
    (r"radial head|head of (the )?(right |left )?radius", "S52.123", "S52.126", "fracture of the head of the radius"),
    (r"colles'?", "S52.539", None, "Colles' fracture"),
    # "Fracture, radius, styloid process" S52.51-
    (r"radial styloid( process)?|styloid( process)? of (the )?(right |left )?radius", "S52.513", "S52.516",
     "fracture of the radial styloid process"),
    (rf"({_RIB_ORDINALS} )?ribs?", "S22.39", None, "fracture of one rib"),
)
_INTERTROCHANTERIC = _rx(r"intertrochanteric")


def _hip(match: re.Match, note: str) -> tuple[str, str]:
    """"Hip fracture" is the femoral neck's unless the note names the hip fracture's site as intertrochanteric."""
    if _INTERTROCHANTERIC.search(note):
        return _displaced("S72.143", "S72.146", "hip fracture the note places intertrochanteric")(match, note)
    return "S72.009", "hip fracture is a fracture of the femoral neck, part unspecified"


_MULTIPLE_RIBS = re.compile(r"\b(ribs|multiple|fractures)\b", re.IGNORECASE)


def _rib(match: re.Match, note: str) -> tuple[str, str]:
    if _MULTIPLE_RIBS.search(match.group(0)):
        return "S22.49", "multiple fractures of ribs"
    return "S22.39", "fracture of one rib"
# sprains and strains by the ligament or muscle group named (the index: "Sprain, knee, cruciate, anterior")
SOFT_TISSUE = (
    (r"(acl|anterior cruciate ligament) (tear|sprain|rupture)|((tear|sprain|rupture) of (the )?|torn )(right |left )?"
     r"(acl|anterior cruciate ligament)", "S83.519", "sprain of the anterior cruciate ligament"),
    (r"(mcl|medial collateral ligament) (tear|sprain)|((tear|sprain) of (the )?|torn )(right |left )?"
     r"(mcl|medial collateral ligament)|sprained (the |his |her )?(right |left )?(knee )?(mcl|medial collateral "
     r"ligament)", "S83.419", "sprain of the medial collateral ligament"),
    (r"hamstring (strain|pull|tear)|(strained|pulled) (right |left )?hamstring", "S76.319",
     "strain of the posterior muscle group at thigh level"),
    (r"shoulder strain|strain(ed)? (of )?(the )?(right |left )?shoulder", "S46.919", "strain at shoulder level"),
    (r"(atfl|anterior talofibular( ligament)?|talofibular( ligament)?) (sprain|tear)|(sprain|tear) of (the )?"
     r"(right |left )?(atfl|anterior talofibular ligament|talofibular ligament)|"
     # the ligament named after the injury, as a problem list's detail: "L ankle sprain, anterior talofibular ligament"
     r"ankle sprain[,:(\s-]+(the |of the )?(atfl|anterior talofibular ligament|talofibular ligament)", "S93.499",
     "sprain of the talofibular ligament, one of the ankle's other ligaments"),
)
# every word the table's patterns need, searched once before them
MUSCULOSKELETAL_WORDS = re.compile(r"fractur|\bfx\b|\btear\b|\btorn\b|rupture|sprain|strain|pull|stenosis|disc\b|"
                                   r"disk\b|herniat|\bhnp\b|\bddd\b|degenerat|radiculopathy", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
MUSCULOSKELETAL_FINDINGS = (
    *((_fracture_of(site), ("S",), _rib if code == "S22.39" else _hip if code == "S72.009" else _displaced(code, other, what) if other else
       _fixed(code, what)) for site, code, other, what in FRACTURE_SITES),
    *((_rx(rf"{_SIDE}({words})"), ("S",), _fixed(code, what)) for words, code, what in SOFT_TISSUE),
    (_rx(rf"{_FRACTURE} of {_SIDE}((waist|middle third|proximal pole|distal pole) of )?{_SIDE}scaphoid|"
         rf"{_SIDE}scaphoid (waist |proximal pole |distal pole )?{_FRACTURE}"), ("S62",), scaphoid),
    (_rx(rf"{_FRACTURE} of {_SIDE}distal fibula|{_SIDE}distal fibula(r)? {_FRACTURE}"), ("S82",),
     lambda match, note: ("S82.839", "fracture of the lower end of the fibula")),
    (_rx(rf"{_FRACTURE} of {_SIDE}(lateral |medial )?tibial plateau|{_SIDE}(lateral |medial )?tibial plateau "
         rf"{_FRACTURE}"), ("S82",), tibial_plateau),
    (_rx(rf"tear of {_SIDE}(lateral|medial) meniscus|{_SIDE}(lateral|medial) (meniscus|meniscal) tear"), ("S83", "M23"),
     meniscus_tear),
    # the tabular's M75.1 inclusion term names the supraspinatus; its fellow cuff tendons are the same tear
    (_rx(r"(complete |full[- ]thickness |partial[- ]thickness |partial |incomplete )?((rotator cuff|supraspinatus|"
         r"infraspinatus|subscapularis|teres minor)( tendon)? (tear|rupture)|"
         r"(tear|rupture) of (the )?(right |left )?rotator cuff)"), ("M75", "S46", "M66"), rotator_cuff_tear),
    (_rx(r"((lumbar|thoracic|lumbosacral|thoracolumbar) )?(dis[ck] (herniation|protrusion|extrusion|displacement)|"
         r"herniated (nucleus pulposus|dis[ck])|hnp)"), ("M51", "M50"), disc_displacement),
    (_rx(r"((lumbar|cervical|thoracic|lumbosacral) )?(spinal|central canal|canal) stenosis"), ("M48",),
     spinal_stenosis),
    (_rx(r"((lumbar|thoracic|lumbosacral|thoracolumbar|cervical) )?(degenerative dis[ck] disease|ddd|"
         r"dis[ck] degeneration)( (of|in) (the )?(lumbar|thoracic|lumbosacral|cervical)( spine)?)?"), ("M51", "M50"),
     disc_degeneration),
    (_rx(r"(lumbar|lumbosacral|thoracic|cervical|[lcts][1-8]) radiculopathy|radiculopathy,? (of (the )?)?"
         r"(lumbar|lumbosacral|thoracic|cervical)"), ("M54",), radiculopathy),
)
