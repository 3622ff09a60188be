"""Guards for shorthand whose reading as a diagnosis depends on where it stands.

"UC" is ulcerative colitis in a problem list and urgent care in "seen at UC" or "UC note:"; "hypothyroid" is the
disease where it stands for it ("hypothyroid on levothyroxine") and an adjective before a noun ("hypothyroid
symptoms"); "def" is a deficiency after a vitamin or mineral ("vit D def", "iron def") and "definitely" elsewhere
("def worse"); "non-CF bronchiectasis" sets cystic fibrosis aside; "OCD" at a joint is osteochondritis dissecans;
"TOF", "PDA" and "ASD" are heart malformations where their repair is named beside them; "lupus" right after a
relative is the systemic disease, "MS" multiple sclerosis and "alcoholic" an alcohol dependence; "COVID" alone as a
diagnosis is COVID-19, beside "test" or "vaccine" it is not;
"CAP" with a three-digit value or dB/m is the elastography's liver fat measure, not the pneumonia; "PSC" before
"cataract" is the lens's posterior subcapsular opacity, not sclerosing cholangitis; "PE protocol" is a CT's name;
"OP" is osteoporosis beside the bone's density or its drug and an outpatient or the oropharynx elsewhere;
"osteoporotic" heading its own item is the disease, before "fracture" the fracture's kind; "PN" named as a diagnosis
or of the feet or hands is a peripheral neuropathy, a "PN:" heading a progress note. "mod" is "moderate" where it is
the severity of the condition it follows between the list's commas or precedes "persistent"; elsewhere ("EMG mod R
median neuropathy", "mod assist") it is no severity of a diagnosis. "RA" after a receptor's name ("GLP-1 RA", "GnRH
RA") is the drug class, a receptor agonist, and beside "dilated" or "LA and" an echo's right atrium, neither one
rheumatoid arthritis.
"""
import re

from services.coding.domain.corrected_malformation import REPAIR_DONE_AFTER
from services.coding.domain.relative_heart_history import BLOOD_RELATIVE
from services.coding.domain.valve_and_spine_shorthand import VALVE_AND_SPINE_GUARDS

_BEFORE = 40
_PLACE_BEFORE = re.compile(r"\b(at|to|from|via|in|seen|went|go|visited|the|an?)\s*$", re.IGNORECASE)
# a diagnosis closes its item or goes on with what a problem list writes after one
_ITEM_GOES_ON = re.compile(r"[ \t]*([,;.)(\-\u2013\n]|$|(on|w/|with|in|flare|since|dx|diagnosed|stable|controlled|"
                           r"well|treated|managed|due|d/t|s/p|for|after|following|post|x[ \t]?\d)\b)", re.IGNORECASE)
_NUTRIENT_BEFORE = re.compile(r"\b(vitamin|vit)[ \t]*[a-z]?\d*[ \t]*$|\b(b12|b1|b6|iron|fe|folate|folic acid|thiamine|"
                              r"zinc|copper|magnesium|potassium|testosterone|iga|g6pd|factor[ \t]+\w+)[ \t]*$",
                              re.IGNORECASE)


def named_as_diagnosis(text: str, start: int, end: int) -> bool:
    """A term that is a disease as a list item and something else as a place or an adjective: it closes its item
    (or its item goes on as a diagnosis's does, "on mesalamine", "w/ flare"), and no "at", "to" or "seen in"
    sets it as a place."""
    if _PLACE_BEFORE.search(text[max(0, start - _BEFORE):start]):
        return False
    return bool(_ITEM_GOES_ON.match(text, end))


def after_nutrient(text: str, start: int, end: int) -> bool:
    """"def" after a vitamin or mineral is its deficiency."""
    return bool(_NUTRIENT_BEFORE.search(text[max(0, start - _BEFORE):start]))


_NON_BEFORE = re.compile(r"\bnon[- ]?$", re.IGNORECASE)


def not_after_non(text: str, start: int, end: int) -> bool:
    """"non-CF bronchiectasis" names the disease only to set it aside."""
    return not _NON_BEFORE.search(text[max(0, start - 5):start])


_BONE_LESION_AFTER = re.compile(r"[ \t]+(lesions?|fragments?|of (the )?(\w+ )?(knee|talus|talar dome|elbow|capitellum|"
                                r"femoral condyle|ankle|hip|shoulder))\b", re.IGNORECASE)
_BONE_LESION_BEFORE = re.compile(r"\b(knee|talus|talar|elbow|capitellum|condyle|ankle|osteochondral)[ \t]+$",
                                 re.IGNORECASE)


def bone_lesion(text: str, start: int, end: int) -> bool:
    """"OCD lesion of the knee", "R knee OCD": osteochondritis dissecans, a joint's lesion, not the disorder of
    obsessions and compulsions."""
    return bool(_BONE_LESION_AFTER.match(text, end)
                or _BONE_LESION_BEFORE.search(text[max(0, start - _BEFORE):start]))


_YEAR_AFTER = re.compile(r"[- \t]?19\b")


def covid_named_alone(text: str, start: int, end: int) -> bool:
    """"COVID" written alone as a diagnosis is COVID-19 (not "COVID-19" itself, a "COVID test" or a "COVID
    vaccine")."""
    return not _YEAR_AFTER.match(text, end) and named_as_diagnosis(text, start, end)


_ATTENUATION_VALUE = re.compile(r"[ \t]*[:=]?[ \t]*(\d{3}\b|\d+(\.\d+)?[ \t]*db)", re.IGNORECASE)


def not_an_attenuation_value(text: str, start: int, end: int) -> bool:
    """"CAP 320 dB/m" is the elastography's controlled attenuation parameter (a liver fat measure, three digits or
    dB/m), not community-acquired pneumonia; "CAP 6 wks ago" still is the pneumonia."""
    return not _ATTENUATION_VALUE.match(text, end)


_STUDY_NAME_AFTER = re.compile(r"[ \t]+(protocol|study|workup|work-up)\b", re.IGNORECASE)


def not_a_study_name(text: str, start: int, end: int) -> bool:
    """"CTA chest, PE protocol" names the study that looks for an embolism, not one found."""
    return not _STUDY_NAME_AFTER.match(text, end)


_CATARACT_AFTER = re.compile(r"[ \t]+(polar[ \t]+)?((age[- ]related|senile)[ \t]+)?cataracts?\b", re.IGNORECASE)


def before_cataract(text: str, start: int, end: int) -> bool:
    """"PSC cataract": the kind of cataract the abbreviation names."""
    return bool(_CATARACT_AFTER.match(text, end))


# the density scan, its score, the drugs that treat the disease, or a fracture it caused
_BONE_CONTEXT = re.compile(r"\b(dxa|dexa|t[- ]?score|t -?\d|bone density|alendronate|fosamax|risedronate|actonel|"
                           r"ibandronate|zoledronic|reclast|denosumab|prolia|teriparatide|forteo|romosozumab|"
                           r"abaloparatide|raloxifene|bisphosphonate|fx|fractures?|fragility)\b", re.IGNORECASE)
_NEAR = 80


def bone_disease_named(text: str, start: int, end: int) -> bool:
    """"OP on alendronate", "OP (T-score -2.6)", "2. OP - continue Prolia": osteoporosis, named as a diagnosis with
    the bone's density, its drug or a fracture nearby; "OP with erythema" (the oropharynx) and "OP clinic" are not."""
    return named_as_diagnosis(text, start, end) and bool(_BONE_CONTEXT.search(
        text[max(0, start - _NEAR):end + _NEAR]))


_ITEM_OPENS = re.compile(r"(\A|[.;:\n]|^[ \t]*[-*\u2022]|\b\d+[.)])[ \t]*\Z", re.MULTILINE)


def heads_its_item(text: str, start: int, end: int) -> bool:
    """"Osteoporotic - DXA T -2.8": the adjective opening its item, standing for the disease; not "osteoporotic
    fracture" nor "(2024, osteoporotic, from a fall)", the kind of a fracture."""
    return bool(_ITEM_OPENS.search(text[max(0, start - _BEFORE):start])) and named_as_diagnosis(text, start, end)


_LIMBS_AFTER = re.compile(r"[ \t]+of[ \t]+(the[ \t]+|both[ \t]+|bilat(eral)?[ \t]+)?(feet|hands|legs|lower extremities|"
                          r"upper extremities|b?les?|ues?)\b", re.IGNORECASE)


def nerve_disease_named(text: str, start: int, end: int) -> bool:
    """"PN, length-dependent", "Dx: ...; PN.", "PN of both feet": a peripheral neuropathy; "PN:" (a progress note's
    heading) is not, nor "TPN" (a whole word only)."""
    return named_as_diagnosis(text, start, end) or bool(_LIMBS_AFTER.match(text, end))


# "Vascular dementia, mod, w/ agitation": set off by commas after its condition, before the next qualifier or the
# item's end; "Mod persistent asthma": before the persistence it grades
_COMMA_BEFORE = re.compile(r",[ \t]*\Z")
_QUALIFIER_GOES_ON = re.compile(r"[ \t]*(,|\Z|\n|[ \t]*(w/|with|without|w/o)\b)", re.IGNORECASE)
_PERSISTENCE_AFTER = re.compile(r"[ \t]+persistent\b", re.IGNORECASE)


def grades_its_condition(text: str, start: int, end: int) -> bool:
    """A severity word read only where it grades the condition beside it."""
    if _PERSISTENCE_AFTER.match(text, end):
        return True
    return bool(_COMMA_BEFORE.search(text[max(0, start - _BEFORE):start])) and bool(_QUALIFIER_GOES_ON.match(text, end))


_REPAIRED_BEFORE = re.compile(r"\b(repaired|corrected|s/p|status post)\s+$", re.IGNORECASE)


def repair_beside(text: str, start: int, end: int) -> bool:
    """"TOF s/p complete repair", "PDA ligated in the NICU", "ASD, surgically closed", "repaired TOF": a heart
    malformation named with its repair; elsewhere "ASD" is as often autism and "PDA" an artery, so left as written."""
    return bool(REPAIR_DONE_AFTER.match(text[end:end + _BEFORE])
                or _REPAIRED_BEFORE.search(text[max(0, start - _BEFORE):start]))


_RELATIVE_WITH_BEFORE = re.compile(r"(" + BLOOD_RELATIVE + r"(\s+(has|had|with|w/))?|\b(?-i:FH|FHx)|\bfam(ily)? (history|hx)"
                                   r"(\s+(significant for|of|positive for|notable for|with|w/))?)\s*[-:]?\s*$", re.IGNORECASE)
_LUPUS_NAMED_ON = re.compile(r"\s*(erythematosus|anticoagulant|nephritis|pernio|vulgaris|profundus|panniculitis)\b",
                             re.IGNORECASE)


def right_after_relative(text: str, start: int, end: int) -> bool:
    """"Sister with MS", "FHx: father - MS", "FH: MS", "family history of bipolar": a blood relative's disease as
    families name it, the relative or the family history right before it. "MS" there is
    multiple sclerosis, the one of its readings (mitral stenosis, mental status) a family history tells."""
    return bool(_RELATIVE_WITH_BEFORE.search(text[max(0, start - _BEFORE):start]))


def relative_so_described(text: str, start: int, end: int) -> bool:
    """"paternal uncle alcoholic", "Father - alcoholic.": the word that describes the relative closing its item is
    the relative's disease; before a noun ("father's alcoholic cirrhosis", the patient's "alcoholic hepatitis") it
    is that noun's kind, left to the index."""
    return right_after_relative(text, start, end) and named_as_diagnosis(text, start, end)


def relatives_lupus(text: str, start: int, end: int) -> bool:
    """"sister with lupus", "Mother - lupus": a relative's lupus is the systemic disease as families tell it;
    the patient's own is left to the index (its "Lupus" alone is the discoid one), as is a named kind."""
    return right_after_relative(text, start, end) and not _LUPUS_NAMED_ON.match(text, end)


_AGONIST_CLASS_BEFORE = re.compile(r"\b(glp-?1|gip(/glp-?1)?|glp-?1/gip|gnrh|lhrh|dopamine|beta-?2|b2)[ \t]*-?[ \t]*$",
                                   re.IGNORECASE)


def receptor_agonist(text: str, start: int, end: int) -> bool:
    """"adding a GLP-1 RA", "GIP/GLP-1 RA tirzepatide": a drug class, the receptor agonist, not rheumatoid
    arthritis."""
    return bool(_AGONIST_CLASS_BEFORE.search(text[max(0, start - _BEFORE):start]))


_CHAMBER_AFTER = re.compile(r"[ \t]*(/[ \t]*RV\b|(is |was )?(mildly |moderately |severely )?(dilated|dilation|enlarged|"
                            r"enlargement|size|pressure|normal in size)\b)", re.IGNORECASE)
_CHAMBER_BEFORE = re.compile(r"\b(LA|LV|RV)[ \t]*(and|&|/|,)[ \t]*$|\b(dilated|enlarged)[ \t]*$", re.IGNORECASE)


def heart_chamber(text: str, start: int, end: int) -> bool:
    """"RA dilated", "LA and RA enlarged", "RA pressure 12": an echo's right atrium, not rheumatoid arthritis."""
    return bool(_CHAMBER_AFTER.match(text, end) or _CHAMBER_BEFORE.search(text[max(0, start - _BEFORE):start]))


DIAGNOSIS_GUARDS = {"receptor_agonist": receptor_agonist, "heart_chamber": heart_chamber,
                    "relatives_lupus": relatives_lupus, "right_after_relative": right_after_relative,
                    "relative_so_described": relative_so_described, "repair_beside": repair_beside,
                    "grades_its_condition": grades_its_condition, "bone_disease_named": bone_disease_named, "heads_its_item": heads_its_item,
                    "nerve_disease_named": nerve_disease_named, "before_cataract": before_cataract, "named_as_diagnosis": named_as_diagnosis,
                    "after_nutrient": after_nutrient, "not_after_non": not_after_non, "bone_lesion": bone_lesion,
                    "covid_named_alone": covid_named_alone, "not_an_attenuation_value": not_an_attenuation_value,
                    "not_a_study_name": not_a_study_name, **VALVE_AND_SPINE_GUARDS}
