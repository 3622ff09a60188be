"""Conditions of pregnancy by the ICD-10-CM index's own entries, for `documented_findings`, as clinics write them:

- "Pre-eclampsia" O14.9- (written "preeclampsia" or "PEC"); "..., mild" and "..., moderate" O14.0-; "..., severe"
  and "with severe features" O14.1-; HELLP O14.2-.
- "Hypertension, gestational (pregnancy-induced)" O13.- (written "PIH" or "gestational HTN").
- "Hyperemesis gravidarum" O21.0, "..., with metabolic disturbance" O21.1 (its inclusion note names dehydration,
  electrolyte imbalance and carbohydrate depletion, which ketosis and ketonuria are).
- "Diabetes, gestational" O24.41-, written "GDM", "A1GDM" or "A2GDM" (class A2 needs a drug: the control is the
  pregnancy chapter's reading).
- "Depression, postpartum" F53.0 written "PPD", only in a puerperium the note states now and not beside the words
  of a tuberculin test or of smoking (PPD is also the purified protein derivative, "PPD placed, read 0 mm", and
  packs per day, "1/2 ppd").
- "Mastitis, lactational" O91.23 and "..., puerperal, postpartum" O91.22, not the nonpuerperal N61.0 the index's
  default entry gives.
- "Embolism, pulmonary, postpartum" (obstetric) O88.23, not the I26.99 of the default entry.

Each is the category's unspecified-trimester code: the pregnancy chapter sets the trimester (or the puerperium)
the note's weeks give. Only a note that states a pregnancy or a puerperium now is read (a preeclampsia "with her
first pregnancy (1993)" is a history), and a preeclampsia named as what aspirin prevents or a risk is not one.
"""
import re

from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.pregnancy_chapter import current_pregnancy, current_puerperium
from services.coding.domain.note_text import before, sentence
from services.coding.domain.note_text import word_pattern as _rx

_METABOLIC = _rx(r"dehydrat\w*|electrolyte\w*|hypokalemi\w*|ketosis|ketonuria|ketones|metabolic disturbance|"
                 r"carbohydrate depletion")
_MILD = _rx(r"mild|moderate|without severe features")
_SEVERE = _rx(r"severe|with severe features")
_PREVENTED_BEFORE = re.compile(r"\b(prevent\w*|prophyla\w*|risk (of|for)|screen\w* (of|for))\W+$", re.IGNORECASE)
_PREVENTED_AFTER = _rx(r"prevention|prophylaxis|risk|screening")


def _now(note: str) -> bool:
    return current_pregnancy(note) is not None or current_puerperium(note) is not None


def _in_pregnancy(resolve):
    """The entry read only where the note states a pregnancy or a puerperium now."""
    return lambda match, note: resolve(match, note) if _now(note) else None


def _fixed(code: str, why: str):
    return _in_pregnancy(fixed(code, why))


@_in_pregnancy
def _preeclampsia(match: re.Match, note: str) -> tuple[str, str] | None:
    if _PREVENTED_BEFORE.search(before(note, match.start())[-30:]) or \
            _PREVENTED_AFTER.match(note, match.end() + 1):
        return None  # "aspirin for preeclampsia prevention": a risk, not the condition
    written = match.group(0)
    if _MILD.search(written):
        return "O14.00", "mild to moderate pre-eclampsia"
    if _SEVERE.search(written):
        return "O14.10", "severe pre-eclampsia"
    return "O14.90", "pre-eclampsia of no stated severity"


@_in_pregnancy
def _hyperemesis(match: re.Match, note: str) -> tuple[str, str]:
    if _METABOLIC.search(sentence(note, match.start(), match.end())):
        return "O21.1", "hyperemesis gravidarum with a metabolic disturbance"
    return "O21.0", "hyperemesis gravidarum"


# PPD as the tuberculin test ("PPD placed, read 0 mm") or as packs per day ("smokes 1/2 ppd")
_NOT_DEPRESSION = _rx(r"placed|read|mm|induration|tuberculin|tb|tst|skin test|quantiferon|igra|smok\w*|cig\w*|"
                      r"packs?|tobacco")
_COUNTED = re.compile(r"[\d/.½]\s*$")


def _postpartum_depression(match: re.Match, note: str) -> tuple[str, str] | None:
    if current_puerperium(note) is None or _COUNTED.search(before(note, match.start())[-8:]) or \
            _NOT_DEPRESSION.search(sentence(note, match.start(), match.end())):
        return None  # not a depression, or one the note does not place after a delivery
    return "F53.0", "postpartum depression (PPD in a puerperium the note states)"


PREGNANCY_WORDS = re.compile(r"eclampsia|pec\b|pih\b|gestational|hyperemesis|gdm|ppd|mastitis|postpartum|"
                             r"post-partum|puerperal", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
PREGNANCY_ENTRIES = (
    (_rx(r"(mild |moderate |mild to moderate |severe )?(pre-?eclampsia|PEC)( with(out)? severe features)?"),
     ("O14", "O11", "O13", "I10", "R03"), _preeclampsia),
    (_rx(r"HELLP( syndrome)?"), ("O14",), _fixed("O14.20", "HELLP syndrome")),
    (_rx(r"gestational (hypertension|HTN)|pregnancy-induced hypertension|PIH"), ("O13", "I10", "R03"),
     _fixed("O13.9", "gestational hypertension")),
    (_rx(r"hyperemesis( gravidarum)?"), ("O21", "R11", "E86"), _hyperemesis),
    (_rx(r"A[12] ?GDM|GDM( A[12])?|gestational diabetes( mellitus)?"), ("O24", "E11", "E13", "R73"),
     _fixed("O24.419", "gestational diabetes, its control the pregnancy chapter's")),
    (_rx(r"PPD"), (), _postpartum_depression),
    (_rx(r"lactational mastitis|mastitis,? (associated with |during |in )?(lactation|breast ?feeding)"),
     ("N61", "O91"), fixed("O91.23", "nonpurulent mastitis associated with lactation")),
    (_rx(r"(puerperal|postpartum|post-partum) mastitis"), ("N61", "O91"),
     fixed("O91.22", "nonpurulent mastitis associated with the puerperium")),
    (_rx(r"(postpartum|post-partum|puerperal) (PE|pulmonary embol(ism|us))"), ("I26", "O88"),
     fixed("O88.23", "obstetric pulmonary embolism in the puerperium")),
)
