"""Heart and vessel findings as notes word them, where the ICD-10-CM alphabetic index sends them, for
`documented_findings` through `CLINICAL_FINDINGS` (made only for a current mention; each replaces the less
specific code the term index found on its words):

"Fibrillation, atrial" by the type stated before or right after it ("AF, permanent" I48.21, persistent I48.19,
paroxysmal I48.0, chronic I48.20); premature ventricular I49.3 and atrial I49.1 contractions; "Pericarditis, acute,
idiopathic" I30.0 (viral I30.1, acute I30.9, else I31.9); "Cardiomyopathy, hypertrophic" I42.2, obstructive I42.1;
"Raynaud's" I73.00 (I73.01 with gangrene); "Aneurysm, aorta, abdominal" I71.4- by site, without rupture;
"Thrombosis, vein, deep, lower extremity" I82.4- (chronic I82.5-) by vein and side; "Atherosclerosis,
extremities, with intermittent claudication" I70.21- by side; "Stenosis, carotid" I65.2- by side ("L ICA
stenosis" I65.22, both I65.23).
"""
import re

from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import NEGATION, sentence, sentence_start
from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.note_text import word_pattern as _word


# PAD with claudication is the atherosclerotic kind: its claudication is what narrowed native arteries cause
_ATHEROSCLEROSIS = _word(r"atheroscleros\w*|atherosclerotic|ascvd of (the )?(legs?|extremities)|pad|"
                         r"peripheral arter(ial|y) disease")


def _claudication(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Atherosclerosis, extremities, native, with intermittent claudication" I70.21- by the side its sentence states;
    claudication without atherosclerosis stated stays the index's I73.9."""
    text = sentence(note, match.start(), match.end())
    if not _ATHEROSCLEROSIS.search(text):
        return None
    side = {"right": "1", "left": "2", "bilateral": "3", None: "9"}[stated_side(text)]
    return f"I70.21{side}", "atherosclerosis of the native arteries of the legs with intermittent claudication"


def _abdominal_aortic_aneurysm(match: re.Match, note: str) -> tuple[str, str] | None:
    """I71.4- without rupture by the site stated (1 pararenal, 2 juxtarenal, 3 infrarenal, 0 unstated); a rupture
    (I71.3-) is a coder's."""
    text = sentence(note, match.start(), match.end())
    if re.search(r"\brupture", text, re.IGNORECASE) and not NEGATION.search(text):
        return None
    site = next((digit for digit, words in (("1", "pararenal"), ("2", "juxtarenal"), ("3", "infrarenal"))
                 if re.search(rf"\b{words}\b", text, re.IGNORECASE)), "0")
    return f"I71.4{site}", "abdominal aortic aneurysm without rupture"


def _pericarditis(match: re.Match, note: str) -> tuple[str, str]:
    """"Pericarditis, acute, idiopathic / nonspecific" I30.0, viral I30.1, acute NOS I30.9; chronic or unstated
    I31.9 (the index's "Pericarditis" without acute)."""
    words = match.group(0).lower()
    if "acute" not in words:
        return "I31.9", "pericarditis not stated acute"
    if "idiopathic" in words or "nonspecific" in words:
        return "I30.0", "acute nonspecific idiopathic pericarditis"
    return ("I30.1", "acute infective (viral) pericarditis") if "viral" in words else ("I30.9", "acute pericarditis")


# the type of atrial fibrillation its sentence states -> the I48 code the index gives it
_AF_TYPES = (("I48.11", r"long-?standing persistent"), ("I48.21", r"permanent"), ("I48.19", r"persistent"),
             ("I48.0", r"paroxysmal"), ("I48.20", r"chronic"))


# the type written right after the condition, in parentheses or after a comma: "AF (persistent)", "AF, permanent"
_AF_TYPE_AFTER = re.compile(r"\s*[(,]\s*[\w-]+( persistent)?", re.IGNORECASE)


def _atrial_fibrillation_type(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Fibrillation, atrial, permanent I48.21 / persistent I48.19 / paroxysmal I48.0 / chronic I48.20", read
    from the words right after the condition ("AF, permanent", "AF (persistent)") before those ahead of it (in
    "chronic warfarin for AF (persistent)" the chronic is the warfarin's); none stated: the index's."""
    right_after = note[match.end():match.end() + 20]
    right_after = right_after[:m.end()] if (m := _AF_TYPE_AFTER.match(right_after)) else ""
    earlier = note[max(sentence_start(note, match.start()), match.start() - 25):match.end() + 1]
    found = next(((code, words) for text in (right_after, earlier) for code, words in _AF_TYPES
                  if re.search(rf"\b{words}\b", text, re.IGNORECASE)), None)
    return (found[0], "atrial fibrillation of the type stated") if found else None


def _hypertrophic_cardiomyopathy(match: re.Match, note: str) -> tuple[str, str]:
    """"Cardiomyopathy, hypertrophic (nonobstructive) I42.2, obstructive I42.1"."""
    text = sentence(note, match.start(), match.end())
    if re.search(r"\b(obstructive|hocm|lvot (gradient|obstruction))\b", text, re.IGNORECASE) and not re.search(
            r"\bnon-?obstructive\b", text, re.IGNORECASE):
        return "I42.1", "obstructive hypertrophic cardiomyopathy"
    return "I42.2", "hypertrophic cardiomyopathy (nonobstructive unless the note says obstructive)"


def _raynaud(match: re.Match, note: str) -> tuple[str, str] | None:
    text = sentence(note, match.start(), match.end())
    gangrene = re.search(r"\bgangrene\b", text, re.IGNORECASE)
    if gangrene and not NEGATION.search(text[:gangrene.start()]):
        return "I73.01", "Raynaud's syndrome with gangrene"
    return "I73.00", "Raynaud's syndrome without gangrene"


# deep veins of the leg -> the 5th character of I82.4- (acute) and I82.5- (chronic)
_LEG_VEINS = (("1", r"femoral"), ("2", r"iliac"), ("3", r"popliteal"), ("4", r"tibial"), ("5", r"peroneal"),
              ("6", r"(calf )?muscular|gastrocnemius|soleal"))
_LEG = _word(r"leg|le|lower extremit(y|ies)|calf|thigh|" + "|".join(words for _, words in _LEG_VEINS))


def _deep_vein_thrombosis(match: re.Match, note: str) -> tuple[str, str] | None:
    """"Thrombosis, vein, deep, lower extremity" I82.4- (acute; I82.5- chronic) by the vein and the side the
    sentence names; a DVT not placed in a leg (arm, neck) is a coder's."""
    text = sentence(note, match.start(), match.end())
    if not _LEG.search(text):
        return None
    vein = next((digit for digit, words in _LEG_VEINS if re.search(rf"\b({words})\b", text, re.IGNORECASE)), "0")
    acuity = "5" if re.search(r"\bchronic\b", text, re.IGNORECASE) else "4"
    side = {"right": "1", "left": "2", "bilateral": "3", None: "9"}[stated_side(text)]
    return f"I82.{acuity}{vein}{side}", "deep vein thrombosis of the leg by the vein and side stated"


def _carotid_stenosis(match: re.Match, note: str) -> tuple[str, str]:
    side = {"right": "1", "left": "2", "bilateral": "3", None: "9"}[stated_side(sentence(note, match.start(),
                                                                                       match.end()))]
    return f"I65.2{side}", "occlusion and stenosis of the carotid artery, by the side stated"


# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
CIRCULATORY_FINDINGS = (
    (_word(r"(intermittent )?claudication"), ("I73", "I70", "R26"), _claudication),
    (_word(r"((acute|chronic|recurrent) )?((idiopathic|viral|nonspecific) )?pericarditis"), ("I30", "I31"),
     _pericarditis),
    (_word(r"(atrial fibrillation|afib|a-?fib)(,? (permanent|persistent|paroxysmal|chronic))?"), ("I48",),
     _atrial_fibrillation_type),
    (_word(r"premature ventricular (contractions?|complexes|beats?|depolarizations?)|pvcs?"), ("I49", "R00"),
     fixed("I49.3", "ventricular premature depolarization")),
    (_word(r"premature atrial (contractions?|complexes|beats?|depolarizations?)"), ("I49", "R00"),
     fixed("I49.1", "atrial premature depolarization")),
    (_word(r"(abdominal aortic aneurysm|aaa)"), ("I71",), _abdominal_aortic_aneurysm),
    (_word(r"((internal )?carotid( artery)?|ica) (stenosis|occlusion)|(stenosis|occlusion) of (the )?(right |left )?"
           r"(internal )?carotid( artery)?"), ("I65", "I77", "I99"), _carotid_stenosis),
    (_word(r"hypertrophic (obstructive )?cardiomyopathy|hocm|hcm"), ("I42",), _hypertrophic_cardiomyopathy),
    (_word(r"raynaud'?s( phenomenon| disease| syndrome)?"), ("I73",), _raynaud),
    (_word(r"(dvt|deep vein thrombosis|deep venous thrombosis)( of (the )?(\w+ ){0,3}(vein|leg|le|lower extremity))?"),
     ("I82", "I80"), _deep_vein_thrombosis),
)
