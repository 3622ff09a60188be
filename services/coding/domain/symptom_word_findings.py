"""Symptoms as patients and clinicians say them, read as the ICD-10-CM alphabetic index files them, for
`documented_findings` (which makes them only for a current mention, drops one stated with a definitive diagnosis
in its sentence and holds one beside a diagnosis elsewhere for a coder).

Walked from the tabular's symptom codes (R00-R69, and the symptom codes of other chapters: pain by joint and
limb, eye and ear pain), each tried in sentences of our own: these are the wordings no index term met.
"Pain, joint" M25.5- and "Pain, limb" M79.6- by the joint or limb named, "Pain, eye" H57.1- and "Otalgia"
(earache) H92.0-, each by the side its words state (otherwise the laterality rule sides it); "Palpitations" for
a pounding or racing heart; "Edema, localized" R60.0 for swelling or edema of the ankles, feet or legs; "Mass,
neck" R22.1; "Swelling, localized, lower limb" R22.4- for a swollen calf, by its side; "Ecchymoses, spontaneous" R23.3 for easy bruising; "Hiccup" R06.6; "Enlargement, lymph gland,
localized" R59.0 where a site is named; "Congestion, nasal" R09.81 for a stuffy nose; "Pain, abdominal" R10.9
for stomach or belly pain; "Pain, chest" R07.9 written as pain in the chest; "Diarrhea" R19.7 for loose or
watery stools; "Fatigue" R53.83 for low energy, "Tiredness" R53.83 for tired all the time; "Alteration, awareness,
transient" R40.4 for staring spells; "Somnolence" R40.0 for daytime sleepiness; "Poor, urinary stream" R39.12 for a weak or slow stream; "Unsteadiness on feet" R26.81 for feeling off balance.
"""
import re

from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.laterality import stated_side, written_side
from services.coding.domain.note_text import negated_before, sentence, sentence_start, uncertain
from services.coding.domain.note_text import word_pattern as _word

_PAIN = "R52"  # "pain" alone, which the words of a located pain also hold
_SIDE = r"((right|left|r|l|bilateral) )?"
_WHOSE = r"(the |her |his |my |their |both |bilateral )?((right|left|r|l) )?"
_HURTS = r"(pain|aches?|aching|soreness|hurts?|hurting)"


def _located_pain_words(site: str) -> str:
    """"<site> pain" and "pain in the <site>", with a side ("L ankle pain", "pain in her right ankle")."""
    return rf"{_SIDE}({site}) {_HURTS}|{_HURTS} (in|of) {_WHOSE}({site})"


def _located_pain(site: str) -> re.Pattern:
    return _word(_located_pain_words(site))


# a pain its sentence says came with an injury is the injury's (coded by the injury rules)
_INJURY = _word(r"injur(y|ies|ed)|fractures?|fx|sprain(ed)?|strain(ed)?|contusion|twisted|rolled|trauma|fell|fall")
# diagnoses of a joint or limb, of the ear and of the eye that a pain at the site is part of (guideline I.B.5)
_LIMB_DIAGNOSIS = _word(r"(osteo)?arthritis|oa|arthrosis|gout|gouty|bursitis|tendinitis|tendonitis|tendinopathy|"
                        r"tenosynovitis|fasciitis|epicondylitis|neuroma|spurs?|bunions?|hallux|ganglion|"
                        r"carpal tunnel|de quervain'?s?|trigger (finger|thumb)|dislocation|tears?|"
                        r"neuropathy|radiculopathy|cellulitis|ulcers?|synovitis|effusion|fractures?|fx|sprain(ed)?|"
                        r"strain(ed)?|contusion|injur(y|ies|ed)")
_EAR_DIAGNOSIS = _word(r"otitis|aom|ome|swimmer'?s ear|cerumen|impacted|effusion|mastoiditis|eustachian|"
                       r"perforat\w*|barotrauma|tmj|temporomandibular")
_EYE_DIAGNOSIS = _word(r"conjunctivitis|pink eye|glaucoma|uveitis|iritis|keratitis|abrasion|foreign body|styes?|"
                       r"hordeolum|chalazion|scleritis|episcleritis|optic neuritis|blepharitis|migraines?|cluster")
# the digit each code takes for a side: right, left, both, none stated
_SIDES = {"right": "1", "left": "2"}


def _pain_at(category: str, unspecified: str, both: str | None, explained_by: re.Pattern, why: str):
    """The pain's code by the side its words state (the laterality rule sides it from the sentence otherwise),
    unless its sentence states an injury ("no injury" states none) or the note confirms a diagnosis at the site
    that explains it (one only supposed, "r/o plantar fasciitis", leaves the pain coded)."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        start = sentence_start(note, match.start())
        text = sentence(note, match.start(), match.end())
        if any(not negated_before(note, start + m.start()) for m in _INJURY.finditer(text)):
            return None
        if any(not (negated_before(note, m.start()) or uncertain(note, m.start(), m.end()))
               for m in explained_by.finditer(note)):
            return None
        side = stated_side(match.group(0))
        digit = _SIDES.get(side) or (both if side == "bilateral" else None)
        return (category + digit if digit else unspecified), why + (f" ({side})" if side else "")
    return resolve


_LYMPH_SITE = _word(r"neck|cervical|axillary|axilla|inguinal|groin|submandibular|supraclavicular|occipital|"
                    r"post-?auricular|preauricular")


def _localized_nodes(match: re.Match, note: str) -> tuple[str, str] | None:
    """R59.0 where the sentence names the nodes' site; without one the index's R59.9 stands."""
    if not _LYMPH_SITE.search(sentence(note, match.start(), match.end())):
        return None
    return "R59.0", "enlarged lymph nodes at a named site are localized"


_CLAUSE_BREAK = re.compile(r"[,;:(]")
_CALF_SIDE = {"right": "R22.41", "left": "R22.42", "bilateral": "R22.43", None: "R22.40"}


def _swollen_calf(match: re.Match, note: str) -> tuple[str, str]:
    """"Swelling, localized, lower limb" R22.4- by the side its clause names ("L calf pain and swelling")."""
    start = sentence_start(note, match.start())
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(note, start, match.start())]
    side = written_side(note[(breaks[-1] if breaks else start):match.end()])
    return _CALF_SIDE[side], "a swollen calf is a localized swelling of the lower limb"


# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
SYMPTOM_WORD_FINDINGS = (
    (_located_pain(r"ankles?"), ("M25.57", _PAIN),
     _pain_at("M25.57", "M25.579", None, _LIMB_DIAGNOSIS, "ankle pain (pain in ankle and foot joints)")),
    (_located_pain(r"elbows?"), ("M25.52", _PAIN), _pain_at("M25.52", "M25.529", None, _LIMB_DIAGNOSIS, "elbow pain")),
    (_located_pain(r"wrists?"), ("M25.53", _PAIN), _pain_at("M25.53", "M25.539", None, _LIMB_DIAGNOSIS, "wrist pain")),
    (_located_pain(r"hands?"), ("M79.64", _PAIN),
     _pain_at("M79.64", "M79.643", None, _LIMB_DIAGNOSIS, "hand pain (pain in limb, hand)")),
    (_located_pain(r"feet|foot|heels?"), ("M79.67", _PAIN),
     _pain_at("M79.67", "M79.673", None, _LIMB_DIAGNOSIS, "foot or heel pain (pain in limb, foot)")),
    (_located_pain(r"thighs?"), ("M79.65", _PAIN),
     _pain_at("M79.65", "M79.659", None, _LIMB_DIAGNOSIS, "thigh pain (pain in limb, thigh)")),
    (_located_pain(r"forearms?"), ("M79.63", _PAIN),
     _pain_at("M79.63", "M79.639", None, _LIMB_DIAGNOSIS, "forearm pain (pain in limb, forearm)")),
    (_located_pain(r"eyes?"), ("H57.1", _PAIN), _pain_at("H57.1", "H57.10", "3", _EYE_DIAGNOSIS, "eye pain is ocular pain")),
    (_word(_located_pain_words(r"ears?") + r"|ear ?aches?|otalgia"), ("H92.0", _PAIN),
     _pain_at("H92.0", "H92.09", "3", _EAR_DIAGNOSIS, "ear pain is otalgia")),
    (_word(r"joint (pain|aches?|aching)|aching joints|arthralgias?"), ("M25.5", _PAIN),
     fixed("M25.50", "joint pain, no joint named")),
    (_word(r"(heart|heartbeat) (is |was )?(pounding|racing)|(pounding|racing) (heart|heartbeat)( rate)?|"
           r"flutter(ing)? (sensation |feeling )?in (the |her |his |my )?chest"), ("R00",),
     fixed("R00.2", "a pounding, racing or fluttering heartbeat felt is palpitations")),
    (_word(rf"(ankle|leg|feet|foot|pedal|lower extremity|lower-extremity|le) (swelling|edema)|"
           rf"swollen (ankles|legs|feet)|(swelling|edema) (in|of) {_WHOSE}(ankles?|legs?|feet|lower extremities)"),
     ("R60",), fixed("R60.0", "swelling of the ankles, feet or legs is localized edema")),
    (_word(r"(lump|mass|swelling) (in|on|of) (the |her |his |my )?((right|left|r|l) (side of (the )?)?)?neck|"
           r"neck (lump|mass)"), ("R22",), fixed("R22.1", "a lump or mass of the neck")),
    # the swelling word alone, so that the calf's pain found beside it ("L calf pain and swelling") stays its own code
    (_word(r"calf swelling|(?<=calf pain and )swelling|(?<=calf pain & )swelling|"
           r"swelling (of|in) (the )?((right|left|r|l) )?calf|swollen ((right|left|r|l) )?calf"), ("R22",), _swollen_calf),
    (_word(r"easy bruising|bruis(es|ing) easily"), ("R23",), fixed("R23.3", "easy bruising is spontaneous ecchymoses")),
    (_word(r"hiccups|hiccoughs"), ("R06",), fixed("R06.6", "hiccups (hiccough)")),
    (_word(r"swollen (lymph )?(glands|nodes)|(enlarged|swollen) lymph nodes|lymphadenopathy"), ("R59",),
     _localized_nodes),
    (_word(r"stuffy nose|stuffed[- ]up nose|nasal stuffiness"), ("R09",), fixed("R09.81", "a stuffy nose is nasal congestion")),
    (_word(r"(stomach|belly|tummy) (pain|aches?)|stomach ?ache"), ("R10", _PAIN),
     fixed("R10.9", "stomach or belly pain is abdominal pain")),
    (_word(r"pain in (the |her |his |my )?chest"), ("R07", _PAIN), fixed("R07.9", "pain in the chest")),
    (_word(r"(loose|watery) (stools?|bowel movements)"), ("R19",), fixed("R19.7", "loose or watery stools are diarrhea")),
    (_word(r"(low|no|lack of|decreased) energy"), ("R53",), fixed("R53.83", "low energy is fatigue")),
    # the index's "Tiredness" R53.83, as patients say it
    (_word(r"tired all the time|(always|constantly) tired|tiredness"), ("R53",),
     fixed("R53.83", "tiredness is fatigue")),
    (_word(r"staring (spells?|episodes?)|(spells?|episodes?) of staring"), ("R40",),
     fixed("R40.4", "a staring spell is a transient alteration of awareness")),
    (_word(r"(weak|poor|slow|decreased) (urine )?stream"), ("R39",),
     fixed("R39.12", "a weak stream is a poor urinary stream")),
    (_word(r"(excessive )?daytime (sleepiness|somnolence|drowsiness)|sleepy (during|in) the day"), ("R40", "G47"),
     fixed("R40.0", "daytime sleepiness is somnolence")),
    (_word(r"off balance|loss of balance|losing (her |his |my )?balance"), ("R26",),
     fixed("R26.81", "feeling off balance is unsteadiness on feet")),
)
