"""Conditions written in the words patients and clinicians say, which the tabular never writes: the ICD-10-CM
alphabetic index holds most of them as main terms or subterms of their own, for `documented_findings` (which makes
them only for a current mention, and sends a past or a relative's one to its History entry).

"Numbness" R20.0 (the tabular: "Anesthesia of skin"); "Tinnitus" for ringing in the ears, by the side the sentence
names (`laterality`); "Cold sore" and "Fever blister" B00.1 (the tabular: "Herpesviral vesicular dermatitis");
"Hives" (urticaria) L50.9; "Pressure, chest" R07.89; "Hypercholesterolemia" for high cholesterol E78.00;
"Hypoglycemia" for low (blood) sugars E16.2, which the diabetes combination makes E1x.649 beside a diabetes, and
for a diabetic's "lows" (the plural, counted or valued: "3 lows/wk", "lows to 55"), which outside a diabetic's
note are a mood's or a pressure's;
"Pain, limb, lower leg" for calf pain M79.66-, by side; "Delay, speech" F80.9; forgetfulness, memory loss NOS R41.3; "Irritability" R45.4 (the noun only: "irritable"
names a bowel or a bladder as often as a mood); blood seen in the urine ("visible blood in urine") R31.0 ("Hematuria,
gross"); weight gained by an amount ("gained 10 kg") R63.5 ("Gain, weight (abnormal)"); "short of breath" R06.02
("Shortness, breath"); sweating and diaphoresis R61 ("Diaphoresis (excessive)", "Sweating, excessive"). A
symptom stated with a definitive diagnosis in its sentence is still dropped as part of it, as for every documented
finding.
"""
import re

from services.coding.domain.diet_words import NOT_A_DIET
from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import sentence
from services.coding.domain.note_text import word_pattern as _word

_EARS = r"(the |her |his |my )?(both |bilateral |(right|left|r|l) )?ears?"
_TINNITUS_BY_SIDE = {"right": "H93.11", "left": "H93.12", "bilateral": "H93.13", None: "H93.19"}


def _tinnitus(match: re.Match, note: str) -> tuple[str, str]:
    """By the side its sentence names: the tabular writes "Tinnitus, bilateral", not "both ears"."""
    side = stated_side(match.group(0)) or stated_side(sentence(note, match.start(), match.end()))
    return _TINNITUS_BY_SIDE[side], "ringing in the ears is tinnitus" + (f" ({side})" if side else "")


_LIPID_DISORDER_NAMED = _word(r"hyperlipid(a)?emia|hypercholesterol(a)?emia|dyslipid(a)?emia|hyperlipoproteinemia|hld")


def _high_cholesterol(match: re.Match, note: str) -> tuple[str, str] | None:
    """Pure hypercholesterolemia, unless its sentence names the lipid disorder itself ("your high cholesterol
    (hyperlipidemia)"): the named one is the code."""
    if _LIPID_DISORDER_NAMED.search(sentence(note, match.start(), match.end())):
        return None
    return "E78.00", "high cholesterol is pure hypercholesterolemia"


# the note's diabetes or its glucose, which make a patient's counted "lows" low sugars
_DIABETIC = _word(r"diabet\w*|t[12]dm|dm ?(1|2|i|ii)|iddm|niddm|insulin|a1c|hba1c|cgm|bg|glucose")
_NOT_SUGARS = _word(r"highs and|ups and|mood|bp|blood pressure|pressures?|systolic|diastolic|temps?")


def _diabetic_lows(match: re.Match, note: str) -> tuple[str, str] | None:
    """Only a diabetic's: "highs and lows" or "BP lows" in the same sentence are no sugars."""
    if not _DIABETIC.search(note) or _NOT_SUGARS.search(sentence(note, match.start(), match.end())):
        return None
    return "E16.2", "a diabetic's lows are low blood sugars (hypoglycemia)"


# (words, codes the term index may have found on them, resolve(match, note) -> (code, why) or None)
LAY_WORD_FINDINGS = (
    (_word(r"numbness|numb (feeling|sensation)"), ("R20",), fixed("R20.0", "numbness is anesthesia of skin")),
    (_word(rf"ringing (in|of) {_EARS}|{_EARS} (are |is )?ringing"), ("H93",), _tinnitus),
    (_word(r"cold sores?|fever blisters?"), ("B00", "R50"),
     fixed("B00.1", "a cold sore is herpesviral vesicular dermatitis")),
    (_word(r"hives"), ("L50",), fixed("L50.9", "hives are urticaria")),
    (_word(r"chest pressure|pressure (in|on) (the |her |his |my )?chest"), ("R07",),
     fixed("R07.89", "chest pressure (other chest pain)")),
    (_word(rf"(high|elevated) (blood |serum )?cholesterol{NOT_A_DIET}"), ("E78",), _high_cholesterol),
    (_word(rf"low (blood )?sugars?{NOT_A_DIET}|low (blood )?glucose( readings| levels?)?{NOT_A_DIET}"), ("E16", "R73"),
     fixed("E16.2", "low blood sugar is hypoglycemia")),
    (_word(r"lows"), ("E16",), _diabetic_lows),
    (_word(r"calf pain|pain in (the |her |his |my )?((right|left|r|l) )?calf"), ("M79", "R52"),
     fixed("M79.669", "calf pain is pain in the lower leg")),
    (_word(r"speech delay|delayed speech|delay in speech"), ("F80", "R62"),
     fixed("F80.9", "speech delay is a developmental disorder of speech and language")),
    (_word(r"forgetfulness|forgetful"), ("R41",), fixed("R41.3", "forgetfulness is memory loss NOS (other amnesia)")),
    (_word(r"irritability"), ("R45",), fixed("R45.4", "irritability (the index: Irritable, irritability)")),
    (_word(r"(visible|gross) blood in (the |her |his |my )?urine"), ("R31",),
     fixed("R31.0", "blood seen in the urine is gross hematuria")),
    (_word(r"gained \d+(\.\d+)? ?(kg|kgs|kilos?|lbs?|pounds?)"), ("R63",),
     fixed("R63.5", "weight gained is abnormal weight gain")),
    (_word(r"short of breath"), ("R06",), fixed("R06.02", "short of breath is shortness of breath")),
    (_word(r"sweating|diaphoresis|diaphoretic"), ("R61",),
     fixed("R61", "sweating as a symptom is the index's excessive sweating (diaphoresis)")),
)

